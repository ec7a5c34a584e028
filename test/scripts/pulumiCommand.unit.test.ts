// scripts/lib/pulumiCommand.ts, `pulumi` as a user types it, in each mode. The demo's: each shown
// command is printed quoted as a shell would need it, runs in the given directory with the given env
// over the host's, and a failure throws; read() returns the command's stdout. The tests' and the
// bench's: captured (code, output, stdout and stderr apart, time, memory when measured), and started
// in a group of its own. A stand-in `pulumi` on PATH records its calls.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    commandEnv,
    pulumi,
    pulumiCli,
    pulumiOk,
    runPulumi,
    startPulumi,
} from "../../scripts/lib/pulumiCommand";
import { enginePath } from "../../scripts/lib/toolchain";
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
            // fds: where its stdout and stderr lead (Linux's /proc), written to $FDS_FILE
            '[ "$1" = fds ] && { o=$(readlink /proc/$$/fd/1); e=$(readlink /proc/$$/fd/2); ' +
                'printf "%s\\n%s\\n" "$o" "$e" > "$FDS_FILE"; exit 0; }\n' +
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
    it("run: the command's output goes to the demo's own stdout and stderr, not captured", () => {
        const fds = path.join(root, "fds");
        pulumiCli(root, { ...env, FDS_FILE: fds }).run("fds");
        assert.deepEqual(fs.readFileSync(fds, "utf8").split("\n").slice(0, 2), [
            fs.readlinkSync("/proc/self/fd/1"),
            fs.readlinkSync("/proc/self/fd/2"),
        ]);
    });
    it("a failing command throws", () => {
        assert.throws(() => pulumiCli(root, env).run("fail"), /Command failed: pulumi fail/);
        assert.throws(() => pulumiCli(root, env).read("fail"), /Command failed: pulumi fail/);
    });
});

describe("tests and bench: pulumi captured, or started", function () {
    // a command that never ends fails in seconds, not at the suite's two minutes
    this.timeout(10_000);
    let root: string;
    let env: Record<string, string>;
    beforeEach(() => {
        root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-command-")));
        const bin = standInCommand(
            path.join(root, "bin", "pulumi"),
            // the pause keeps the two pipes' order in the merged output; `exec` for the wait, since
            // a Ctrl-C landing while the shell forks its child could be caught by the shell and lost
            'echo "out $* in $(pwd) as $WHO"\nsleep 0.1\necho "err" >&2\n[ "$1" = fail ] && exit 3\n' +
                '[ "$1" = wait ] && { echo started; exec sleep 30; }\n[ "$1" = die ] && kill -KILL $$\nexit 0',
        );
        env = { PATH: `${bin}:${process.env.PATH ?? ""}`, WHO: "tester" };
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("the environment: the host's, PATH for the engine, then the caller's (which may set PATH)", () => {
        assert.equal(commandEnv({}).PATH, enginePath());
        assert.equal(commandEnv({}).HOME, process.env.HOME);
        assert.deepEqual([commandEnv(env).PATH, commandEnv(env).WHO], [env.PATH, "tester"]);
    });
    it("captured and measured: code, output in order, stdout and stderr apart, time, memory", async () => {
        const r = await pulumi(root, env, "fail", "now");
        assert.equal(r.code, 3);
        assert.equal(r.output, `out fail now in ${root} as tester\nerr\n`);
        assert.equal(r.stdout, `out fail now in ${root} as tester\n`);
        assert.equal(r.stderr, "err\n");
        assert.ok(r.ms >= 0 && r.ms < 10_000, String(r.ms));
        assert.ok(r.maxRssMb > 0, "python measured the command tree");
    });
    it("captured unmeasured: no memory figure, nothing of python in the output", async () => {
        const r = await runPulumi(root, env, ["whoami"], { measured: false });
        assert.deepEqual(
            [r.code, r.stdout, r.stderr, r.maxRssMb],
            [0, `out whoami in ${root} as tester\n`, "err\n", 0],
        );
    });
    it("captured: a command killed by a signal has exit code -1; a memory figure in megabytes", async () => {
        const r = await runPulumi(root, env, ["die"], { measured: false });
        assert.equal(r.code, -1);
        const m = await pulumi(root, env, "up");
        // a shell and python: a few megabytes (ru_maxrss is in kilobytes)
        assert.ok(m.maxRssMb > 1 && m.maxRssMb < 1024, String(m.maxRssMb));
    });
    it("captured: no pulumi to run rejects, naming it", async () => {
        const empty = fs.mkdtempSync(path.join(root, "empty-"));
        await assert.rejects(
            runPulumi(root, { PATH: empty }, ["up"], { measured: false }),
            /spawn pulumi ENOENT/,
        );
    });
    it("pulumiOk: the output, or a failure naming the command, its exit code and its output", async () => {
        assert.equal(await pulumiOk(root, env, "up"), `out up in ${root} as tester\nerr\n`);
        await assert.rejects(
            pulumiOk(root, env, "fail", "x"),
            (e: Error) =>
                e.message === `pulumi fail x exited 3:\nout fail x in ${root} as tester\nerr\n`,
        );
    });
    it("started: running in a process group of its own, which a Ctrl-C stops", async () => {
        const child = startPulumi(root, env, "wait");
        let output = "";
        child.stdout.on("data", (d) => (output += d));
        while (!output.includes("started")) await new Promise((r) => setTimeout(r, 20));
        assert.equal(output, `out wait in ${root} as tester\nstarted\n`);
        process.kill(-child.pid!, "SIGINT");
        const [code, signal] = await new Promise<[number | null, string | null]>((r) =>
            child.on("close", (c, s) => r([c, s])),
        );
        assert.deepEqual([code, signal], [null, "SIGINT"]);
    });
});
