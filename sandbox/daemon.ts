// The background sandbox process started by `npm run sandbox -- start`. Options arrive as one
// JSON argument; it runs until SIGTERM/SIGINT, then closes both servers and exits.
import * as fs from "fs";
import { DEFAULT_CXONE_PORT, DEFAULT_OKTA_PORT, preferredOrFree } from "./core/ports";
import { sandboxDir, sandboxFiles } from "./core/paths";
import { writeJsonAtomic } from "./core/store";
import { startSandbox, type StartSandboxOptions } from "./index";

interface DaemonOptions extends Omit<StartSandboxOptions, "dir" | "pid"> {
    dir?: string;
}

async function main(): Promise<void> {
    const o = JSON.parse(process.argv[2] ?? "{}") as DaemonOptions;
    const dir = o.dir ?? sandboxDir();
    // explicit ports are strict; defaults fall back to free ports when taken
    const cxonePort = o.cxonePort ?? (await preferredOrFree(DEFAULT_CXONE_PORT));
    const oktaPort = o.oktaPort ?? (await preferredOrFree(DEFAULT_OKTA_PORT));
    const sb = await startSandbox({ ...o, dir, cxonePort, oktaPort, pid: process.pid });
    console.log(
        `${new Date().toISOString()} sandbox pid ${process.pid}: cxone ${sb.urls.cxone}, okta ${sb.urls.okta}`,
    );
    let stopping = false;
    const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`${new Date().toISOString()} ${signal}: stopping`);
        await sb.stop();
        // the endpoints stay readable, without a pid of a process that is gone
        const files = sandboxFiles(dir);
        try {
            // Stryker disable next-line StringLiteral: JSON.parse reads a Buffer as UTF-8 text as well
            const ep = JSON.parse(fs.readFileSync(files.endpoints, "utf8"));
            if (ep.pid === process.pid) {
                delete ep.pid;
                writeJsonAtomic(files.endpoints, ep);
            }
        } catch {
            /* nothing to tidy */
        }
        process.exit(0);
    };
    process.on("SIGTERM", () => void stop("SIGTERM"));
    process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((e) => {
    console.error(`sandbox failed to start: ${(e as Error).message}`);
    process.exit(1);
});
