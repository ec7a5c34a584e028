// scripts/lib/cli.ts, the demo's `pulumi` as a user types it: each shown command is printed quoted as
// a shell would need it, runs in the given directory with the given env over the host's, and a
// failure throws; read() returns the command's stdout. A stand-in `pulumi` on PATH records its calls.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pulumiCli } from "../../scripts/lib/cli";
import { standInCommand } from "../support/standIn";

describe("demo: pulumi as the user types it", () => {
    let root: string;
    let env: Record<string, string>;
    let printed: string[];
    let log: typeof console.log;
    beforeEach(() => {
        root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "demo-cli-")));
        const bin = standInCommand(
            path.join(root, "bin", "pulumi"),
            'for a in "$@"; do printf "[%s]" "$a"; done\necho " in $(pwd) with $DEMO_SAYS"\n[ "$1" = fail ] && exit 4\nexit 0',
        );
        env = { PATH: `${bin}:${process.env.PATH ?? ""}`, DEMO_SAYS: "hi" };
        printed = [];
        log = console.log;
        console.log = (...a: unknown[]) => void printed.push(a.join(" "));
    });
    afterEach(() => {
        console.log = log;
        fs.rmSync(root, { recursive: true, force: true });
    });

    it("read: the command's stdout, run in the directory with the env", () => {
        assert.equal(
            pulumiCli(root, env).read("stack", "output", "--json"),
            `[stack][output][--json] in ${root} with hi\n`,
        );
        assert.deepEqual(printed, []);
    });
    it("run: prints the command, quoting only what a shell needs quoted", () => {
        pulumiCli(root, env).run(
            "config",
            "set",
            "okta:orgUrl",
            "https://x.okta.com/a,b@c%+=",
            "two words",
            "it's",
            "",
        );
        assert.deepEqual(printed, [
            "\n$ pulumi config set okta:orgUrl https://x.okta.com/a,b@c%+= 'two words' 'it'\\''s' ''",
        ]);
    });
    it("a failing command throws", () => {
        assert.throws(() => pulumiCli(root, env).run("fail"), /Command failed: pulumi fail/);
        assert.throws(() => pulumiCli(root, env).read("fail"), /Command failed: pulumi fail/);
    });
});
