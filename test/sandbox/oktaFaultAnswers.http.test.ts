// Injected faults as the emulated Okta answers them (sandbox/okta/faultAnswers.ts): Okta's error
// body for the status, and a Retry-After header only when the rule asks for one (Okta promises none).
import * as assert from "assert";
import { sandboxForSuite } from "../support/sandbox";
import { sandboxOktaApi } from "../support/sandboxOktaApi";

describe("sandbox Okta: injected faults in Okta's shapes (faultAnswers.ts)", function () {
    this.timeout(20000);
    const f = sandboxForSuite({}, { reset: true });
    const okta = sandboxOktaApi(() => f.sandbox);
    /** The next groups list answered with `status` (and a Retry-After when given). */
    const fault = (status: number, retryAfterSeconds?: number) =>
        f.sandbox.setFaults([
            {
                kind: "status",
                server: "okta",
                status,
                times: 1,
                path: "^/api/v1/groups$",
                ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
            },
        ]);

    it("a 503 with a Retry-After asked for carries it, in Okta's read-only body", async () => {
        fault(503, 3);
        const r = await okta("GET", "/api/v1/groups");
        assert.strictEqual(r.status, 503);
        assert.strictEqual(r.headers.get("retry-after"), "3");
        assert.strictEqual(r.body.errorCode, "E0000010");
        assert.strictEqual(r.body.errorSummary, "Service is in read only mode");
        assert.strictEqual((await okta("GET", "/api/v1/groups")).status, 200, "once only");
    });

    it("without one asked for there is no Retry-After", async () => {
        fault(500);
        const r = await okta("GET", "/api/v1/groups");
        assert.strictEqual(r.status, 500);
        assert.strictEqual(r.headers.get("retry-after"), null);
        assert.strictEqual(r.body.errorCode, "E0000009");
    });
    it("a status Okta documents no error for is answered with E0000009, naming the fault", async () => {
        fault(418);
        const r = await okta("GET", "/api/v1/groups");
        assert.strictEqual(r.status, 418);
        assert.strictEqual(r.body.errorCode, "E0000009");
        assert.strictEqual(r.body.errorSummary, "Injected fault");
    });
});
