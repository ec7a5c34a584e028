// Section 1: API calls per operation of the full integration stack against the minimum needed.
import { completeConsoleSteps } from "../sandbox/operator";
import type { RunningSandbox } from "../sandbox/index";
import type { EngineStack } from "../scripts/lib/engine";
import axios from "axios";
import type { RequestLogEntry } from "../sandbox/index";
import { CallCounts, countCalls, describeCalls, isProgramProbe } from "./requests";
import {
    declaredGraph,
    providerMinimum,
    safetyMinimum,
    type Calls,
    type Declared,
    type Operation,
} from "./minimum";
import { benchSandbox, integrationOutputs, rootStack } from "./world";

export interface CallRow {
    operation: string;
    /** the providers' calls (the resources' own work) */
    measured: CallCounts;
    /** computed from the declared graph (bench/minimum.ts) */
    minimum: Calls;
    /** measured total / minimum total */
    ratio: number;
    /** the reads that buy safety: the program's before the first write, the removal guard's */
    safety: CallCounts;
    safetyMinimum: Calls;
    safetyRatio: number;
    /** engine's change summary (what the operation did) */
    summary: Record<string, number>;
    calls: string[];
}

const total = (m: Calls) => m.writes + m.reads + m.tokens;
const ratioOf = (measured: CallCounts, min: Calls) =>
    +(measured.total / Math.max(1, total(min))).toFixed(2);
/** The part of the product that sent a call (its User-Agent, kept by the sandbox's log). */
const isSafety = (r: RequestLogEntry) => r.part === "program" || r.part === "removal-guard";
const isProvider = (r: RequestLogEntry) => r.part === "provider";

interface Measured {
    operation: Operation;
    entries: RequestLogEntry[];
    summary: Record<string, number>;
}

async function measure(
    sandbox: RunningSandbox,
    operation: Operation,
    op: () => Promise<{
        changeSummary?: Record<string, number>;
        summary?: { resourceChanges?: Record<string, number> };
    }>,
): Promise<Measured> {
    sandbox.clearRequests();
    const res = await op();
    return {
        operation,
        entries: sandbox.requests(),
        summary: (res.changeSummary ?? res.summary?.resourceChanges ?? {}) as Record<
            string,
            number
        >,
    };
}

/** Against the graph the stack declared (read from its state after the first `up`). */
function row(m: Measured, graph: Declared[]): CallRow {
    // calls of no part of this product (Okta's own SCIM pushes to CXone) are in `calls` only
    const measured = countCalls(m.entries.filter(isProvider));
    const safety = countCalls(m.entries.filter(isSafety));
    const minimum = providerMinimum(graph, m.operation);
    const safetyMin = safetyMinimum(graph, m.operation);
    return {
        operation: m.operation,
        measured,
        minimum,
        ratio: ratioOf(measured, minimum),
        safety,
        safetyMinimum: safetyMin,
        safetyRatio: ratioOf(safety, safetyMin),
        summary: m.summary,
        calls: describeCalls(m.entries).map(
            (c, i) => `${c} ${m.entries.filter((r) => !isProgramProbe(r))[i].part ?? "-"}`,
        ),
    };
}

/** The seeded Okta group the bench stack assigns (one group assignment in the graph). */
async function benchGroupId(sandbox: RunningSandbox): Promise<string> {
    const res = await axios.get(`${sandbox.urls.okta}/api/v1/groups`, {
        params: { q: BENCH_GROUP },
        headers: { Authorization: `SSWS ${sandbox.endpoints.okta.apiToken}` },
    });
    const g = (res.data as { id: string; profile: { name: string } }[]).find(
        (x) => x.profile.name === BENCH_GROUP,
    );
    if (!g) throw new Error(`the sandbox has no Okta group "${BENCH_GROUP}"`);
    return g.id;
}
const BENCH_GROUP = "CXone Agents";

export async function benchCalls(): Promise<CallRow[]> {
    const sandbox = await benchSandbox("calls");
    let stack: EngineStack | undefined;
    try {
        stack = await rootStack("calls", { sandbox });
        const s = stack;
        await s.setConfig(
            "cxone-okta-scim:groupIds",
            JSON.stringify([await benchGroupId(sandbox)]),
        );
        // the group's people are provisioned: the destroy must not be refused for cutting them off
        await s.setConfig("cxone-okta-scim:deactivationThreshold", "1000");
        const rows: Measured[] = [];
        rows.push(await measure(sandbox, "up from empty", () => s.up()));
        const graph = declaredGraph(await s.exportState());
        rows.push(
            await measure(sandbox, "no-change preview --refresh (pending)", () =>
                s.preview({ refresh: true }),
            ),
        );
        const o = await integrationOutputs(s);
        const auth = await completeConsoleSteps(sandbox.urls.okta, o, {
            email: sandbox.endpoints.cxone.adminEmail,
            password: sandbox.endpoints.cxone.adminPassword,
        });
        if (!auth.ok) throw new Error(`console steps failed: ${auth.page.slice(0, 200)}`);
        rows.push(await measure(sandbox, "up after console steps", () => s.up()));
        rows.push(await measure(sandbox, "no-change up (authorized)", () => s.up()));
        rows.push(
            await measure(sandbox, "no-change preview --refresh (authorized)", () =>
                s.preview({ refresh: true }),
            ),
        );
        rows.push(await measure(sandbox, "destroy", () => s.destroy()));
        return rows.map((m) => row(m, graph));
    } finally {
        await sandbox.stop();
    }
}
