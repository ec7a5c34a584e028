// The emulated CXone authentication surface: access-key tokens, /auth/token grants, the login
// page with PKCE, discovery, JWKS, and the gateway's 401s.
import assert from "assert";
import { userHubPerson } from "../support/sandboxUserHub";
import axios, { type AxiosInstance } from "axios";
import { createHash, createPublicKey, createVerify, randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hashSecret } from "../../sandbox/cxone/ids";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";

const http = axios.create({ validateStatus: () => true, maxRedirects: 0 });
// Every refusal of the token endpoints says why: the product shows errorDescription to the operator.
// (The API gateway's own 401s carry `message` instead: errors.ts.)
http.interceptors.response.use((r) => {
    const b = r.data as { error?: unknown; errorDescription?: unknown } | undefined;
    const oauth = b && typeof b === "object" && typeof b.error === "string" && !("message" in b);
    if (r.status >= 400 && oauth)
        assert.ok(
            b.error && typeof b.errorDescription === "string" && b.errorDescription.trim(),
            `${r.config.url}: ${JSON.stringify(b)}`,
        );
    return r;
});
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const basic = (id: string, secret: string) => ({
    authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
});

describe("CXone sandbox: authentication", function () {
    this.timeout(20000);
    let sb: RunningSandbox;
    let base: string;
    let keyId: string;
    let secret: string;
    let api: AxiosInstance;

    before(async () => {
        sb = await startSandbox({ dir: fs.mkdtempSync(path.join(os.tmpdir(), "cxone-auth-")) });
        base = sb.urls.cxone;
        keyId = sb.endpoints.cxone.adminAccessKeyId;
        secret = sb.endpoints.cxone.adminAccessKeySecret;
    });
    after(() => sb.stop());

    /** the password grant with the admin access key as the user (NICE's key-as-password flow) */
    const keyAsPassword = () => ({ grant_type: "password", username: keyId, password: secret });
    /** a grant at /auth/token, as a form post; `headers` adds to the form's content type */
    const authToken = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
        http.post(`${base}/auth/token`, form(fields), { headers: { ...FORM, ...headers } });
    async function accessKeyToken(id = keyId, s = secret) {
        return http.post(`${base}/authentication/v1/token/access-key`, {
            accessKeyId: id,
            accessKeySecret: s,
        });
    }
    async function bearer(): Promise<AxiosInstance> {
        const t = await accessKeyToken();
        return axios.create({
            baseURL: base,
            validateStatus: () => true,
            headers: { authorization: `Bearer ${t.data.access_token}` },
        });
    }

    it("serves the sign-in page the SWA app points at (/login), checking the employee's password", async () => {
        const page = await http.get(`${base}/login`);
        assert.equal(page.status, 200);
        assert.match(String(page.data), /action="\/login"/);
        const form = (password: string) =>
            new URLSearchParams({ email: sb.endpoints.cxone.adminEmail, password }).toString();
        const ok = await http.post(`${base}/login`, form(sb.endpoints.cxone.adminPassword), {
            headers: { "content-type": "application/x-www-form-urlencoded" },
        });
        assert.equal(ok.status, 200);
        assert.match(String(ok.data), /Signed in to CXone/);
        const bad = await http.post(`${base}/login`, form("wrong"), {
            headers: { "content-type": "application/x-www-form-urlencoded" },
        });
        assert.equal(bad.status, 401);
    });

    it("exchanges an access key for tokens and marks the key used", async () => {
        const r = await accessKeyToken();
        assert.strictEqual(r.status, 200);
        assert.ok(r.data.access_token && r.data.refresh_token);
        assert.strictEqual(r.data.token_type, "Bearer");
        assert.strictEqual(r.data.expires_in, 3600);
        api = await bearer();
        const k = await api.get(`/access-key-management/v1/access-keys/${keyId}`);
        assert.strictEqual(k.status, 200);
        assert.ok(k.data.resultSet.lastUsedDate, "lastUsedDate set");
    });

    it("rejects a wrong secret with the auth error shape and a missing field with 400", async () => {
        const bad = await accessKeyToken(keyId, "nope");
        assert.strictEqual(bad.status, 401);
        assert.deepStrictEqual(Object.keys(bad.data).sort(), ["error", "errorDescription"]);
        const missing = await http.post(`${base}/authentication/v1/token/access-key`, {
            accessKeyId: keyId,
        });
        assert.strictEqual(missing.status, 400);
        assert.strictEqual(missing.data.error, "invalid_request");
        const badJson = await http.post(`${base}/authentication/v1/token/access-key`, "{not json", {
            headers: { "content-type": "application/json" },
        });
        assert.strictEqual(badJson.status, 400);
        assert.ok(badJson.data.error);
    });

    it("refreshes through /public/user/refresh", async () => {
        const t = await accessKeyToken();
        const r = await http.post(`${base}/public/user/refresh`, { token: t.data.refresh_token });
        assert.strictEqual(r.status, 200);
        assert.notStrictEqual(r.data.access_token, t.data.access_token);
        const bad = await http.post(`${base}/public/user/refresh`, { token: "x" });
        assert.strictEqual(bad.status, 401);
        assert.strictEqual(bad.data.error, "invalid_grant");
    });

    it("regional token service [sdk]: Basic <clientId>@cxone, camelCase answers, refresh; strangers refused", async () => {
        const area = sb.urls.cxoneHosts.area;
        const t = await accessKeyToken();
        const basicId = (id: string) => `Basic ${Buffer.from(id).toString("base64")}`;
        const client = { authorization: basicId(`${keyId}@cxone`) };
        const r = await http.post(
            `${area}/public/authentication/v1/token`,
            { accessToken: t.data.access_token },
            { headers: client },
        );
        assert.strictEqual(r.status, 200, JSON.stringify(r.data));
        assert.deepStrictEqual(Object.keys(r.data).sort(), [
            "accessToken",
            "accessTokenExpiry",
            "refreshToken",
            "tokenType",
        ]);
        const again = await http.post(
            `${area}/public/authentication/v1/refresh`,
            { token: r.data.refreshToken },
            { headers: client },
        );
        assert.strictEqual(again.status, 200);
        assert.notStrictEqual(again.data.accessToken, r.data.accessToken);
        // refused: a client CXone does not know, the key id without "@cxone", a bad access token
        for (const [accessToken, authorization] of [
            [t.data.access_token, basicId("UNKNOWN@cxone")],
            [t.data.access_token, basicId(keyId)],
            ["nope", client.authorization],
        ]) {
            const refused = await http.post(
                `${area}/public/authentication/v1/token`,
                { accessToken },
                { headers: { authorization } },
            );
            assert.strictEqual(refused.status, 401, authorization);
        }
    });

    it("token exchange [sdk]: an access token of a live user for new tokens; wrong type or token refused", async () => {
        const t = await accessKeyToken();
        const grant = {
            grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
            scope: "openid",
            client_id: keyId,
            subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
        };
        const ok = await authToken({ ...grant, subject_token: t.data.access_token });
        assert.strictEqual(ok.status, 200, JSON.stringify(ok.data));
        assert.ok(ok.data.id_token && ok.data.access_token !== t.data.access_token);
        const refreshAsSubject = await authToken({ ...grant, subject_token: t.data.refresh_token });
        assert.strictEqual(refreshAsSubject.status, 400);
        const wrongType = await authToken({
            ...grant,
            subject_token: t.data.access_token,
            subject_token_type: "urn:x",
        });
        assert.strictEqual(wrongType.status, 400);
        const unknownClient = await authToken({
            ...grant,
            client_id: "UNKNOWN",
            subject_token: t.data.access_token,
        });
        assert.strictEqual(unknownClient.status, 401);
    });

    it("password grant: key pair as username/password, client by Basic or by form post", async () => {
        const viaBasic = await authToken(keyAsPassword(), basic(keyId, secret));
        assert.strictEqual(viaBasic.status, 200, JSON.stringify(viaBasic.data));
        assert.ok(viaBasic.data.id_token);
        const viaPost = await authToken({
            grant_type: "password",
            username: sb.endpoints.cxone.adminEmail,
            password: sb.endpoints.cxone.adminPassword,
            client_id: keyId,
            client_secret: secret,
        });
        assert.strictEqual(viaPost.status, 200);
        const noClient = await authToken(keyAsPassword());
        assert.strictEqual(noClient.status, 401);
        assert.strictEqual(noClient.data.error, "invalid_client");
        const badClient = await authToken(keyAsPassword(), basic(keyId, "wrong"));
        assert.strictEqual(badClient.status, 401);
        const badUser = await authToken(
            { grant_type: "password", username: keyId, password: "wrong" },
            basic(keyId, secret),
        );
        assert.strictEqual(badUser.status, 400);
        assert.strictEqual(badUser.data.error, "invalid_grant");
    });

    it("rejects unknown and missing grant types; client_credentials is not offered", async () => {
        const cc = await authToken({ grant_type: "client_credentials" }, basic(keyId, secret));
        assert.strictEqual(cc.status, 400);
        assert.strictEqual(cc.data.error, "unsupported_grant_type");
        const none = await authToken({});
        assert.strictEqual(none.status, 400);
        assert.strictEqual(none.data.error, "invalid_request");
    });

    it("the refresh_token grant: a token is required, must be live, and must be this client's", async () => {
        const missing = await authToken({ grant_type: "refresh_token" }, basic(keyId, secret));
        assert.strictEqual(missing.status, 400);
        assert.strictEqual(missing.data.error, "invalid_request");
        assert.match(missing.data.errorDescription, /refresh_token/);
        const dead = await authToken(
            { grant_type: "refresh_token", refresh_token: "not-a-token" },
            basic(keyId, secret),
        );
        assert.strictEqual(dead.status, 400);
        assert.strictEqual(dead.data.error, "invalid_grant");
        const refresh = (await accessKeyToken()).data.refresh_token as string;
        const again = await authToken(
            { grant_type: "refresh_token", refresh_token: refresh },
            basic(keyId, secret),
        );
        assert.strictEqual(again.status, 200, JSON.stringify(again.data));
        assert.ok(again.data.access_token);
        // a second key of the same tenant may not spend the first key's refresh token
        const api2 = await bearer();
        const other = (
            await api2.post("/access-key-management/v1/access-keys", {
                userId: sb.context.state.cxone.seed.adminUserId,
            })
        ).data.resultSet;
        const foreign = await authToken(
            { grant_type: "refresh_token", refresh_token: refresh },
            basic(other.accessKeyId, other.accessKeySecret),
        );
        assert.strictEqual(foreign.status, 400);
        assert.strictEqual(foreign.data.error, "invalid_grant");
        assert.match(foreign.data.errorDescription, /another client/);
    });

    it("the access-key refresh (/public/user/refresh): a live token is required", async () => {
        const none = await http.post(`${base}/public/user/refresh`, {});
        assert.strictEqual(none.status, 400);
        assert.strictEqual(none.data.error, "invalid_request");
        const dead = await http.post(`${base}/public/user/refresh`, { token: "nope" });
        assert.strictEqual(dead.status, 401);
        assert.strictEqual(dead.data.error, "invalid_grant");
        const refresh = (await accessKeyToken()).data.refresh_token as string;
        const ok = await http.post(`${base}/public/user/refresh`, { token: refresh });
        assert.strictEqual(ok.status, 200, JSON.stringify(ok.data));
        assert.ok(ok.data.access_token);
    });

    it("sign-out returns only to an http(s) page, else says signed out", async () => {
        const back = "https://okta.example.com/app/UserHome";
        const r = await http.get(`${base}/auth/logout`, {
            params: { post_logout_redirect_uri: back },
        });
        assert.strictEqual(r.status, 302);
        assert.strictEqual(r.headers.location, back);
        const plain = await http.get(`${base}/auth/logout`, {
            params: { post_logout_redirect_uri: "http://127.0.0.1:9/done" },
        });
        assert.strictEqual(plain.status, 302);
        assert.strictEqual(plain.headers.location, "http://127.0.0.1:9/done");
        for (const params of [
            { post_logout_redirect_uri: "javascript:alert(1)" },
            // an http(s) address later in the text is no http(s) page
            { post_logout_redirect_uri: "javascript:alert(1)//https://okta.example.com/" },
            {},
        ]) {
            const page = await http.get(`${base}/auth/logout`, { params });
            assert.strictEqual(page.status, 200);
            assert.match(String(page.headers["content-type"]), /^text\/html/);
            assert.strictEqual(
                page.data,
                "<!doctype html><title>CXone</title><h1>Signed out of CXone</h1>",
            );
        }
    });

    describe("authorization code with the login page", () => {
        const redirect = "https://okta.example.com/admin/app/cxone/oauth/callback";
        const verifier = randomBytes(32).toString("base64url");
        const challenge = createHash("sha256").update(verifier).digest("base64url");
        const params = () => ({
            response_type: "code",
            client_id: keyId,
            redirect_uri: redirect,
            state: "st-1",
            scope: "openid",
            code_challenge: challenge,
            code_challenge_method: "S256",
        });
        /** the code grant for this redirect; `more` adds the client and the verifier */
        const codeGrant = (code: string, more: Record<string, string> = {}) => ({
            grant_type: "authorization_code",
            code,
            redirect_uri: redirect,
            ...more,
        });

        async function login(
            email = sb.endpoints.cxone.adminEmail,
            password = sb.endpoints.cxone.adminPassword,
        ) {
            return http.post(`${base}/auth/authorize`, form({ ...params(), email, password }), {
                headers: FORM,
            });
        }

        it("shows a plain HTML form with email and password", async () => {
            const r = await http.get(`${base}/auth/authorize`, { params: params() });
            assert.strictEqual(r.status, 200);
            assert.match(String(r.headers["content-type"]), /text\/html/);
            assert.match(r.data, /<form method="post" action="\/auth\/authorize">/);
            assert.match(r.data, /name="email"/);
            assert.match(r.data, /name="password"/);
            assert.match(r.data, /name="state" value="st-1"/);
            const odd = await http.get(`${base}/auth/authorize`, {
                params: { ...params(), state: `<a href="x">'&` },
            });
            assert.match(
                odd.data,
                /name="state" value="&lt;a href=&quot;x&quot;&gt;&#39;&amp;"/,
                "every value HTML-escaped",
            );
        });

        it("refuses an unknown client without redirecting", async () => {
            const r = await http.get(`${base}/auth/authorize`, {
                params: { ...params(), client_id: "UNKNOWN" },
            });
            assert.strictEqual(r.status, 400);
            assert.strictEqual(r.headers.location, undefined);
            for (const bad of [
                { redirect_uri: "javascript:alert(1)" },
                { response_type: "token" },
                { tenantId: "other-tenant" },
            ]) {
                const b = await http.get(`${base}/auth/authorize`, {
                    params: { ...params(), ...bad },
                });
                assert.strictEqual(b.status, 400, JSON.stringify(bad));
                assert.strictEqual(b.headers.location, undefined);
            }
        });

        it("re-shows the form on a wrong password", async () => {
            const r = await login(undefined, "wrong-password");
            assert.strictEqual(r.status, 401);
            assert.match(r.data, /Invalid email or password/);
        });

        it("redirects with code and state, and the code exchanges once with PKCE", async () => {
            const r = await login();
            assert.strictEqual(r.status, 302);
            const loc = new URL(r.headers.location);
            assert.strictEqual(loc.origin + loc.pathname, redirect);
            assert.strictEqual(loc.searchParams.get("state"), "st-1");
            const code = loc.searchParams.get("code")!;
            assert.ok(code);
            const wrongVerifier = await authToken(
                codeGrant(code, { code_verifier: "x".repeat(43) }),
                basic(keyId, secret),
            );
            assert.strictEqual(wrongVerifier.status, 400);
            assert.strictEqual(wrongVerifier.data.error, "invalid_grant");
            // the failed exchange burned the code: a new login is needed
            const again = new URL((await login()).headers.location).searchParams.get("code")!;
            const ok = await authToken(
                codeGrant(again, {
                    code_verifier: verifier,
                    client_id: keyId,
                    client_secret: secret,
                }),
            );
            assert.strictEqual(ok.status, 200, JSON.stringify(ok.data));
            assert.ok(ok.data.access_token && ok.data.refresh_token && ok.data.id_token);
            const reuse = await authToken(
                codeGrant(again, { code_verifier: verifier }),
                basic(keyId, secret),
            );
            assert.strictEqual(reuse.status, 400);
            // refresh_token grant
            const refreshed = await authToken(
                { grant_type: "refresh_token", refresh_token: ok.data.refresh_token },
                basic(keyId, secret),
            );
            assert.strictEqual(refreshed.status, 200);
            // the token works on the API
            const me = await http.post(
                `${base}/authorization/v1/roles/search`,
                {},
                { headers: { authorization: `Bearer ${refreshed.data.access_token}` } },
            );
            assert.strictEqual(me.status, 200);
        });

        it("a code stays good while others sign in; an expired one is dropped at the next sign-in", async () => {
            const code = new URL((await login()).headers.location).searchParams.get("code")!;
            const other = new URL((await login()).headers.location).searchParams.get("code")!;
            assert.strictEqual((await accessKeyToken()).status, 200);
            const codes = sb.context.state.cxone.authCodes;
            codes[other].expiresAt = Date.now() - 1;
            assert.strictEqual((await accessKeyToken()).status, 200);
            assert.ok(!(other in codes), "the expired code is gone from the saved world");
            const ok = await authToken(
                codeGrant(code, { code_verifier: verifier }),
                basic(keyId, secret),
            );
            assert.strictEqual(ok.status, 200, JSON.stringify(ok.data));
        });

        it("public PKCE client as NICE's SDK sends it: client_id and verifier, form body labelled JSON [sdk]", async () => {
            const code = new URL((await login()).headers.location).searchParams.get("code")!;
            const JSON_LABEL = { "content-type": "application/json" };
            const body = `grant_type=authorization_code&code=${code}&redirect_uri=${redirect}&client_id=${keyId}&code_verifier=${verifier}`;
            const ok = await http.post(`${base}/auth/token`, body, {
                headers: JSON_LABEL,
                transformRequest: (d) => d,
            });
            assert.strictEqual(ok.status, 200, JSON.stringify(ok.data));
            // the SDK's refresh: no client at all, same content-type habit
            const refreshed = await http.post(
                `${base}/auth/token`,
                `grant_type=refresh_token&scope=openid&refresh_token=${ok.data.refresh_token}`,
                { headers: JSON_LABEL, transformRequest: (d) => d },
            );
            assert.strictEqual(refreshed.status, 200, JSON.stringify(refreshed.data));
        });

        it("a public client without PKCE, or with the wrong verifier, or naming no known key, is refused", async () => {
            const plain = { ...params() } as Record<string, string>;
            delete plain.code_challenge;
            delete plain.code_challenge_method;
            const noPkce = await http.post(
                `${base}/auth/authorize`,
                form({
                    ...plain,
                    email: sb.endpoints.cxone.adminEmail,
                    password: sb.endpoints.cxone.adminPassword,
                }),
                { headers: FORM },
            );
            const code = new URL(noPkce.headers.location).searchParams.get("code")!;
            const r = await authToken(codeGrant(code, { client_id: keyId }));
            assert.strictEqual(r.status, 400);
            assert.match(r.data.errorDescription, /public client needs PKCE/);
            const code2 = new URL((await login()).headers.location).searchParams.get("code")!;
            const wrong = await authToken(
                codeGrant(code2, { client_id: keyId, code_verifier: "y".repeat(43) }),
            );
            assert.strictEqual(wrong.status, 400);
            const unknown = await authToken(
                codeGrant("x", { client_id: "UNKNOWN", code_verifier: verifier }),
            );
            assert.strictEqual(unknown.status, 401);
            const publicPassword = await authToken({ ...keyAsPassword(), client_id: keyId });
            assert.strictEqual(
                publicPassword.status,
                401,
                "only the code grant is open to public clients",
            );
        });

        it("rejects a code for another redirect_uri", async () => {
            const code = new URL((await login()).headers.location).searchParams.get("code")!;
            const r = await authToken(
                {
                    ...codeGrant(code, { code_verifier: verifier }),
                    redirect_uri: "https://evil.example.com/cb",
                },
                basic(keyId, secret),
            );
            assert.strictEqual(r.status, 400);
            assert.strictEqual(r.data.error, "invalid_grant");
        });
    });

    it("serves discovery naming each host by DNS suffix, OIDC metadata and JWKS that verify the id_token", async () => {
        const d = await http.get(`${base}/.well-known/cxone-configuration`, {
            params: { tenantId: sb.endpoints.cxone.tenantId },
        });
        assert.strictEqual(d.status, 200);
        const port = (u: string) => new URL(u).port;
        const hosts = sb.urls.cxoneHosts;
        // [sdk] https://{area}.{uhDomain}, https://api-{area}.{domain}, https://api-{cluster}.{acdDomain}
        assert.strictEqual(
            `${d.data.area}.${d.data.uhDomain}`,
            `na1.localhost:${port(hosts.area)}`,
        );
        assert.strictEqual(
            `api-${d.data.area}.${d.data.domain}`,
            `api-na1.localhost:${port(hosts.userHub)}`,
        );
        assert.strictEqual(
            `api-${d.data.cluster}.${d.data.acdDomain}`,
            `api-c1.localhost:${port(hosts.acd)}`,
        );
        assert.strictEqual(
            new URL(d.data.api_endpoint).port,
            port(hosts.acd),
            "api_endpoint is the ACD host [sdk]",
        );
        assert.strictEqual(d.data.auth_endpoint, base);
        assert.strictEqual(d.data.tenantId, sb.endpoints.cxone.tenantId);
        const wrong = await http.get(`${base}/.well-known/cxone-configuration`, {
            params: { tenantId: "nope" },
        });
        assert.strictEqual(wrong.status, 404);
        const oidc = await http.get(`${base}/.well-known/openid-configuration`);
        assert.strictEqual(oidc.data.token_endpoint, `${base}/auth/token`);
        assert.strictEqual(oidc.data.authorization_endpoint, `${base}/auth/authorize`);
        assert.ok(oidc.data.token_endpoint_auth_methods_supported.includes("client_secret_basic"));
        assert.strictEqual(oidc.data.end_session_endpoint, `${base}/auth/logout`);
        assert.deepStrictEqual(oidc.data.display_values_supported, ["page", "popup"]);
        const jwks = await http.get(`${base}/auth/jwks`);
        const t = await authToken(keyAsPassword(), basic(keyId, secret));
        const [h, p, s] = t.data.id_token.split(".");
        const header = JSON.parse(Buffer.from(h, "base64url").toString());
        const jwk = jwks.data.keys.find((k: { kid: string }) => k.kid === header.kid);
        const key = createPublicKey({ key: jwk, format: "jwk" });
        assert.ok(
            createVerify("RSA-SHA256").update(`${h}.${p}`).verify(key, Buffer.from(s, "base64url")),
        );
        const claims = JSON.parse(Buffer.from(p, "base64url").toString());
        assert.strictEqual(claims.iss, base);
        assert.strictEqual(claims.tenantId, sb.endpoints.cxone.tenantId);
        // [sdk] the user id is the userId claim, or sub without its 5-character prefix
        assert.strictEqual(claims.userId, sb.context.state.cxone.seed.adminUserId);
        assert.strictEqual(claims.sub.slice(5), claims.userId);
        assert.notStrictEqual(claims.sub, claims.userId);
    });

    it("answers 401 in the gateway shape without a token or with a bad one", async () => {
        for (const headers of [
            {},
            { authorization: "Bearer nope" },
            { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` },
        ]) {
            const r = await http.get(`${base}/scim/v2/Users`, { headers });
            assert.strictEqual(r.status, 401);
            assert.deepStrictEqual(Object.keys(r.data).sort(), [
                "error",
                "message",
                "path",
                "status",
                "timestamp",
            ]);
            assert.strictEqual(r.data.status, 401);
            assert.strictEqual(r.data.path, "/scim/v2/Users");
            assert.strictEqual(
                r.data.message,
                headers.authorization?.startsWith("Bearer ")
                    ? "Invalid or expired token"
                    : "Full authentication is required to access this resource",
            );
        }
    });

    it("expires tokens after the configured lifetime", async () => {
        const short = await startSandbox({
            dir: fs.mkdtempSync(path.join(os.tmpdir(), "cxone-ttl-")),
            tokenTtlSeconds: 3, // long enough that a stalled worker still reads inside it
        });
        try {
            const t = await http.post(`${short.urls.cxone}/authentication/v1/token/access-key`, {
                accessKeyId: short.endpoints.cxone.adminAccessKeyId,
                accessKeySecret: short.endpoints.cxone.adminAccessKeySecret,
            });
            assert.strictEqual(t.data.expires_in, 3);
            const headers = { authorization: `Bearer ${t.data.access_token}` };
            const search = async () =>
                (
                    await http.post(
                        `${short.urls.cxone}/authorization/v1/roles/search`,
                        {},
                        { headers },
                    )
                ).status;
            assert.strictEqual(await search(), 200);
            await new Promise((r) => setTimeout(r, 3100));
            assert.strictEqual(await search(), 401);
        } finally {
            await short.stop();
        }
    });

    it("stops honouring a key (and its tokens) once deactivated, and when its employee is deactivated", async () => {
        // a second employee with a key
        const u = await api.post(
            "/user-management/v1/users",
            userHubPerson("Key", "Holder", "key.holder@example.com", "Administrator"),
        );
        assert.strictEqual(u.status, 201);
        const k = await api.post("/access-key-management/v1/access-keys", {
            userId: u.data.uuid,
            tenantId: sb.endpoints.cxone.tenantId,
        });
        const { accessKeyId, accessKeySecret } = k.data.resultSet;
        const tok = await accessKeyToken(accessKeyId, accessKeySecret);
        assert.strictEqual(tok.status, 200);
        const h = { authorization: `Bearer ${tok.data.access_token}` };
        const off = await api.patch(
            "/access-key-management/v1/access-keys",
            { isActive: false },
            { params: { tenantId: sb.endpoints.cxone.tenantId, userId: u.data.uuid, accessKeyId } },
        );
        assert.strictEqual(off.status, 200);
        assert.strictEqual((await accessKeyToken(accessKeyId, accessKeySecret)).status, 401);
        assert.strictEqual(
            (await http.post(`${base}/authorization/v1/roles/search`, {}, { headers: h })).status,
            401,
        );
        await api.patch(
            "/access-key-management/v1/access-keys",
            { isActive: true },
            { params: { tenantId: sb.endpoints.cxone.tenantId, userId: u.data.uuid, accessKeyId } },
        );
        assert.strictEqual((await accessKeyToken(accessKeyId, accessKeySecret)).status, 200);
        const d = await api.post("/user-management/v1/users/deactivate", {
            userIds: [u.data.uuid],
        });
        assert.strictEqual(d.status, 200);
        assert.strictEqual((await accessKeyToken(accessKeyId, accessKeySecret)).status, 401);
    });
    describe("each refusal, word for word", () => {
        const REDIRECT = "https://okta.example.com/admin/app/cxone/oauth/callback";
        const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
        const admin = () => ({
            email: sb.endpoints.cxone.adminEmail,
            password: sb.endpoints.cxone.adminPassword,
        });
        /** the answer is CXone's auth error with exactly this status, error and description */
        const said = (
            r: { status: number; data: unknown },
            status: number,
            error: string,
            errorDescription: string,
        ) => {
            assert.strictEqual(r.status, status, JSON.stringify(r.data));
            assert.deepStrictEqual(r.data, { error, errorDescription });
        };
        /** the admin's API, signed in with the seeded key */
        const adminApi = () => bearer();
        /** a second access key of the admin: another OAuth client of the same tenant */
        async function secondKey(): Promise<{ accessKeyId: string; accessKeySecret: string }> {
            const k = await (
                await adminApi()
            ).post("/access-key-management/v1/access-keys", {
                userId: sb.context.state.cxone.seed.adminUserId,
            });
            assert.strictEqual(k.status, 201, JSON.stringify(k.data));
            return k.data.resultSet;
        }
        /**
         * An employee who has activated the account and set a password (CXone's activation email
         * does that; the sandbox has no such page, so the stored employee is completed here).
         */
        async function employeeWithPassword(tag: string) {
            const api = await adminApi();
            const email = `${tag}.${randomBytes(3).toString("hex")}@example.com`;
            const made = await api.post(
                "/user-management/v1/users",
                userHubPerson("Pass", "Word", email, "Agent"),
            );
            assert.strictEqual(made.status, 201, JSON.stringify(made.data));
            const password = randomBytes(9).toString("base64url");
            const u = sb.context.state.cxone.users[made.data.uuid];
            u.status = "ACTIVE";
            u.passwordHash = hashSecret(password);
            sb.context.save();
            const deactivate = async () =>
                assert.strictEqual(
                    (
                        await api.post("/user-management/v1/users/deactivate", {
                            userIds: [made.data.uuid],
                        })
                    ).status,
                    200,
                );
            return { email, password, deactivate };
        }
        /** a code from the login page for `who`, the admin's key as the client unless `over` says */
        async function codeFor(
            over: Record<string, string> = {},
            who: { email: string; password: string } = admin(),
        ): Promise<string> {
            const r = await http.post(
                `${base}/auth/authorize`,
                form({
                    response_type: "code",
                    client_id: keyId,
                    redirect_uri: REDIRECT,
                    state: "s-1",
                    ...over,
                    ...who,
                }),
                { headers: FORM },
            );
            assert.strictEqual(r.status, 302, String(r.data));
            return new URL(r.headers.location).searchParams.get("code")!;
        }
        const codeGrant = (code: string, more: Record<string, string> = {}) => ({
            grant_type: "authorization_code",
            code,
            redirect_uri: REDIRECT,
            ...more,
        });

        it("the access-key, refresh and regional routes", async () => {
            said(
                await http.post(`${base}/authentication/v1/token/access-key`, {
                    accessKeyId: keyId,
                }),
                400,
                "invalid_request",
                "accessKeyId and accessKeySecret are required",
            );
            said(
                await accessKeyToken(keyId, "nope"),
                401,
                "invalid_client",
                "Invalid access key or secret",
            );
            said(
                await http.post(`${base}/public/user/refresh`, {}),
                400,
                "invalid_request",
                "token is required",
            );
            said(
                await http.post(`${base}/public/user/refresh`, { token: "nope" }),
                401,
                "invalid_grant",
                "Invalid or expired refresh token",
            );
            const area = sb.urls.cxoneHosts.area;
            const client = {
                authorization: `Basic ${Buffer.from(`${keyId}@cxone`).toString("base64")}`,
            };
            said(
                await http.post(`${area}/public/authentication/v1/token`, { accessToken: "x" }),
                401,
                "invalid_client",
                "Unknown client",
            );
            said(
                await http.post(
                    `${area}/public/authentication/v1/token`,
                    { accessToken: "nope" },
                    { headers: client },
                ),
                401,
                "invalid_grant",
                "Invalid or expired accessToken",
            );
            said(
                await http.post(
                    `${area}/public/authentication/v1/refresh`,
                    { token: "nope" },
                    { headers: client },
                ),
                401,
                "invalid_grant",
                "Invalid or expired refresh token",
            );
            said(
                await http.get(`${base}/.well-known/cxone-configuration`, {
                    params: { tenantId: "other-tenant" },
                }),
                404,
                "tenant_not_found",
                "Unknown tenantId",
            );
        });

        it("the token endpoint: grant, client, password grant", async () => {
            said(await authToken({}), 400, "invalid_request", "grant_type is required");
            said(
                await authToken({ grant_type: "implicit" }),
                400,
                "unsupported_grant_type",
                "grant_type implicit is not supported",
            );
            said(
                await authToken({ ...keyAsPassword(), client_id: keyId }),
                401,
                "invalid_client",
                "Client authentication is required",
            );
            said(
                await authToken(keyAsPassword(), basic(keyId, "wrong")),
                401,
                "invalid_client",
                "Client authentication failed",
            );
            said(
                await authToken(keyAsPassword()),
                401,
                "invalid_client",
                "Client authentication is required",
            );
            said(
                await authToken({ grant_type: "password", username: keyId }, basic(keyId, secret)),
                400,
                "invalid_request",
                "username and password are required",
            );
            said(
                await authToken({ ...keyAsPassword(), password: "wrong" }, basic(keyId, secret)),
                400,
                "invalid_grant",
                "Invalid username or password",
            );
        });

        it("the password grant: an employee signs in with their own password until deactivated", async () => {
            const e = await employeeWithPassword("pw-grant");
            const grant = { grant_type: "password", username: e.email, password: e.password };
            const ok = await authToken(grant, basic(keyId, secret));
            assert.strictEqual(ok.status, 200, JSON.stringify(ok.data));
            await e.deactivate();
            said(
                await authToken(grant, basic(keyId, secret)),
                400,
                "invalid_grant",
                "Invalid username or password",
            );
        });

        it("the code grant", async () => {
            said(
                await authToken(codeGrant("x")),
                401,
                "invalid_client",
                "Client authentication is required",
            );
            said(
                await authToken({ grant_type: "authorization_code" }, basic(keyId, secret)),
                400,
                "invalid_request",
                "code is required",
            );
            said(
                await authToken(codeGrant("x", { client_id: "UNKNOWN" })),
                401,
                "invalid_client",
                "Unknown or inactive client_id",
            );
            said(
                await authToken(codeGrant("no-such-code"), basic(keyId, secret)),
                400,
                "invalid_grant",
                "Invalid or expired authorization code",
            );
            const other = await secondKey();
            said(
                await authToken(
                    codeGrant(await codeFor()),
                    basic(other.accessKeyId, other.accessKeySecret),
                ),
                400,
                "invalid_grant",
                "Authorization code was issued to another client",
            );
            said(
                await authToken(
                    { ...codeGrant(await codeFor()), redirect_uri: "https://evil.example.com/cb" },
                    basic(keyId, secret),
                ),
                400,
                "invalid_grant",
                "redirect_uri does not match the authorization request",
            );
            // a code asked for with PKCE needs the verifier, from a confidential client too
            const verifier = randomBytes(32).toString("base64url");
            const challenge = createHash("sha256").update(verifier).digest("base64url");
            const pkce = { code_challenge: challenge, code_challenge_method: "S256" };
            said(
                await authToken(codeGrant(await codeFor(pkce)), basic(keyId, secret)),
                400,
                "invalid_grant",
                "PKCE verification failed",
            );
            said(
                await authToken(
                    codeGrant(await codeFor(pkce), { code_verifier: "z".repeat(43) }),
                    basic(keyId, secret),
                ),
                400,
                "invalid_grant",
                "PKCE verification failed",
            );
        });

        it("the code grant: a public client without PKCE, and the form re-shown as HTML on a wrong password", async () => {
            said(
                await authToken(codeGrant(await codeFor(), { client_id: keyId })),
                400,
                "invalid_grant",
                "A public client needs PKCE (code_challenge at authorize)",
            );
            const wrong = await http.post(
                `${base}/auth/authorize`,
                form({
                    response_type: "code",
                    client_id: keyId,
                    redirect_uri: REDIRECT,
                    email: admin().email,
                    password: "wrong",
                }),
                { headers: FORM },
            );
            assert.strictEqual(wrong.status, 401);
            assert.match(String(wrong.headers["content-type"]), /^text\/html/);
            assert.match(wrong.data, /<p id="error" role="alert">Invalid email or password<\/p>/);
            assert.match(wrong.data, /<form method="post" action="\/auth\/authorize">/);
        });

        it("the code grant: a challenge without a method is plain (RFC 7636)", async () => {
            const verifier = randomBytes(32).toString("base64url");
            const code = await codeFor({ code_challenge: verifier });
            const r = await authToken(
                codeGrant(code, { code_verifier: verifier }),
                basic(keyId, secret),
            );
            assert.strictEqual(r.status, 200, JSON.stringify(r.data));
        });

        it("the code grant: an employee deactivated after signing in gets no tokens", async () => {
            const e = await employeeWithPassword("code-grant");
            const code = await codeFor({}, { email: e.email, password: e.password });
            await e.deactivate();
            said(
                await authToken(codeGrant(code), basic(keyId, secret)),
                400,
                "invalid_grant",
                "User is not active",
            );
        });

        it("the token exchange and the refresh_token grant", async () => {
            const exchange = (more: Record<string, string>) =>
                authToken({
                    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
                    ...more,
                });
            said(
                await exchange({ subject_token: "x", subject_token_type: ACCESS_TOKEN_TYPE }),
                401,
                "invalid_client",
                "Unknown or inactive client_id",
            );
            said(
                await exchange({
                    client_id: keyId,
                    subject_token: "x",
                    subject_token_type: "id_token",
                }),
                400,
                "invalid_request",
                `subject_token_type must be ${ACCESS_TOKEN_TYPE}`,
            );
            said(
                await exchange({
                    client_id: keyId,
                    subject_token: "nope",
                    subject_token_type: ACCESS_TOKEN_TYPE,
                }),
                400,
                "invalid_grant",
                "Invalid or expired subject_token",
            );
            said(
                await authToken({ grant_type: "refresh_token" }, basic(keyId, secret)),
                400,
                "invalid_request",
                "refresh_token is required",
            );
            said(
                await authToken(
                    { grant_type: "refresh_token", refresh_token: "nope" },
                    basic(keyId, secret),
                ),
                400,
                "invalid_grant",
                "Invalid or expired refresh token",
            );
            const refresh = (await accessKeyToken()).data.refresh_token as string;
            const other = await secondKey();
            said(
                await authToken(
                    { grant_type: "refresh_token", refresh_token: refresh },
                    basic(other.accessKeyId, other.accessKeySecret),
                ),
                400,
                "invalid_grant",
                "Refresh token was issued to another client",
            );
        });

        it("a token refreshed through /public/user/refresh still belongs to its key", async () => {
            const k = await secondKey();
            const first = await accessKeyToken(k.accessKeyId, k.accessKeySecret);
            const r = await http.post(`${base}/public/user/refresh`, {
                token: first.data.refresh_token,
            });
            assert.strictEqual(r.status, 200, JSON.stringify(r.data));
            const search = async () =>
                (
                    await http.post(
                        `${base}/authorization/v1/roles/search`,
                        {},
                        { headers: { authorization: `Bearer ${r.data.access_token}` } },
                    )
                ).status;
            assert.strictEqual(await search(), 200);
            const off = await (
                await adminApi()
            ).patch(
                "/access-key-management/v1/access-keys",
                { isActive: false },
                {
                    params: {
                        tenantId: sb.endpoints.cxone.tenantId,
                        userId: sb.context.state.cxone.seed.adminUserId,
                        accessKeyId: k.accessKeyId,
                    },
                },
            );
            assert.strictEqual(off.status, 200, JSON.stringify(off.data));
            assert.strictEqual(await search(), 401, "the key's tokens die with it");
        });

        it("the login pages: HTML, the error named, a deactivated employee refused", async () => {
            const html = (r: { headers: Record<string, unknown> }) =>
                assert.match(String(r.headers["content-type"]), /^text\/html/);
            const page = await http.get(`${base}/login`);
            html(page);
            // the form posts to /login, nowhere else
            assert.match(page.data, /<form method="post" action="\/login">/);
            assert.ok(!page.data.includes('action="/auth/authorize"'));
            const e = await employeeWithPassword("login-page");
            const post = (email: string, password: string) =>
                http.post(`${base}/login`, form({ email, password }), { headers: FORM });
            const ok = await post(e.email, e.password);
            assert.strictEqual(ok.status, 200);
            html(ok);
            assert.strictEqual(
                ok.data,
                "<!doctype html><title>CXone</title><h1>Signed in to CXone</h1>",
            );
            for (const [email, password] of [
                ["nobody@example.com", e.password],
                [e.email, ""],
                [e.email, "wrong"],
            ]) {
                const bad = await post(email, password);
                assert.strictEqual(bad.status, 401, email);
                html(bad);
                assert.match(bad.data, /<p id="error" role="alert">Invalid email or password<\/p>/);
                assert.match(bad.data, /<form method="post" action="\/login">/);
                assert.ok(!bad.data.includes('action="/auth/authorize"'));
            }
            await e.deactivate();
            assert.strictEqual((await post(e.email, e.password)).status, 401);
        });

        it("authorize names what is wrong with the request on an HTML page, never redirecting", async () => {
            const good = {
                response_type: "code",
                client_id: keyId,
                redirect_uri: REDIRECT,
            };
            const cases: [Record<string, string | undefined>, string][] = [
                [{ response_type: "token" }, "response_type must be code"],
                [{ client_id: undefined }, "client_id is required"],
                [{ client_id: "UNKNOWN" }, "Unknown or inactive client_id"],
                [{ redirect_uri: "ftp://x" }, "redirect_uri must be an absolute http(s) URL"],
                [{ tenantId: "other" }, "Unknown tenantId"],
                [
                    { code_challenge: "c", code_challenge_method: "S512" },
                    "code_challenge_method must be S256",
                ],
            ];
            for (const [change, message] of cases) {
                const params = Object.fromEntries(
                    Object.entries({ ...good, ...change }).filter(([, v]) => v !== undefined),
                ) as Record<string, string>;
                for (const r of [
                    await http.get(`${base}/auth/authorize`, { params }),
                    await http.post(`${base}/auth/authorize`, form({ ...params, ...admin() }), {
                        headers: FORM,
                    }),
                ]) {
                    assert.strictEqual(r.status, 400, message);
                    assert.strictEqual(r.headers.location, undefined);
                    assert.match(String(r.headers["content-type"]), /^text\/html/);
                    assert.ok(
                        String(r.data).includes(`<p id="error" role="alert">${message}</p>`),
                        `${message}: ${r.data}`,
                    );
                }
            }
        });
    });
});
