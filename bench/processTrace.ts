// Preloaded (NODE_OPTIONS=--require) into every Node.js process the CLI starts during section 4:
// appends one JSON line per process to $BENCH_PROCESS_LOG when it exits (start, end, argv), so
// the bench can say how often the language host starts and how long the program process lives.
// Processes killed by a signal (the dynamic provider) leave no line. Nothing else is changed.
import * as fs from "fs";

export interface ProcessLife {
    pid: number;
    ppid: number;
    /** epoch ms */
    start: number;
    end: number;
    argv: string[];
}

const log = process.env.BENCH_PROCESS_LOG;
if (log) {
    const start = Math.round(performance.timeOrigin);
    process.on("exit", () => {
        const life: ProcessLife = {
            pid: process.pid,
            ppid: process.ppid,
            start,
            end: Date.now(),
            argv: process.argv.slice(1),
        };
        fs.appendFileSync(log, JSON.stringify(life) + "\n");
    });
}
