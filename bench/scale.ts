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
    /**
     * the same no-op graph, each resource first waiting for as many calls as the real one made,
     * one after another, at the rate limit used perfectly: the engine's time for the graph under it
     */
    pacedFloorUpMs: number;
    /** up / paced floor */
    ratioToPacedFloor: number;
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

/**
 * The calls each resource of the up made, from its request log: each employee's (user management)
 * and each key's (access key management) by their paths (429s left out), the rest (discovery, sign-in, the role's)
 * the role's, so the paced floor makes as many calls in all as the up did.
 */
function callsPerResource(
    requests: { path: string; status: number }[],
    n: number,
    perSecond: number,
): NonNullable<ScaleFloorParams["pace"]> {
    const log = requests.filter((r) => r.status !== 429); // served calls, as the bound counts
    const employee = Math.round(
        log.filter((r) => r.path.startsWith("/user-management/")).length / n,
    );
    const key = Math.round(
        log.filter((r) => r.path.startsWith("/access-key-management/")).length / n,
    );
    return { perSecond, employee, key, role: Math.max(0, log.length - n * (employee + key)) };
}

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
            const pace = callsPerResource(sandbox.requests(), n, perSecond);
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
            const pacedParams: ScaleFloorParams = { count: n, pace };
            const paced = await benchStack(`scale-paced-${n}`, floorMain, {
                sandbox,
                params: pacedParams,
            });
            const pacedUp = await timed(() => paced.up());
            await paced.destroy();
            const boundMs = Math.round((upCalls.total / perSecond) * 1000);
            rows.push({
                boundMs,
                ratioToBound: +(up.ms / boundMs).toFixed(2),
                ratioToFloorOrBound: +(up.ms / Math.max(floorUp.ms, boundMs)).toFixed(2),
                refusedCalls: refusals.refusedCalls,
                maxRefusals: refusals.maxRefusals,
                floorUpMs: floorUp.ms,
                pacedFloorUpMs: pacedUp.ms,
                ratioToPacedFloor: +(up.ms / pacedUp.ms).toFixed(2),
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
                `scale ${n}: up ${up.ms} ms (bound ${boundMs} ms, floor ${floorUp.ms} ms, paced floor ${pacedUp.ms} ms), destroy ${destroy.ms} ms${error ? ", FAILED: " + error : ""}`,
            );
        }
        return rows;
    } finally {
        await sandbox.stop();
    }
}
