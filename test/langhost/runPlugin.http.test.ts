// Our language host's RunPlugin and InstallDependencies over gRPC, as the CLI calls them: the host
// process started like the CLI starts it (port on the first stdout line), a small plugin in a
// directory inside the repository (so the SDK's runner resolves), no engine.
import { strict as assert } from "assert";
import { ChildProcess, spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { LanguageRuntimeClient } from "@pulumi/pulumi/proto/language_grpc_pb";
import * as languagePb from "@pulumi/pulumi/proto/language_pb";
import { repoRoot } from "../../scripts/lib/engine";
import { alive } from "../support/processes";

// Prints what it was given, says something on stderr, then stays up (`serve`) or exits with 3.
const PLUGIN = `
const fs = require("fs");
process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), marker: process.env.RUN_PLUGIN_MARKER }) + "\\n");
process.stderr.write("a line on stderr\\n");
if (process.argv.includes("serve")) {
    fs.writeFileSync(process.env.RUN_PLUGIN_PIDFILE, String(process.pid));
    setInterval(() => {}, 1000);
} else {
    process.exitCode = 3;
}
`;

interface PluginRun {
    stdout: string;
    stderr: string;
    exitCode?: number;
    error?: grpc.ServiceError;
}

function collect(
    stream: grpc.ClientReadableStream<languagePb.RunPluginResponse>,
): Promise<PluginRun> {
    const run: PluginRun = { stdout: "", stderr: "" };
    return new Promise((resolve) => {
        stream.on("data", (m: languagePb.RunPluginResponse) => {
            if (m.hasStdout()) run.stdout += Buffer.from(m.getStdout_asU8()).toString();
            if (m.hasStderr()) run.stderr += Buffer.from(m.getStderr_asU8()).toString();
            if (m.hasExitcode()) run.exitCode = m.getExitcode();
        });
        stream.on("error", (e: grpc.ServiceError) => resolve({ ...run, error: e }));
        stream.on("end", () => resolve(run));
    });
}

describe("language host: RunPlugin and InstallDependencies over gRPC", function () {
    this.timeout(60_000);
    let host: ChildProcess;
    let client: LanguageRuntimeClient;
    const pluginDir = path.join(
        repoRoot,
        ".pulumi-local",
        "test",
        `plugin-${crypto.randomBytes(3).toString("hex")}`,
    );
    const pwd = fs.mkdtempSync(path.join(os.tmpdir(), "run-plugin-pwd-"));

    const request = (kind: string, dir: string, args: string[], env: string[] = []) =>
        new languagePb.RunPluginRequest()
            .setPwd(pwd)
            .setArgsList(args)
            .setEnvList(env)
            .setKind(kind)
            .setInfo(
                new languagePb.ProgramInfo()
                    .setRootDirectory(dir)
                    .setProgramDirectory(dir)
                    .setEntryPoint("."),
            );

    before(async () => {
        fs.mkdirSync(pluginDir, { recursive: true });
        fs.writeFileSync(path.join(pluginDir, "PulumiPlugin.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(
            path.join(pluginDir, "package.json"),
            JSON.stringify({ name: "fake-plugin", main: "index.js" }),
        );
        fs.writeFileSync(path.join(pluginDir, "index.js"), PLUGIN);
        host = spawn(
            process.execPath,
            [path.join(repoRoot, "dist", "langhost", "main.js"), "127.0.0.1:1"],
            {
                stdio: ["ignore", "pipe", "inherit"],
            },
        );
        const port = await new Promise<string>((resolve, reject) => {
            host.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
            host.once("exit", (code) => reject(new Error(`the host exited (${code})`)));
        });
        client = new LanguageRuntimeClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    });
    after(() => {
        client?.close();
        host?.kill("SIGINT");
        fs.rmSync(pluginDir, { recursive: true, force: true });
    });

    it("streams the plugin's stdout and stderr, then its exit code; args, working directory and environment as asked", async () => {
        const run = await collect(
            client.runPlugin(
                request(
                    "resource",
                    pluginDir,
                    ["-v=9", "127.0.0.1:4000"],
                    [`PATH=${process.env.PATH}`, "RUN_PLUGIN_MARKER=from-the-cli"],
                ),
            ),
        );
        assert.equal(run.error, undefined, run.stderr);
        const said = JSON.parse(run.stdout.split("\n")[0]);
        assert.deepEqual(
            said.argv,
            ["127.0.0.1:4000"],
            "flags are the runner's; the address reaches the plugin",
        );
        assert.equal(fs.realpathSync(said.cwd), fs.realpathSync(pwd));
        assert.equal(said.marker, "from-the-cli");
        assert.match(run.stderr, /a line on stderr/);
        assert.equal(run.exitCode, 3);
    });

    it("cancelling the call (how the CLI stops a plugin) stops the plugin process", async () => {
        const pidFile = path.join(pwd, "plugin.pid");
        const stream = client.runPlugin(
            request("resource", pluginDir, ["serve"], [`RUN_PLUGIN_PIDFILE=${pidFile}`]),
        );
        stream.on("error", () => undefined); // the cancellation itself
        stream.on("data", () => undefined);
        const deadline = Date.now() + 20_000;
        const pidWritten = () =>
            fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8")) : 0;
        // until the pid is written: the file exists a moment before its text is
        while (!(pidWritten() > 0) && Date.now() < deadline)
            await new Promise((r) => setTimeout(r, 100));
        const pid = pidWritten();
        assert.ok(alive(pid), "the plugin runs");
        stream.cancel();
        const gone = Date.now() + 10_000;
        while (alive(pid) && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
        const state = alive(pid)
            ? fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n")[2]
            : "";
        assert.ok(!alive(pid), `the plugin was stopped (${state})`);
    });

    it("a policy pack is refused, saying why", async () => {
        const run = await collect(client.runPlugin(request("analyzer", pluginDir, [])));
        assert.equal(run.error?.code, grpc.status.UNIMPLEMENTED);
        assert.match(run.error!.details, /policy packs/);
    });

    it("a plugin where the Pulumi SDK is not installed: refused, naming the directory and the fix", async () => {
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), "no-sdk-"));
        if (fs.existsSync(path.join(os.tmpdir(), "node_modules"))) return; // not a clean tmp
        const run = await collect(client.runPlugin(request("resource", outside, [])));
        assert.equal(run.error?.code, grpc.status.FAILED_PRECONDITION);
        assert.ok(run.error!.details.includes(outside), run.error!.details);
        assert.match(run.error!.details, /npm install/);
    });

    it("InstallDependencies for plugin/: everything resolves, so nothing is installed", async () => {
        const stream = client.installDependencies(
            new languagePb.InstallDependenciesRequest()
                .setIsPlugin(true)
                .setInfo(
                    new languagePb.ProgramInfo()
                        .setProgramDirectory(path.join(repoRoot, "plugin"))
                        .setRootDirectory(path.join(repoRoot, "plugin")),
                ),
        );
        let out = "";
        await new Promise<void>((resolve, reject) => {
            stream.on("data", (m: languagePb.InstallDependenciesResponse) => {
                out += Buffer.from(m.getStdout_asU8()).toString();
            });
            stream.on("error", reject);
            stream.on("end", resolve);
        });
        assert.match(out, /are installed: nothing to do/);
        assert.ok(!fs.existsSync(path.join(repoRoot, "plugin", "node_modules")));
    });
});
