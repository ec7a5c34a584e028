// The sandbox core's pure parts: where a sandbox keeps its files, the request line in proxy form,
// a fault rule refused with its reason, endpoints.json without a pid or worlds unless given, and
// the request log's query with nothing left. Over HTTP: core.http.test.ts, coreFaults.http.test.ts.
import { strict as assert } from "assert";
import * as path from "path";
import { endpointsOf } from "../../sandbox/core/endpoints";
import { validateFaultRule } from "../../sandbox/core/faults";
import { sandboxDir, sandboxFiles } from "../../sandbox/core/paths";
import { redactPath } from "../../sandbox/core/requestLog";
import { originForm } from "../../sandbox/core/runner";
import { freshWorld } from "../../sandbox/core/world";

describe("sandbox core (pure)", () => {
    describe("where a sandbox keeps its files (paths)", () => {
        let before: string | undefined;
        beforeEach(() => {
            before = process.env.CXONE_OKTA_SANDBOX_DIR;
        });
        afterEach(() => {
            if (before === undefined) delete process.env.CXONE_OKTA_SANDBOX_DIR;
            else process.env.CXONE_OKTA_SANDBOX_DIR = before;
        });

        it("uses .sandbox under the working directory, or the variable (relative to it)", () => {
            delete process.env.CXONE_OKTA_SANDBOX_DIR;
            assert.equal(sandboxDir("/srv/project"), "/srv/project/.sandbox");
            assert.equal(sandboxDir(), path.resolve(process.cwd(), ".sandbox"));
            process.env.CXONE_OKTA_SANDBOX_DIR = "";
            assert.equal(
                sandboxDir("/srv/project"),
                "/srv/project/.sandbox",
                "empty counts as unset",
            );
            process.env.CXONE_OKTA_SANDBOX_DIR = "elsewhere/sb";
            assert.equal(sandboxDir("/srv/project"), "/srv/project/elsewhere/sb");
            process.env.CXONE_OKTA_SANDBOX_DIR = "/abs/sb";
            assert.equal(sandboxDir("/srv/project"), "/abs/sb");
        });

        it("names the five files in the dir", () => {
            assert.deepEqual(sandboxFiles("/d"), {
                state: "/d/state.json",
                endpoints: "/d/endpoints.json",
                requestLog: "/d/requests.log",
                pid: "/d/sandbox.pid",
                daemonLog: "/d/daemon.log",
            });
        });
    });

    it("routes a proxy-form request line on its path and query", () => {
        assert.equal(originForm("/api/v1/apps?limit=2"), "/api/v1/apps?limit=2");
        assert.equal(originForm("http://127.0.0.1:4620/api/v1/apps?q=a"), "/api/v1/apps?q=a");
        assert.equal(originForm("http://127.0.0.1:4620"), "/");
        // a scheme without a path of its own still routes on "/"
        assert.equal(originForm("custom://host?x=1"), "/?x=1");
        // an absolute URL that does not parse is passed on as it came
        assert.equal(originForm("http://[bad"), "http://[bad");
    });

    it("drops an empty query from a logged path, and hides secret values", () => {
        assert.equal(redactPath("/a?"), "/a");
        assert.equal(redactPath("/a?client_secret=s&limit=2"), "/a?client_secret=***&limit=2");
    });

    it("refuses each bad fault rule with its reason", () => {
        const table: [unknown, string | undefined][] = [
            [null, "rule must be an object"],
            ["status", "rule must be an object"],
            [
                { kind: "boom" },
                "kind must be one of latency, status, reset, timeout, rateLimit, lag",
            ],
            [{ kind: "reset", server: "zendesk" }, "server must be cxone or okta"],
            [{ kind: "reset", method: 1 }, "method must be a string"],
            [{ kind: "reset", path: 1 }, "path must be a regular expression string"],
            [{ kind: "reset", path: "(" }, "path is not a valid regular expression: ("],
            [{ kind: "reset", times: -1 }, "times must be a non-negative number"],
            [{ kind: "reset", holdMs: "5" }, "holdMs must be a non-negative number"],
            [
                { kind: "reset", resetSeconds: Infinity },
                "resetSeconds must be a non-negative number",
            ],
            [{ kind: "latency" }, "latency rule needs ms"],
            [{ kind: "lag" }, "lag rule needs ms"],
            [{ kind: "rateLimit" }, "rateLimit rule needs perSecond > 0"],
            [{ kind: "rateLimit", perSecond: 0 }, "rateLimit rule needs perSecond > 0"],
            [{ kind: "status", status: 399 }, "status must be 400-599"],
            [{ kind: "status", status: 600 }, "status must be 400-599"],
            [{ kind: "status", status: 400 }, undefined],
            [{ kind: "status", status: 599, server: "okta", method: "GET", path: "^/" }, undefined],
            [{ kind: "lag", ms: 0 }, undefined],
            [{ kind: "rateLimit", perSecond: 1, server: "cxone" }, undefined],
        ];
        for (const [rule, reason] of table)
            assert.equal(validateFaultRule(rule), reason, JSON.stringify(rule));
    });

    it("writes endpoints.json with a pid and worlds only when given", () => {
        const state = freshWorld();
        const urls = { cxone: "http://127.0.0.1:1", okta: "http://127.0.0.1:2" };
        const bare = endpointsOf(state, urls);
        assert.equal("pid" in bare, false);
        assert.equal("variants" in bare, false);
        assert.equal("hosts" in bare.cxone, false);
        assert.equal(bare.okta.apiToken, state.okta.apiToken);
        const full = endpointsOf(state, urls, 42, ["token-camel-case"]);
        assert.equal(full.pid, 42);
        assert.deepEqual(full.variants, ["token-camel-case"]);
    });
});
