// Section 2's minimum round trips, derived from the declared graph (bench/graphShape.ts) so it
// cannot go stale: per resource, the requests of each step that must wait for one another (the
// README's "Critical path"), chained along the graph's edges the way the engine schedules them.

import type { ShapeNode } from "./graphShape";

export type PathOperation = "up from empty" | "no-change preview --refresh" | "destroy";

/** Sequential round trips of one resource in each step. */
interface RoundTrips {
    create: number;
    refresh: number;
    delete: number;
}

/**
 * Per resource type; parallel requests count once. `custom`: the app user schema properties of
 * our own (one write on top of the schema read). Components make no call.
 */
function roundTripsOf(type: string, customProperties: boolean): RoundTrips | undefined {
    switch (type) {
        case "cxone:Role": // search by name, create, search again (CXone's create answers no id)
            return { create: 3, refresh: 1, delete: 1 };
        case "cxone:Employee": // email search and default authenticator in parallel; create; invitation
            return { create: 3, refresh: 1, delete: 1 };
        case "cxone:AccessKey":
        case "okta:GroupAssignment":
            return { create: 1, refresh: 1, delete: 1 };
        case "okta:AutoLoginApp": // Okta deletes only an inactive app: deactivate, then delete
            return { create: 1, refresh: 1, delete: 2 };
        case "okta:AppUserSchemaProperties": // the live schema; a write only for properties of our own
            return {
                create: customProperties ? 2 : 1,
                refresh: 1,
                delete: customProperties ? 1 : 0,
            };
        case "okta:ProfileMapping": // find the app's mapping, read what to restore, one partial update
            return { create: 3, refresh: 1, delete: 1 };
        case "okta:ScimConnection": // Okta's status, the key's evidence beside it
            return { create: 1, refresh: 1, delete: 0 };
        case "okta:ProvisioningActions": // nothing while the connection is pending
            return { create: 0, refresh: 0, delete: 0 };
        case "cxone-okta-scim:RemovalGuard": // before a removal: the app's users, groups, switches at once
            return { create: 0, refresh: 0, delete: 1 };
        default:
            return undefined;
    }
}

/** The provider process's CXone session: discovery of the tenant's hosts, then the sign-in. */
export const CXONE_SESSION_RTT = 2;

/**
 * The program's reads before the first write (each `up` and preview): the sandbox probe (sandbox
 * target only), then the longest of CXone (discovery, sign-in, the role and the employee at once),
 * Okta's apps of the label then the app's users/groups/switches, and each group then its members.
 */
export const PROGRAM_RTT = 1 + Math.max(CXONE_SESSION_RTT + 1, 2, 2);

const isCxone = (n: ShapeNode) => n.type.startsWith("cxone:");

function trips(n: ShapeNode): RoundTrips {
    if (n.component) return { create: 0, refresh: 0, delete: 0 };
    const t = roundTripsOf(n.type, (n.ownProperties ?? 0) > 0);
    if (!t) throw new Error(`bench/minimumPath.ts: no round trips derived for ${n.type}`);
    return t;
}

/** Minimum sequential round trips of `op` over the graph. */
export function minimumRoundTrips(nodes: ShapeNode[], op: PathOperation): number {
    // every resource is read at once; CXone's wait for the provider process's session
    const refresh = Math.max(
        0,
        ...nodes.map((n) => {
            const r = trips(n).refresh;
            return r === 0 ? 0 : r + (isCxone(n) ? CXONE_SESSION_RTT : 0);
        }),
    );
    if (op === "no-change preview --refresh") return refresh + PROGRAM_RTT;
    if (op === "up from empty") {
        // a resource starts when its dependencies are done (CXone's, also when the session is)
        const done = new Map<string, number>();
        for (const n of nodes) {
            const after = Math.max(0, ...n.deps.map((d) => done.get(d) ?? 0));
            const start = isCxone(n) ? Math.max(after, CXONE_SESSION_RTT) : after;
            done.set(n.name, start + trips(n).create);
        }
        return PROGRAM_RTT + Math.max(0, ...done.values());
    }
    // destroy: after the refresh, a resource is deleted once everything depending on it is
    const done = new Map<string, number>();
    for (const n of [...nodes].reverse()) {
        const dependents = nodes.filter((m) => m.deps.includes(n.name) || m.parent === n.name);
        const after = Math.max(0, ...dependents.map((m) => done.get(m.name) ?? 0));
        done.set(n.name, after + trips(n).delete);
    }
    return refresh + Math.max(0, ...done.values());
}
