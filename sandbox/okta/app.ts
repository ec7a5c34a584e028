// The emulated Okta org: Okta's public Management API under /api/v1 (SSWS token), and the
// sandbox-only Admin Console operations under /sandbox/console/. Routing uses the URL path only:
// the Okta provider talks to it as an HTTP proxy (absolute-form request lines, any Host).
import express, { type NextFunction, type Request, type Response } from "express";
import type { SandboxContext } from "../core/context";
import { requireApiToken } from "./auth";
import { consoleRouter } from "./console";
import { noSuchPath, notWellFormed, sendOktaError } from "./errors";
import type { Hooks } from "./hooks";
import { ProvisioningEngine } from "./provisioning";
import type { AppUserBaseSet } from "./appProfile";
import { appsRouter } from "./routes/apps";
import { assignmentsRouter } from "./routes/assignments";
import { groupsRouter } from "./routes/groups";
import { mappingsRouter } from "./routes/mappings";
import { provisioningRouter, type ConnectionReporting } from "./routes/provisioning";
import { schemasRouter } from "./routes/schemas";
import type { FaultAnswer } from "../core/faults";
import { oktaFaultAnswer } from "./faultAnswers";
import { OktaRateLimiter, type RateLimitOptions } from "./rateLimits";
import { requestIdMiddleware } from "./requestId";
import { usersRouter } from "./routes/users";
import { recordTerminations } from "./terminations";

/** How the emulated org behaves where Okta's behaviour varies or is not documented. */
export interface OktaServerOptions {
    /** rate-limit window and per-bucket limits (default: 60 s, Okta-like limits) */
    rateLimit?: RateLimitOptions;
    /**
     * What `connections/default` reports for a custom SCIM app: `reported` (default) ENABLED or
     * DISABLED from the console's state; `unknown` always UNKNOWN, as Okta may for apps outside
     * the few it documents connections for [guess either way].
     */
    connectionStatus?: ConnectionReporting;
    /**
     * The base properties a new app's user profile starts with: `scim` (default) the larger set
     * Okta documents for a SCIM-enabled custom app; `seed` only the four fields of NICE's procedure
     * (the other world in which the base set is smaller).
     */
    appUserBaseSet?: AppUserBaseSet;
}

/** `app.locals.okta` of the returned app, for the sandbox core and tests. */
export interface OktaLocals {
    provisioning: ProvisioningEngine;
    rateLimiter: OktaRateLimiter;
    faultAnswer: FaultAnswer;
}

export function createOktaApp(
    ctx: SandboxContext,
    options: OktaServerOptions = {},
): express.Express {
    const app = express();
    app.disable("x-powered-by");
    app.set("etag", false);
    const engine = new ProvisioningEngine(ctx);
    const hooks: Hooks = {
        // an ended assignment is judged at the moment it ends (terminations.ts), then pushed
        changed: () => {
            recordTerminations(ctx.state.okta);
            engine.schedule();
        },
        settled: () => engine.idle(),
    };
    const rateLimiter = new OktaRateLimiter(options.rateLimit);
    const faultAnswer = oktaFaultAnswer(() => rateLimiter.windowSeconds);
    app.locals.okta = { provisioning: engine, rateLimiter, faultAnswer } satisfies OktaLocals;

    const api = express.Router();
    // [doc] every API answer: X-Okta-Request-Id and the bucket's X-Rate-Limit-* headers.
    api.use(requestIdMiddleware());
    api.use(rateLimiter.middleware());
    api.use(requireApiToken(ctx));
    api.use(express.json({ limit: "1mb", type: ["application/json", "application/*+json"] }));
    api.use(usersRouter(ctx, hooks));
    api.use(groupsRouter(ctx, hooks));
    api.use(provisioningRouter(ctx, hooks, options.connectionStatus ?? "reported"));
    api.use(assignmentsRouter(ctx, hooks));
    api.use(appsRouter(ctx, hooks, options.appUserBaseSet ?? "scim"));
    api.use(schemasRouter(ctx, hooks));
    api.use(mappingsRouter(ctx, hooks));
    api.use((_req, res) => noSuchPath(res));
    app.use("/api/v1", api);

    const consoleApp = express.Router();
    consoleApp.use(express.json({ limit: "100kb" }));
    consoleApp.use(consoleRouter(ctx, hooks, engine));
    consoleApp.use(
        (_req, res) =>
            void res.status(404).json({ error: "not_found", message: "No such console page" }),
    );
    app.use("/sandbox/console", consoleApp);

    app.use((_req: Request, res: Response) => noSuchPath(res));

    // Body parse errors -> Okta's E0000003; anything else -> E0000009, without internals.
    app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
        const e = err as { type?: string; status?: number };
        if (res.headersSent) return;
        if (req.path.startsWith("/sandbox/console")) {
            res.status(e.status && e.status < 500 ? e.status : 500).json({
                error: e.type === "entity.parse.failed" ? "bad_json" : "internal_error",
            });
            return;
        }
        if (e.type === "entity.parse.failed") return notWellFormed(res);
        if (e.status === 413)
            return sendOktaError(res, 413, "E0000003", "The request body was not well-formed.");
        sendOktaError(res, 500, "E0000009", "Internal Server Error");
    });
    // Proxy-form request line (GET http://127.0.0.1:PORT/api/v1/...): keep path + query only.
    // Done in an outer app, before the inner router sees the URL: express re-adds the original
    // scheme+host to req.url when it leaves a mounted router.
    const outer = express();
    outer.disable("x-powered-by");
    outer.set("etag", false);
    outer.locals.okta = app.locals.okta;
    outer.use((req: Request, res: Response, next: NextFunction) => {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(req.url)) {
            try {
                const u = new URL(req.url);
                req.url = (u.pathname || "/") + u.search;
            } catch {
                /* leave it; it will 404 */
            }
        }
        app(req, res, next);
    });
    return outer;
}
