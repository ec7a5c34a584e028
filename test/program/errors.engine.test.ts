// Errors reach the operator once, in their words, with no JS stack trace: a refused API sign-in
// during refresh (CXone 401, Okta 401), and a bad input, through plain `pulumi preview`.
import { strict as assert } from "assert";
import { pulumi } from "../../scripts/lib/pulumiCommand";
import { timesReported } from "../support/diagnostics";
import { integrationFixture, IntegrationFixture } from "../support/integrationStack";
import { STACK_TRACE } from "../support/reliability";

describe("errors once, in the operator's words (real CLI, sandbox)", function () {
    this.timeout(180_000);
    let f: IntegrationFixture;
    const preview = (env: Record<string, string> = {}) =>
        pulumi(
            f.stack.workDir,
            { ...f.stack.env, ...env },
            "preview",
            "--stack",
            f.stack.stack.name,
        );

    before(async () => {
        f = await integrationFixture("errors-once");
        await f.stack.up();
    });
    after(async () => {
        await f?.stack.destroy();
        await f?.sandbox.stop();
    });

    /** The preview failed and told `message` once, with no stack trace and never `secret`. */
    function toldOnce(r: Awaited<ReturnType<typeof preview>>, message: string, secret?: string) {
        assert.notEqual(r.code, 0);
        assert.equal(timesReported(r.output, message), 1, r.output);
        assert.doesNotMatch(r.output, STACK_TRACE);
        if (secret) assert.ok(!r.output.includes(secret), "the secret is never printed");
    }

    it("CXone refuses the admin key during refresh: one message, no stack trace", async () => {
        const r = await preview({
            CXONE_ACCESS_KEY_ID: "WRONGKEYID0000000000",
            CXONE_ACCESS_KEY_SECRET: "wrong-secret-value",
        });
        // every resource fails (they share the refused key), but CXone's answer is told in full once;
        // the others point to it
        toldOnce(
            r,
            "CXone answered HTTP 401 (code invalid_client: Invalid access key or secret)",
            "wrong-secret-value",
        );
        assert.match(
            r.output,
            /the same answer, already reported for another resource of this run/,
        );
    });

    it("Okta refuses the API token during refresh: one message, no stack trace", async () => {
        const r = await preview({ OKTA_API_TOKEN: "00wrong-token-value" });
        const message = /[^\n]*401 E0000011[^\n]*|[^\n]*Okta answered HTTP 401[^\n]*/
            .exec(r.output)?.[0]
            ?.replace(/^.*?error: (Preview failed: )?/, "");
        assert.ok(message, r.output);
        toldOnce(r, message, "00wrong-token-value");
    });

    it("a bad program setting: one message naming the key, no stack trace", async () => {
        await f.stack.setConfig("cxone-okta-scim:waitForAuthorizationSeconds", "-3");
        const r = await preview();
        await f.stack.stack.removeConfig("cxone-okta-scim:waitForAuthorizationSeconds");
        toldOnce(r, "cxone-okta-scim:waitForAuthorizationSeconds must be a number of seconds");
    });
});
