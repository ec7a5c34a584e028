// The emulated CXone tenant as express apps, one per host (hosts.ts): issuer, area host, UserHub
// and ACD. Auth endpoints and the login page are public; every API sits behind the bearer-token
// gateway, as on CXone. Each host answers only its own routes, so a call sent to the wrong host
// fails (404). For callers written when the sandbox had one host, the issuer host also serves
// every route unless `strictHosts` is set [sandbox compatibility, not CXone behaviour].
import express, { type NextFunction, type Request, type Response } from "express";
import type { SandboxContext } from "../core/context";
import { accessKeyRoutes } from "./accessKeys";
import { acdRoutes } from "./acd";
import { areaAuthRoutes, issuerRoutes } from "./auth";
import { authError, gatewayError, scimError, userHubError } from "./errors";
import type { CxoneHostUrls } from "./hosts";
import { roleRoutes } from "./roles";
import { sandboxCxoneRoutes } from "./sandboxOps";
import { scimRoutes } from "./scim";
import { requireBearer, type AccessTokenKind, type TokenOptions } from "./tokens";
import { userRoutes } from "./users";

export interface CxoneAppOptions {
    tokenTtlSeconds?: number;
    /** access tokens as signed JWTs (default, as NICE's SDK reads them) or opaque strings */
    accessTokenKind?: AccessTokenKind;
    /** changes a JWT access token's claims before it is signed (a variant's other world) */
    accessTokenClaims?: TokenOptions["accessTokenClaims"];
    /** the issuer host serves only the issuer's routes (default false: it serves every route) */
    strictHosts?: boolean;
}

export type CxoneHostName = keyof CxoneHostUrls;

function baseApp(): express.Express {
    const app = express();
    app.disable("x-powered-by");
    app.set("etag", false);
    return app;
}

// malformed bodies (bad JSON) answer 400 in the shape of the API that was called
function finish(app: express.Express): express.Express {
    app.use((req, res) => gatewayError(req, res, 404, `No endpoint ${req.method} ${req.path}`));
    app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
        const status = (err as { status?: number }).status ?? 500;
        const message = status >= 500 ? "Internal error" : (err as Error).message;
        if (res.headersSent) return;
        if (req.path.startsWith("/scim/"))
            return scimError(res, status, message, status === 400 ? "invalidSyntax" : undefined);
        if (/^\/(auth|authentication|public|incontactauthorizationserver)\//i.test(req.path))
            return authError(res, status, "invalid_request", message);
        userHubError(res, status, status >= 500 ? "INTERNAL_ERROR" : "INVALID_REQUEST", message);
    });
    return app;
}

/** One app per CXone host; `hosts` gives the hosts' public URLs once the servers listen. */
export function createCxoneApps(
    ctx: SandboxContext,
    hosts: () => CxoneHostUrls,
    options: CxoneAppOptions = {},
): Record<CxoneHostName, express.Express> {
    const opts: TokenOptions = {
        tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
        accessTokenKind: options.accessTokenKind ?? "jwt",
        accessTokenClaims: options.accessTokenClaims,
    };
    const gatewayed = (app: express.Express, ...routers: express.Router[]) => {
        app.use(requireBearer(ctx));
        for (const r of routers) app.use(r);
    };

    const issuer = baseApp();
    issuer.use(issuerRoutes(ctx, opts, hosts));
    issuer.use(sandboxCxoneRoutes(ctx));
    if (!options.strictHosts) {
        issuer.use(areaAuthRoutes(ctx, opts));
        issuer.use(acdRoutes(ctx, hosts));
        gatewayed(issuer, userRoutes(ctx), roleRoutes(ctx), accessKeyRoutes(ctx), scimRoutes(ctx));
    }

    // [doc] access-key token and [doc] SCIM on https://{area}.nice-incontact.com
    const area = baseApp();
    area.use(areaAuthRoutes(ctx, opts));
    gatewayed(
        area,
        scimRoutes(ctx, () => hosts().area),
    );

    // [sdk] UserHub (user-management) on https://api-{area}.{domain}; roles and access keys
    // are assumed to live beside it [guess]
    const userHub = baseApp();
    gatewayed(userHub, userRoutes(ctx), roleRoutes(ctx), accessKeyRoutes(ctx));

    const acd = baseApp();
    acd.use(acdRoutes(ctx, hosts));

    return {
        issuer: finish(issuer),
        area: finish(area),
        userHub: finish(userHub),
        acd: finish(acd),
    };
}
