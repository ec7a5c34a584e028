// Peak memory of the dynamic provider process(es) this run started: the engine spawns
// pulumi-resource-pulumi-nodejs -> node .../cmd/dynamic-provider. Colleagues' runs have their own,
// so only descendants of this process count. VmHWM is the kernel's own peak RSS, so sampling
// only has to catch each process once before it exits.
import * as fs from "fs";

function read(path: string): string | undefined {
    try {
        return fs.readFileSync(path, "utf8");
    } catch {
        return undefined;
    }
}

function parentOf(pid: number): number | undefined {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) return undefined;
    // the command name may hold spaces and parentheses: fields start after the last ")"
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

function descendsFrom(pid: number, ancestor: number): boolean {
    for (
        let p: number | undefined = pid, hops = 0;
        p && p > 1 && hops < 20;
        p = parentOf(p), hops++
    ) {
        if (p === ancestor) return true;
    }
    return false;
}

function kb(status: string, field: string): number {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return m ? Number(m[1]) : 0;
}

export class ProviderRssSampler {
    private timer?: NodeJS.Timeout;
    /** pid -> peak RSS (kB) seen */
    private readonly peaks = new Map<number, number>();

    start(intervalMs = 250): void {
        this.timer = setInterval(() => this.sample(), intervalMs);
    }

    private sample(): void {
        for (const name of fs.readdirSync("/proc")) {
            const pid = Number(name);
            if (!Number.isInteger(pid)) continue;
            const cmd = read(`/proc/${pid}/cmdline`);
            const argv = cmd?.split("\0") ?? [];
            // the provider itself, not the shim's `node -e require.resolve(...dynamic-provider)`
            if (!argv[0]?.endsWith("node") || !argv[1]?.includes("dynamic-provider")) continue;
            if (!descendsFrom(pid, process.pid)) continue;
            const status = read(`/proc/${pid}/status`);
            if (!status) continue;
            this.peaks.set(
                pid,
                Math.max(this.peaks.get(pid) ?? 0, kb(status, "VmHWM"), kb(status, "VmRSS")),
            );
        }
    }

    /** Stops sampling; the largest peak RSS of one provider process in MB, and how many were seen. */
    stop(): { peakMb: number; processes: number } {
        if (this.timer) clearInterval(this.timer);
        const peak = Math.max(0, ...this.peaks.values());
        return { peakMb: Math.round(peak / 1024), processes: this.peaks.size };
    }
}
