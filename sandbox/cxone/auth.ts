// Authentication endpoints of the emulated tenant, none behind the bearer gateway. The area host
// serves the access-key token and refresh routes; the issuer serves the OAuth token endpoint, the
// employee login page (authorize), discovery, the OIDC document and JWKS.
import { createHash, timingSafeEqual } from "crypto";
import express, { type Request } from "express";
import type { SandboxContext } from "../core/context";
import { authError } from "./errors";
import { newSecret, own, secretMatches } from "./ids";
import { errorPage, loginPage } from "./loginPage";
import { discoveryHostFields, type CxoneHostUrls } from "./hosts";
import type { CxoneAccessKey, CxoneUser } from "./state";
import {
    issueTokens,
    tokenKeyId,
    tokenUser,
    userCanAuthenticate,
    type TokenOptions,
} from "./tokens";

const CODE_TTL_MS = 5 * 60 * 1000;
const GRANTS = ["password", "authorization_code", "refresh_token"];
/** RFC 8693 token exchange, sent by NICE's SDK [sdk] */
const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

/** An access key pair that may obtain tokens: key active, secret right, its user not deactivated. */
function workingKey(
    ctx: SandboxContext,
    id: unknown,
    secret: unknown,
): { key: CxoneAccessKey; user: CxoneUser } | undefined {
    if (typeof id !== "string" || typeof secret !== "string") return undefined;
    const s = ctx.state.cxone;
    const key = Object.prototype.hasOwnProperty.call(s.accessKeys, id)
        ? s.accessKeys[id]
        : undefined;
    if (!key || !key.isActive || !secretMatches(secret, key.secretHash)) return undefined;
    const user = s.users[key.userId];
    return userCanAuthenticate(user) ? { key, user } : undefined;
}

/** OAuth client authentication: HTTP Basic or form client_id/client_secret; the client is an access key [doc, the seed]. */
function clientCredentials(req: Request): {
    id?: string;
    secret?: string;
    method: "basic" | "post" | "none";
} {
    const m = /^Basic\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
    if (m) {
        const raw = Buffer.from(m[1], "base64").toString("utf8");
        const i = raw.indexOf(":");
        if (i >= 0)
            return {
                id: decodeURIComponent(raw.slice(0, i)),
                secret: decodeURIComponent(raw.slice(i + 1)),
                method: "basic",
            };
    }
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (typeof b.client_id === "string")
        return {
            id: b.client_id,
            secret: typeof b.client_secret === "string" ? b.client_secret : undefined,
            method: "post",
        };
    return { method: "none" };
}

function findUserByLogin(ctx: SandboxContext, login: string): CxoneUser | undefined {
    const l = login.toLowerCase();
    return Object.values(ctx.state.cxone.users).find(
        (u) => u.emailAddress.toLowerCase() === l || u.userName.toLowerCase() === l,
    );
}

function pkceOk(
    challenge: string | undefined,
    method: string | undefined,
    verifier: unknown,
): boolean {
    if (!challenge) return true;
    if (typeof verifier !== "string") return false;
    const computed =
        method === "plain" ? verifier : createHash("sha256").update(verifier).digest("base64url");
    const a = Buffer.from(computed);
    const b = Buffer.from(challenge);
    return a.length === b.length && timingSafeEqual(a, b);
}

function str(v: unknown): string | undefined {
    return typeof v === "string" && v.length > 0 ? v : undefined;
}

/**
 * Reads a token request body. NICE's SDK sends form-encoded bodies labelled
 * `Content-Type: application/json` [sdk: auth-sdk cxone-auth.js getAccessTokenByCode,
 * getRefreshToken]: the body is read as a form whatever its label says [spec: form-encoded].
 */
export function tokenRequestBody(raw: string): Record<string, unknown> {
    return Object.fromEntries(new URLSearchParams(raw.trim()));
}

