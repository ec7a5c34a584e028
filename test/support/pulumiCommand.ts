// `pulumi` exactly as a user types it, as a subprocess of the test: the output, the exit code and
// the largest memory any process of the command tree used (python's RUSAGE_CHILDREN, which counts
// every descendant the tree waited for).
import { spawn } from "child_process";

export interface CommandResult {
    code: number;
    output: string;
    ms: number;
    maxRssMb: number;
}

const measure =
    "import resource, subprocess, sys\n" +
    "r = subprocess.run(sys.argv[1:])\n" +
    "sys.stderr.write('\\nMAXRSS_KB=%d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n" +
    "sys.exit(r.returncode)\n";

export function pulumi(
    cwd: string,
    env: Record<string, string>,
    ...args: string[]
): Promise<CommandResult> {
    const t0 = Date.now();
    return new Promise((resolve, reject) => {
        const child = spawn("python3", ["-c", measure, "pulumi", ...args], {
            cwd,
            env: { ...process.env, ...env },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (d) => (output += d));
        child.stderr.on("data", (d) => (output += d));
        child.on("error", reject);
        child.on("close", (code) => {
            const kb = Number(/MAXRSS_KB=(\d+)/.exec(output)?.[1] ?? 0);
            resolve({
                code: code ?? -1,
                output: output.replace(/\nMAXRSS_KB=\d+\n/, ""),
                ms: Date.now() - t0,
                maxRssMb: kb / 1024,
            });
        });
    });
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
