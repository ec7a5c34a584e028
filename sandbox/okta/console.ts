// SANDBOX-ONLY: what a person does by clicking in Okta's Admin Console, under /sandbox/console/.
// None of this exists in Okta's public API (docs/vendor-facts/okta.md, "What Okta's public API does not expose"); it is here so
// the stack's "what is left to click" can be done, and checked, without a real org.
// No API token: it stands for an admin's browser session on a loopback-only server.
// The client secret and the OAuth tokens are never returned, logged or shown.
import { randomBytes } from "crypto";
import { Router, type Request, type Response } from "express";
import type { SandboxContext } from "../core/context";
import { authSettingsChanged, validateScimForm } from "./consoleValidate";
import { nowIso } from "./lookup";
import { exchangeCode } from "./oauthClient";
import { connectionEnabled } from "./routes/provisioning";
import { noScimConnection, type OktaApp } from "./state";
import type { Hooks } from "./hooks";
import type { ProvisioningEngine } from "./provisioning";

const STATE_TTL_MS = 10 * 60 * 1000;

function escapeHtml(s: string): string {
    return s.replace(
        /[&<>"']/g,
        (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
    );
}

function page(res: Response, status: number, title: string, message: string): void {
    res.status(status)
        .type("html")
        .send(
            `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
                `<body><h1>${escapeHtml(title)}</h1><p id="message">${escapeHtml(message)}</p></body></html>`,
        );
}

export function consoleView(app: OktaApp) {
    const p = app.provisioning;
    const s = p.scim;
    return {
        appId: app.id,
        name: app.name,
        label: app.label,
        status: app.status,
        scimProvisioningEnabled: p.scimEnabled,
        scimConnection: s
            ? {
                  scimBaseUrl: s.scimBaseUrl,
                  uniqueIdentifierField: s.uniqueIdentifierField,
                  supportedActions: [...s.supportedActions],
                  authMode: s.authMode,
                  tokenEndpoint: s.tokenEndpoint,
                  authorizeEndpoint: s.authorizeEndpoint,
                  clientId: s.clientId,
                  clientSecretSet: s.clientSecret !== "",
              }
            : null,
        authorized: p.authorized,
        authorizedAt: p.authorizedAt,
        lastAuthError: p.lastAuthError,
        connectionStatus:
            !p.scimEnabled || !s ? "UNKNOWN" : connectionEnabled(app) ? "ENABLED" : "DISABLED",
        toApp: JSON.parse(JSON.stringify(p.capabilities)),
        provisioningErrors: p.errors.map((e) => ({ ...e })),
        pushedUsers: Object.entries(p.pushed).map(([userId, x]) => ({ userId, ...x })),
    };
}

export function consoleRouter(
    ctx: SandboxContext,
    hooks: Hooks,
    engine: ProvisioningEngine,
): Router {
    const r = Router();
    const okta = () => ctx.state.okta;
    const redirectUri = () => `${ctx.urls.okta}/sandbox/console/oauth/callback`;
    const findApp = (req: Request, res: Response): OktaApp | undefined => {
        const app = okta().apps[String(req.params.id)];
        if (!app)
            res.status(404).json({
                error: "not_found",
                message: `No app ${req.params.id} in this org`,
            });
        return app;
    };

    r.get("/apps", (_req, res) => {
        res.json(Object.values(okta().apps).map(consoleView));
    });

    r.get("/apps/:id", (req, res) => {
        const app = findApp(req, res);
        // Stryker disable next-line ConditionalExpression: the 404 is sent; the TypeError after it meets the error handler's headersSent return
        if (app) res.json(consoleView(app));
    });

    // General > App Settings > "Enable SCIM provisioning" + Provisioning > SCIM Connection > Save.
    r.post("/apps/:id/provisioning", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        const p = app.provisioning;
        const { settings, problems } = validateScimForm(req.body, p.scim);
        if (!settings)
            return void res.status(400).json({ error: "validation", messages: problems });
        if (authSettingsChanged(p.scim, settings)) {
            // New endpoints or credentials: the old authentication no longer applies.
            p.authorized = false;
            p.authorizedAt = null;
            p.connectionActive = false;
            p.tokens = null;
        }
        p.scimEnabled = true;
        p.scim = settings;
        app.lastUpdated = nowIso();
        ctx.save();
        hooks.changed();
        res.json(consoleView(app));
    });

    // Untick "Enable SCIM provisioning": the connection, its tokens and To App settings go away.
    r.delete("/apps/:id/provisioning", (req, res) => {
        const app = findApp(req, res);
        // Stryker disable next-line ConditionalExpression: the 404 is sent; the TypeError after it meets the error handler's headersSent return
        if (!app) return;
        // its errors, capabilities and pushed users stay
        Object.assign(app.provisioning, noScimConnection());
        app.lastUpdated = nowIso();
        ctx.save();
        res.json(consoleView(app));
    });

    // "Authenticate with CXone": send the browser to the authorization endpoint.
    r.get("/apps/:id/authenticate", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        const s = app.provisioning.scim;
        if (!app.provisioning.scimEnabled || !s) {
            return page(
                res,
                409,
                "Cannot authenticate",
                "Enable SCIM provisioning and save the SCIM connection settings first.",
            );
        }
        const now = Date.now();
        for (const [k, v] of Object.entries(okta().pendingOAuth))
            if (now - v.createdAt > STATE_TTL_MS) delete okta().pendingOAuth[k];
        const state = randomBytes(18).toString("base64url");
        okta().pendingOAuth[state] = { appId: app.id, redirectUri: redirectUri(), createdAt: now };
        ctx.save();
        const params = new URLSearchParams({
            client_id: s.clientId,
            redirect_uri: redirectUri(),
            response_type: "code",
            state,
        });
        const sep = s.authorizeEndpoint.includes("?") ? "&" : "?";
        res.redirect(302, `${s.authorizeEndpoint}${sep}${params.toString()}`);
    });

    // The authorization server sends the browser back here with ?code&state (or ?error).
    r.get("/oauth/callback", async (req, res) => {
        // Stryker disable next-line StringLiteral: no pending state is keyed by other text than base64url
        const state = typeof req.query.state === "string" ? req.query.state : "";
        const pending = state ? okta().pendingOAuth[state] : undefined;
        if (!pending || Date.now() - pending.createdAt > STATE_TTL_MS) {
            return page(
                res,
                400,
                "Authentication failed",
                "Unknown or expired authentication request (state). Start again from the app's Provisioning tab.",
            );
        }
        delete okta().pendingOAuth[state]; // single use
        const app = okta().apps[pending.appId];
        const s = app?.provisioning.scim;
        if (!app || !s) {
            ctx.save();
            return page(
                res,
                400,
                "Authentication failed",
                "The app or its SCIM connection settings no longer exist.",
            );
        }
        const fail = (message: string) => {
            app.provisioning.lastAuthError = message;
            ctx.save();
            page(res, 400, "Authentication failed", message);
        };
        if (typeof req.query.error === "string") {
            const desc =
                typeof req.query.error_description === "string"
                    ? ` (${req.query.error_description})`
                    : "";
            return fail(`The authorization server answered: ${req.query.error}${desc}`);
        }
        const code = typeof req.query.code === "string" ? req.query.code : "";
        if (!code) return fail("The authorization server returned no code.");
        const result = await exchangeCode(s, code, pending.redirectUri);
        // The settings may have been changed while the person was signing in.
        if (app.provisioning.scim !== s)
            return fail(
                "The SCIM connection settings changed during authentication; authenticate again.",
            );
        if (!result.ok) return fail(result.message);
        const p = app.provisioning;
        p.tokens = result.tokens;
        p.authorized = true;
        p.authorizedAt = nowIso();
        p.connectionActive = true;
        p.lastAuthError = null;
        app.lastUpdated = nowIso();
        ctx.save();
        hooks.changed();
        page(res, 200, "CXone authenticated", `The app ${app.label} is connected to CXone.`);
    });

    // Run provisioning for the app now and return what happened to each assigned user.
    r.post("/apps/:id/sync", async (req, res) => {
        const app = findApp(req, res);
        // Stryker disable next-line ConditionalExpression: the 404 is sent; the TypeError after it meets the error handler's headersSent return
        if (!app) return;
        const results = await engine.syncApp(app.id);
        res.json({ appId: app.id, results, view: consoleView(okta().apps[app.id] ?? app) });
    });

    return r;
}
