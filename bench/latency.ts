// Section 2: `up` from empty, a no-change `preview --refresh` and `destroy` of the root program
// with a fixed injected API latency L, each against the engine floor of the same operation (the
// same graph of no-op resources, same run) plus its minimum round trips x L, derived from the
// graph the stack declared (bench/minimumPath.ts). Both sides are the median of three rounds.
import * as os from "os";
import { criticalPathRoundTrips } from "./criticalPath";
import { graphShape, ShapeNode } from "./graphShape";
import { minimumRoundTrips, PathOperation } from "./minimumPath";
import { rootProject } from "../scripts/lib/rootProject";
import { benchProgram, benchSandbox, benchStack, median, rootStack, timed } from "./world";

type RequestLog = ReturnType<Awaited<ReturnType<typeof benchSandbox>>["requests"]>;

export interface LatencyRow {
    operation: PathOperation;
    /** the floor's runs of this operation, ms */
    floorMs: number[];
    floorMedianMs: number;
    /** the real operation's runs (one per round), ms */
    measuredRunsMs: number[];
    /** their median, ms */
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
    // one sandbox per real round: each `up` from empty meets a world with no earlier round's
    // objects (CXone keeps a deactivated role's name)
    const sandboxes: Awaited<ReturnType<typeof benchSandbox>>[] = [];
    try {
        const load = [os.loadavg()[0]];
        const measuredMs: Record<PathOperation, number[]> = {
            "up from empty": [],
            "no-change preview --refresh": [],
            destroy: [],
        };
        // the request log of the first round's operations: its chain of round trips
        const logs: Partial<Record<PathOperation, RequestLog>> = {};
        const realRound = async (i: number): Promise<ShapeNode[]> => {
            const sandbox = await benchSandbox(`latency-${i}`);
            sandboxes.push(sandbox);
            const real = await rootStack(`latency-${i}`, { sandbox });
            const withLatency = async (op: PathOperation, run: () => Promise<unknown>) => {
                sandbox.setLatency(latencyMs);
                sandbox.clearRequests();
                try {
                    measuredMs[op].push((await timed(run)).ms);
                    logs[op] ??= sandbox.requests();
                } finally {
                    sandbox.setLatency(0);
                }
            };
            await withLatency("up from empty", () => real.up());
            const shape = graphShape(await real.exportState());
            await withLatency("no-change preview --refresh", () => real.preview({ refresh: true }));
            await withLatency("destroy", () => real.destroy());
            return shape;
        };
        const nodes = await realRound(0);
        // the floor mirrors the graph just declared, with the same project options
        const floor = await benchStack("floor", benchProgram("floorProgram"), {
            sandbox: sandboxes[0],
            params: { nodes },
            project: { name: "bench-floor", options: rootProject().options },
        });
        const floorMs: Record<PathOperation, number[]> = {
            "up from empty": [],
            "no-change preview --refresh": [],
            destroy: [],
        };
        const floorRound = async () => {
            floorMs["up from empty"].push((await timed(() => floor.up())).ms);
            floorMs["no-change preview --refresh"].push(
                (await timed(() => floor.preview({ refresh: true }))).ms,
            );
            floorMs.destroy.push((await timed(() => floor.destroy())).ms);
        };
        // floor and real rounds alternate, so load drift hits both alike; each side's median
        await floorRound();
        for (let i = 1; i < ROUNDS; i++) {
            await realRound(i);
            await floorRound();
        }
        load.push(os.loadavg()[0]);

        const rows = (Object.keys(floorMs) as PathOperation[]).map((operation): LatencyRow => {
            const log = logs[operation];
            if (!log) throw new Error(`latency: ${operation} was not measured`);
            const floorMedianMs = median(floorMs[operation]);
            const ms = median(measuredMs[operation]);
            const cp = criticalPathRoundTrips(log);
            const rttMinimum = minimumRoundTrips(nodes, operation);
            return {
                operation,
                floorMs: floorMs[operation],
                floorMedianMs,
                measuredRunsMs: measuredMs[operation],
                measuredMs: ms,
                rttObserved: cp.count,
                rttMinimum,
                chain: cp.chain,
                ratio: +(ms / (floorMedianMs + rttMinimum * latencyMs)).toFixed(2),
                ratioVsObserved: +(ms / (floorMedianMs + cp.count * latencyMs)).toFixed(2),
                calls: log.length,
            };
        });
        return { latencyMs, rows, nodes, load };
    } finally {
        for (const s of sandboxes) await s.stop();
    }
}
