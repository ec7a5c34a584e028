// Our language host as the CLI drives it, without an engine: the host (langhost/main.ts) is started
// in this process and, once, as the process the CLI starts, and called over gRPC on loopback (Run,
// Cancel, GetPluginInfo).
// The program's runner is a stand-in placed where the host looks for the SDK's (node_modules/
// @pulumi/pulumi/cmd/run in the program's directory): it records what reached it and then exits,
// fails, kills itself, waits or waits ignoring SIGINT, as each test asks. So each answer the engine
// gets is checked: success only for exit 0, an error naming the code or the signal otherwise, stack
// config with its secret values and secret keys handed to the program, and Cancel or SIGINT stopping
// the program; a program that ignores SIGINT is killed at the stop's deadline (a clock the test
// moves). The process entry (main) in this process too, with a scripted process: its signals, the
// port on stdout, a server that cannot listen.
import { strict as assert } from "assert";
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import { LanguageRuntimeClient } from "@pulumi/pulumi/proto/language_grpc_pb";
import * as languagePb from "@pulumi/pulumi/proto/language_pb";
import * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import { main, startHost, type Host, type HostProcess } from "../../langhost/main";
import { alive } from "../support/processes";

const HOST = path.resolve(__dirname, "../../langhost/main.js");

/** The stand-in runner: its behaviour is the program's entry point (exit:N, signal:NAME, wait, ok). */
const RUNNER = `
const fs = require("fs");
const args = process.argv.slice(2);
const entry = args[args.length - 1];
if (entry === "ignore") process.on("SIGINT", () => undefined);
fs.writeFileSync(process.env.RUNNER_RECORD, JSON.stringify({
    args,
    cwd: process.cwd(),
    config: process.env.PULUMI_CONFIG,
    secretKeys: process.env.PULUMI_CONFIG_SECRET_KEYS,
    typescript: process.env.PULUMI_NODEJS_TYPESCRIPT,
    pid: process.pid,
}));
const [what, arg] = entry.split(":");
if (what === "exit") process.exit(Number(arg));
if (what === "signal") process.kill(process.pid, arg);
if (what === "wait" || what === "ignore") setInterval(() => undefined, 1000);
if (what === "stdin") process.stdin.on("data", () => undefined).on("end", () => process.exit(0));
`;

interface Record_ {
    args: string[];
    cwd: string;
    config: string;
    secretKeys: string;
    typescript: string;
    pid: number;
}