/** Routes of the area host `{area}.{uhDomain}`: access-key token and its refresh. */
export function areaAuthRoutes(ctx: SandboxContext, opts: TokenOptions): express.Router {
    const r = express.Router();
    const json = express.json();

    // [doc] access-key token: JSON {accessKeyId, accessKeySecret}
    r.post("/authentication/v1/token/access-key", json, (req, res) => {
        const { accessKeyId, accessKeySecret } = (req.body ?? {}) as Record<string, unknown>;
        if (!str(accessKeyId) || !str(accessKeySecret))
            return authError(
                res,
                400,
                "invalid_request",
                "accessKeyId and accessKeySecret are required",
            );
        const ok = workingKey(ctx, accessKeyId, accessKeySecret);
        if (!ok) return authError(res, 401, "invalid_client", "Invalid access key or secret");
        res.json(issueTokens(ctx, opts, ok.user, { accessKeyIds: [ok.key.accessKeyId] }));
    });

    // [sdk] the regional token service NICE's SDK calls on the area host ({area}.{uhDomain}):
    // JSON {accessToken} / {token}, header `Authorization: Basic base64("<clientId>@cxone")`
    // (auth-sdk getRegionalAccessTokenByToken, getRegionalRefreshToken). It answers in camelCase
    // [guess: the only token routes NICE's camelCase parsing can be for, common-sdk auth-token.js].
    const regionalClient = (req: Request): CxoneAccessKey | undefined => {
        const m = /^Basic\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
        const raw = m ? Buffer.from(m[1], "base64").toString("utf8") : "";
        const key = raw.endsWith("@cxone")
            ? own(ctx.state.cxone.accessKeys, raw.slice(0, -"@cxone".length))
            : undefined;
        return key && key.isActive && userCanAuthenticate(ctx.state.cxone.users[key.userId])
            ? key
            : undefined;
    };
    const camel = (t: ReturnType<typeof issueTokens>) => ({
        accessToken: t.access_token,
        refreshToken: t.refresh_token,
        accessTokenExpiry: t.expires_in,
        tokenType: t.token_type,
    });
    // new tokens for the token in body field `field`, of `kind`; `invalid` when it is no such token
    const regionalGrant =
        (field: string, kind: "access" | "refresh", invalid: string) =>
        (req: Request, res: express.Response) => {
            const key = regionalClient(req);
            if (!key) return authError(res, 401, "invalid_client", "Unknown client");
            const token = str((req.body ?? {})[field]);
            const user = token ? tokenUser(ctx, token, kind) : undefined;
            if (!user) return authError(res, 401, "invalid_grant", invalid);
            res.json(camel(issueTokens(ctx, opts, user, { accessKeyIds: [key.accessKeyId] })));
        };
    r.post(
        "/public/authentication/v1/token",
        json,
        regionalGrant("accessToken", "access", "Invalid or expired accessToken"),
    );
    r.post(
        "/public/authentication/v1/refresh",
        json,
        regionalGrant("token", "refresh", "Invalid or expired refresh token"),
    );

    // [seen] refresh for access-key tokens: JSON {token}
    r.post("/public/user/refresh", json, (req, res) => {
        const token = str((req.body ?? {}).token);
        if (!token) return authError(res, 400, "invalid_request", "token is required");
        const user = tokenUser(ctx, token, "refresh");
        if (!user) return authError(res, 401, "invalid_grant", "Invalid or expired refresh token");
        const keyId = tokenKeyId(ctx, token);
        // Stryker disable next-line ArrayDeclaration: an id no key has is filtered out by issueTokens
        res.json(issueTokens(ctx, opts, user, { accessKeyIds: keyId ? [keyId] : [] }));
    });

    return r;
}

