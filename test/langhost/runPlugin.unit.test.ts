// The contract our language host follows to run a source-based plugin (RunPlugin) and to install a
// plugin's dependencies (InstallDependencies), as pure mappings: the SDK's plugin runner command,
// the environment, the kinds it runs, exit codes, and which dependencies are missing; and RunPlugin
// itself in process, with a stand-in node that records how it was started.
import { strict as assert } from "assert";
import type { ChildProcess } from "child_process";
import { EventEmitter } from "events";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as languagePb from "@pulumi/pulumi/proto/language_pb";
import { missingDependencies } from "../../langhost/installDependencies";
import {
    environment,
    pluginCommand,
    pluginExitCode,
    PluginSpec,
    refusedKind,
} from "../../langhost/pluginCommand";
import { requiredPackages } from "../../langhost/requiredPackages";
import { runPlugin, stopPlugin } from "../../langhost/runPlugin";
import { repoRoot } from "../../scripts/lib/engine";
import { RecordedStream } from "../support/recordedStream";
import { standInCommand } from "../support/standIn";

const spec: PluginSpec = {
    pluginDirectory: "/repo/plugin",
    pwd: "/srv/yaml-project",
    args: ["--logtostderr", "-v=9", "127.0.0.1:40001"],
    env: ["PATH=/bin", "PULUMI_HOME=/srv/pulumi-home", "EXTRA=a=b"],
    kind: "resource",
    typescript: true,
};

describe("language host: RunPlugin's command line and environment", () => {
    it("runs the SDK's plugin runner with the plugin directory first, then the plugin's own arguments", () => {
        assert.deepEqual(pluginCommand("/sdk/cmd/run-plugin", spec).args, [
            "/sdk/cmd/run-plugin",
            "/repo/plugin",
            "--logtostderr",
            "-v=9",
            "127.0.0.1:40001",
        ]);
    });
    it("runs in the CLI's working directory, or the plugin's when the CLI gave none", () => {
        assert.equal(pluginCommand("/run", spec).cwd, "/srv/yaml-project");
        assert.equal(pluginCommand("/run", { ...spec, pwd: "" }).cwd, "/repo/plugin");
    });
    it("the environment is the one the CLI prepared, the TypeScript switch added only when on", () => {
        assert.deepEqual(pluginCommand("/run", spec).env, {
            PATH: "/bin",
            PULUMI_HOME: "/srv/pulumi-home",
            EXTRA: "a=b",
            PULUMI_NODEJS_TYPESCRIPT: "true",
        });
        assert.equal(
            pluginCommand("/run", { ...spec, typescript: false }).env.PULUMI_NODEJS_TYPESCRIPT,
            undefined,
        );
    });
    it("KEY=value entries: the first = splits, a later entry wins, an entry without a key is dropped", () => {
        assert.deepEqual(environment(["A=1", "B==x", "A=2", "=nokey", "NOVALUE"]), {
            A: "2",
            B: "=x",
        });
    });
    it("runs resource, converter and tool plugins; refuses policy packs and unknown kinds, saying why", () => {
        for (const kind of ["resource", "converter", "tool"])
            assert.equal(refusedKind(kind), undefined);
        assert.match(refusedKind("analyzer")!, /policy packs .* not supported .*official/);
        assert.equal(
            refusedKind("language"),
            `plugin kind "language" is not supported by this project's Node.js language host (it runs resource, converter, tool plugins)`,
        );
    });
    it("exit codes pass through; a plugin killed by a signal reports 128 + its number", () => {
        assert.equal(pluginExitCode({ code: 0, signal: null }), 0);
        assert.equal(pluginExitCode({ code: 3, signal: null }), 3);
        assert.equal(pluginExitCode({ code: null, signal: "SIGTERM" }), 143);
        assert.equal(pluginExitCode({ code: null, signal: "SIGKILL" }), 137);
        assert.equal(pluginExitCode({ code: null, signal: "SIGHUP" }), 128);
    });
});

describe("language host: InstallDependencies knows what is missing", () => {
    const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "deps-"));
    it("this repository's plugin/ needs nothing: the SDK resolves from it and it declares no dependency", () => {
        assert.deepEqual(missingDependencies(path.join(repoRoot, "plugin"), true), []);
    });
    it("outside any node_modules: the SDK and each declared dependency are missing", () => {
        const dir = tmp();
        fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({
                dependencies: { "left-pad": "1" },
                devDependencies: { typescript: "5" },
            }),
        );
        if (fs.existsSync(path.join(os.tmpdir(), "node_modules"))) return; // not a clean tmp
        assert.deepEqual(missingDependencies(dir, true), ["@pulumi/pulumi", "left-pad"]);
        // a program also needs its devDependencies (TypeScript, for instance)
        assert.deepEqual(missingDependencies(dir, false), [
            "@pulumi/pulumi",
            "left-pad",
            "typescript",
        ]);
    });
    it("a directory without package.json: npm install has to say what is wrong", () => {
        assert.deepEqual(missingDependencies(tmp(), true), ["package.json"]);
    });
});

