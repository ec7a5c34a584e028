// Section 1's minimum, computed from the declared graph (the stack's state after `up`), so it can
// never go stale: per resource, the calls it cannot avoid in each operation (derived in
// bench/README.md, "Minimum calls"), summed over the resources the stack declares, with groups
// counted per assignment. The reads that buy safety (before the first write, and the removal
// guard's) are computed apart.

export interface Calls {
    writes: number;
    reads: number;
    tokens: number;
}

/** What one resource cannot avoid, per step of an operation. */
interface Cost {
    /** create (up from empty): writes, reads */
    create: [number, number];
    /** refresh while the SCIM connection is pending, and once it is authorized: reads */
    read: { pending: number; authorized: number };
    /** the up after the console steps, besides its refresh: writes */
    afterConsole?: number;
    /** delete: writes */
    destroy: number;
}

/** One resource of the graph: its type and what of its inputs changes its cost. */
export interface Declared {
    /** e.g. "cxone:Role", "okta:GroupAssignment" */
    type: string;
    /** AppUserSchemaProperties: properties not in Okta's base set (written by this stack) */
    custom?: number;
}

/**
 * Per resource type. Okta: API token, no sign-in. CXone: per process that calls it, one discovery
 * of the tenant's hosts (`/.well-known/cxone-configuration`, a read) and one sign-in.
 * `unknown`: Okta reports the SCIM connection UNKNOWN, so the key's evidence is read too.
 */
function costOf(d: Declared, unknown: boolean): Cost | undefined {
    const evidence = unknown ? 1 : 0;
    switch (d.type) {
        case "cxone:Role": // search by name (adoption, at write time), create, search again (no id answered)
            return { create: [1, 2], read: { pending: 1, authorized: 1 }, destroy: 1 };
        case "cxone:Employee": // email search + default authenticator; create + invitation
            return { create: [2, 2], read: { pending: 1, authorized: 1 }, destroy: 1 };
        case "cxone:AccessKey":
            return { create: [1, 0], read: { pending: 1, authorized: 1 }, destroy: 1 };
        case "okta:AutoLoginApp": // Okta deletes only an inactive app: deactivate + delete
            return { create: [1, 0], read: { pending: 1, authorized: 1 }, destroy: 2 };
        case "okta:GroupAssignment":
            return { create: [1, 0], read: { pending: 1, authorized: 1 }, destroy: 1 };
        case "okta:AppUserSchemaProperties": {
            // the live schema tells Okta's base set; a write only for properties of our own
            const w = (d.custom ?? 0) > 0 ? 1 : 0;
            return { create: [w, 1], read: { pending: 1, authorized: 1 }, destroy: w };
        }
        case "okta:ProfileMapping": // find the mapping's id, read what to restore, one partial update
            return { create: [1, 2], read: { pending: 1, authorized: 1 }, destroy: 1 };
        // Okta's status; where Okta reports UNKNOWN also the key's lastUsedDate, except at create:
        // the key the same process just created is known unused
        case "okta:ScimConnection":
            return {
                create: [0, 1],
                read: { pending: 1 + evidence, authorized: 1 + evidence },
                destroy: 0,
            };
        case "okta:ProvisioningActions": // nothing while pending; the switches once authorized
            return {
                create: [0, 0],
                read: { pending: 0, authorized: 1 },
                afterConsole: 1,
                destroy: 0,
            };
        case "cxone-okta-scim:RemovalGuard": // no vendor call of its own (its reads: safety, below)
            return { create: [0, 0], read: { pending: 0, authorized: 0 }, destroy: 0 };
        default:
            return undefined;
    }
}

const isCxone = (d: Declared) => d.type.startsWith("cxone:");

/** The resources of a `pulumi stack export` that have a vendor cost (dynamic resources of this package). */
export function declaredGraph(stateJson: string): Declared[] {
    const state = JSON.parse(stateJson) as {
        deployment?: {
            resources?: { type: string; outputs?: { properties?: object; onBase?: string[] } }[];
        };
    };
    const out: Declared[] = [];
    for (const r of state.deployment?.resources ?? []) {
        const m = /^pulumi-nodejs:dynamic\/([^:]+):(\w+)$/.exec(r.type);
        if (!m) continue;
        const type = `${m[1]}:${m[2]}`;
        if (type === "okta:AppUserSchemaProperties") {
            const props = Object.keys(r.outputs?.properties ?? {});
            const onBase = r.outputs?.onBase ?? [];
            out.push({ type, custom: props.filter((p) => !onBase.includes(p)).length });
        } else out.push({ type });
    }
    return out;
}

export type Operation =
    | "up from empty"
    | "no-change preview --refresh (pending)"
    | "up after console steps"
    | "no-change up (authorized)"
    | "no-change preview --refresh (authorized)"
    | "destroy";

/** The providers' minimum for `op` over `graph` (one CXone discovery and sign-in for the provider process). */
export function providerMinimum(graph: Declared[], op: Operation, unknown = false): Calls {
    const cxone = graph.some(isCxone) ? 1 : 0;
    const m: Calls = { writes: 0, reads: cxone, tokens: cxone };
    for (const d of graph) {
        const c = costOf(d, unknown);
        if (!c) throw new Error(`bench/minimum.ts: no minimum derived for ${d.type}`);
        if (op === "up from empty") {
            m.writes += c.create[0];
            m.reads += c.create[1];
        } else if (op === "no-change preview --refresh (pending)") m.reads += c.read.pending;
        else if (op === "up after console steps") {
            m.reads += c.read.pending;
            m.writes += c.afterConsole ?? 0;
        } else if (op === "destroy") {
            m.reads += c.read.authorized; // refresh: always
            m.writes += c.destroy;
        } else m.reads += c.read.authorized;
    }
    return m;
}

/**
 * The reads that buy safety, counted apart. Every program run (a preview, an `up`; `destroy`
 * runs no program): one CXone discovery and sign-in, the role by name, the employee by email, the Okta apps of
 * the label, each group, and the people probe's: the members of each group and, where the app
 * exists, its users, its groups and its To App switches (where no app of the label carries the
 * stack's mark, the org's app list once). `destroy`: the removal guard's read of the app's users,
 * groups and switches.
 */
export function safetyMinimum(graph: Declared[], op: Operation): Calls {
    const groups = graph.filter((d) => d.type === "okta:GroupAssignment").length;
    if (op === "destroy") return { writes: 0, reads: 3, tokens: 0 };
    const appExists = op !== "up from empty";
    return { writes: 0, reads: 1 + 3 + 2 * groups + (appExists ? 3 : 1), tokens: 1 };
}