/** Routes of the issuer: OAuth token endpoint, authorize and login pages, discovery, JWKS. */
export function issuerRoutes(
    ctx: SandboxContext,
    opts: TokenOptions,
    hosts: () => CxoneHostUrls,
): express.Router {
    const r = express.Router();
    const form = express.urlencoded({ extended: false });
    /** An OAuth client id (an access key id [doc, the seed]) whose key and employee still work. */
    const liveClientKey = (id: string | undefined): CxoneAccessKey | undefined => {
        const key = own(ctx.state.cxone.accessKeys, id);
        return key && key.isActive && userCanAuthenticate(ctx.state.cxone.users[key.userId])
            ? key
            : undefined;
    };
    // any content type: the body is read by tokenRequestBody
    const rawBody = express.text({ type: () => true });

    // [spec] OAuth token endpoint, form-encoded (also form bodies labelled JSON [sdk]); password,
    // authorization_code (confidential, or public with PKCE [sdk]), refresh_token grants
    r.post("/auth/token", rawBody, (req, res) => {
        res.set("Cache-Control", "no-store");
        const b = tokenRequestBody(typeof req.body === "string" ? req.body : "");
        req.body = b;
        const grant = str(b.grant_type);
        if (!grant) return authError(res, 400, "invalid_request", "grant_type is required");
        if (![...GRANTS, TOKEN_EXCHANGE].includes(grant))
            return authError(
                res,
                400,
                "unsupported_grant_type",
                `grant_type ${grant} is not supported`,
            );
        const c = clientCredentials(req);
        // a public client names itself (client_id) without a secret: the PKCE code grant and the
        // token exchange, as NICE's SDK uses them [sdk]
        const isPublic = c.method === "post" && c.secret === undefined;
        if (isPublic && grant !== "authorization_code" && grant !== TOKEN_EXCHANGE)
            return authError(res, 401, "invalid_client", "Client authentication is required");
        const client =
            c.method === "none" || isPublic ? undefined : workingKey(ctx, c.id, c.secret);
        if (c.method !== "none" && !isPublic && !client)
            return authError(res, 401, "invalid_client", "Client authentication failed");

        if (grant === "password") {
            if (!client)
                return authError(res, 401, "invalid_client", "Client authentication is required");
            const username = str(b.username),
                password = str(b.password);
            if (!username || !password)
                return authError(res, 400, "invalid_request", "username and password are required");
            // username/password is an access key pair [doc+seen], or an employee's login
            const asKey = workingKey(ctx, username, password);
            const user = asKey?.user ?? findUserByLogin(ctx, username);
            if (
                !user ||
                (!asKey &&
                    (!userCanAuthenticate(user) ||
                        user.status !== "ACTIVE" ||
                        !secretMatches(password, user.passwordHash)))
            ) {
                return authError(res, 400, "invalid_grant", "Invalid username or password");
            }
            const keys = [asKey?.key.accessKeyId, client.key.accessKeyId].filter(
                (k): k is string => !!k,
            );
            return void res.json(
                issueTokens(ctx, opts, user, {
                    accessKeyIds: keys,
                    audience: client.key.accessKeyId,
                }),
            );
        }

        if (grant === "authorization_code") {
            const code = str(b.code);
            if (!code) return authError(res, 400, "invalid_request", "code is required");
            const publicKey = isPublic ? liveClientKey(c.id) : undefined;
            if (isPublic && !publicKey)
                return authError(res, 401, "invalid_client", "Unknown or inactive client_id");
            const clientId = client?.key.accessKeyId ?? publicKey?.accessKeyId;
            if (!clientId)
                return authError(res, 401, "invalid_client", "Client authentication is required");
            const s = ctx.state.cxone;
            const rec = Object.prototype.hasOwnProperty.call(s.authCodes, code)
                ? s.authCodes[code]
                : undefined;
            // a code is single use, even when the exchange fails
            if (rec) {
                delete s.authCodes[code];
                ctx.save();
            }
            if (!rec || rec.expiresAt <= Date.now())
                return authError(
                    res,
                    400,
                    "invalid_grant",
                    "Invalid or expired authorization code",
                );
            if (rec.clientId !== clientId)
                return authError(
                    res,
                    400,
                    "invalid_grant",
                    "Authorization code was issued to another client",
                );
            // RFC 7636: a public client proves itself with the PKCE verifier only
            if (isPublic && !rec.codeChallenge)
                return authError(
                    res,
                    400,
                    "invalid_grant",
                    "A public client needs PKCE (code_challenge at authorize)",
                );
            if (str(b.redirect_uri) !== rec.redirectUri)
                return authError(
                    res,
                    400,
                    "invalid_grant",
                    "redirect_uri does not match the authorization request",
                );
            if (!pkceOk(rec.codeChallenge, rec.codeChallengeMethod, b.code_verifier))
                return authError(res, 400, "invalid_grant", "PKCE verification failed");
            const user = s.users[rec.userId];
            if (!userCanAuthenticate(user))
                return authError(res, 400, "invalid_grant", "User is not active");
            return void res.json(
                issueTokens(ctx, opts, user, { accessKeyIds: [clientId], audience: clientId }),
            );
        }

        if (grant === TOKEN_EXCHANGE) {
            // [sdk] auth-sdk getAccessTokenByToken: subject_token (an access token) for new tokens
            // of the same user (RFC 8693); client by client_id only [sdk], an access key id [guess]
            const clientId =
                client?.key.accessKeyId ??
                (isPublic ? liveClientKey(c.id)?.accessKeyId : undefined);
            if (!clientId)
                return authError(res, 401, "invalid_client", "Unknown or inactive client_id");
            if (str(b.subject_token_type) !== ACCESS_TOKEN_TYPE)
                return authError(
                    res,
                    400,
                    "invalid_request",
                    `subject_token_type must be ${ACCESS_TOKEN_TYPE}`,
                );
            const subject = str(b.subject_token);
            const user = subject ? tokenUser(ctx, subject, "access") : undefined;
            if (!user)
                return authError(res, 400, "invalid_grant", "Invalid or expired subject_token");
            return void res.json(
                issueTokens(ctx, opts, user, { accessKeyIds: [clientId], audience: clientId }),
            );
        }

        // refresh_token
        const refresh = str(b.refresh_token);
        if (!refresh) return authError(res, 400, "invalid_request", "refresh_token is required");
        const user = tokenUser(ctx, refresh, "refresh");
        if (!user) return authError(res, 400, "invalid_grant", "Invalid or expired refresh token");
        const keyId = tokenKeyId(ctx, refresh);
        if (client && keyId && client.key.accessKeyId !== keyId)
            return authError(
                res,
                400,
                "invalid_grant",
                "Refresh token was issued to another client",
            );
        res.json(
            issueTokens(ctx, opts, user, {
                accessKeyIds: [client?.key.accessKeyId, keyId].filter((k): k is string => !!k),
            }),
        );
    });

    // [spec] authorize: GET shows the login page, POST checks the employee and redirects with a code
    const authorizeParams = (src: Record<string, unknown>) => {
        const p: Record<string, string> = {};
        for (const k of [
            "response_type",
            "client_id",
            "redirect_uri",
            "state",
            "scope",
            "tenantId",
            "code_challenge",
            "code_challenge_method",
            "display",
            "email",
            "password",
        ]) {
            const v = src[k];
            if (typeof v === "string") p[k] = v;
        }
        return p;
    };
    const checkClient = (p: Record<string, string>): string | undefined => {
        if (p.response_type !== "code") return "response_type must be code";
        if (!p.client_id) return "client_id is required";
        if (!liveClientKey(p.client_id)) return "Unknown or inactive client_id";
        if (!p.redirect_uri || !/^https?:\/\//i.test(p.redirect_uri))
            return "redirect_uri must be an absolute http(s) URL";
        if (p.tenantId !== undefined && p.tenantId !== ctx.state.cxone.tenantId)
            return "Unknown tenantId";
        if (
            p.code_challenge &&
            p.code_challenge_method &&
            !["S256", "plain"].includes(p.code_challenge_method)
        )
            return "code_challenge_method must be S256";
        return undefined;
    };
    // [guess] The CXone sign-in page the Okta SWA app opens ("App's login page URL"); Okta's
    // browser plugin fills it in. Modelled minimally: a form that checks an employee's password.
    r.get("/login", (_req, res) => {
        res.type("html").send(loginPage({}).replace('action="/auth/authorize"', 'action="/login"'));
    });
    r.post("/login", form, (req, res) => {
        const { email, password } = (req.body ?? {}) as Record<string, string>;
        const user = email ? findUserByLogin(ctx, email) : undefined;
        if (
            !user ||
            user.status !== "ACTIVE" ||
            !password ||
            !secretMatches(password, user.passwordHash)
        ) {
            return void res
                .status(401)
                .type("html")
                .send(
                    loginPage({}, "Invalid email or password").replace(
                        'action="/auth/authorize"',
                        'action="/login"',
                    ),
                );
        }
        res.type("html").send("<!doctype html><title>CXone</title><h1>Signed in to CXone</h1>");
    });
    r.get("/auth/authorize", (req, res) => {
        const p = authorizeParams(req.query as Record<string, unknown>);
        const bad = checkClient(p);
        // never redirect to an unverified redirect_uri: show the error here
        if (bad) return void res.status(400).type("html").send(errorPage(bad));
        res.type("html").send(loginPage(p));
    });
    r.post("/auth/authorize", form, (req, res) => {
        const p = {
            ...authorizeParams(req.query as Record<string, unknown>),
            ...authorizeParams(req.body ?? {}),
        };
        const bad = checkClient(p);
        if (bad) return void res.status(400).type("html").send(errorPage(bad));
        const user = p.email ? findUserByLogin(ctx, p.email) : undefined;
        if (
            !user ||
            user.status !== "ACTIVE" ||
            !p.password ||
            !secretMatches(p.password, user.passwordHash)
        ) {
            return void res
                .status(401)
                .type("html")
                .send(loginPage(p, "Invalid email or password"));
        }
        const code = newSecret(24);
        ctx.state.cxone.authCodes[code] = {
            clientId: p.client_id,
            userId: user.id,
            redirectUri: p.redirect_uri,
            expiresAt: Date.now() + CODE_TTL_MS,
            ...(p.code_challenge
                ? {
                      codeChallenge: p.code_challenge,
                      codeChallengeMethod: p.code_challenge_method ?? "plain",
                  }
                : {}),
        };
        ctx.save();
        const target = new URL(p.redirect_uri);
        target.searchParams.set("code", code);
        if (p.state !== undefined) target.searchParams.set("state", p.state);
        res.redirect(302, target.toString());
    });

    // [spec] discovery, with the host fields NICE's SDK reads [sdk]: DNS suffixes it combines
    // with area and cluster (see hosts.ts)
    r.get("/.well-known/cxone-configuration", (req, res) => {
        const s = ctx.state.cxone;
        const tenantId = req.query.tenantId;
        if (tenantId !== undefined && tenantId !== s.tenantId)
            return authError(res, 404, "tenant_not_found", "Unknown tenantId");
        res.json({
            private: false,
            tenantId: s.tenantId,
            tenantName: s.tenantName,
            ...discoveryHostFields(hosts()),
        });
    });
    r.get("/.well-known/openid-configuration", (_req, res) => {
        const base = hosts().issuer;
        res.json({
            issuer: base,
            authorization_endpoint: `${base}/auth/authorize`,
            token_endpoint: `${base}/auth/token`,
            jwks_uri: `${base}/auth/jwks`,
            // [sdk] read by NICE's SDK; the path is [guess]
            end_session_endpoint: `${base}/auth/logout`,
            // [sdk] NICE's SDK refuses to build an authorize URL for a display mode not listed
            display_values_supported: ["page", "popup"],
            response_types_supported: ["code"],
            grant_types_supported: [...GRANTS, TOKEN_EXCHANGE],
            scopes_supported: ["openid"],
            subject_types_supported: ["public"],
            id_token_signing_alg_values_supported: ["RS256"],
            token_endpoint_auth_methods_supported: [
                "client_secret_basic",
                "client_secret_post",
                "none",
            ],
            code_challenge_methods_supported: ["S256"],
        });
    });
    r.get("/auth/jwks", (_req, res) => {
        res.json({ keys: [ctx.state.cxone.signingKey.publicJwk] });
    });
    // [guess] sign-out: no session is kept, so it only returns to the caller's page
    r.get("/auth/logout", (req, res) => {
        const back =
            typeof req.query.post_logout_redirect_uri === "string"
                ? req.query.post_logout_redirect_uri
                : undefined;
        if (back && /^https?:\/\//i.test(back)) return res.redirect(302, back);
        res.type("html").send("<!doctype html><title>CXone</title><h1>Signed out of CXone</h1>");
    });
    return r;
}
