// Step 3 of the connection test (which host answers UserHub): discovery, then the key's own user
// read on both candidate hosts. Each outcome is reported word for word, with the fix to make.
import { strict as assert } from "assert";
import { REGION_NAMES, sandboxRegion, type ResolvedRegion } from "../../provider/regions";
import {
    formatVerifyResult,
    KEY_USE_NOTE,
    STEP_USERHUB,
    verifyConnection,
} from "../../provider/verify";
import { closedPort } from "../support/fakeCxone";
import {
    SCRIPTED_KEY_ID,
    SCRIPTED_SECRET,
    SCRIPTED_TENANT,
    SCRIPTED_TOKEN,
    SCRIPTED_USER,
    startScriptedCxone,
    type ScriptedCxone,
} from "../support/scriptedCxone";

describe("verify: UserHub step, word for word", () => {
    let cx: ScriptedCxone;
    before(async () => {
        cx = await startScriptedCxone();
    });
    after(() => cx.stop());

    const run = (region: ResolvedRegion = sandboxRegion(cx.url)) =>
        verifyConnection({
            region,
            accessKeyId: SCRIPTED_KEY_ID,
            accessKeySecret: SCRIPTED_SECRET,
            timeoutMs: 2000,
        });
    const derived = () => `api-na1.localhost:${cx.port} (api-{area}.{domain} [sdk:userhub-host])`;
    const apiEndpoint = () => `api-c1.localhost:${cx.port} (api_endpoint [spec])`;

    it("the stack's host answers: passes, naming both answers and the UserHub URL", async () => {
        cx.script = {};
        cx.requests.length = 0;
        const r = await run();
        assert.equal(r.ok, true, formatVerifyResult(r));
        assert.deepEqual(r.steps[2], {
            name: STEP_USERHUB,
            ok: true,
            detail:
                `UserHub answered at the host the stack uses: ${derived()} answered HTTP 200; ` +
                `${apiEndpoint()} answered HTTP 404`,
        });
        assert.equal(r.userHubUrl, `http://api-na1.localhost:${cx.port}`);
        // the sandbox region names its issuer as the area host: no correction note
        assert.deepEqual(r.notes, [...sandboxRegion(cx.url).notes, KEY_USE_NOTE]);
        const discovery = cx.requests.find((q) => q.url.startsWith("/.well-known/"))!;
        assert.equal(new URL(discovery.url, cx.url).searchParams.get("tenantId"), SCRIPTED_TENANT);
        const reads = cx.requests.filter((q) => q.url.includes("/user-management/v1/users/"));
        assert.deepEqual(
            reads.map((q) => [q.host, q.url, q.authorization]),
            [
                [
                    `api-na1.localhost:${cx.port}`,
                    `/user-management/v1/users/${SCRIPTED_USER}`,
                    `Bearer ${SCRIPTED_TOKEN}`,
                ],
                [
                    `api-c1.localhost:${cx.port}`,
                    `/inContactAPI/user-management/v1/users/${SCRIPTED_USER}`,
                    `Bearer ${SCRIPTED_TOKEN}`,
                ],
            ],
        );
    });

    it("only the other candidate answers: fails, naming the setting to change", async () => {
        cx.script = { derivedUser: 404, apiEndpointUser: 200 };
        const r = await run();
        assert.equal(r.ok, false);
        assert.deepEqual(r.steps[2], {
            name: STEP_USERHUB,
            ok: false,
            detail:
                'only the other candidate answered: set USER_HUB_HOST in provider/regions.ts to "api_endpoint"; ' +
                `${derived()} answered HTTP 404; ${apiEndpoint()} answered HTTP 200 (the stack uses derived)`,
        });
        assert.equal(r.userHubUrl, `http://api-c1.localhost:${cx.port}/inContactAPI`);
        assert.match(formatVerifyResult(r), /UserHub answered at: http:\/\/api-c1\.localhost/);
    });

    it("neither candidate answers: fails, naming the permission the read needs", async () => {
        cx.script = { derivedUser: 403, apiEndpointUser: 401 };
        const r = await run();
        assert.equal(r.ok, false);
        assert.equal(
            r.steps[2].detail,
            `neither candidate answered the key's own user (its role needs "Employees: View"); ` +
                `${derived()} answered HTTP 403; ${apiEndpoint()} answered HTTP 401 (the stack uses derived)`,
        );
        assert.ok(!("userHubUrl" in r), "no host answered");
        assert.equal(r.steps[2].skipped, undefined);
    });

    it("a candidate nobody listens on is reported unreachable, with the error", async () => {
        const port = await closedPort();
        cx.script = { apiEndpoint: `http://api-c1.localhost:${port}/inContactAPI` };
        const r = await run();
        assert.equal(r.ok, true);
        assert.equal(
            r.steps[2].detail,
            `UserHub answered at the host the stack uses: ${derived()} answered HTTP 200; ` +
                `api-c1.localhost:${port} (api_endpoint [spec]) unreachable: refused ECONNREFUSED`,
        );
    });

    it("discovery answering an error fails the step, quoting the error", async () => {
        cx.script = { discovery: { status: 500, body: { message: "down" } } };
        const r = await run();
        assert.equal(r.ok, false);
        assert.deepEqual(r.steps[2], {
            name: STEP_USERHUB,
            ok: false,
            detail:
                `discovery at 127.0.0.1:${cx.port} failed: could not discover the tenant's hosts: ` +
                `127.0.0.1:${cx.port} answered HTTP 500 (down)`,
        });
    });

    it("a discovery document without the fields names the missing ones, per candidate", async () => {
        cx.script = { discovery: { status: 200, body: { cluster: "c1" } } };
        const r = await run();
        assert.equal(
            r.steps[2].detail,
            `neither candidate answered the key's own user (its role needs "Employees: View"); ` +
                'api-{area}.{domain} [sdk:userhub-host] not named: discovery has no "area" and has no ' +
                '"domain"; api_endpoint [spec] not named: discovery has no "api_endpoint" ' +
                "(the stack uses derived)",
        );
    });

    it("discovery nobody answers is a transport failure in the operator's words", async () => {
        const port = await closedPort();
        cx.script = {};
        const r = await run({ ...sandboxRegion(cx.url), issuerUrl: `http://127.0.0.1:${port}` });
        assert.equal(
            r.steps[2].detail,
            `discovery at 127.0.0.1:${port} failed: connection refused by 127.0.0.1:${port}: ` +
                "nothing listens there; check that the sandbox is running and the URL in " +
                ".sandbox/endpoints.json is current, and any firewall or proxy",
        );
        assert.equal(r.ok, false);
    });

    it("an issuer that is not a URL is named as typed", async () => {
        cx.script = {};
        const r = await run({ ...sandboxRegion(cx.url), issuerUrl: "cxone issuer" });
        assert.match(r.steps[2].detail, /^discovery at cxone issuer failed: could not reach /);
    });

    it("a real region whose table disagrees with discovery gets a correction note", async () => {
        cx.script = {};
        const r = await run({ ...sandboxRegion(cx.url), region: "na1" });
        assert.equal(r.ok, true, formatVerifyResult(r));
        assert.equal(
            r.notes.at(-1),
            `discovery names the area host na1.localhost:${cx.port}, the region table ` +
                `127.0.0.1:${cx.port}: the region table may need a correction`,
        );
    });

    it("a real region that agrees with discovery gets no note", async () => {
        cx.script = {};
        const region = { ...sandboxRegion(cx.url), region: "na1" };
        region.areaUrl = `http://na1.localhost:${cx.port}`;
        const r = await run(region);
        assert.equal(r.ok, true, formatVerifyResult(r));
        assert.deepEqual(r.notes, [...region.notes, KEY_USE_NOTE]);
    });

    it("a real region's hint names the region typed and the valid ones", async () => {
        cx.script = { scim: { status: 404, body: {} } };
        const r = await run({ ...sandboxRegion(cx.url), region: "na1" });
        assert.equal(
            r.steps[1].detail,
            `no SCIM server at ${cx.url}/scim/v2 (HTTP 404): check the region ("na1"; valid: ` +
                `${REGION_NAMES.join(", ")}) and the FedRAMP setting`,
        );
    });
});