describe("language host over gRPC (no engine): run answers, config and secrets, cancel", function () {
    this.timeout(30_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "langhost-"));
    const record = path.join(dir, "record.json");
    let host: Host | undefined;
    let client: LanguageRuntimeClient;
    let exited: number[] = [];
    const savedRecord = process.env.RUNNER_RECORD;

    before(async () => {
        const runner = path.join(dir, "node_modules", "@pulumi", "pulumi", "cmd", "run");
        fs.mkdirSync(runner, { recursive: true });
        fs.writeFileSync(path.join(runner, "index.js"), RUNNER);
        // the host hands its environment to the program: the stand-in finds its record file there
        process.env.RUNNER_RECORD = record;
    });
    // The host starts in the first test's beforeEach, not in before(): Stryker credits what a
    // before() hook runs to the test that ran last, in another file.
    beforeEach(async () => {
        if (host) return;
        // a clock that stands still: only the programs' end can let the host's stop exit
        host = await startHost(
            ["-v=9", "127.0.0.1:1"],
            (code) => exited.push(code),
            () => 0,
        );
        client = clientOf(host);
    });
    after(() => {
        client?.close();
        if (savedRecord === undefined) delete process.env.RUNNER_RECORD;
        else process.env.RUNNER_RECORD = savedRecord;
        fs.rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(() => fs.rmSync(record, { force: true }));

    const clientOf = (h: Host) =>
        new LanguageRuntimeClient(`127.0.0.1:${h.port}`, grpc.credentials.createInsecure());
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    /** Runs the stand-in program with `entry` as its entry point; resolves with the host's answer. */
    function run(
        entry: string,
        config: Record<string, string> = {},
        secretKeys: string[] = [],
        via: LanguageRuntimeClient = client,
    ): Promise<{ error: string; bail: boolean }> {
        const info = new languagePb.ProgramInfo()
            .setRootDirectory(dir)
            .setProgramDirectory(dir)
            .setEntryPoint(entry);
        const req = new languagePb.RunRequest()
            .setProject("proj")
            .setStack("dev")
            .setPwd(dir)
            .setMonitorAddress("127.0.0.1:2")
            .setDryrun(false)
            .setParallel(4)
            .setConfigsecretkeysList(secretKeys)
            .setInfo(info);
        for (const [k, v] of Object.entries(config)) req.getConfigMap().set(k, v);
        return new Promise((resolve, reject) =>
            via.run(req, (e, res) =>
                e ? reject(e) : resolve({ error: res!.getError(), bail: res!.getBail() }),
            ),
        );
    }
    const recorded = (): Record_ => JSON.parse(fs.readFileSync(record, "utf8")) as Record_;
    /** Waits until the stand-in program has started (its record is written). */
    async function started(): Promise<Record_> {
        const deadline = Date.now() + 10_000;
        // until the record reads whole: the file exists a moment before its text is written
        for (;;) {
            try {
                return recorded();
            } catch (e) {
                if (Date.now() >= deadline) throw e;
                await new Promise((r) => setTimeout(r, 50));
            }
        }
    }

    it("answers GetPluginInfo with the SDK's version", async () => {
        const version = await new Promise<string>((resolve, reject) =>
            client.getPluginInfo(new emptyPb.Empty(), (e, r?: pluginPb.PluginInfo) =>
                e ? reject(e) : resolve(r!.getVersion()),
            ),
        );
        const sdk = require("@pulumi/pulumi/package.json") as { version: string };
        assert.equal(version, sdk.version);
    });

    it("a program that exits 0 is a success; any other exit is an error naming the code", async () => {
        assert.deepEqual(await run("exit:0"), { error: "", bail: false });
        assert.deepEqual(await run("exit:3"), {
            error: "Program exited with non-zero exit code: 3",
            bail: false,
        });
        assert.deepEqual(
            await run("exit:32"),
            { error: "", bail: true },
            "32: the runner reported the error itself",
        );
    });

    it("a program's stdin is closed: one that reads it meets its end at once", async () => {
        const answer = await Promise.race([run("stdin"), sleep(5_000).then(() => "no answer")]);
        if (answer === "no answer") host!.runtime.stopPrograms("SIGKILL");
        assert.deepEqual(answer, { error: "", bail: false });
    });

    for (const signal of ["SIGKILL", "SIGTERM", "SIGINT"]) {
        it(`a program killed by ${signal} is an error naming the signal, never a success`, async () => {
            // a success would let `up` delete whatever the program had not registered yet
            assert.deepEqual(await run(`signal:${signal}`), {
                error: `Program exited on signal ${signal}`,
                bail: false,
            });
        });
    }

    it("stack config reaches the program, secret values and which keys are secret included", async () => {
        const config = {
            "proj:plain": "a",
            "proj:token": "s3cret-value",
            "cxone:region": "na1",
            bare: "b",
        };
        assert.deepEqual(await run("exit:0", config, ["proj:token"]), { error: "", bail: false });
        const r = recorded();
        assert.deepEqual(JSON.parse(r.config), {
            "proj:config:plain": "a",
            "proj:config:token": "s3cret-value",
            "cxone:config:region": "na1",
            bare: "b",
        });
        assert.deepEqual(JSON.parse(r.secretKeys), ["proj:token"]);
        assert.equal(r.typescript, "true");
        assert.equal(fs.realpathSync(r.cwd), fs.realpathSync(dir));
        assert.deepEqual(r.args.slice(0, 2), ["--monitor", "127.0.0.1:2"]);
        assert.ok(r.args.includes("exit:0"), "the entry point is passed on");
    });

    it("Cancel stops the running program, and its Run answers with the signal", async () => {
        const answer = run("wait");
        const { pid } = await started();
        assert.ok(alive(pid), "the program runs");
        await new Promise<void>((resolve, reject) =>
            client.cancel(new emptyPb.Empty(), (e) => (e ? reject(e) : resolve())),
        );
        assert.deepEqual(await answer, { error: "Program exited on signal SIGINT", bail: false });
        assert.equal(alive(pid), false, "no program is left");
    });

    it("the CLI's stop (SIGINT) stops the running program, then the host exits 0", async () => {
        const answer = run("wait").catch((e: Error) => e);
        const { pid } = await started();
        exited = [];
        host!.stop("SIGINT");
        const deadline = Date.now() + 5_000;
        while (exited.length === 0 && Date.now() < deadline)
            await new Promise((r) => setTimeout(r, 50));
        assert.deepEqual(exited, [0]);
        assert.equal(alive(pid), false, "no program is left");
        await answer;
    });

    it("the CLI's stop: a program ignoring SIGINT is killed once 3 s have passed, then the host exits 0", async () => {
        let clock = 1_000_000;
        const codes: number[] = [];
        const h = await startHost(
            ["127.0.0.1:1"],
            (code) => codes.push(code),
            () => clock,
        );
        const c = clientOf(h);
        try {
            const answer = run("ignore", {}, [], c).catch((e: Error) => e);
            const { pid } = await started();
            h.stop("SIGINT");
            await sleep(300);
            assert.ok(alive(pid), "the program ignores SIGINT");
            assert.deepEqual(codes, [], "the host waits for it");
            clock += 3000;
            await sleep(300);
            assert.ok(alive(pid), "3 s: the deadline, not yet past");
            assert.deepEqual(codes, []);
            clock += 1;
            const deadline = Date.now() + 5_000;
            while (codes.length === 0 && Date.now() < deadline) await sleep(50);
            assert.deepEqual(codes, [0]);
            while (alive(pid) && Date.now() < deadline) await sleep(50);
            assert.equal(alive(pid), false, "killed");
            await answer;
        } finally {
            c.close();
        }
    });

    /** A scripted process for main(): its signal listeners, what it wrote, its exit codes. */
    function scriptedProcess() {
        const p = {
            listeners: new Map<string, () => void>(),
            order: [] as string[],
            stdout: "",
            stderr: "",
            codes: [] as number[],
        };
        const proc: HostProcess = {
            on(signal, listener) {
                p.order.push(`on ${signal}`);
                p.listeners.set(signal, listener);
            },
            stdout: {
                write(text) {
                    p.order.push("stdout");
                    p.stdout += text;
                },
            },
            stderr: {
                write(text) {
                    p.stderr += text;
                },
            },
            exit(code) {
                p.codes.push(code);
            },
        };
        return { p, proc };
    }
    async function until(done: () => boolean): Promise<void> {
        const deadline = Date.now() + 5_000;
        while (!done() && Date.now() < deadline) await sleep(20);
    }

    for (const signal of ["SIGINT", "SIGTERM"] as const) {
        it(`main: listens for the CLI's stop, prints its port, and ${signal} stops the host, exit 0`, async () => {
            const { p, proc } = scriptedProcess();
            const argvs: string[][] = [];
            const stops: string[] = [];
            let host: Host | undefined;
            main(["-v=9", "127.0.0.1:1"], proc, async (argv, exit) => {
                argvs.push(argv);
                const h = await startHost(argv, exit, () => 0);
                host = {
                    ...h,
                    stop: (s) => {
                        stops.push(s);
                        h.stop(s);
                    },
                };
                return host;
            });
            assert.deepEqual(argvs, [["-v=9", "127.0.0.1:1"]]);
            assert.deepEqual(
                p.order,
                ["on SIGINT", "on SIGTERM"],
                "listening before the port is printed",
            );
            await until(() => p.stdout !== "");
            assert.equal(p.stdout, `${host!.port}\n`);
            const c = clientOf(host!);
            await new Promise<void>((resolve, reject) =>
                c.getPluginInfo(new emptyPb.Empty(), (e) => (e ? reject(e) : resolve())),
            );
            c.close();
            p.listeners.get(signal)!();
            await until(() => p.codes.length > 0);
            assert.deepEqual(stops, [signal]);
            assert.deepEqual(p.codes, [0]);
            assert.equal(p.stderr, "");
        });
    }

    it("main: a server that cannot listen: why, on stderr, and exit 1; nothing on stdout", async () => {
        const { p, proc } = scriptedProcess();
        main(["127.0.0.1:1"], proc, () => Promise.reject(new Error("bind EADDRINUSE 127.0.0.1:0")));
        await until(() => p.codes.length > 0);
        assert.deepEqual(p.codes, [1]);
        assert.equal(
            p.stderr,
            "pulumi-language-nodejs: could not listen: bind EADDRINUSE 127.0.0.1:0\n",
        );
        assert.equal(p.stdout, "");
    });

    it("as the process the CLI starts: its port on the first line, and SIGINT ends it with 0", async () => {
        const child: ChildProcess = spawn(process.execPath, [HOST, "127.0.0.1:1"], {
            stdio: ["ignore", "pipe", "inherit"],
        });
        const first = await new Promise<string>((resolve, reject) => {
            child.once("exit", (code) => reject(new Error(`the host exited with ${code}`)));
            child.stdout!.once("data", (d: Buffer) => resolve(d.toString()));
        });
        assert.match(first, /^\d+\n$/);
        const code = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
        child.kill("SIGINT");
        assert.equal(await code, 0);
    });
});
