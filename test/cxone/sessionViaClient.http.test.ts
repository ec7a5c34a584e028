// The CXone client against the sandbox over HTTP: token caching and renewal, discovery, retries
// honouring Retry-After, timeouts, and errors that never carry the secret or the token.
import { strict as assert } from "assert";
import { CxoneClient } from "../../provider/cxone/client";
import { CxoneError } from "../../provider/cxone/errors";
import { clearSessionCache } from "../../provider/cxone/session";
import { cxoneFixture, CxoneFixture } from "../support/cxoneSandbox";

describe("CXone client against the sandbox (HTTP)", function () {
    this.timeout(30_000);
    let f: CxoneFixture;
    before(async () => {
        f = await cxoneFixture();
    });
    after(async () => {
        await f.stop();
    });
    beforeEach(() => {
        clearSessionCache();
        f.sandbox.clearFaults();
        f.sandbox.clearRequests();
    });

    const tokenRequests = () =>
        f.sandbox.requests().filter((r) => r.path.startsWith("/authentication/v1/token"));

    it("discovers the API base, then shares one token across clients and concurrent calls", async () => {
        const a = new CxoneClient(f.endpoint);
        const b = new CxoneClient(f.endpoint);
        await Promise.all([
            a.defaultLoginAuthenticatorId(),
            b.findRolesByName("Agent"),
            a.findEmployeesByEmail("x@example.com"),
        ]);
        await b.getRole("nope");
        assert.equal(tokenRequests().length, 1);
        assert.equal(
            f.sandbox
                .requests()
                .filter((r) => r.path.startsWith("/.well-known/cxone-configuration")).length,
            1,
        );
        assert.equal(
            await a.session.tenantId(),
            f.sandbox.endpoints.cxone.tenantId,
            "tenant id from the id_token claims",
        );
    });

    it("renews the token once when CXone rejects it (401)", async () => {
        const c = new CxoneClient(f.endpoint);
        await c.findRolesByName("Agent");
        f.sandbox.context.state.cxone.tokens = {}; // CXone forgot every token
        await c.findRolesByName("Agent");
        assert.equal(tokenRequests().length, 2);
    });

    it("renews the token before it expires", async () => {
        const dir = f.dir + "-short";
        const { startSandbox } = await import("../../sandbox/index");
        const sb = await startSandbox({ dir, cxonePort: 0, oktaPort: 0, tokenTtlSeconds: 1 });
        try {
            const e = sb.endpoints.cxone;
            const c = new CxoneClient(
                { issuerUrl: sb.urls.cxone, areaUrl: sb.urls.cxone, apiUrl: sb.urls.cxone },
                {
                    credentials: {
                        accessKeyId: e.adminAccessKeyId,
                        accessKeySecret: e.adminAccessKeySecret,
                    },
                },
            );
            await c.findRolesByName("Agent");
            await new Promise((r) => setTimeout(r, 900)); // inside the last 20% of the lifetime
            await c.findRolesByName("Agent");
            const reqs = sb.requests();
            assert.equal(reqs.filter((r) => r.path.startsWith("/authentication")).length, 2);
            assert.ok(
                reqs.every((r) => r.status !== 401),
                "no call ever used an expired token",
            );
        } finally {
            await sb.stop();
        }
    });

    it("honours Retry-After on 429", async () => {
        const c = new CxoneClient(f.endpoint);
        await c.findRolesByName("Agent");
        f.sandbox.setFaults([
            { kind: "status", status: 429, retryAfterSeconds: 1, path: "roles/search", times: 1 },
        ]);
        const t = Date.now();
        await c.findRolesByName("Agent");
        assert.ok(Date.now() - t >= 950, `waited ${Date.now() - t} ms`);
    });

    it("retries a timed-out read (request timeout) and succeeds", async () => {
        const c = new CxoneClient(f.endpoint, { retry: { timeoutMs: 300, baseDelayMs: 10 } });
        await c.findRolesByName("Agent");
        f.sandbox.setFaults([
            { kind: "timeout", path: "/user-management/v1/users/", times: 1, holdMs: 2000 },
        ]);
        assert.equal(
            await c
                .getEmployee(f.sandbox.context.state.cxone.seed.adminUserId)
                .then((u) => u?.status),
            "ACTIVE",
        );
    });

    it("wrong credentials: a typed error that names the operation and carries neither secret nor token", async () => {
        const secret = "wrong-secret-value-123456";
        const c = new CxoneClient(f.endpoint, {
            credentials: { accessKeyId: "NOSUCHKEY", accessKeySecret: secret },
        });
        await assert.rejects(c.findRolesByName("Agent"), (e: unknown) => {
            assert.ok(e instanceof CxoneError);
            assert.equal(e.status, 401);
            assert.equal(e.code, "invalid_client");
            assert.match(
                e.message,
                /could not sign in to CXone with the admin access key: CXone answered HTTP 401/,
            );
            const everything = JSON.stringify(e) + e.message + (e.stack ?? "");
            assert.ok(!everything.includes(secret));
            assert.ok(
                !("config" in (e as object)) && !("request" in (e as object)),
                "no axios request attached",
            );
            return true;
        });
    });

    it("API errors carry CXone's code and no bearer token", async () => {
        const c = new CxoneClient(f.endpoint);
        await assert.rejects(
            c.createRole({ name: "Agent", description: "", permissions: [], status: "ACTIVE" }),
            (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, 409);
                assert.equal(e.code, "ROLE_NAME_EXISTS");
                for (const t of Object.keys(f.sandbox.context.state.cxone.tokens))
                    assert.ok(!(JSON.stringify(e) + e.message + e.stack).includes(t));
                return true;
            },
        );
    });
});
