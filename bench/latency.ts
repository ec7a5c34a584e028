// Section 2: `up` from empty with a fixed injected API latency L, against the engine floor (same
// shape, no-op resources, same run) plus the critical-path round trips x L.
import * as os from "os";
import { criticalPathRoundTrips } from "./criticalPath";
import { benchProgram, benchSandbox, benchStack, median, rootStack, timed } from "./world";

// Derived from the dependency chain (README "Critical path"): program probe 1, CXone sign-in 1,
// role 3 (search by name, create, search again: the create response has no id), employee 3 (parallel look-ups, create, invite), key 1 (create),
// SCIM connection 1 (status GET; the key evidence in parallel), provisioning actions 0 (pending).
export const MIN_CRITICAL_PATH_RTT = 10;

export interface LatencyResult {
    latencyMs: number;
    floorMs: number[];
    floorMedianMs: number;
    upMs: number;
    rttObserved: number;
    rttMinimum: number;
    chain: string[];
    /** upMs / (floor + rttObserved x L): the docs/design.md figure, target <= 1.1 */
    ratio: number;
    /** upMs / (floor + rttMinimum x L): against the minimum chain */
    ratioVsMinimum: number;
    calls: number;
    load: number[];
}

export async function benchLatency(latencyMs: number): Promise<LatencyResult> {
    const sandbox = await benchSandbox("latency");
    try {
        const floor = await benchStack("floor", benchProgram("floorProgram"), { sandbox });
        const real = await rootStack("latency", { sandbox });
        const load = [os.loadavg()[0]];
        // floor before and after the real run (and a warm-up), so load drift hits both alike
        const floorMs: number[] = [];
        const floorOnce = async () => {
            floorMs.push((await timed(() => floor.up())).ms);
            await floor.destroy();
        };
        await floorOnce();
        await floorOnce();
        sandbox.setLatency(latencyMs);
        sandbox.clearRequests();
        const up = await timed(() => real.up());
        const entries = sandbox.requests();
        sandbox.setLatency(0);
        await floorOnce();
        load.push(os.loadavg()[0]);
        await real.destroy();
        const floorMedianMs = median(floorMs);
        const cp = criticalPathRoundTrips(entries);
        return {
            latencyMs,
            floorMs,
            floorMedianMs,
            upMs: up.ms,
            rttObserved: cp.count,
            rttMinimum: MIN_CRITICAL_PATH_RTT,
            chain: cp.chain,
            ratio: +(up.ms / (floorMedianMs + cp.count * latencyMs)).toFixed(2),
            ratioVsMinimum: +(up.ms / (floorMedianMs + MIN_CRITICAL_PATH_RTT * latencyMs)).toFixed(
                2,
            ),
            calls: entries.length,
            load,
        };
    } finally {
        await sandbox.stop();
    }
}
