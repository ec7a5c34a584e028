// Conformance: NICE's own published SDKs (@nice-devone/auth-sdk, core-sdk, common-sdk 25.1.2)
// drive the sandbox's CXone, and everything NICE's code expects to succeed succeeds: discovery
// and the hosts it derives, the OIDC document, JWKS and id_token verification, the
// authorization-code grant (public PKCE client), whoami on the ACD host, a UserHub user read, the
// refresh grant, the token exchange, and the area host's regional token and refresh routes, and
// access tokens that NICE's validateToken decodes. The sandbox runs with strict hosts, so a request NICE's code sends to the
// wrong host would fail.
//
// How the SDKs run here: see cxoneSdkHost.ts (jsdom DOM, ESM compiled on load, *.localhost
// names and https carried to the sandbox's loopback ports over HTTP).
//
// SDK calls that cannot run server-side, and why:
// - The sign-in page itself: getAuthorizeUrl() runs, but a person signs in on CXone's page in a
//   browser window. Here the test posts that form, as the person would, and hands the code to
//   getAccessTokenByCode() as the SDK's redirect page would.
// - display=popup: window.open and the popup's postMessage need a real browser.
// - startRefreshTokenCheck(): schedules refreshes in a Web Worker (LoadWorker), which Node and
//   jsdom lack; the test calls getRefreshToken(), the worker's callback, directly.
// - Cross-tab leader election and MessageBus (BroadcastChannel between tabs) have no second tab.
// - launchCXoneAgent(): an iframe app with postMessage.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { installBrowser, type SdkRequest } from "../support/cxoneSdkHost";

type AuthSdk = typeof import("@nice-devone/auth-sdk");
type CoreSdk = typeof import("@nice-devone/core-sdk");