describe("language host: the packages a plugin needs stop at its own package.json", () => {
    it("plugin/ has its own package.json and no node_modules: no plugin to install for it", () => {
        assert.deepEqual(requiredPackages(path.join(repoRoot, "plugin")), []);
    });
    it("a program directory without package.json still finds the repository's @pulumi/okta", () => {
        const found = requiredPackages(path.join(repoRoot, "examples", "yaml"));
        assert.ok(
            found.some((p) => p.name === "okta"),
            JSON.stringify(found),
        );
    });
});

describe("language host: RunPlugin in process (a stand-in node records what it was started with)", function () {
    // a handler that never answers fails in seconds, not at the suite's two minutes
    this.timeout(5000);
    type Call = RecordedStream<languagePb.RunPluginRequest, languagePb.RunPluginResponse>;
    let root: string;
    let pluginDir: string;
    let node: string;
    const nodeModules = path.dirname(
        path.dirname(path.dirname(require.resolve("@pulumi/pulumi/package.json"))),
    );
    const output = (call: Call) => ({
        stdout: call.written.map((r) => Buffer.from(r.getStdout_asU8()).toString()).join(""),
        stderr: call.written.map((r) => Buffer.from(r.getStderr_asU8()).toString()).join(""),
        exitCodes: call.written
            .filter((r) => !r.getStdout_asU8().length && !r.getStderr_asU8().length)
            .map((r) => r.getExitcode()),
    });
    /** a stand-in for the host's node: prints its arguments, directory and TypeScript switch */
    const standIn = (body: string) => {
        standInCommand(node, body);
    };
    const request = (kind = "resource", options?: Record<string, unknown>) => {
        const info = new languagePb.ProgramInfo().setProgramDirectory(pluginDir);
        if (options) info.setOptions(Struct.fromJavaScript(options as never));
        return new languagePb.RunPluginRequest()
            .setInfo(info)
            .setKind(kind)
            .setPwd(root)
            .setArgsList(["--flag", "127.0.0.1:9"])
            .setEnvList(["PLUGIN_SAYS=hello"]);
    };
    const start = (req: languagePb.RunPluginRequest, running = new Set<ChildProcess>()) => {
        const call: Call = new RecordedStream(req);
        runPlugin(call.as(), node, running);
        return { call, running };
    };
    /** Starts the stand-in `script`, waits for its first output, then cancels as the CLI does. */
    const cancelOnceStarted = async (script: string) => {
        standIn(script);
        const { call, running } = start(request());
        const [child] = [...running];
        await new Promise((r) => child.stdout?.once("data", r));
        const exited = new Promise((r) => child.once("close", r));
        call.cancel();
        await exited;
        return { call, child, running };
    };
    let savedTs: string | undefined;
    beforeEach(() => {
        root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "run-plugin-")));
        pluginDir = path.join(root, "plugin");
        fs.mkdirSync(pluginDir);
        fs.symlinkSync(nodeModules, path.join(pluginDir, "node_modules"));
        node = path.join(root, "node");
        savedTs = process.env.PULUMI_NODEJS_TYPESCRIPT;
        delete process.env.PULUMI_NODEJS_TYPESCRIPT;
    });
    afterEach(() => {
        if (savedTs !== undefined) process.env.PULUMI_NODEJS_TYPESCRIPT = savedTs;
        fs.rmSync(root, { recursive: true, force: true });
    });

    it("runs the SDK's run-plugin on the directory with the CLI's arguments and env, in the CLI's directory; streams stdout, stderr, then the exit code", async () => {
        standIn(
            'echo "args: $*"\necho "pwd: $(pwd) ts: ${PULUMI_NODEJS_TYPESCRIPT:-unset} says: $PLUGIN_SAYS"\necho "oops" >&2\nexit 7',
        );
        const { call, running } = start(request());
        assert.equal(running.size, 1);
        await call.done;
        const out = output(call);
        const runner = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [pluginDir] });
        const preload = path.resolve(__dirname, "../../langhost/plainErrorStacks.js");
        assert.equal(
            out.stdout,
            `args: -r ${preload} ${runner} ${pluginDir} --flag 127.0.0.1:9\n` +
                `pwd: ${root} ts: true says: hello\n`,
        );
        assert.equal(out.stderr, "oops\n");
        assert.deepEqual(out.exitCodes, [7]);
        assert.equal(call.written[call.written.length - 1].getExitcode(), 7);
        assert.equal(call.failure, undefined);
        assert.equal(running.size, 0);
    });
    it("Pulumi.yaml's typescript: false leaves the switch off", async () => {
        standIn('echo "ts: ${PULUMI_NODEJS_TYPESCRIPT:-unset}"');
        const { call } = start(request("tool", { typescript: false }));
        await call.done;
        assert.deepEqual(output(call), { stdout: "ts: unset\n", stderr: "", exitCodes: [0] });
    });
    it("refuses policy packs and unknown kinds (UNIMPLEMENTED); an empty kind is a resource plugin", async () => {
        standIn("exit 0");
        const analyzer = start(request("analyzer")).call;
        await analyzer.done;
        assert.equal(analyzer.failure?.code, grpc.status.UNIMPLEMENTED);
        assert.match(analyzer.failure?.details ?? "", /^policy packs/);
        const plain = start(request("")).call;
        await plain.done;
        assert.deepEqual([plain.failure, output(plain).exitCodes], [undefined, [0]]);
    });
    it("no plugin directory: INVALID_ARGUMENT", async () => {
        const call = start(new languagePb.RunPluginRequest()).call;
        await call.done;
        assert.deepEqual(call.failure, {
            code: grpc.status.INVALID_ARGUMENT,
            details: "RunPlugin needs the plugin's directory",
        });
    });
    it("no SDK for the plugin: FAILED_PRECONDITION naming the directory", async () => {
        fs.unlinkSync(path.join(pluginDir, "node_modules"));
        const call = start(request()).call;
        await call.done;
        assert.deepEqual(call.failure, {
            code: grpc.status.FAILED_PRECONDITION,
            details: `the Pulumi SDK (@pulumi/pulumi) is not installed for the plugin in ${pluginDir}: run npm install (or npm ci) there first`,
        });
    });
    it("a node that cannot start: UNKNOWN naming the directory, and nothing left running", async () => {
        const { call, running } = start(request());
        await call.done;
        assert.equal(call.failure?.code, grpc.status.UNKNOWN);
        assert.match(
            call.failure?.details ?? "",
            new RegExp(`^could not start the plugin in ${pluginDir}: .*ENOENT`),
        );
        assert.equal(running.size, 0);
    });
    it("the CLI's cancel stops the plugin; no exit code follows", async () => {
        const { call, child, running } = await cancelOnceStarted("echo started\nexec sleep 30");
        assert.equal(child.signalCode, "SIGTERM");
        assert.deepEqual(output(call), { stdout: "started\n", stderr: "", exitCodes: [] });
        assert.equal(call.ended, false);
        assert.equal(running.size, 0);
    });
    it("the plugin's stdin is closed: a plugin reading it meets its end at once", async () => {
        standIn('cat\necho "stdin ended"');
        const { call } = start(request());
        await call.done;
        assert.deepEqual(output(call), { stdout: "stdin ended\n", stderr: "", exitCodes: [0] });
    });
    it("after the CLI's cancel nothing more is streamed, not even what the plugin prints as it goes", async () => {
        const { call, child } = await cancelOnceStarted(
            "trap 'echo going; exit 3' TERM\necho started\nwhile :; do sleep 0.05; done",
        );
        assert.equal(child.exitCode, 3, "the plugin printed on its way out");
        assert.deepEqual(output(call), { stdout: "started\n", stderr: "", exitCodes: [] });
    });
    it("a plugin that ignores SIGTERM is killed after the grace period", async () => {
        standIn("trap '' TERM\necho started\nwhile :; do sleep 0.05; done");
        const { running } = start(request());
        const [child] = [...running];
        await new Promise((r) => child.stdout?.once("data", r));
        const exited = new Promise((r) => child.once("close", r));
        stopPlugin(child, 100);
        await exited;
        assert.equal(child.signalCode, "SIGKILL");
        stopPlugin(child, 100); // already gone: nothing to do
    });
});

