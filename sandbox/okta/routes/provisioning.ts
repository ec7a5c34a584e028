// The public provisioning APIs: Application Connections (connections/default) and Application
// Features (USER_PROVISIONING). What they can and cannot do for a custom SWA app follows
// docs/vendor-facts/okta.md: the SCIM connection of a custom app is Admin-Console-only.
//
// Choices (see sandbox/okta/README.md):
// - GET connections/default: no SCIM provisioning on the app -> 200 {authScheme:"UNKNOWN",
//   status:"UNKNOWN"} [seen: Okta answers this sentinel for apps without provisioning];
//   SCIM enabled in the console -> authScheme OAUTH2, status ENABLED once "Authenticate with
//   CXone" succeeded and the connection is active, else DISABLED. [guess]
// - POST connections/default: the TOKEN/OAUTH2 profiles are documented only for a few OIN apps
//   (org2org, google, office365, slack, zoomus); a custom app cannot be configured through it:
//   400 E0000001 naming the reason. [guess: exact code/text]
// - lifecycle activate: refused until the console step (SCIM enabled + authenticated) is done;
//   deactivate turns an authorized connection off (tokens kept). 204 No Content. [doc: 204]
// - features: error while SCIM provisioning is not enabled on the app [doc: "returns an error if
//   provisioning isn't enabled"]; PUT additionally needs an ENABLED connection (the console
//   shows the To App settings only once the integration is verified, procedure step 14) and an
//   action the SCIM connection's "Supported provisioning actions" allows. [guess: codes/texts]
import { Router, type Request, type Response } from "express";
import type { SandboxContext } from "../../core/context";
import { notFound, notWellFormed, sendOktaError, validation } from "../errors";
import { appOfRoute, nowIso } from "../lookup";
import type { OktaApp, ProvisioningCapabilities, Toggle } from "../state";
import { featureView } from "../views";
import type { Hooks } from "../hooks";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null =>
    v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null;

export function connectionEnabled(app: OktaApp): boolean {
    const p = app.provisioning;
    return p.scimEnabled && !!p.scim && p.authorized && p.connectionActive;
}

function notEnabled(res: Response): void {
    validation(res, "provisioning", ["Provisioning is not enabled for this application."]);
}

/**
 * `reported`: connections/default tells ENABLED/DISABLED from the console's state; `unknown`: a
 * custom SCIM app's connection is always UNKNOWN and its lifecycle calls are refused, as for an
 * app Okta's connections API does not serve [guess either way].
 */
export type ConnectionReporting = "reported" | "unknown";

export function provisioningRouter(
    ctx: SandboxContext,
    hooks: Hooks,
    // Stryker disable next-line StringLiteral: app.ts always passes the reporting (its own default is "reported")
    reporting: ConnectionReporting = "reported",
): Router {
    const r = Router();
    const base = () => ctx.urls.okta;
    const findApp = (req: Request, res: Response) => appOfRoute(ctx.state.okta, req, res);

    // [spec] {authScheme, status, baseUrl?, profile: {authScheme, ...}, _links}; profile is
    // required; the top-level authScheme is TOKEN or UNKNOWN, the OAuth variant says OAUTH2 in
    // profile.authScheme. baseUrl is left out: Okta documents it for TOKEN connections only.
    const connectionView = (app: OktaApp) => {
        const href = `${base()}/api/v1/apps/${app.id}/connections/default`;
        const p = app.provisioning;
        if (!p.scimEnabled || !p.scim || reporting === "unknown") {
            return {
                authScheme: "UNKNOWN",
                status: "UNKNOWN",
                profile: { authScheme: "UNKNOWN" },
                _links: {},
            };
        }
        const on = connectionEnabled(app);
        return {
            authScheme: "UNKNOWN",
            status: on ? "ENABLED" : "DISABLED",
            profile: { authScheme: "OAUTH2", clientId: p.scim.clientId },
            _links: {
                self: { href, hints: { allow: ["POST", "GET"] } },
                [on ? "deactivate" : "activate"]: {
                    href: `${href}/lifecycle/${on ? "deactivate" : "activate"}`,
                    hints: { allow: ["POST"] },
                },
            },
        };
    };

    r.get("/apps/:id/connections/default", (req, res) => {
        const app = findApp(req, res);
        if (app) res.json(connectionView(app));
    });

    r.post("/apps/:id/connections/default", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        const profile = obj(obj(req.body)?.profile);
        if (!profile)
            return validation(res, "profile", ["profile: The field cannot be left blank"]);
        const scheme = profile.authScheme;
        if (scheme !== "TOKEN" && scheme !== "OAUTH2") {
            return validation(res, "profile.authScheme", [
                "profile.authScheme: Must be one of TOKEN, OAUTH2",
            ]);
        }
        // Custom (wizard-made) apps: the SCIM connection is set in the Admin Console only.
        return validation(res, "profile", [
            `profile: Provisioning connection settings for the app ${app.name} cannot be set through the API; ` +
                "configure the SCIM connection in the Admin Console (Provisioning > Integration).",
        ]);
    });

    r.post("/apps/:id/connections/default/lifecycle/:op", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        const p = app.provisioning;
        if (
            reporting === "unknown" &&
            (req.params.op === "activate" || req.params.op === "deactivate")
        ) {
            return validation(res, "connection", [
                "Provisioning connection lifecycle is not supported for this application.",
            ]);
        }
        if (req.params.op === "activate") {
            if (!p.scimEnabled || !p.scim) return notEnabled(res);
            if (!p.authorized) {
                return validation(res, "connection", [
                    "The provisioning connection has not been authenticated; authenticate it in the Admin Console first.",
                ]);
            }
            p.connectionActive = true;
        } else if (req.params.op === "deactivate") {
            if (!p.scimEnabled || !p.scim) return notEnabled(res);
            p.connectionActive = false;
        } else {
            return sendOktaError(res, 404, "E0000008", "The requested path was not found");
        }
        ctx.save();
        hooks.changed();
        res.status(204).end();
    });

    r.get("/apps/:id/features", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        if (!app.provisioning.scimEnabled || !app.provisioning.scim) return notEnabled(res);
        res.json([featureView(base(), app, connectionEnabled(app))]);
    });

    r.get("/apps/:id/features/:name", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        if (!app.provisioning.scimEnabled || !app.provisioning.scim) return notEnabled(res);
        if (req.params.name !== "USER_PROVISIONING")
            return notFound(res, `${req.params.name} (AppFeature)`);
        res.json(featureView(base(), app, connectionEnabled(app)));
    });

    r.put("/apps/:id/features/:name", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        const p = app.provisioning;
        if (!p.scimEnabled || !p.scim) return notEnabled(res);
        if (req.params.name !== "USER_PROVISIONING")
            return notFound(res, `${req.params.name} (AppFeature)`);
        if (!connectionEnabled(app)) {
            return validation(res, "connection", [
                "The provisioning connection is not enabled; authenticate the app's provisioning integration first.",
            ]);
        }
        const body = obj(req.body);
        if (!body) return notWellFormed(res);
        // The provider sends the capabilities object itself; accept {capabilities:{...}} too.
        const caps = obj(body.capabilities) ?? body;
        const { next, causes } = mergeCapabilities(p.capabilities, caps, p.scim.supportedActions);
        if (causes.length) return validation(res, "capabilities", causes);
        p.capabilities = next;
        app.lastUpdated = nowIso();
        ctx.save();
        hooks.changed();
        res.json(featureView(base(), app, true));
    });

    return r;
}

