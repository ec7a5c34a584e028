// Section 4: a no-change `pulumi preview` (refresh included, as Pulumi.yaml's `refresh: always`
// does) of the whole integration against the sandbox, run three ways on ONE stack, same state,
// same sandbox, interleaved so load drift hits all alike:
//   cli       `pulumi preview` as a user types it: the CLI starts our language host, which runs
//             dist/program/main.js in its own process;
//   local     the Automation API's stack.preview() on the same project directory (same runner as
//             cli; isolates the Automation API's own overhead);
//   inline    the Automation API with the program inline in this process (the old way, see
//             bench/inlineRunner.ts).
// docs/design.md: cli within 10 % of inline.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { integrationProgram } from "../program/index";
import { completeConsoleSteps } from "../sandbox/operator";
import { rootProject } from "../scripts/lib/rootProject";
import { EngineStack, repoRoot } from "../scripts/lib/engine";
import { openInlineStack } from "./inlineRunner";
import { operationProcesses, OperationProcesses, readLives } from "./processLives";
import { CallCounts, countCalls } from "./requests";
import { benchPaths, benchSandbox, integrationOutputs, median, rootStack, timed } from "./world";

export const runners = ["cli", "local", "inline"] as const;
export type Runner = (typeof runners)[number];

export interface PreviewResult {
    runs: number;
    /** wall time of each timed preview, in run order */
    ms: Record<Runner, number[]>;
    medianMs: Record<Runner, number>;
    /** the untimed first preview of each runner: the inline one loads the SDK and the program
     * into this process then, later inline runs reuse them (a CLI run starts fresh every time) */
    warmupMs: Record<Runner, number>;
    /** cli / inline: the docs/design.md figure, target <= 1.10 */
    ratio: number;
    /** cli / inline of each round (the two ran back to back): median, and each round's */
    roundRatio: number;
    roundRatios: number[];
    /** local / inline: same Automation API driver, only the program runner differs */
    ratioLocal: number;
    /** per timed run: Node.js processes the operation started (processLives.ts); inline: only
     * when the engine called the program in this process */
    processes: Record<Runner, OperationProcesses[]>;
    /** `node -e "require('@pulumi/pulumi'); require('dist/program/index.js')"`, each run: what a
     * program process pays before the program runs, and the inline runner pays once */
    coldLoadMs: number[];
    /** calls of the last preview of each runner (all must do the same work) */
    calls: Record<Runner, CallCounts>;
    load: number[];
}

export async function benchPreview(runs: number): Promise<PreviewResult> {
    const sandbox = await benchSandbox("preview");
    const name = "preview";
    try {
        const { workDir, backendDir } = benchPaths(name);
        const processLog = path.join(path.dirname(workDir), "processes.jsonl");
        const trace = {
            NODE_OPTIONS: `--require ${path.join(__dirname, "processTrace.js")}`,
            BENCH_PROCESS_LOG: processLog,
        };
        const cliStack = await rootStack(name, { sandbox, env: trace });
        await cliStack.up();
        const o = await integrationOutputs(cliStack);
        const login = {
            email: sandbox.endpoints.cxone.adminEmail,
            password: sandbox.endpoints.cxone.adminPassword,
        };
        const auth = await completeConsoleSteps(sandbox.urls.okta, o, login);
        if (!auth.ok) throw new Error(`console steps failed: ${auth.page.slice(0, 200)}`);
        await cliStack.up(); // provisioning actions on: from here every preview is no-change

        // The inline runner opens the same stack (same backend and project name) from a directory
        // of its own; the stack file carries the passphrase's salt for the state's secrets.
        const inlineProgramStarts: number[] = [];
        const inlineDir = path.join(path.dirname(workDir), "inline");
        fs.mkdirSync(inlineDir, { recursive: true });
        const stackFile = "Pulumi.dev.yaml";
        fs.copyFileSync(path.join(workDir, stackFile), path.join(inlineDir, stackFile));
        const inlineStack = await openInlineStack({
            workDir: inlineDir,
            backendDir,
            project: rootProject(),
            // marks when the engine starts the program, as the process trace does for the others
            program: () => {
                inlineProgramStarts.push(Date.now());
                return integrationProgram();
            },
            env: { CXONE_OKTA_SANDBOX_DIR: process.env.CXONE_OKTA_SANDBOX_DIR ?? "", ...trace },
        });

        const cliArgs = ["preview", "--stack", "dev", "--non-interactive", ...noChangeFlags];
        const preview: Record<Runner, () => Promise<unknown>> = {
            cli: () => cliStack.cli(cliArgs),
            local: () => noChange(cliStack),
            inline: () => noChange(inlineStack),
        };
        const ms: Record<Runner, number[]> = { cli: [], local: [], inline: [] };
        const calls: Partial<Record<Runner, CallCounts>> = {};
        const windows: Record<Runner, [number, number][]> = { cli: [], local: [], inline: [] };
        const load = [os.loadavg()[0]];
        // warm-up (disk cache; the inline runner's module loading), kept apart from the runs
        const warmupMs: Record<Runner, number> = { cli: 0, local: 0, inline: 0 };
        for (const r of runners) warmupMs[r] = (await timed(preview[r])).ms;
        for (let i = 0; i < runs; i++) {
            // rotate the order so no runner always follows the same one
            for (let j = 0; j < runners.length; j++) {
                const r = runners[(i + j) % runners.length];
                sandbox.clearRequests();
                const t0 = Date.now();
                ms[r].push((await timed(preview[r])).ms);
                windows[r].push([t0, Date.now()]);
                calls[r] = countCalls(sandbox.requests());
            }
        }
        load.push(os.loadavg()[0]);
        const lives = readLives(processLog);
        const processes = {
            cli: windows.cli.map(([a, b]) => operationProcesses(lives, a, b)),
            local: windows.local.map(([a, b]) => operationProcesses(lives, a, b)),
            inline: windows.inline.map(([a, b]) => {
                const start = inlineProgramStarts.find((t) => t >= a && t <= b);
                return { hostStarts: 0, programStartMs: start && start - a };
            }),
        };
        const coldLoadMs: number[] = [];
        for (let i = 0; i < runs; i++) coldLoadMs.push((await timed(coldLoad)).ms);
        await cliStack.destroy();
        const medianMs = {
            cli: median(ms.cli),
            local: median(ms.local),
            inline: median(ms.inline),
        };
        const roundRatios = ms.cli.map((c, i) => +(c / ms.inline[i]).toFixed(2));
        const counted = (r: Runner) => calls[r] ?? countCalls([]);
        return {
            runs,
            ms,
            medianMs,
            warmupMs,
            load,
            processes,
            coldLoadMs,
            calls: { cli: counted("cli"), local: counted("local"), inline: counted("inline") },
            ratio: +(medianMs.cli / medianMs.inline).toFixed(2),
            roundRatios,
            roundRatio: median(roundRatios),
            ratioLocal: +(medianMs.local / medianMs.inline).toFixed(2),
        };
    } finally {
        await sandbox.stop();
    }
}

const noChangeFlags = ["--refresh", "--expect-no-changes"];
function noChange(stack: EngineStack) {
    return stack.preview({ refresh: true, expectNoChanges: true });
}

const run = promisify(execFile);
const loadProgram = `require("@pulumi/pulumi"); require(${JSON.stringify(
    path.join(repoRoot, "dist", "program", "index.js"),
)});`;
/** A fresh Node.js loading the SDK and the program, as the program process does first. */
const coldLoad = () => run(process.execPath, ["-e", loadProgram], { cwd: repoRoot });
