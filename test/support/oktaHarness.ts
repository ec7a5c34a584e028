// Test harness for the Okta server alone: mounts createOktaApp on an ephemeral loopback port with a
// context built here, plus a small stand-in for CXone's OAuth + SCIM endpoints (the real CXone
// server is tested end to end in test/sandbox/index.http.test.ts through startSandbox).
import express from "express";
import type { SandboxContext, SandboxState } from "../../sandbox/core/context";
import { createOktaApp, type OktaLocals, type OktaServerOptions } from "../../sandbox/okta/app";
import { seedOkta } from "../../sandbox/okta/state";
import { consoleSettings, outputsFor } from "../../sandbox/operator";
import { serve, type Served } from "./loopbackServer";

export interface OktaHarness {
    ctx: SandboxContext;
    url: string;
    token: string;
    saves: number;
    locals: OktaLocals;
    api(
        method: string,
        path: string,
        body?: unknown,
        headers?: Record<string, string>,
    ): Promise<{ status: number; body: any; headers: Headers }>;
    close(): Promise<void>;
}

export async function startOkta(
    cxoneUrl = "http://127.0.0.1:9",
    options: OktaServerOptions = {},
): Promise<OktaHarness> {
    const state = { okta: seedOkta(), cxone: {} } as unknown as SandboxState;
    const h: Partial<OktaHarness> & { saves: number } = { saves: 0 };
    const ctx: SandboxContext = {
        state,
        save: () => {
            h.saves++;
        },
        urls: { cxone: cxoneUrl, okta: "" },
    };
    const app = createOktaApp(ctx, options);
    const served = await serve(app);
    ctx.urls.okta = served.url;
    return Object.assign(h, {
        ctx,
        url: served.url,
        token: state.okta.apiToken,
        locals: app.locals.okta as OktaLocals,
        async api(
            method: string,
            path: string,
            body?: unknown,
            headers: Record<string, string> = {},
        ) {
            const res = await fetch(served.url + path, {
                method,
                redirect: "manual",
                headers: {
                    Accept: "application/json",
                    Authorization: `SSWS ${state.okta.apiToken}`,
                    ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
                    ...headers,
                },
                body:
                    body === undefined
                        ? undefined
                        : typeof body === "string"
                          ? body
                          : JSON.stringify(body),
            });
            const text = await res.text();
            let parsed: unknown = text;
            try {
                parsed = text ? JSON.parse(text) : null;
            } catch {
                /* html */
            }
            return { status: res.status, body: parsed as any, headers: res.headers };
        },
        close: served.close,
    }) as OktaHarness;
}

/** The base set of a SCIM app's user schema, the names and order Okta documents. */
export const SCIM_APP_BASE_SET = [
    "userName",
    "givenName",
    "familyName",
    "middleName",
    "honorificPrefix",
    "honorificSuffix",
    "email",
    "primaryEmailType",
    "secondEmail",
    "primaryPhone",
    "mobilePhone",
];

/** The body okta.app.AutoLogin sends on create (buildAppAutoLogin). */
export function autoLoginBody(label = "CXone", loginUrl = "https://cxone.niceincontact.com/login") {
    return {
        label,
        signOnMode: "AUTO_LOGIN",
        settings: { signOn: { loginUrl, redirectUrl: "" }, notes: {}, app: {} },
        visibility: { autoSubmitToolbar: false, hide: { iOS: false, web: false } },
        credentials: {
            revealPassword: false,
            scheme: "EDIT_USERNAME_AND_PASSWORD",
            userNameTemplate: { template: "${source.login}", type: "BUILT_IN" },
            password: {},
        },
        accessibility: { selfService: false },
    };
}

// ---- A stand-in for CXone: OAuth authorize/token and a SCIM Users endpoint ----

export interface FakeCxone extends Served {
    clientId: string;
    clientSecret: string;
    employee: { email: string; password: string };
    users: Map<string, any>;
    calls: string[];
    /** make the next access tokens expire immediately */
    shortTokens: boolean;
    revokeAll(): void;
}

