// With no tenant configured and no sandbox running, `up` stops with one clear line saying how to start it.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startHint } from "../../program/sandboxTarget";
import { timesReported } from "../support/diagnostics";
import { rootProgram, testStack } from "../support/engine";

describe("root program without a tenant or a sandbox (real engine)", function () {
    this.timeout(120_000);
    it("fails with the one-line hint, once, and creates nothing", async () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-sandbox-"));
        const s = await testStack("no-sandbox", rootProgram, {
            env: { CXONE_OKTA_SANDBOX_DIR: empty },
        });
        await assert.rejects(s.up(), (e: Error) => e.message.includes(startHint));
        assert.equal(
            timesReported(s.output(), startHint),
            1,
            `the hint is reported once: ${s.output()}`,
        );
        assert.ok(
            !/at \S+ \(.*\.js:\d+:\d+\)/.test(s.output()),
            "no stack trace, just the message",
        );
        const state = JSON.parse(await s.exportState());
        assert.ok(
            (state.deployment?.resources ?? []).every(
                (r: { type: string }) => r.type === "pulumi:pulumi:Stack",
            ),
        );
    });
});
