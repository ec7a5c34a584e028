// `pulumi` as a user types it, for the demo, the bench and the tests: one runner whose modes share
// the folder and the environment (the host's, the engine's PATH, then the caller's settings).
//   shown     pulumiCli().run: `$ pulumi …` printed, the output on the terminal (the demo)
//   read      pulumiCli().read: quiet, the standard output returned (the demo)
//   captured  pulumi / pulumiOk / runPulumi: exit code, output, time and, measured, the largest
//             memory of the command tree (tests; an EngineStack's commands, timed by the bench)
//   started   startPulumi: left running in a process group of its own, for a terminal's Ctrl-C
// Not provider/guard/pulumiCommand.ts, which reads the running command from inside the provider.
import {
    ChildProcessWithoutNullStreams,
    execFileSync,
    ExecFileSyncOptions,
    spawn,
} from "child_process";
import { enginePath } from "./toolchain";

/** The command's environment: the host's, PATH for the engine, then `env` (which may set PATH). */
export function commandEnv(env: Record<string, string>): NodeJS.ProcessEnv {
    return { ...process.env, PATH: enginePath(), ...env };
}

export interface Cli {
    /** Runs `pulumi <args>` showing its output; throws when it fails. */
    run(...args: string[]): void;
    /** Runs `pulumi <args>` quietly and returns its standard output. */
    read(...args: string[]): string;
}

/** The demo's commands: each runs to its end before the demo goes on. */
export function pulumiCli(cwd: string, env: Record<string, string>): Cli {
    const options: ExecFileSyncOptions = { cwd, env: commandEnv(env) };
    return {
        run(...args) {
            console.log(`\n$ pulumi ${args.map(quote).join(" ")}`);
            execFileSync("pulumi", args, { ...options, stdio: "inherit" });
        },
        read(...args) {
            return execFileSync("pulumi", args, {
                ...options,
                encoding: "utf8",
                // Stryker disable next-line ArrayDeclaration,StringLiteral: execFileSync gives a pipe without input (or a string, taken as input) an empty stdin, as ignore does
                stdio: ["ignore", "pipe", "pipe"],
            });
        },
    };
}

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);

export interface CommandResult {
    code: number;
    /** stdout and stderr as they came */
    output: string;
    stdout: string;
    stderr: string;
    ms: number;
    /** the largest process of the command tree; 0 when not measured */
    maxRssMb: number;
}

// python's RUSAGE_CHILDREN counts every descendant the tree waited for; Node has no such figure.
const measure =
    "import resource, subprocess, sys\n" +
    "r = subprocess.run(sys.argv[1:])\n" +
    "sys.stderr.write('\\nMAXRSS_KB=%d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n" +
    "sys.exit(r.returncode)\n";
const MAXRSS = /\nMAXRSS_KB=(\d+)\n/;

/** `pulumi <args>` captured; `measured` runs it under python for its memory (the bench's timed
 * commands are not, so python's start-up is not in their time). */
export function runPulumi(
    cwd: string,
    env: Record<string, string>,
    args: string[],
    { measured }: { measured: boolean },
): Promise<CommandResult> {
    const t0 = Date.now();
    return new Promise((resolve, reject) => {
        const child = measured
            ? spawn("python3", ["-c", measure, "pulumi", ...args], commandOptions(cwd, env))
            : spawn("pulumi", args, commandOptions(cwd, env));
        let output = "";
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => {
            output += d;
            stdout += d;
        });
        child.stderr.on("data", (d) => {
            output += d;
            stderr += d;
        });
        child.on("error", reject);
        child.on("close", (code) => {
            const kb = Number(MAXRSS.exec(stderr)?.[1] ?? 0);
            resolve({
                code: code ?? -1,
                output: output.replace(MAXRSS, ""),
                stdout,
                stderr: stderr.replace(MAXRSS, ""),
                ms: Date.now() - t0,
                maxRssMb: kb / 1024,
            });
        });
    });
}

/** `pulumi <args>` captured and measured, as a test checks it. */
export function pulumi(
    cwd: string,
    env: Record<string, string>,
    ...args: string[]
): Promise<CommandResult> {
    return runPulumi(cwd, env, args, { measured: true });
}

/** Like `pulumi`, but fails the test with the command's output when it does not exit 0. */
export async function pulumiOk(
    cwd: string,
    env: Record<string, string>,
    ...args: string[]
): Promise<string> {
    const r = await pulumi(cwd, env, ...args);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}:\n${r.output}`);
    return r.output;
}

/** `pulumi <args>` left running in a process group of its own: the caller may signal the whole
 * group, as a terminal's Ctrl-C does. */
export function startPulumi(
    cwd: string,
    env: Record<string, string>,
    ...args: string[]
): ChildProcessWithoutNullStreams {
    return spawn("pulumi", args, {
        ...commandOptions(cwd, env),
        detached: true,
        // Stryker disable next-line StringLiteral: spawn takes an empty stdio for its default, pipe
        stdio: "pipe",
    });
}

const commandOptions = (cwd: string, env: Record<string, string>) => ({
    cwd,
    env: commandEnv(env),
    stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"],
});
