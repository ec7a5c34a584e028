// Section 3, Okta's side: N GroupAssignments of one app in one stack, under the sandbox Okta's own
// per-bucket limits (X-Rate-Limit-Limit/-Remaining/-Reset on every answer, 429 E0000047 past the
// limit). Total time against the bound the buckets set and against the engine's floor, the 429s
// and the most any one call was refused; then destroy.
import * as os from "os";
import * as path from "path";
import { RATE_STATS_ENV, readRateStats } from "../provider/core/rateStats";
import { addPeople } from "../sandbox/okta/population";
import { bucketOf } from "../sandbox/okta/rateLimits";
import type { RequestLogEntry } from "../sandbox/index";
import type { OktaScaleFloorParams, OktaScaleParams } from "./params";
import { countCalls, type CallCounts } from "./requests";
import { benchPaths, benchProgram, benchSandbox, benchStack, timed } from "./world";

/**
 * Okta's own window is 60 s [doc], the default here. A shorter one (`--okta-window=10`) keeps a
 * run short, but it magnifies the fixed costs six times over: the engine's start, and the second
 * a client waits past each reset (the Date header's resolution). 80 calls per window per bucket
 * make 200 assignments span three windows of each bucket they use.
 */
export const OKTA_WINDOW_SECONDS = 60;
export const OKTA_BUCKET_LIMIT = 80;

export interface OktaScaleRow {
    assignments: number;
    ok: boolean;
    error?: string;
    upMs: number;
    /** the least time the buckets allow: per bucket (windows needed - 1) x window, the largest */
    boundMs: number;
    /** the sandbox's window length */
    windowSeconds: number;
    /** calls of the up per bucket */
    buckets: Record<string, number>;
    ratioToBound: number;
    ratioToFloorOrBound: number;
    upCalls: CallCounts;
    refusedCalls: number;
    maxRefusals: number;
    floorUpMs: number;
    destroyMs: number;
    load: number;
}

function perBucket(entries: RequestLogEntry[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of entries) {
        if (r.server !== "okta" || r.status === 429 || !r.path.startsWith("/api/v1/")) continue;
        const b = bucketOf(r.path.slice("/api/v1".length));
        out[b] = (out[b] ?? 0) + 1;
    }
    return out;
}

export async function benchOktaScale(
    n: number,
    windowSeconds = OKTA_WINDOW_SECONDS,
): Promise<OktaScaleRow> {
    const limits = {
        "/api/v1/apps/{id}": OKTA_BUCKET_LIMIT,
        "/api/v1/groups/{id}": OKTA_BUCKET_LIMIT,
    };
    const sandbox = await benchSandbox("okta-scale", {
        okta: { rateLimit: { windowSeconds, limits } },
    });
    try {
        const plans = Array.from({ length: n }, (_x, k) => ({
            name: `Bench ${k}`,
            has: () => false,
        }));
        const pop = addPeople(sandbox.context.state.okta, 0, plans, "bench");
        const orgUrl = sandbox.urls.okta;
        const res = await fetch(`${orgUrl}/api/v1/apps?activate=true`, {
            method: "POST",
            headers: {
                Authorization: `SSWS ${sandbox.endpoints.okta.apiToken}`,
                "Content-Type": "application/json",
            },
            body: JSON.stringify({
                label: "NICE CXone",
                signOnMode: "AUTO_LOGIN",
                settings: { signOn: { loginUrl: `${sandbox.urls.cxone}/login` } },
            }),
        });
        const app = (await res.json()) as { id: string };
        const params: OktaScaleParams = {
            orgUrl,
            appId: app.id,
            groupIds: plans.map((p) => pop.groupIds[p.name]),
        };
        const name = `okta-scale-${n}`;
        const statsFile = path.join(benchPaths(name).workDir, "..", "rate-stats.jsonl");
        const stack = await benchStack(name, benchProgram("oktaScaleProgram"), {
            sandbox,
            params,
            env: { [RATE_STATS_ENV]: statsFile },
        });
        sandbox.clearRateLimits(); // the setup's calls count in no window of the run
        sandbox.clearRequests();
        let error: string | undefined;
        const up = await timed(() =>
            stack.up().catch((e: unknown) => {
                error = String((e as Error)?.message ?? e).slice(0, 400);
            }),
        );
        const log = sandbox.requests();
        const upCalls = countCalls(log);
        const buckets = perBucket(log);
        const refusals = readRateStats(statsFile);
        const windowMs = windowSeconds * 1000;
        const boundMs = Math.max(
            0,
            ...Object.entries(buckets).map(
                ([b, calls]) =>
                    (Math.ceil(calls / (limits[b as keyof typeof limits] ?? Infinity)) - 1) *
                    windowMs,
            ),
        );
        const destroy = await timed(() =>
            stack.destroy().catch((e: unknown) => {
                error = (error ? error + " / " : "") + "destroy: " + String(e).slice(0, 200);
            }),
        );
        const floorParams: OktaScaleFloorParams = { count: n };
        const floor = await benchStack(
            `okta-scale-floor-${n}`,
            benchProgram("oktaScaleFloorProgram"),
            {
                sandbox,
                params: floorParams,
            },
        );
        const floorUp = await timed(() => floor.up());
        await floor.destroy();
        console.error(
            `okta scale ${n}: up ${up.ms} ms (bound ${boundMs} ms, floor ${floorUp.ms} ms)${error ? ", FAILED: " + error : ""}`,
        );
        return {
            assignments: n,
            ok: !error,
            error,
            upMs: up.ms,
            boundMs,
            windowSeconds,
            buckets,
            ratioToBound: boundMs > 0 ? +(up.ms / boundMs).toFixed(2) : NaN,
            ratioToFloorOrBound: +(up.ms / Math.max(floorUp.ms, boundMs)).toFixed(2),
            upCalls,
            refusedCalls: refusals.refusedCalls,
            maxRefusals: refusals.maxRefusals,
            floorUpMs: floorUp.ms,
            destroyMs: destroy.ms,
            load: +os.loadavg()[0].toFixed(2),
        };
    } finally {
        await sandbox.stop();
    }
}
