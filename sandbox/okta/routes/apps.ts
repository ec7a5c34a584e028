// Apps API for AUTO_LOGIN (custom SWA) apps, exactly the calls okta.app.AutoLogin makes:
// POST /apps?activate, GET /apps/{id}, PUT /apps/{id}, lifecycle activate|deactivate, DELETE.
import { Router, type Request, type Response } from "express";
import type { SandboxContext } from "../../core/context";
import { generateAppName, parseAppBody } from "../appBody";
import { appProfile, type AppUserBaseSet } from "../appProfile";
import { notFound, sendOktaError, validation } from "../errors";
import { oktaId } from "../ids";
import { appOfRoute, eqFiltered, nowIso } from "../lookup";
import { sendPageByCreation } from "../paging";
import { newProvisioning, type OktaApp } from "../state";
import { appView } from "../views";
import type { Hooks } from "../hooks";

function fieldsOf(causes: string[]): string {
    return [...new Set(causes.map((c) => c.split(":")[0]))].join(", ");
}

export function appsRouter(
    ctx: SandboxContext,
    hooks: Hooks,
    // Stryker disable next-line StringLiteral: app.ts always passes the base set (its own default is "scim")
    baseSet: AppUserBaseSet = "scim",
): Router {
    const r = Router();
    const okta = () => ctx.state.okta;
    const base = () => ctx.urls.okta;
    const find = (req: Request, res: Response) => appOfRoute(okta(), req, res);

    // [doc] create; `name` is generated for custom apps [seen]; activate defaults to true [doc].
    r.post("/apps", (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (typeof body.name === "string" && body.name !== "") {
            // A given name means an OIN catalog app; the sandbox has no catalog. [guess: error text]
            return validation(res, "name", [
                `name: No application in the catalog is named ${body.name}`,
            ]);
        }
        const taken = new Set(Object.values(okta().apps).map((a) => a.name));
        // Stryker disable next-line StringLiteral: a label that is no string is refused below (parseAppBody), so a name made from it is never kept
        const label = typeof body.label === "string" ? body.label : "";
        const name = generateAppName(okta().org.name, label, taken);
        const { settings, causes } = parseAppBody(body, name);
        if (causes.length) return validation(res, fieldsOf(causes), causes);
        const now = nowIso();
        const app: OktaApp = {
            ...settings,
            id: oktaId("0oa"),
            name,
            signOnMode: "AUTO_LOGIN",
            status: req.query.activate === "false" ? "INACTIVE" : "ACTIVE",
            created: now,
            lastUpdated: now,
            users: {},
            groups: {},
            provisioning: newProvisioning(),
        };
        appProfile(app, baseSet); // its user profile starts with the org's base set
        okta().apps[app.id] = app;
        ctx.save();
        res.status(200).json(appView(base(), app));
    });

    // [doc] list; q = prefix of label or name; filter: status eq / name eq (minimal).
    r.get("/apps", (req, res) => {
        let list = eqFiltered(req, res, Object.values(okta().apps), {
            status: (a) => a.status,
            name: (a) => a.name,
            id: (a) => a.id,
        });
        if (!list) return;
        const q = typeof req.query.q === "string" ? req.query.q.toLowerCase() : "";
        if (q)
            list = list.filter(
                (a) => a.label.toLowerCase().startsWith(q) || a.name.toLowerCase().startsWith(q),
            );
        // [spec] limit default 20, maximum 200; ordered by creation
        const spec = { base: base(), path: "/api/v1/apps", dflt: 20, max: 200 };
        sendPageByCreation(req, res, list, spec, (a) => appView(base(), a));
    });

    // [doc] the provider's only read. 404 E0000007 drops the resource from state.
    r.get("/apps/:id", (req, res) => {
        const app = find(req, res);
        if (app) res.json(appView(base(), app));
    });

    // [doc] full replace of the mutable fields; status and name are not changed by PUT.
    r.put("/apps/:id", (req, res) => {
        const app = find(req, res);
        if (!app) return;
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (typeof body.name === "string" && body.name !== "" && body.name !== app.name) {
            return validation(res, "name", ["name: The application name cannot be changed"]);
        }
        const { settings, causes } = parseAppBody(body, app.name);
        if (causes.length) return validation(res, fieldsOf(causes), causes);
        if (
            !settings.credentials.hasSharedPassword &&
            app.credentials.hasSharedPassword &&
            settings.credentials.scheme === app.credentials.scheme
        ) {
            settings.credentials.hasSharedPassword = true; // an empty password keeps the stored one
        }
        Object.assign(app, settings, { lastUpdated: nowIso() });
        ctx.save();
        res.json(appView(base(), app));
    });

    // [doc] lifecycle: 200 with an empty object; idempotent.
    r.post("/apps/:id/lifecycle/:op", (req, res) => {
        const app = find(req, res);
        if (!app) return;
        const op = req.params.op;
        if (op !== "activate" && op !== "deactivate") {
            return sendOktaError(res, 404, "E0000008", "The requested path was not found");
        }
        const status = op === "activate" ? "ACTIVE" : "INACTIVE";
        if (app.status !== status) {
            app.status = status;
            app.lastUpdated = nowIso();
            ctx.save();
            hooks.changed();
        }
        res.status(200).json({});
    });

    // [doc] only an INACTIVE app can be deleted. [guess: E0000056 403 for an ACTIVE one]
    // Deleting pushes nothing to CXone: the remaining (direct) assignees keep their accounts,
    // no longer managed [guess]; deactivations already owed are sent first [guess].
    r.delete("/apps/:id", async (req, res) => {
        const app = find(req, res);
        if (!app) return;
        if (app.status === "ACTIVE") {
            return sendOktaError(res, 403, "E0000056", "Delete application forbidden.", [
                "The application must be deactivated before it can be deleted.",
            ]);
        }
        await hooks.settled();
        if (!okta().apps[app.id]) return notFound(res, `${req.params.id} (App)`);
        delete okta().apps[app.id];
        for (const [state, p] of Object.entries(okta().pendingOAuth))
            if (p.appId === app.id) delete okta().pendingOAuth[state];
        ctx.save();
        res.status(204).end();
    });

    return r;
}
