// The suite cleans up after itself: every temp dir a test process makes is gone when it ends
// (test/support/tempDirs.ts, loaded by .mocharc.json), unless CXONE_OKTA_KEEP_TEMP asks to keep them.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KEEP_TEMP_ENV } from "../support/tempDirs";

const hook = path.join(__dirname, "..", "support", "tempDirs.js");

// Makes a dir each way fs offers, under the temp dir, and one elsewhere; prints the four paths.
const MAKE = `
const fs = require("fs"), os = require("os"), path = require("path");
const under = (p) => path.join(os.tmpdir(), p);
(async () => {
    const a = fs.mkdtempSync(under("sync-"));
    fs.writeFileSync(path.join(a, "state.json"), "{}");
    const b = await fs.promises.mkdtemp(under("promise-"));
    const c = await new Promise((ok, no) => fs.mkdtemp(under("callback-"), "utf8", (e, d) => (e ? no(e) : ok(d))));
    const d = fs.mkdtempSync(path.join(process.env.ELSEWHERE, "kept-"));
    console.log(JSON.stringify([a, b, c, d]));
})();
`;

describe("the suite's temp dirs", function () {
    let tmp: string;
    let elsewhere: string;
    beforeEach(() => {
        // this process has the hook too: these two go when the suite ends
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "temp-dirs-"));
        elsewhere = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "elsewhere-")));
    });

    const run = (env: NodeJS.ProcessEnv): string[] =>
        JSON.parse(
            execFileSync(process.execPath, ["--require", hook, "--eval", MAKE], {
                encoding: "utf8",
                env: {
                    ...process.env,
                    [KEEP_TEMP_ENV]: "",
                    ...env,
                    TMPDIR: tmp,
                    ELSEWHERE: elsewhere,
                },
            }),
        ) as string[];

    it("each one a process made under the temp dir is gone when it ends, whichever way it was made", () => {
        const [sync, promised, callback, outside] = run({});
        for (const dir of [sync, promised, callback]) {
            assert.ok(dir.startsWith(tmp + path.sep), dir);
            assert.ok(!fs.existsSync(dir), `${dir} left behind`);
        }
        assert.ok(
            fs.existsSync(outside),
            "a dir outside the temp dir is not the suite's to remove",
        );
    });

    it(`${KEEP_TEMP_ENV}=1 keeps them, to look at after a failure`, () => {
        const dirs = run({ [KEEP_TEMP_ENV]: "1" });
        for (const dir of dirs) assert.ok(fs.existsSync(dir), `${dir} removed`);
        assert.ok(fs.existsSync(path.join(dirs[0], "state.json")));
    });
});