export async function startFakeCxone(): Promise<FakeCxone> {
    const app = express();
    const codes = new Map<string, { redirectUri: string; clientId: string }>();
    const access = new Set<string>();
    const refresh = new Set<string>();
    const f = {
        clientId: "AKEY1234567890",
        clientSecret: "s3cr3t/with+odd=chars",
        employee: { email: "admin@cxone.example", password: "pw-123" },
        users: new Map<string, any>(),
        calls: [] as string[],
        shortTokens: false,
    } as Partial<FakeCxone> as FakeCxone;
    let n = 0;
    app.use((req, _res, next) => {
        f.calls.push(`${req.method} ${req.path}`);
        next();
    });
    app.use(express.urlencoded({ extended: false }));
    app.use(express.json({ type: ["application/json", "application/scim+json"] }));
    app.get("/auth/authorize", (req, res) => {
        res.type("html").send(
            `<form method="post"><input name="email"><input name="password" type="password">` +
                `<input type="hidden" name="q" value="${encodeURIComponent(new URLSearchParams(req.query as any).toString())}"></form>`,
        );
    });
    app.post("/auth/authorize", (req, res) => {
        const q = new URLSearchParams(decodeURIComponent(req.body.q));
        if (req.body.email !== f.employee.email || req.body.password !== f.employee.password)
            return void res.status(401).send("bad login");
        if (q.get("client_id") !== f.clientId) return void res.status(400).send("unknown client");
        const code = `code${++n}`;
        codes.set(code, { redirectUri: q.get("redirect_uri")!, clientId: q.get("client_id")! });
        res.redirect(
            302,
            `${q.get("redirect_uri")}?code=${code}&state=${encodeURIComponent(q.get("state")!)}`,
        );
    });
    const issue = () => {
        const a = `at${++n}`,
            r = `rt${n}`;
        access.add(a);
        refresh.add(r);
        return {
            access_token: a,
            refresh_token: r,
            token_type: "Bearer",
            expires_in: f.shortTokens ? 1 : 3600,
        };
    };
    app.post("/auth/token", (req, res) => {
        const [id, secret] = Buffer.from(
            String(req.get("authorization") ?? "").replace(/^Basic /, ""),
            "base64",
        )
            .toString()
            .split(/:(.*)/s);
        if (id !== f.clientId || secret !== f.clientSecret)
            return void res.status(401).json({
                error: "invalid_client",
                errorDescription: "Client authentication failed",
            });
        if (req.body.grant_type === "authorization_code") {
            const c = codes.get(req.body.code);
            codes.delete(req.body.code);
            if (!c || c.redirectUri !== req.body.redirect_uri)
                return void res.status(400).json({ error: "invalid_grant" });
            return void res.json(issue());
        }
        if (req.body.grant_type === "refresh_token" && refresh.has(req.body.refresh_token)) {
            refresh.delete(req.body.refresh_token);
            return void res.json(issue());
        }
        res.status(400).json({ error: "invalid_grant" });
    });
    const bearer = (req: express.Request, res: express.Response, next: express.NextFunction) => {
        const t = String(req.get("authorization") ?? "").replace(/^Bearer /, "");
        if (!access.has(t))
            return void res.status(401).json({ detail: "Unauthorized", status: "401" });
        next();
    };
    app.get("/scim/v2/Users", bearer, (req, res) => {
        const m = /userName eq "(.*)"/.exec(String(req.query.filter ?? ""));
        const list = [...f.users.values()].filter(
            (u) => !m || u.userName.toLowerCase() === m[1].toLowerCase(),
        );
        res.json({
            schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            totalResults: list.length,
            Resources: list,
        });
    });
    app.post("/scim/v2/Users", bearer, (req, res) => {
        if ([...f.users.values()].some((u) => u.userName === req.body.userName))
            return void res.status(409).json({ detail: "userName exists", status: "409" });
        const id = `scim-${++n}`;
        f.users.set(id, { ...req.body, id });
        res.status(201).json(f.users.get(id));
    });
    app.put("/scim/v2/Users/:id", bearer, (req, res) => {
        if (!f.users.has(String(req.params.id)))
            return void res.status(404).json({ detail: "not found" });
        f.users.set(String(req.params.id), { ...req.body, id: String(req.params.id) });
        res.json(f.users.get(String(req.params.id)));
    });
    app.patch("/scim/v2/Users/:id", bearer, (req, res) => {
        const u = f.users.get(String(req.params.id));
        if (!u) return void res.status(404).json({ detail: "not found" });
        for (const op of req.body.Operations ?? []) Object.assign(u, op.value);
        res.json(u);
    });
    const served = await serve(app);
    return Object.assign(f, served, { revokeAll: () => access.clear() });
}

/** The console form for the sandbox CXone, with the fake's credentials. */
export function scimForm(cx: { url: string; clientId: string; clientSecret: string }) {
    const o = outputsFor(cx.url, "", cx.clientId, cx.clientSecret);
    return consoleSettings(o, { authorizeEndpoint: `${o.authorizeEndpoint}?scope=openid` });
}

/** Plays the person: follows "Authenticate with CXone" through the fake's login form. */
export async function authenticate(h: OktaHarness, appId: string, email: string, password: string) {
    const start = await fetch(`${h.url}/sandbox/console/apps/${appId}/authenticate`, {
        redirect: "manual",
    });
    const authorizeUrl = start.headers.get("location")!;
    const q = new URL(authorizeUrl).searchParams;
    const login = await fetch(authorizeUrl.split("?")[0], {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
            email,
            password,
            q: encodeURIComponent(q.toString()),
        }).toString(),
    });
    if (login.status !== 302)
        return { status: login.status, text: await login.text(), authorizeUrl };
    const cb = await fetch(login.headers.get("location")!, { redirect: "manual" });
    return { status: cb.status, text: await cb.text(), authorizeUrl };
}
