// test/README.md's map from behaviour to file names every test file, so a newcomer who looks a
// behaviour up there finds all of its tests: a file added without its row fails here, naming it.
// Runs on `git ls-files` (what a clone gets); outside a git checkout it skips, saying why.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../../scripts/lib/engine";
import { trackedFiles } from "../support/trackedFiles";

/** The map's name of a test file: its path under test/ without `.test.ts`, e.g. `core/memo.unit`. */
export function mapName(file: string): string {
    return file.replace(/^test\//, "").replace(/\.test\.ts$/, "");
}

/** The test files whose map name is not written, in backticks, anywhere in the README's text. */
export function unmapped(files: string[], readme: string): string[] {
    return files.filter((f) => !readme.includes("`" + mapName(f) + "`"));
}

describe("test/README.md's map names every test file", function () {
    it("reads a file's map name as its path under test/ without .test.ts, in backticks", function () {
        assert.equal(mapName("test/sandbox/cli.http.test.ts"), "sandbox/cli.http");
        assert.deepEqual(
            unmapped(
                ["test/core/memo.unit.test.ts", "test/core/retry.unit.test.ts"],
                "| retries | `core/retry.unit`, and core/memo.unit unquoted |",
            ),
            ["test/core/memo.unit.test.ts"],
        );
    });

    it("every tracked test file has its row", function () {
        const found = trackedFiles();
        if (typeof found === "string") {
            console.log(`    skipped: ${found}; this check runs on a git checkout`);
            this.skip();
        }
        const files = (found as string[]).filter((f) => /^test\/.*\.test\.ts$/.test(f));
        assert.ok(files.length > 100, `only ${files.length} test files tracked`);
        const readme = fs.readFileSync(path.join(repoRoot, "test", "README.md"), "utf8");
        assert.deepEqual(unmapped(files, readme), [], "add these files to test/README.md's map");
    });
});
