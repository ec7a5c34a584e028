// Section 3: N Employees + N AccessKeys + one Role in one stack under a sandbox rate limit, for
// several N: total time against the bound the rate limit sets (calls / rate) and against the
// engine's own floor, the 429s and the most any one call was refused, time per resource (flat =
// linear), peak provider RSS; then destroy.
import * as os from "os";
import * as path from "path";
import { RATE_STATS_ENV, readRateStats } from "../provider/core/rateStats";
import { countCalls, CallCounts } from "./requests";
import { ProviderRssSampler } from "./rss";
import type { ScaleFloorParams, ScaleParams } from "./params";
import { benchPaths, benchProgram, benchSandbox, benchStack, runId, timed } from "./world";

export interface ScaleRow {
    employees: number;
    resources: number;
    ok: boolean;
    error?: string;
    upMs: number;
    msPerResource: number;
    destroyMs: number;
    destroyOk: boolean;
    upCalls: CallCounts;
    /** the least time the rate limit allows for the up's calls: calls served / rate */
    boundMs: number;
    /** up / bound */
    ratioToBound: number;
    /** up / max(no-op floor, bound): the engine's own cost counted */
    ratioToFloorOrBound: number;
    /** calls (of the provider process) refused at least once, and the most refusals of one */
    refusedCalls: number;
    maxRefusals: number;
    destroyCalls: CallCounts;
    providerPeakRssMb: number;
    /** the same graph of no-op resources: engine-only cost */
    floorUpMs: number;
    floorMsPerResource: number;
    floorDestroyMs: number;
    providerProcesses: number;
    load: number;
}

const firstLine = (e: unknown) =>
    String((e as Error)?.message ?? e)
        .split("\n")
        .filter((l) => /error|fail/i.test(l))
        .slice(0, 3)
        .join(" | ")
        .slice(0, 400);

export async function benchScale(sizes: number[], perSecond: number): Promise<ScaleRow[]> {
    const sandbox = await benchSandbox("scale");
    sandbox.setFaults([{ kind: "rateLimit", perSecond }]);
    const rows: ScaleRow[] = [];
    try {
        for (const n of sizes) {
            const tag = `${runId}-${n}`;
            const params: ScaleParams = {
                cxoneUrl: sandbox.urls.cxone,
                tenantId: sandbox.endpoints.cxone.tenantId,
                count: n,
                tag,
            };
            const statsFile = path.join(benchPaths(`scale-${n}`).workDir, "..", "rate-stats.jsonl");
            const stack = await benchStack(`scale-${n}`, benchProgram("scaleProgram"), {
                sandbox,
                params,
                env: { [RATE_STATS_ENV]: statsFile },
            });
            const resources = 1 + 2 * n;
            sandbox.clearRequests();
            const rss = new ProviderRssSampler();
            rss.start();
            let error: string | undefined;
            const up = await timed(() =>
                stack.up().catch((e) => {
                    error = firstLine(e);
                }),
            );
            const mem = rss.stop();
            const upCalls = countCalls(sandbox.requests());
            const refusals = readRateStats(statsFile);
            sandbox.clearRequests();
            let destroyOk = true;
            const destroy = await timed(() =>
                stack.destroy().catch((e) => {
                    destroyOk = false;
                    error = (error ? error + " / " : "") + "destroy: " + firstLine(e);
                }),
            );
            const floorParams: ScaleFloorParams = { count: n };
            const floorMain = benchProgram("scaleFloorProgram");
            const floor = await benchStack(`scale-floor-${n}`, floorMain, {
                sandbox,
                params: floorParams,
            });
            const floorUp = await timed(() => floor.up());
            const floorDestroy = await timed(() => floor.destroy());
            const boundMs = Math.round((upCalls.total / perSecond) * 1000);
            rows.push({
                boundMs,
                ratioToBound: +(up.ms / boundMs).toFixed(2),
                ratioToFloorOrBound: +(up.ms / Math.max(floorUp.ms, boundMs)).toFixed(2),
                refusedCalls: refusals.refusedCalls,
                maxRefusals: refusals.maxRefusals,
                floorUpMs: floorUp.ms,
                floorMsPerResource: Math.round(floorUp.ms / resources),
                floorDestroyMs: floorDestroy.ms,
                employees: n,
                resources,
                ok: !error,
                error,
                upMs: up.ms,
                msPerResource: Math.round(up.ms / resources),
                destroyMs: destroy.ms,
                destroyOk,
                upCalls,
                destroyCalls: countCalls(sandbox.requests()),
                providerPeakRssMb: mem.peakMb,
                providerProcesses: mem.processes,
                load: +os.loadavg()[0].toFixed(2),
            });
            console.error(
                `scale ${n}: up ${up.ms} ms (bound ${boundMs} ms, floor ${floorUp.ms} ms), destroy ${destroy.ms} ms${error ? ", FAILED: " + error : ""}`,
            );
        }
        return rows;
    } finally {
        await sandbox.stop();
    }
}
