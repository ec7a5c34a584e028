// The real engine runs a dynamic resource through its whole life: up, no-change preview --refresh,
// an update, destroy. Proves the CLI, our language host, the dynamic-provider shim and closure
// serialization work together, with the program in its own process.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { testProgram, testStack } from "../support/engine";

describe("engine smoke (real Pulumi CLI)", function () {
    this.timeout(180_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smoke-"));
    const file = path.join(dir, "hello.txt");

    it("up -> preview --refresh (no changes) -> change -> up -> destroy", async () => {
        const s = await testStack("smoke", testProgram("localFile"), {
            params: { name: "greeting", path: file, content: "hello" },
        });
        const up1 = await s.up();
        assert.deepEqual(up1.summary.resourceChanges, { create: 2 });
        assert.equal(fs.readFileSync(file, "utf8"), "hello");

        const pv = await s.preview({ refresh: true });
        assert.deepEqual(pv.changeSummary, { same: 2 });

        await s.setParams({ name: "greeting", path: file, content: "hello again" });
        const up2 = await s.up();
        assert.deepEqual(up2.summary.resourceChanges, { update: 1, same: 1 });
        assert.equal(fs.readFileSync(file, "utf8"), "hello again");

        fs.writeFileSync(file, "changed by hand");
        const drift = await s.preview({ refresh: true });
        assert.deepEqual(drift.changeSummary, { update: 1, same: 1 });

        const d = await s.destroy();
        assert.deepEqual(d.summary.resourceChanges, { delete: 2 });
        assert.equal(fs.existsSync(file), false);
    });
});
