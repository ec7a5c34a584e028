// Section 3: N Employees + N AccessKeys + one Role in one stack under a sandbox rate limit, for
// several N: total time, time per resource (flat = linear), peak provider RSS; then destroy.
import * as os from "os";
import { countCalls, CallCounts } from "./requests";
import { ProviderRssSampler } from "./rss";
import type { ScaleFloorParams, ScaleParams } from "./params";
import { benchProgram, benchSandbox, benchStack, runId, timed } from "./world";

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
            const stack = await benchStack(`scale-${n}`, benchProgram("scaleProgram"), {
                sandbox,
                params,
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
            rows.push({
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
                `scale ${n}: up ${up.ms} ms, destroy ${destroy.ms} ms${error ? ", FAILED: " + error : ""}`,
            );
        }
        return rows;
    } finally {
        await sandbox.stop();
    }
}
