// Section 2: `up` from empty, a no-change `preview --refresh` and `destroy` of the root program
// with a fixed injected API latency L, each against the engine floor of the same operation (the
// same graph of no-op resources, same run) plus its minimum round trips x L, derived from the
// graph the stack declared (bench/minimumPath.ts).
import * as os from "os";
import { criticalPathRoundTrips } from "./criticalPath";
import { graphShape, ShapeNode } from "./graphShape";
import { minimumRoundTrips, PathOperation } from "./minimumPath";
import { rootProject } from "../scripts/lib/rootProject";
import { benchProgram, benchSandbox, benchStack, median, rootStack, timed } from "./world";

export interface LatencyRow {
    operation: PathOperation;
    /** the floor's runs of this operation, ms */
    floorMs: number[];
    floorMedianMs: number;
    measuredMs: number;
    rttObserved: number;
    rttMinimum: number;
    chain: string[];
    /** measured / (floor + rttMinimum x L): the docs/design.md figure, target <= 1.1 */
    ratio: number;
    /** measured / (floor + rttObserved x L): what the engine adds beyond the round trips made */
    ratioVsObserved: number;
    calls: number;
}

export interface LatencyResult {
    latencyMs: number;
    rows: LatencyRow[];
    /** the graph the minimum was derived from, as the state recorded it */
    nodes: ShapeNode[];
    load: number[];
}

const ROUNDS = 3;

export async function benchLatency(latencyMs: number): Promise<LatencyResult> {
    const sandbox = await benchSandbox("latency");
    try {
        const real = await rootStack("latency", { sandbox });
        const load = [os.loadavg()[0]];
        const measured: Partial<
            Record<PathOperation, { ms: number; log: ReturnType<typeof sandbox.requests> }>
        > = {};
        const withLatency = async (op: PathOperation, run: () => Promise<unknown>) => {
            sandbox.setLatency(latencyMs);
            sandbox.clearRequests();
            try {
                const { ms } = await timed(run);
                measured[op] = { ms, log: sandbox.requests() };
            } finally {
                sandbox.setLatency(0);
            }
        };

        await withLatency("up from empty", () => real.up());
        // the floor mirrors the graph just declared, with the same project options
        const nodes = graphShape(await real.exportState());
        const floor = await benchStack("floor", benchProgram("floorProgram"), {
            sandbox,
            params: { nodes },
            project: { name: "bench-floor", options: rootProject().options },
        });
        const floorMs: Record<PathOperation, number[]> = {
            "up from empty": [],
            "no-change preview --refresh": [],
            destroy: [],
        };
        // one floor round between the real operations, so load drift hits both alike
        const floorRound = async () => {
            floorMs["up from empty"].push((await timed(() => floor.up())).ms);
            floorMs["no-change preview --refresh"].push(
                (await timed(() => floor.preview({ refresh: true }))).ms,
            );
            floorMs.destroy.push((await timed(() => floor.destroy())).ms);
        };
        await floorRound();
        await withLatency("no-change preview --refresh", () => real.preview({ refresh: true }));
        await floorRound();
        await withLatency("destroy", () => real.destroy());
        for (let i = 2; i < ROUNDS; i++) await floorRound();
        load.push(os.loadavg()[0]);

        const rows = (Object.keys(floorMs) as PathOperation[]).map((operation): LatencyRow => {
            const m = measured[operation];
            if (!m) throw new Error(`latency: ${operation} was not measured`);
            const floorMedianMs = median(floorMs[operation]);
            const cp = criticalPathRoundTrips(m.log);
            const rttMinimum = minimumRoundTrips(nodes, operation);
            return {
                operation,
                floorMs: floorMs[operation],
                floorMedianMs,
                measuredMs: m.ms,
                rttObserved: cp.count,
                rttMinimum,
                chain: cp.chain,
                ratio: +(m.ms / (floorMedianMs + rttMinimum * latencyMs)).toFixed(2),
                ratioVsObserved: +(m.ms / (floorMedianMs + cp.count * latencyMs)).toFixed(2),
                calls: m.log.length,
            };
        });
        return { latencyMs, rows, nodes, load };
    } finally {
        await sandbox.stop();
    }
}
