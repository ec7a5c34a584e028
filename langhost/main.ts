// pulumi-language-nodejs of this project: the Node.js language host the Pulumi CLI starts to run a
// program, for machines where the official host cannot be installed. The CLI starts it with the
// engine address as the last argument (after optional flags), reads the port from the first line
// of stdout, and stops it with SIGINT to its process group (then kills it after 5 s).
import * as fs from "fs";
import * as grpc from "@grpc/grpc-js";
import { LanguageRuntimeService } from "@pulumi/pulumi/proto/language_grpc_pb";
import { LanguageRuntime } from "./languageRuntime";
import { hostArguments } from "./hostArguments";

const sdkVersion = (): string =>
    (
        JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as {
            version: string;
        }
    ).version;

export interface Host {
    port: number;
    runtime: LanguageRuntime;
    /** What SIGINT or SIGTERM from the CLI does: stop the programs and the server, then exit. */
    stop(signal: NodeJS.Signals): void;
}

/** Starts the host's gRPC server on a free loopback port; `exit` ends the process (main() gives
 * process.exit), `now` is the clock of the stop's deadline. */
export function startHost(
    argv: string[],
    exit: (code: number) => void,
    now: () => number = Date.now,
): Promise<Host> {
    const { engineAddress, tracing } = hostArguments(argv);
    const runtime = new LanguageRuntime({
        engineAddress,
        tracing,
        nodePath: process.execPath,
        version: sdkVersion(),
    });
    const server = new grpc.Server();
    server.addService(LanguageRuntimeService, {
        getPluginInfo: runtime.getPluginInfo,
        about: runtime.about,
        getRequiredPackages: runtime.getRequiredPackages,
        getRequiredPlugins: runtime.getRequiredPlugins,
        getProgramDependencies: runtime.getProgramDependencies,
        run: runtime.run,
        runPlugin: runtime.runPlugin,
        installDependencies: runtime.installDependencies,
        cancel: runtime.cancel,
    });
    const stop = (signal: NodeJS.Signals) => {
        // The program got the same signal from the CLI (one process group); make sure, then go.
        runtime.stopPrograms(signal);
        server.forceShutdown();
        const deadline = now() + 3000;
        const wait = setInterval(() => {
            if (runtime.runningPrograms === 0 || now() > deadline) {
                runtime.stopPrograms("SIGKILL"); // whatever still runs
                clearInterval(wait);
                exit(0);
            }
        }, 50);
    };
    return new Promise((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
            err ? reject(err) : resolve({ port, runtime, stop }),
        ),
    );
}

/** What the host needs of its process: `process` itself when the CLI starts it. */
export interface HostProcess {
    on(signal: NodeJS.Signals, listener: () => void): unknown;
    stdout: { write(text: string): unknown };
    stderr: { write(text: string): unknown };
    exit(code: number): void;
}

/** The process the CLI starts: the port on stdout's first line, the CLI's SIGINT or SIGTERM stops it. */
export function main(
    argv: string[],
    proc: HostProcess = process,
    start: typeof startHost = startHost,
): void {
    const started = start(argv, (code) => proc.exit(code));
    // Listen for the CLI's stop before printing the port: the CLI may send it as soon as it reads it.
    for (const signal of ["SIGINT", "SIGTERM"] as const)
        proc.on(signal, () => void started.then((host) => host.stop(signal)));
    started.then(
        (host) => proc.stdout.write(`${host.port}\n`),
        (err: Error) => {
            proc.stderr.write(`pulumi-language-nodejs: could not listen: ${err.message}\n`);
            proc.exit(1);
        },
    );
}

// Stryker disable next-line all: the process entry; main.http and main.engine start it as a process
if (require.main === module) main(process.argv.slice(2));
