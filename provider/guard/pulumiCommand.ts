// Which `pulumi` command started this provider process: the engine tells a provider nothing about
// the operation, but the provider runs under the CLI (pulumi -> the dynamic-provider shim -> node),
// so the CLI's command line is the operator's own words. Linux: /proc; elsewhere: `ps`.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { commandOf } from "./removalGuardLogic";

interface ProcessInfo {
    ppid: number;
    argv: string[];
}

function fromProc(pid: number): ProcessInfo | undefined {
    try {
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
        return { ppid, argv };
    } catch {
        return undefined;
    }
}

function fromPs(pid: number): ProcessInfo | undefined {
    try {
        const out = execFileSync("ps", ["-o", "ppid=,args=", "-p", String(pid)], {
            encoding: "utf8",
            // Stryker disable next-line ArrayDeclaration,StringLiteral: only stdout is read
            stdio: ["ignore", "pipe", "ignore"],
        }).trim();
        // Stryker disable next-line Regex: `ps` prints one trimmed line, its words one space apart
        const m = /^(\d+)\s+(.*)$/.exec(out);
        // Stryker disable next-line Regex: as above
        return m ? { ppid: Number(m[1]), argv: m[2].split(/\s+/) } : undefined;
    } catch {
        return undefined;
    }
}

const isPulumi = (argv0: string | undefined): boolean =>
    !!argv0 && /^pulumi(\.exe)?$/i.test(path.basename(argv0));

/**
 * The command of the nearest `pulumi` process above this one ("up", "destroy", ...), or undefined
 * when none can be found (then the caller must not assume `pulumi destroy`).
 */
export function runningPulumiCommand(start = process.ppid): string | undefined {
    // Stryker disable next-line StringLiteral: `ps` gives the same answers where /proc exists
    const read = fs.existsSync("/proc/self/stat") ? fromProc : fromPs;
    let pid = start;
    // PID 1 counts: in a container whose entrypoint is `pulumi`, the CLI itself is PID 1
    for (let depth = 0; depth < 8 && pid > 0; depth++) {
        const p = read(pid);
        if (!p) return undefined;
        if (isPulumi(p.argv[0])) return commandOf(p.argv);
        pid = p.ppid;
    }
    return undefined;
}