describe("conformance: NICE's CXone SDKs against the sandbox", function () {
    this.timeout(60_000);
    let sb: RunningSandbox;
    let dir: string;
    let browser: ReturnType<typeof installBrowser>;
    let authSdk: AuthSdk;
    let coreSdk: CoreSdk;
    const redirectUri = "https://agent.sandbox.example/callback";
    const admin = () => sb.endpoints.cxone;
    const port = (url: string) => new URL(url).port;
    const calls = (hostUrl: string, pathPart: string): SdkRequest[] =>
        browser.requests.filter(
            (r) => new URL(r.url).port === port(hostUrl) && r.url.includes(pathPart),
        );

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-sdk-"));
        sb = await startSandbox({ dir, strictCxoneHosts: true });
        browser = installBrowser();
        // loaded only now: the SDKs touch window and storage as they load
        authSdk = require("@nice-devone/auth-sdk");
        coreSdk = require("@nice-devone/core-sdk");
        authSdk.CXoneAuth.instance.init({
            cxoneHostname: admin().baseUrl,
            clientId: admin().adminAccessKeyId,
            redirectUri,
        });
    });
    after(async () => {
        browser?.close();
        await sb?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    const auth = () => authSdk.CXoneAuth.instance;

    it("discovery: the SDK derives area, UserHub and ACD hosts that are the sandbox's own", async () => {
        const config = await auth().getCXoneConfiguration(admin().baseUrl, admin().tenantId, true);
        assert.ok(config instanceof Object && "userHubBaseUrl" in config, "a CXoneConfiguration");
        const hosts = sb.urls.cxoneHosts;
        assert.equal(config.userHubBaseUrl, `https://na1.localhost:${port(hosts.area)}`);
        assert.equal(config.apiFacadeBaseUri, `https://api-na1.localhost:${port(hosts.userHub)}`);
        assert.equal(port(config.acdApiBaseUri), port(hosts.acd), "api_endpoint is the ACD base");
        for (const u of [config.userHubBaseUrl, config.apiFacadeBaseUri, config.acdApiBaseUri]) {
            assert.doesNotMatch(u, /undefined|127\.0\.0\.1/, u);
        }
    });

    it("OIDC document: every field the SDK reads is there", async () => {
        const oidc = await auth().getOpenIDConfiguration(admin().baseUrl);
        const base = admin().baseUrl;
        assert.equal(oidc.authorizationEndpoint, `${base}/auth/authorize`);
        assert.equal(oidc.tokenEndpoint, `${base}/auth/token`);
        assert.equal(oidc.jwksURI, `${base}/auth/jwks`);
        assert.ok(oidc.endSessionEndpoint);
        assert.ok(oidc.displayValuesSupported.includes("page"));
        assert.ok(oidc.codeChallengeMethods.includes("S256"));
    });

    let accessToken = "";
    let refreshToken = "";
    let idToken = "";

    it("authorization code: getAuthorizeUrl, sign-in, then getAccessTokenByCode as a public PKCE client", async () => {
        const authorizeUrl = await auth().getAuthorizeUrl("page", "S256", admin().tenantId);
        const u = new URL(authorizeUrl);
        assert.equal(u.searchParams.get("code_challenge_method"), "S256");
        assert.equal(
            (await axios.get(authorizeUrl, { validateStatus: () => true })).status,
            200,
            "the login page",
        );
        // the person signs in on CXone's page (a browser step)
        const form = new URLSearchParams({
            ...Object.fromEntries(u.searchParams),
            email: admin().adminEmail,
            password: admin().adminPassword,
        });
        const signIn = await axios.post(`${u.origin}${u.pathname}`, form.toString(), {
            headers: { "content-type": "application/x-www-form-urlencoded" },
            maxRedirects: 0,
            validateStatus: () => true,
        });
        assert.equal(signIn.status, 302);
        const code = new URL(signIn.headers.location).searchParams.get("code");
        assert.ok(code, "the redirect carries a code");

        const token = await auth().getAccessTokenByCode({
            clientId: admin().adminAccessKeyId,
            code,
        });
        assert.ok(
            token.accessToken && token.refreshToken && token.idToken,
            "the SDK parsed the tokens",
        );
        accessToken = token.accessToken;
        refreshToken = token.refreshToken;
        idToken = token.idToken;
        const sent = calls(admin().baseUrl, "/auth/token").at(-1)!;
        assert.equal(sent.contentType, "application/json", "NICE labels the form body as JSON");
        assert.match(sent.body ?? "", /^grant_type=authorization_code&code=.*&code_verifier=/);
        assert.doesNotMatch(sent.body ?? "", /client_secret/, "a public client: no secret");
        // the id_token's claims, read by NICE's code
        const user = authSdk.CXoneUser.instance.getUserInfo();
        assert.equal(user.userId, sb.context.state.cxone.seed.adminUserId);
        assert.equal(user.tenantId, admin().tenantId);
        // whoami on the ACD host, answered
        const whoami = calls(sb.urls.cxoneHosts.acd, "/whoami");
        assert.equal(whoami.length, 1);
        assert.equal(whoami[0].status, 200);
    });

    it("access token: a JWT that NICE's validateToken accepts until its exp; its claims as NICE reads them", () => {
        const utils = new coreSdk.ValidationUtils();
        assert.equal(utils.validateToken(accessToken), true);
        const [h, p, s] = accessToken.split(".");
        const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
        const expired = Buffer.from(
            JSON.stringify({ ...payload, exp: Math.floor(Date.now() / 1000) - 1 }),
        ).toString("base64url");
        assert.equal(utils.validateToken(`${h}.${expired}.${s}`), false, "past its exp");
        const seed = sb.context.state.cxone.seed;
        assert.equal(payload.tenantId, admin().tenantId);
        assert.equal(payload.iss, admin().baseUrl);
        // NICE's SDK takes a user id from `sub` without its first 5 characters
        assert.equal(String(payload.sub).slice(5), seed.adminUserId);
    });

    it("JWKS: the SDK verifies the sandbox's id_token, and rejects a tampered one", async () => {
        assert.equal(await auth()["verifyJwt"]({ data: { id_token: idToken } }), true);
        const [h, p, s] = idToken.split(".");
        const claims = JSON.parse(Buffer.from(p, "base64url").toString());
        const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, userId: "someone-else" })).toString("base64url")}.${s}`;
        assert.equal(await auth()["verifyJwt"]({ data: { id_token: forged } }), false);
        assert.ok(calls(admin().baseUrl, "/auth/jwks").every((r) => r.status === 200));
    });

    it("UserHub: the SDK reads the signed-in user at api-{area}.{domain}", async () => {
        const admins = coreSdk.AdminService.instance;
        const res = await admins.getUHUserDetails();
        assert.ok("data" in res && res.data, "an HttpResponse");
        const user = (res.data as { user: { id: string; emailAddress: string } }).user;
        assert.equal(user.id, sb.context.state.cxone.seed.adminUserId);
        assert.equal(user.emailAddress, admin().adminEmail);
        const read = calls(sb.urls.cxoneHosts.userHub, `/user-management/v1/users/${user.id}`);
        assert.ok(read.length >= 1 && read.every((r) => r.status === 200), JSON.stringify(read));
        const details = await admins.getUserDetails(false);
        assert.equal(details.billable, true, "billable parsed by NICE's parser");
    });

    /** The next refresh outcome NICE's code announces. */
    const refreshOutcome = () =>
        new Promise<string>((resolve) => {
            const sub = auth().onAuthStatusChange.subscribe((s) => {
                if (
                    s.status === authSdk.AuthStatus.REFRESH_TOKEN_SUCCESS ||
                    s.status === authSdk.AuthStatus.AUTHENTICATION_FAILED
                ) {
                    sub.unsubscribe();
                    resolve(s.status);
                }
            });
        });
    const worksOnUserHub = async (token: string) =>
        (
            await axios.post(
                `${sb.urls.cxoneHosts.userHub}/authorization/v1/roles/search`,
                {},
                { headers: { authorization: `Bearer ${token}` }, validateStatus: () => true },
            )
        ).status;

    it("refresh: getRefreshToken exchanges the refresh token for a working access token", async () => {
        const outcome = refreshOutcome();
        await auth()["getRefreshToken"]();
        assert.equal(await outcome, authSdk.AuthStatus.REFRESH_TOKEN_SUCCESS);
        const fresh = auth().getAuthToken();
        assert.ok(fresh.accessToken && fresh.accessToken !== accessToken);
        assert.notEqual(fresh.refreshToken, refreshToken);
        const sent = calls(admin().baseUrl, "/auth/token").at(-1)!;
        assert.match(sent.body ?? "", /^grant_type=refresh_token&scope=openid&refresh_token=/);
        const api = await axios.post(
            `${sb.urls.cxoneHosts.userHub}/authorization/v1/roles/search`,
            {},
            {
                headers: { authorization: `Bearer ${fresh.accessToken}` },
                validateStatus: () => true,
            },
        );
        assert.equal(api.status, 200, "the refreshed token works on UserHub");
    });

    it("token exchange: getAccessTokenByToken trades an access token for a new verified set", async () => {
        const before = auth().getAuthToken().accessToken;
        const token = await auth().getAccessTokenByToken({ accessToken: before });
        assert.ok(token.accessToken && token.accessToken !== before && token.idToken);
        const sent = calls(admin().baseUrl, "/auth/token").at(-1)!;
        assert.match(
            sent.body ?? "",
            /^grant_type=urn:ietf:params:oauth:grant-type:token-exchange&scope=openid&client_id=/,
        );
        assert.equal(sent.status, 200);
        assert.equal(await worksOnUserHub(token.accessToken), 200);
    });

    it("regional token service on the area host: token and refresh, answered in camelCase", async () => {
        const seed = sb.context.state.cxone;
        const impersonated = {
            tenantId: seed.tenantId,
            tenant: seed.tenantName,
            userId: seed.seed.adminUserId,
        };
        const token = await auth().getRegionalAccessTokenByToken(
            { accessToken: auth().getAuthToken().accessToken },
            impersonated,
        );
        assert.ok(
            token.accessToken && token.refreshToken && token.expiresIn > 0,
            "camelCase parsed",
        );
        const area = sb.urls.cxoneHosts.area;
        assert.equal(calls(area, "/public/authentication/v1/token").at(-1)?.status, 200);
        assert.equal(await worksOnUserHub(token.accessToken), 200);

        const outcome = refreshOutcome();
        await auth()["getRegionalRefreshToken"]();
        assert.equal(await outcome, authSdk.AuthStatus.REFRESH_TOKEN_SUCCESS);
        assert.equal(calls(area, "/public/authentication/v1/refresh").at(-1)?.status, 200);
        const fresh = auth().getAuthToken();
        assert.notEqual(fresh.accessToken, token.accessToken);
        assert.equal(await worksOnUserHub(fresh.accessToken), 200);
    });
});
