// The project option `refresh: always` (set in this repository's Pulumi.yaml) makes drift show in a
// plain `pulumi preview`, with no --refresh flag.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { testProgram, testStack } from "../support/engine";

describe("project option refresh: always", function () {
    this.timeout(120_000);
    it("a plain preview (no --refresh) shows an out-of-band change", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "refresh-")), "note.txt");
        const s = await testStack("refresh-always", testProgram("localFile"), {
            params: { name: "note", path: file, content: "v1" },
            options: { refresh: "always" },
        });
        await s.up();
        fs.writeFileSync(file, "edited by hand");
        const pv = await s.preview();
        assert.deepEqual(pv.changeSummary, { update: 1, same: 1 });
        await s.destroy();
    });
});
