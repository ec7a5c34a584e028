// Section 1: API calls per operation of the full integration stack against the minimum needed.
import { completeConsoleSteps } from "../sandbox/operator";
import type { RunningSandbox } from "../sandbox/index";
import type { EngineStack } from "../scripts/lib/engine";
import { CallCounts, countCalls, describeCalls } from "./requests";
import { benchSandbox, integrationOutputs, rootStack } from "./world";

/** The minimum an operation needs, derived in bench/README.md ("Minimum calls"). */
export interface Minimum {
    writes: number;
    reads: number;
    tokens: number;
}

export interface CallRow {
    operation: string;
    measured: CallCounts;
    minimum: Minimum;
    /** measured total / minimum total */
    ratio: number;
    /** engine's change summary (what the operation did) */
    summary: Record<string, number>;
    calls: string[];
}

// Six resources: Role, Employee, AccessKey, AutoLoginApp, ScimConnection, ProvisioningActions.
// CXone signs in once per provider process; Okta uses an API token (no sign-in).
const MIN: Record<string, Minimum> = {
    // creates: role, employee, invite, key, app; reads: role by name and employee by email (adoption
    // rules), the role again (CXone's create answers no id), the default login authenticator, the
    // connection status
    "up from empty": { writes: 5, reads: 5, tokens: 1 },
    // pending: the connection is re-checked (1 Okta GET + 1 key GET for the evidence) on refresh
    "no-change preview --refresh (pending)": { writes: 0, reads: 6, tokens: 1 },
    // the up after the console steps: refresh (≤6 reads) + switch the provisioning actions on (1 PUT)
    "up after console steps": { writes: 1, reads: 6, tokens: 1 },
    "no-change up (authorized)": { writes: 0, reads: 6, tokens: 1 },
    "no-change preview --refresh (authorized)": { writes: 0, reads: 6, tokens: 1 },
    // refresh first (Pulumi.yaml refresh: always): ≤6 reads; then revoke key, deactivate employee,
    // deactivate role, deactivate + delete app (Okta deletes only inactive apps)
    destroy: { writes: 5, reads: 6, tokens: 1 },
};

const total = (m: Minimum) => m.writes + m.reads + m.tokens;

async function measure(
    sandbox: RunningSandbox,
    operation: string,
    op: () => Promise<{
        changeSummary?: Record<string, number>;
        summary?: { resourceChanges?: Record<string, number> };
    }>,
): Promise<CallRow> {
    sandbox.clearRequests();
    const res = await op();
    const entries = sandbox.requests();
    const measured = countCalls(entries);
    const minimum = MIN[operation];
    return {
        operation,
        measured,
        minimum,
        ratio: +(measured.total / total(minimum)).toFixed(2),
        summary: (res.changeSummary ?? res.summary?.resourceChanges ?? {}) as Record<
            string,
            number
        >,
        calls: describeCalls(entries),
    };
}

export async function benchCalls(): Promise<CallRow[]> {
    const sandbox = await benchSandbox("calls");
    let stack: EngineStack | undefined;
    try {
        stack = await rootStack("calls", { sandbox });
        const s = stack;
        const rows: CallRow[] = [];
        rows.push(await measure(sandbox, "up from empty", () => s.up()));
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
        return rows;
    } finally {
        await sandbox.stop();
    }
}
