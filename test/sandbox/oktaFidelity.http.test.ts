// The sandbox's Okta where real Okta differs from a naive emulator: rate-limit headers per
// bucket, request ids, Okta-shaped fault answers, Link pagination on every list, the lag fault,
// and the switch under which a custom app's connection is always UNKNOWN.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios, { type AxiosResponse } from "axios";
import { parseStartArgs } from "../../sandbox/cli";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { completeConsoleSteps, outputsFor } from "../../sandbox/operator";
import { autoLoginBody } from "../support/oktaHarness";

async function start(okta: Parameters<typeof startSandbox>[0]["okta"]): Promise<RunningSandbox> {
    return startSandbox({
        dir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-fidelity-")),
        cxonePort: 0,
        oktaPort: 0,
        okta,
    });
}

describe("sandbox Okta: fidelity to Okta's documented behaviour", function () {
    this.timeout(30_000);
    let sb: RunningSandbox;
    const api = (method: string, p: string, data?: unknown): Promise<AxiosResponse> =>
        axios.request({
            method,
            url: `${sb.urls.okta}${p}`,
            data,
            validateStatus: () => true,
            headers: { Authorization: `SSWS ${sb.endpoints.okta.apiToken}` },
        });
    before(async () => {
        sb = await start({ rateLimit: { windowSeconds: 5 } });
    });
    after(() => sb?.stop());
    afterEach(() => sb.clearFaults());

    it("every answer has X-Okta-Request-Id; an error's errorId is the same", async () => {
        const ok = await api("GET", "/api/v1/users/me");
        const bad = await api("GET", "/api/v1/apps/nope");
        assert.match(ok.headers["x-okta-request-id"], /^\w{20,}$/);
        assert.notEqual(ok.headers["x-okta-request-id"], bad.headers["x-okta-request-id"]);
        assert.equal(bad.data.errorId, bad.headers["x-okta-request-id"]);
    });
    it("X-Rate-Limit-Remaining counts down per bucket; Reset is epoch seconds within the window", async () => {
        const a = await api("GET", "/api/v1/groups");
        const b = await api("GET", "/api/v1/groups");
        const c = await api("GET", "/api/v1/users/me");
        assert.equal(
            Number(b.headers["x-rate-limit-remaining"]),
            Number(a.headers["x-rate-limit-remaining"]) - 1,
        );
        assert.equal(a.headers["x-rate-limit-limit"], "500");
        assert.equal(c.headers["x-rate-limit-limit"], "2000");
        const reset = Number(a.headers["x-rate-limit-reset"]);
        assert.ok(reset > Date.now() / 1000 && reset <= Date.now() / 1000 + 6, String(reset));
    });
    it("faults answer in Okta's shape: 429 E0000047 with X-Rate-Limit-Reset and no Retry-After; 500 E0000009", async () => {
        sb.setFaults([
            {
                kind: "rateLimit",
                server: "okta",
                perSecond: 0.001,
                path: "^/api/v1/users$",
                times: 1,
            },
            { kind: "status", status: 500, server: "okta", path: "^/api/v1/groups$", times: 1 },
        ]);
        const limited = await api("GET", "/api/v1/users");
        assert.equal(limited.status, 429);
        assert.deepEqual(
            [
                limited.data.errorCode,
                limited.headers["retry-after"],
                limited.headers["x-rate-limit-remaining"],
            ],
            ["E0000047", undefined, "0"],
        );
        assert.ok(
            Number(limited.headers["x-rate-limit-reset"]) >= Math.floor(Date.now() / 1000) + 4,
            "a window away",
        );
        const failed = await api("GET", "/api/v1/groups");
        assert.deepEqual(
            [failed.status, failed.data.errorCode, failed.data.errorId],
            [500, "E0000009", failed.headers["x-okta-request-id"]],
        );
    });
    it("lists page with limit and a Link next cursor; defaults and maxima are the spec's", async () => {
        const users = await api("GET", "/api/v1/users?limit=3");
        assert.equal(users.data.length, 3);
        const next = /<([^>]+)>; rel="next"/.exec(users.headers.link)?.[1];
        assert.ok(next?.startsWith(`${sb.urls.okta}/api/v1/users?`), users.headers.link);
        const rest = await api("GET", next!.slice(sb.urls.okta.length));
        assert.equal(rest.data.length, 1);
        assert.ok(!/rel="next"/.test(rest.headers.link));
        assert.equal(
            new Set([...users.data, ...rest.data].map((u: { id: string }) => u.id)).size,
            4,
        );
        for (let i = 0; i < 21; i++) await api("POST", "/api/v1/apps", autoLoginBody(`page ${i}`));
        assert.equal((await api("GET", "/api/v1/apps")).data.length, 20, "apps: default limit 20");
        assert.equal(
            (await api("GET", "/api/v1/apps?limit=1000")).data.length,
            21,
            "apps: at most 200 a page",
        );
        assert.match(
            (await api("GET", "/api/v1/apps?q=page&limit=5")).headers.link,
            /q=page/,
            "the next link keeps the search",
        );
    });
    it("the lag fault hides objects created within ms from lists; GET by id sees them", async () => {
        const made = await api("POST", "/api/v1/apps", autoLoginBody("just made"));
        sb.setFaults([{ kind: "lag", server: "okta", ms: 10_000 }]);
        assert.deepEqual((await api("GET", "/api/v1/apps?q=just")).data, []);
        assert.equal((await api("GET", `/api/v1/apps/${made.data.id}`)).status, 200);
        sb.clearFaults();
        assert.equal((await api("GET", "/api/v1/apps?q=just")).data.length, 1);
    });

    it("the CLI takes the Okta window and connection mode, and names a bad value", () => {
        assert.deepEqual(
            parseStartArgs(["--okta-rate-window", "5", "--okta-connection=unknown"]).okta,
            { rateLimit: { windowSeconds: 5 }, connectionStatus: "unknown" },
        );
        assert.throws(
            () => parseStartArgs(["--okta-connection", "never"]),
            /--okta-connection takes reported or unknown/,
        );
        assert.throws(
            () => parseStartArgs(["--okta-rate-window", "0"]),
            /--okta-rate-window needs at least 1 second/,
        );
    });

    describe("connection reporting 'unknown'", () => {
        let unknown: RunningSandbox;
        before(async () => {
            unknown = await start({ connectionStatus: "unknown" });
        });
        after(() => unknown?.stop());

        it("a custom SCIM app's connection stays UNKNOWN after the console steps; lifecycle is refused; features work", async () => {
            const h = { Authorization: `SSWS ${unknown.endpoints.okta.apiToken}` };
            const ep = unknown.endpoints;
            const app = (
                await axios.post(`${unknown.urls.okta}/api/v1/apps`, autoLoginBody("NICE CXone"), {
                    headers: h,
                })
            ).data;
            const done = await completeConsoleSteps(
                unknown.urls.okta,
                outputsFor(
                    ep.cxone.baseUrl,
                    app.id,
                    ep.cxone.adminAccessKeyId,
                    ep.cxone.adminAccessKeySecret,
                ),
                { email: ep.cxone.adminEmail, password: ep.cxone.adminPassword },
            );
            assert.ok(done.ok);
            const conn = (
                await axios.get(`${unknown.urls.okta}/api/v1/apps/${app.id}/connections/default`, {
                    headers: h,
                })
            ).data;
            assert.deepEqual(conn, {
                authScheme: "UNKNOWN",
                status: "UNKNOWN",
                profile: { authScheme: "UNKNOWN" },
                _links: {},
            });
            const act = await axios.post(
                `${unknown.urls.okta}/api/v1/apps/${app.id}/connections/default/lifecycle/deactivate`,
                {},
                { headers: h, validateStatus: () => true },
            );
            assert.deepEqual([act.status, act.data.errorCode], [400, "E0000001"]);
            const feature = await axios.put(
                `${unknown.urls.okta}/api/v1/apps/${app.id}/features/USER_PROVISIONING`,
                { create: { lifecycleCreate: { status: "ENABLED" } } },
                { headers: h },
            );
            assert.equal(feature.data.capabilities.create.lifecycleCreate.status, "ENABLED");
        });
    });
});
