// The connection test's two direct CXone calls over HTTP: one access-key sign-in (accessKeyToken)
// and the UserHub host probe (probeUserHub), against the sandbox with its four distinct hosts,
// and against a loopback server for the answers the sandbox never gives; both go once through the
// core's send path, so they wait at the host's shared rate gate.
import { strict as assert } from "assert";
import {
    accessKeyToken,
    accessKeyTokenUrl,
    tokenFields,
} from "../../provider/cxone/accessKeyToken";
import axios from "axios";
import { probeUserHub } from "../../provider/cxone/hostProbe";
import { hostsFromDiscovery, USER_HUB_HOST } from "../../provider/cxone/discovery/regions";
import { CxoneRequestError } from "../../provider/cxone/scim";
import { clearRateGates } from "../../provider/core/rateGate";
import { closedPort } from "../support/loopbackServer";
import { loopbackForSuite } from "../support/cxoneLoopback";
import { sandboxForSuite } from "../support/sandbox";
import { jwtWith } from "../support/jwt";

describe("access-key sign-in and UserHub probe against the sandbox (HTTP)", function () {
    this.timeout(20_000);
    // the sandbox with its four distinct hosts
    const f = sandboxForSuite({ strictCxoneHosts: true });
    const key = () => ({
        accessKeyId: f.sandbox.endpoints.cxone.adminAccessKeyId,
        accessKeySecret: f.sandbox.endpoints.cxone.adminAccessKeySecret,
    });
    const seed = () => f.sandbox.context.state.cxone.seed;

    it("signs in on the area host (a *.localhost name) and reads tenant and user from the claims", async () => {
        const doc = await axios.get(`${f.sandbox.urls.cxone}/.well-known/cxone-configuration`);
        const area = hostsFromDiscovery(doc.data, f.sandbox.urls.cxone).areaUrl!;
        assert.match(area, /^http:\/\/[a-z0-9]+\.localhost:\d+$/);
        const t = await accessKeyToken(`${area}/`, key());
        assert.equal(t.tenantId, f.sandbox.context.state.cxone.tenantId);
        assert.equal(t.userId, seed().adminUserId);
        assert.equal(t.expiresIn, 3600);
        assert.ok(t.accessToken in f.sandbox.context.state.cxone.tokens);
    });

    it("a wrong secret: HTTP 401 naming the key id, never the secret", async () => {
        const secret = "wrong-secret-Pq7Rs9Tu1";
        await assert.rejects(
            accessKeyToken(f.sandbox.urls.cxoneHosts.area, { ...key(), accessKeySecret: secret }),
            (e: unknown) => {
                assert.ok(e instanceof CxoneRequestError);
                assert.equal(e.kind, "http");
                assert.equal(e.status, 401);
                assert.equal(e.code, "invalid_client");
                assert.match(
                    e.message,
                    new RegExp(`^could not obtain a token with access key ${key().accessKeyId}: `),
                );
                assert.ok(!(JSON.stringify(e) + e.message + e.stack).includes(secret));
                return true;
            },
        );
    });

    it("the issuer host has no token route: 404", async () => {
        await assert.rejects(
            accessKeyToken(f.sandbox.urls.cxoneHosts.issuer, key()),
            (e: unknown) => (e as CxoneRequestError).status === 404,
        );
    });

    it("the probe finds UserHub on the derived host; api_endpoint (ACD) does not serve it", async () => {
        const t = await accessKeyToken(f.sandbox.urls.cxoneHosts.area, key());
        const p = await probeUserHub(
            `${f.sandbox.urls.cxoneHosts.issuer}//`,
            t.tenantId!,
            t.userId!,
            t.accessToken,
            5000,
        );
        const port = (u: string) => new URL(u).port;
        assert.equal(port(p.hosts.userHubUrl!), port(f.sandbox.urls.cxoneHosts.userHub));
        assert.deepEqual(
            p.answers.map((a) => [a.choice, a.base]),
            [
                ["derived", p.hosts.userHubUrl],
                ["api_endpoint", p.hosts.apiEndpoint],
            ],
        );
        assert.equal(p.answers[0].status, 200);
        assert.notEqual(p.answers[1].status, 200);
        assert.equal(p.answers[1].failure, undefined);
        assert.deepEqual(p.answered, p.answers[0]);
    });

    it("an unknown tenant: discovery's 404, naming the issuer host, without the token", async () => {
        const token = "probe-token-Zz9Yy8Xx7";
        await assert.rejects(
            probeUserHub(f.sandbox.urls.cxoneHosts.issuer, "no-such-tenant", "u", token, 5000),
            (e: unknown) => {
                assert.ok(e instanceof CxoneRequestError);
                assert.equal(e.kind, "http");
                assert.equal(e.status, 404);
                assert.equal(e.host, new URL(f.sandbox.urls.cxoneHosts.issuer).host);
                assert.match(e.message, /^could not discover the tenant's hosts: /);
                assert.ok(!JSON.stringify(e).includes(token));
                return true;
            },
        );
    });
});

describe("access-key sign-in and UserHub probe: a loopback CXone", function () {
    this.timeout(20_000);
    const srv = loopbackForSuite();
    const KEY = { accessKeyId: "AKP1", accessKeySecret: "probe-secret-Mm4Nn5" };
    const host = () => new URL(srv().url).host;
    const port = () => new URL(srv().url).port;

    it("posts the key as JSON to the token route and nothing else", async () => {
        srv().answer = () => ({ status: 200, body: { access_token: "t" } });
        const t = await accessKeyToken(srv().url, KEY);
        assert.deepEqual(t, { accessToken: "t", expiresIn: 3600 });
        const [r] = srv().seen;
        assert.equal(r.method, "POST");
        assert.equal(r.path, "/authentication/v1/token/access-key");
        assert.deepEqual(r.body, KEY);
        assert.match(String(r.headers["content-type"]), /^application\/json/);
        assert.equal(r.headers.accept, "application/json");
        assert.equal(r.headers.authorization, undefined);
    });

    it("claims: the access token's win, the id_token fills what it lacks", async () => {
        srv().answer = () => ({
            status: 200,
            body: {
                accessToken: jwtWith({ tenantId: "T-a" }),
                idToken: jwtWith({ tenantId: "T-id", sub: "user:U-id" }),
                accessTokenExpiry: "120",
            },
        });
        const t = await accessKeyToken(srv().url, KEY);
        assert.equal(t.tenantId, "T-a");
        assert.equal(t.userId, "U-id");
        assert.equal(t.expiresIn, 120);
        srv().answer = () => ({
            status: 200,
            body: {
                access_token: jwtWith({ userId: "U-a" }),
                id_token: jwtWith({ tenant_id: "T-id", userId: "U-id" }),
            },
        });
        const u = await accessKeyToken(srv().url, KEY);
        assert.equal(u.tenantId, "T-id");
        assert.equal(u.userId, "U-a");
    });

    it("an answer without an access token is a bad response", async () => {
        srv().answer = () => ({ status: 200, body: { access_token: "", id_token: "x" } });
        await assert.rejects(accessKeyToken(srv().url, KEY), (e: unknown) => {
            assert.ok(e instanceof CxoneRequestError);
            assert.equal(e.kind, "bad-response");
            assert.equal(
                e.message,
                `could not obtain a token with access key AKP1: ${host()} answered HTTP 200 ` +
                    "with an unexpected body (no access_token in the response)",
            );
            return true;
        });
    });

    it("a secret echoed back in an error is removed; a redirect is not followed", async () => {
        srv().answer = () => ({
            status: 400,
            body: { error: "bad", message: `got ${KEY.accessKeySecret}` },
        });
        await assert.rejects(accessKeyToken(srv().url, KEY), (e: unknown) => {
            assert.equal((e as CxoneRequestError).detail, "got ***");
            return true;
        });
        srv().answer = (r) =>
            r.path === "/elsewhere"
                ? { status: 200, body: { access_token: "t" } }
                : { status: 307, headers: { location: `${srv().url}/elsewhere` } };
        await assert.rejects(accessKeyToken(srv().url, KEY), /HTTP 307/);
        assert.ok(srv().seen.every((r) => r.path !== "/elsewhere"));
    });

    it("no answer within timeoutMs: a timeout", async () => {
        srv().answer = () => "hang";
        const t = Date.now();
        await assert.rejects(accessKeyToken(srv().url, KEY, { timeoutMs: 100 }), (e: unknown) => {
            assert.equal((e as CxoneRequestError).kind, "timeout");
            // the core's send path reports the client's own timeout code
            assert.equal((e as CxoneRequestError).errno, "ECONNABORTED");
            return true;
        });
        assert.ok(Date.now() - t < 2000, `took ${Date.now() - t} ms: timeoutMs was ignored`);
    });

    /** a discovery document whose derived hosts are *.localhost names on this server's port */
    const doc = (apiEndpoint: string) => ({
        area: "na1",
        cluster: "c1",
        uhDomain: `localhost:${port()}`,
        domain: `localhost:${port()}`,
        acdDomain: `localhost:${port()}`,
        api_endpoint: apiEndpoint,
    });

    it("asks discovery for the tenant, then each host for the key's user with the bearer", async () => {
        const dead = await closedPort();
        srv().answer = (r) =>
            r.path === "/.well-known/cxone-configuration"
                ? { status: 200, body: doc(`http://127.0.0.1:${dead}/`) }
                : { status: 200, body: { user: {} } };
        const p = await probeUserHub(srv().url, "T-7", "u/1", "tok-Qq1", 2000);
        const [d, u] = srv().seen;
        assert.deepEqual(d.query, { tenantId: "T-7" });
        assert.equal(d.headers.authorization, undefined);
        assert.equal(d.headers.accept, "application/json");
        assert.equal(u.path, "/user-management/v1/users/u%2F1");
        assert.equal(u.headers.authorization, "Bearer tok-Qq1");
        assert.equal(u.headers.accept, "application/json");
        assert.equal(u.headers.host, `api-na1.localhost:${port()}`);
        assert.deepEqual(p.answers, [
            { choice: "derived", base: `http://api-na1.localhost:${port()}`, status: 200 },
            {
                choice: "api_endpoint",
                base: `http://127.0.0.1:${dead}`,
                failure: "refused ECONNREFUSED",
            },
        ]);
        assert.deepEqual(p.answered, p.answers[0]);
    });

    it("the first host that answers 2xx is the one; a 300 or 401 is not an answer", async () => {
        const statuses: Record<string, number> = {};
        srv().answer = (r) =>
            r.path === "/.well-known/cxone-configuration"
                ? { status: 200, body: doc(`http://127.0.0.1:${port()}`) }
                : { status: statuses[String(r.headers.host)] ?? 500, body: {} };
        const derived = `api-na1.localhost:${port()}`;
        const api = `127.0.0.1:${port()}`;
        Object.assign(statuses, { [derived]: 300, [api]: 299 });
        let p = await probeUserHub(srv().url, "T", "u", "t", 2000);
        assert.deepEqual(
            p.answers.map((a) => a.status),
            [300, 299],
        );
        assert.equal(p.answered?.choice, "api_endpoint");
        Object.assign(statuses, { [derived]: 200, [api]: 200 });
        p = await probeUserHub(srv().url, "T", "u", "t", 2000);
        assert.equal(p.answered?.choice, "derived");
        Object.assign(statuses, { [derived]: 401, [api]: 404 });
        p = await probeUserHub(srv().url, "T", "u", "t", 2000);
        assert.equal("answered" in p, false);
    });

    it("a host that does not answer in time is reported as a timeout, not thrown", async () => {
        srv().answer = (r) =>
            r.path === "/.well-known/cxone-configuration"
                ? { status: 200, body: doc(`http://127.0.0.1:${port()}`) }
                : "hang";
        const p = await probeUserHub(srv().url, "T", "u", "t", 150);
        assert.deepEqual(
            p.answers.map((a) => a.failure),
            ["timeout ECONNABORTED", "timeout ECONNABORTED"],
        );
    });

    it("discovery that does not answer in time fails within the wait", async () => {
        srv().answer = () => "hang";
        const t = Date.now();
        await assert.rejects(probeUserHub(srv().url, "T", "u", "t", 150), (e: unknown) => {
            assert.equal((e as CxoneRequestError).kind, "timeout");
            return true;
        });
        assert.ok(Date.now() - t < 2000, `took ${Date.now() - t} ms`);
    });

    it("a user read answered by a redirect is recorded, not followed", async () => {
        srv().answer = (r) =>
            r.path === "/.well-known/cxone-configuration"
                ? { status: 200, body: doc(`http://127.0.0.1:${port()}`) }
                : r.path === "/elsewhere"
                  ? { status: 200, body: {} }
                  : { status: 302, headers: { location: `${srv().url}/elsewhere` } };
        const p = await probeUserHub(srv().url, "T", "u", "t", 2000);
        assert.deepEqual(
            p.answers.map((a) => a.status),
            [302, 302],
        );
        assert.ok(srv().seen.every((r) => r.path !== "/elsewhere"));
    });

    it("the stack's host choice is asked first", async () => {
        srv().answer = (r) =>
            r.path === "/.well-known/cxone-configuration"
                ? { status: 200, body: doc(`http://127.0.0.1:${port()}`) }
                : { status: 200, body: {} };
        const saved = USER_HUB_HOST.choice;
        USER_HUB_HOST.choice = "api_endpoint";
        try {
            const p = await probeUserHub(srv().url, "T", "u", "t", 2000);
            assert.deepEqual(
                p.answers.map((a) => [a.choice, a.base]),
                [
                    ["api_endpoint", `http://127.0.0.1:${port()}`],
                    ["derived", `http://api-na1.localhost:${port()}`],
                ],
            );
            assert.equal(p.answered?.choice, "api_endpoint");
        } finally {
            USER_HUB_HOST.choice = saved;
        }
    });

    it("a document without the fields of a candidate: that candidate is not asked, the reason kept", async () => {
        srv().answer = (r) =>
            r.path === "/.well-known/cxone-configuration"
                ? {
                      status: 200,
                      body: { ...doc(`http://127.0.0.1:${port()}`), domain: undefined },
                  }
                : { status: 200, body: {} };
        srv().seen = [];
        const p = await probeUserHub(srv().url, "T", "u", "t", 2000);
        assert.deepEqual(p.answers, [
            { choice: "derived", base: "", failure: 'not named: discovery has no "domain"' },
            { choice: "api_endpoint", base: `http://127.0.0.1:${port()}`, status: 200 },
        ]);
        assert.equal(p.answered?.choice, "api_endpoint");
        assert.equal(srv().seen.length, 2, "discovery, then one user read");
    });

    it("a document naming a host plain http may not reach: a bad response naming it", async () => {
        srv().answer = () => ({ status: 200, body: { ...doc("http://x"), domain: "example.com" } });
        await assert.rejects(probeUserHub(srv().url, "T", "u", "t", 2000), (e: unknown) => {
            assert.ok(e instanceof CxoneRequestError);
            assert.equal(e.kind, "bad-response");
            assert.equal(
                e.message,
                `could not discover the tenant's hosts: ${host()} answered HTTP 200 with an ` +
                    "unexpected body (plain http is only for the local sandbox: " +
                    "http://api-na1.example.com is not a *.localhost name)",
            );
            return true;
        });
    });

    it("discovery that fails on the wire names the issuer host and never the token", async () => {
        const dead = await closedPort();
        await assert.rejects(
            probeUserHub(`http://127.0.0.1:${dead}`, "T", "u", "tok-Secret99", 2000),
            (e: unknown) => {
                assert.ok(e instanceof CxoneRequestError);
                assert.equal(e.kind, "refused");
                assert.equal(e.host, `127.0.0.1:${dead}`);
                return true;
            },
        );
        srv().answer = () => ({ status: 302, headers: { location: "http://example.invalid/" } });
        await assert.rejects(probeUserHub(srv().url, "T", "u", "t", 2000), /HTTP 302/);
        srv().answer = () => ({ status: 500, body: { message: "echo tok-Secret99" } });
        await assert.rejects(
            probeUserHub(srv().url, "T", "u", "tok-Secret99", 2000),
            (e: unknown) => {
                assert.equal((e as CxoneRequestError).detail, "echo ***");
                return true;
            },
        );
    });

    it("shares the host's rate budget: a 429 is not repeated, and the next call waits for its Retry-After", async () => {
        clearRateGates();
        let refusedAt = 0;
        srv().answer = () => {
            if (srv().seen.length > 1) return { status: 200, body: { access_token: "t" } };
            refusedAt = Date.now();
            return { status: 429, headers: { "retry-after": "1" }, body: { error: "slow down" } };
        };
        try {
            await assert.rejects(accessKeyToken(srv().url, KEY), /HTTP 429 \(slow down\)/);
            assert.equal(srv().seen.length, 1, "one attempt only, as before");
            await accessKeyToken(srv().url, KEY);
            const waited = srv().seen[1].at - refusedAt;
            assert.ok(waited >= 900, `the next sign-in reached CXone ${waited} ms after the 429`);
        } finally {
            clearRateGates();
        }
    });
});

describe("token answers in either casing (tokenFields)", () => {
    it("snake_case first, then camelCase; empty values are absent", () => {
        assert.deepEqual(
            tokenFields({
                access_token: "a",
                accessToken: "A",
                refresh_token: "r",
                refreshToken: "R",
                expires_in: 60,
                accessTokenExpiry: 90,
                id_token: "i",
                idToken: "I",
            }),
            { accessToken: "a", refreshToken: "r", expiresIn: 60, idToken: "i" },
        );
        assert.deepEqual(
            tokenFields({
                access_token: "",
                accessToken: "A",
                refreshToken: "R",
                accessTokenExpiry: 90,
                idToken: "I",
            }),
            { accessToken: "A", refreshToken: "R", expiresIn: 90, idToken: "I" },
        );
    });
    it("a lifetime is a positive finite number or a string of digits", () => {
        const exp = (v: unknown) => tokenFields({ expires_in: v }).expiresIn;
        assert.equal(exp("3600"), 3600);
        assert.equal(exp(" 60"), undefined);
        assert.equal(exp("60s"), undefined);
        assert.equal(exp("6.5"), undefined);
        assert.equal(exp(1.5), 1.5);
        assert.equal(exp(0), undefined);
        assert.equal(exp(-5), undefined);
        assert.equal(exp(Infinity), undefined);
        assert.equal(exp(NaN), undefined);
        assert.equal(tokenFields({ expires_in: 0, accessTokenExpiry: 30 }).expiresIn, 30);
        assert.equal(tokenFields({ expires_in: "x", accessTokenExpiry: "45" }).expiresIn, 45);
    });
    it("anything but an object reads as no fields", () => {
        assert.deepEqual(tokenFields(undefined), {});
        assert.deepEqual(tokenFields("access_token=x"), {});
        assert.deepEqual(tokenFields({ access_token: 5, refresh_token: {} }), {});
    });
    it("the token URL is under the area host, whatever trailing slashes it has", () => {
        assert.equal(
            accessKeyTokenUrl("https://na1.nice-incontact.com//"),
            "https://na1.nice-incontact.com/authentication/v1/token/access-key",
        );
    });
});
