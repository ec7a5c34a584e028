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

function main(argv: string[]): void {
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
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
        if (err) {
            process.stderr.write(`pulumi-language-nodejs: could not listen: ${err.message}\n`);
            process.exit(1);
        }
        process.stdout.write(`${port}\n`);
    });
    const stop = (signal: NodeJS.Signals) => {
        // The program got the same signal from the CLI (one process group); make sure, then go.
        runtime.stopPrograms(signal);
        server.forceShutdown();
        const deadline = Date.now() + 3000;
        const wait = setInterval(() => {
            if (runtime.runningPrograms === 0 || Date.now() > deadline) {
                if (runtime.runningPrograms > 0) runtime.stopPrograms("SIGKILL");
                clearInterval(wait);
                process.exit(0);
            }
        }, 50);
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
}

main(process.argv.slice(2));
