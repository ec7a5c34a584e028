// The emulated CXone tenant as one express app. Auth endpoints and the login page are public;
// everything else sits behind the bearer-token gateway, as on CXone.
import express, { type NextFunction, type Request, type Response } from "express";
import type { SandboxContext } from "../core/context";
import { accessKeyRoutes } from "./accessKeys";
import { authRoutes } from "./auth";
import { authError, gatewayError, scimError, userHubError } from "./errors";
import { roleRoutes } from "./roles";
import { sandboxCxoneRoutes } from "./sandboxOps";
import { scimRoutes } from "./scim";
import { requireBearer, type TokenOptions } from "./tokens";
import { userRoutes } from "./users";

export interface CxoneAppOptions { tokenTtlSeconds?: number }

export function createCxoneApp(ctx: SandboxContext, options: CxoneAppOptions = {}): express.Express {
    const opts: TokenOptions = { tokenTtlSeconds: options.tokenTtlSeconds ?? 3600 };
    const app = express();
    app.disable("x-powered-by");
    app.set("etag", false);
    app.use(authRoutes(ctx, opts));
    app.use(sandboxCxoneRoutes(ctx));
    app.use(requireBearer(ctx));
    app.use(userRoutes(ctx));
    app.use(roleRoutes(ctx));
    app.use(accessKeyRoutes(ctx));
    app.use(scimRoutes(ctx));
    app.use((req, res) => gatewayError(req, res, 404, `No endpoint ${req.method} ${req.path}`));
    // malformed bodies (bad JSON) answer 400 in the shape of the API that was called
    app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
        const status = (err as { status?: number }).status ?? 500;
        const message = status >= 500 ? "Internal error" : (err as Error).message;
        if (res.headersSent) return;
        if (req.path.startsWith("/scim/")) return scimError(res, status, message, status === 400 ? "invalidSyntax" : undefined);
        if (/^\/(auth|authentication|public)\//.test(req.path)) return authError(res, status, "invalid_request", message);
        userHubError(res, status, status >= 500 ? "INTERNAL_ERROR" : "INVALID_REQUEST", message);
    });
    return app;
}
