// Reads bench/processTrace.ts's log: what Node.js processes one CLI operation started.
import * as fs from "fs";
import type { ProcessLife } from "./processTrace";

export interface OperationProcesses {
    /** language host processes (langhost/main.js or the official host's) started */
    hostStarts: number;
    /** lifetime of the first host, when there were two (the CLI's plugin questions) */
    firstHostMs?: number;
    /** from the operation's start to the program process's start */
    programStartMs?: number;
    /** lifetime of the program process (the SDK's runner, @pulumi/pulumi/cmd/run) */
    programMs?: number;
}

export function readLives(file: string): ProcessLife[] {
    if (!fs.existsSync(file)) return [];
    return fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as ProcessLife);
}

const isHost = (p: ProcessLife) =>
    p.argv.some((a) => /langhost[\\/]main\.js$|language-nodejs/.test(a));
const isProgram = (p: ProcessLife) =>
    p.argv.some((a) => /@pulumi[\\/]pulumi[\\/]cmd[\\/]run/.test(a));

/** The processes that started within [t0, t1] (epoch ms). */
export function operationProcesses(
    lives: ProcessLife[],
    t0: number,
    t1: number,
): OperationProcesses {
    const inside = lives
        .filter((p) => p.start >= t0 && p.start <= t1)
        .sort((a, b) => a.start - b.start);
    const hosts = inside.filter(isHost);
    const program = inside.find(isProgram);
    return {
        hostStarts: hosts.length,
        firstHostMs: hosts.length > 1 ? hosts[0].end - hosts[0].start : undefined,
        programStartMs: program ? program.start - t0 : undefined,
        programMs: program ? program.end - program.start : undefined,
    };
}