describe("language host: stopPlugin, SIGTERM then SIGKILL (a scripted child process)", () => {
    /** A child process as stopPlugin sees it: its exit state and the signals it was sent. */
    const scriptedChild = (exitCode: number | null = null, signalCode: string | null = null) => {
        const child = Object.assign(new EventEmitter(), {
            exitCode,
            signalCode,
            signals: [] as string[],
            kill(signal: string) {
                child.signals.push(signal);
                return true;
            },
        });
        return child;
    };
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    it("a plugin already gone, by an exit code or a signal, is sent nothing", async () => {
        for (const child of [scriptedChild(0), scriptedChild(null, "SIGTERM")]) {
            stopPlugin(child as unknown as ChildProcess, 1);
            await sleep(20);
            assert.deepEqual(child.signals, []);
        }
    });
    it("a plugin still there: SIGTERM at once, SIGKILL after the grace period", async () => {
        const child = scriptedChild();
        stopPlugin(child as unknown as ChildProcess, 30);
        assert.deepEqual(child.signals, ["SIGTERM"]);
        await sleep(80);
        assert.deepEqual(child.signals, ["SIGTERM", "SIGKILL"]);
    });
    it("a plugin gone within the grace period, by an exit code or a signal, gets no SIGKILL", async () => {
        for (const gone of [{ exitCode: 143 }, { signalCode: "SIGTERM" }]) {
            const child = scriptedChild();
            stopPlugin(child as unknown as ChildProcess, 30);
            Object.assign(child, gone);
            await sleep(80);
            assert.deepEqual(child.signals, ["SIGTERM"], JSON.stringify(gone));
        }
    });
});
