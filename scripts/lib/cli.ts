// `pulumi` commands as a user types them, for the demo: each is printed, then run with its output
// shown; the program runs in its own process under the CLI.
import { execFileSync, ExecFileSyncOptions } from "child_process";

export interface Cli {
    /** Runs `pulumi <args>` showing its output; throws when it fails. */
    run(...args: string[]): void;
    /** Runs `pulumi <args>` quietly and returns its standard output. */
    read(...args: string[]): string;
}

export function pulumiCli(cwd: string, env: Record<string, string>): Cli {
    const options: ExecFileSyncOptions = { cwd, env: { ...process.env, ...env } };
    return {
        run(...args) {
            console.log(`\n$ pulumi ${args.map(quote).join(" ")}`);
            execFileSync("pulumi", args, { ...options, stdio: "inherit" });
        },
        read(...args) {
            return execFileSync("pulumi", args, {
                ...options,
                encoding: "utf8",
                stdio: ["ignore", "pipe", "pipe"],
            });
        },
    };
}

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
