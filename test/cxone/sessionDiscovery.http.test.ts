// Discovery fields are required only where they are used: the CXone session against the sandbox,
// with the tenant's discovery document served by a loopback issuer that leaves fields out. Without
// `cluster` and `acdDomain` (which the stack never uses) it calls CXone as usual; without `domain`
// it stops before any API call, naming the field and the tenant's issuer; with the api_endpoint
// choice, `domain` is not needed at all.
import { strict as assert } from "assert";
import axios from "axios";
import { CxoneError } from "../../provider/cxone/errors";
import { clearSessionCache, CxoneSession } from "../../provider/cxone/session";
import { cxoneFixture, type CxoneFixture } from "../support/cxoneSandbox";
import { startLocalServer, type LocalServer } from "../support/localServer";

describe("CXone session: discovery fields required only where used (HTTP)", function () {
    this.timeout(20_000);
    let f: CxoneFixture;
    let issuer: LocalServer;
    let full: Record<string, unknown>;
    before(async () => {
        f = await cxoneFixture();
        issuer = await startLocalServer();
        const tenantId = f.sandbox.context.state.cxone.tenantId;
        full = (
            await axios.get(`${f.sandbox.urls.cxone}/.well-known/cxone-configuration`, {
                params: { tenantId },
            })
        ).data;
    });
    after(async () => {
        await issuer?.stop();
        await f?.stop();
    });
    beforeEach(() => {
        clearSessionCache();
        f.sandbox.clearRequests();
    });

    /** The loopback issuer answers discovery without `drop`; the sandbox does the rest. */
    const sessionWithout = (drop: string[], userHubHost?: "derived" | "api_endpoint") => {
        const doc = Object.fromEntries(Object.entries(full).filter(([k]) => !drop.includes(k)));
        issuer.answer = (r) =>
            r.path === "/.well-known/cxone-configuration"
                ? { status: 200, body: doc }
                : { status: 404, body: { message: "Not Found" } };
        return new CxoneSession(
            { issuerUrl: issuer.url, areaUrl: f.endpoint.areaUrl },
            {
                accessKeyId: f.env.CXONE_ACCESS_KEY_ID,
                accessKeySecret: f.env.CXONE_ACCESS_KEY_SECRET,
            },
            { baseDelayMs: 1, maxDelayMs: 5 },
            userHubHost,
        );
    };
    const searchRoles = (s: CxoneSession) =>
        s.call({
            operation: "search roles",
            method: "POST",
            path: "/authorization/v1/roles/search",
            body: {},
            safe: true,
        });
    const apiCalls = () =>
        f.sandbox
            .requests()
            .filter((r) => r.server === "cxone" && !r.path.startsWith("/authentication/"));

    it("a document without cluster and acdDomain: the stack calls UserHub as usual", async () => {
        assert.ok(full.cluster && full.acdDomain, "the sandbox names them");
        const s = sessionWithout(["cluster", "acdDomain"]);
        const res = await searchRoles(s);
        assert.equal(res.status, 200);
        assert.ok(apiCalls().some((r) => r.path === "/authorization/v1/roles/search"));
    });

    it("a document without domain: a stop before any API call, naming the field and the issuer", async () => {
        const s = sessionWithout(["domain"]);
        await assert.rejects(searchRoles(s), (e: unknown) => {
            assert.ok(e instanceof CxoneError, String(e));
            assert.equal(
                e.message,
                "could not find the CXone host that serves employees, roles and access keys: " +
                    "CXone answered HTTP 200 (the tenant's discovery document " +
                    `(${issuer.url}/.well-known/cxone-configuration) has no "domain", which the ` +
                    "stack needs for UserHub (employees, roles and access keys) at " +
                    "https://api-{area}.{domain}, where NICE's SDK finds it)",
            );
            return true;
        });
        assert.deepEqual(apiCalls(), []);
    });

    it("with the api_endpoint choice, domain is never needed", async () => {
        const s = sessionWithout(["domain", "cluster", "acdDomain"], "api_endpoint");
        assert.equal(await s.apiBase(), String(full.api_endpoint).replace(/\/+$/, ""));
    });
});