function toggle(v: unknown, path: string, causes: string[]): Toggle | undefined {
    if (v === undefined) return undefined;
    if (v === "ENABLED" || v === "DISABLED") return v;
    causes.push(`${path}: Must be ENABLED or DISABLED`);
    return undefined;
}

/** Partial update of the To App settings, with the SCIM connection's supported actions as limits. */
export function mergeCapabilities(cur: ProvisioningCapabilities, body: Obj, supported: string[]) {
    const causes: string[] = [];
    const next: ProvisioningCapabilities = JSON.parse(JSON.stringify(cur));
    const create = obj(body.create) ?? {};
    const update = obj(body.update) ?? {};
    const lc = toggle(obj(create.lifecycleCreate)?.status, "create.lifecycleCreate.status", causes);
    const prof = toggle(obj(update.profile)?.status, "update.profile.status", causes);
    const deact = toggle(
        obj(update.lifecycleDeactivate)?.status,
        "update.lifecycleDeactivate.status",
        causes,
    );
    const pw = obj(update.password);
    const pws = toggle(pw?.status, "update.password.status", causes);
    if (lc) next.create.lifecycleCreate.status = lc;
    if (prof) next.update.profile.status = prof;
    if (deact) next.update.lifecycleDeactivate.status = deact;
    if (pws) next.update.password.status = pws;
    if (pw?.seed !== undefined) {
        if (pw.seed === "OKTA" || pw.seed === "RANDOM") next.update.password.seed = pw.seed;
        else causes.push("update.password.seed: Must be OKTA or RANDOM");
    }
    if (pw?.change !== undefined) {
        if (pw.change === "CHANGE" || pw.change === "KEEP_EXISTING")
            next.update.password.change = pw.change;
        else causes.push("update.password.change: Must be CHANGE or KEEP_EXISTING");
    }
    // "Push New Users" brings Create Users, Deactivate Users and Sync Password;
    // "Push Profile Updates" brings Update User Attributes.
    const pushNew = supported.includes("pushNewUsers");
    const pushProfile = supported.includes("pushProfileUpdates");
    const on = (t: Toggle) => t === "ENABLED";
    if (on(next.create.lifecycleCreate.status) && !pushNew)
        causes.push("create.lifecycleCreate: The SCIM connection does not support Push New Users");
    if (on(next.update.lifecycleDeactivate.status) && !pushNew)
        causes.push(
            "update.lifecycleDeactivate: The SCIM connection does not support Push New Users",
        );
    if (on(next.update.password.status) && !pushNew)
        causes.push("update.password: The SCIM connection does not support Push New Users");
    if (on(next.update.profile.status) && !pushProfile)
        causes.push("update.profile: The SCIM connection does not support Push Profile Updates");
    return { next, causes };
}
