// RunPlugin: the CLI asks the host to run a source-based Node.js plugin (a directory with
// PulumiPlugin.yaml, such as this package's component provider) and reads the plugin's stdout and
// stderr from the answer stream: the provider's port is its first stdout line. The CLI stops the
// plugin by cancelling the call; the plugin then goes too (no process outlives the CLI).
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as languagePb from "@pulumi/pulumi/proto/language_pb";
import { pluginCommand, pluginExitCode, refusedKind } from "./pluginCommand";

type Call = grpc.ServerWritableStream<languagePb.RunPluginRequest, languagePb.RunPluginResponse>;

/** How long a cancelled plugin gets to exit on SIGTERM before it is killed. */
export const PLUGIN_STOP_GRACE_MS = 2000;

export function runPlugin(call: Call, nodePath: string, running: Set<ChildProcess>): void {
    const req = call.request;
    const info = req.getInfo();
    const pluginDirectory = info?.getProgramDirectory() ?? "";
    const refused = refusedKind(req.getKind() || "resource");
    if (refused) return fail(call, grpc.status.UNIMPLEMENTED, refused);
    if (!pluginDirectory) {
        return fail(call, grpc.status.INVALID_ARGUMENT, "RunPlugin needs the plugin's directory");
    }
    let runner: string;
    try {
        runner = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [pluginDirectory] });
    } catch {
        const answer = `the Pulumi SDK (@pulumi/pulumi) is not installed for the plugin in ${pluginDirectory}: run npm install (or npm ci) there first`;
        return fail(call, grpc.status.FAILED_PRECONDITION, answer);
    }
    const options = info?.getOptions()?.toJavaScript() ?? {};
    const command = pluginCommand(runner, {
        pluginDirectory,
        pwd: req.getPwd(),
        args: req.getArgsList(),
        env: req.getEnvList(),
        kind: req.getKind(),
        typescript: options.typescript !== false,
    });
    const preload = path.join(__dirname, "plainErrorStacks.js");
    const child = spawn(nodePath, ["-r", preload, ...command.args], {
        cwd: command.cwd,
        // the CLI's environment for the plugin, over the host's (which adds the compile cache)
        env: { ...process.env, ...command.env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(child);
    child.stdout.on("data", (b: Buffer) =>
        send(call, new languagePb.RunPluginResponse().setStdout(b)),
    );
    child.stderr.on("data", (b: Buffer) =>
        send(call, new languagePb.RunPluginResponse().setStderr(b)),
    );
    call.on("cancelled", () => stopPlugin(child));
    child.on("error", (e) => {
        running.delete(child);
        fail(
            call,
            grpc.status.UNKNOWN,
            `could not start the plugin in ${pluginDirectory}: ${e.message}`,
        );
    });
    // "close": after the last stdout/stderr bytes, so the exit code is the stream's last message
    child.on("close", (code, signal) => {
        running.delete(child);
        if (call.cancelled || call.writableEnded) return;
        call.write(
            new languagePb.RunPluginResponse().setExitcode(pluginExitCode({ code, signal })),
        );
        call.end();
    });
}

function send(call: Call, message: languagePb.RunPluginResponse): void {
    if (!call.cancelled && !call.writableEnded) call.write(message);
}

function fail(call: Call, code: grpc.status, details: string): void {
    if (!call.writableEnded) call.emit("error", { code, details });
}

/** SIGTERM, then SIGKILL if the plugin is still there after the grace period. */
export function stopPlugin(child: ChildProcess, graceMs = PLUGIN_STOP_GRACE_MS): void {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }, graceMs);
    timer.unref();
    // Stryker disable next-line StringLiteral,ArrowFunction,CallExpression: the timer checks the exit itself; this frees it early
    child.once("exit", () => clearTimeout(timer));
}
