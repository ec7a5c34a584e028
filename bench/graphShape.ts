// The declared graph as the engine recorded it (`pulumi stack export`): every resource of the
// program with its type, parent and dependencies. The latency section mirrors it in no-op
// resources (floorProgram.ts) and derives its minimum round trips from it (minimumPath.ts), so
// neither can go stale when the integration gains a resource or an edge.

export interface ShapeNode {
    /** the URN's name part, unique within the stack */
    name: string;
    /** "cxone:Role", "okta:AutoLoginApp", ... for this package's dynamic resources; the token otherwise */
    type: string;
    /** a component (no provider, no vendor call) rather than a custom resource */
    component: boolean;
    /** the parent's name; undefined at the stack's root */
    parent?: string;
    /** names of the resources it depends on (its inputs' and dependsOn's) */
    deps: string[];
    /** outputs the engine keeps secret */
    secretOutputs: string[];
    /** app user schema properties: how many are this stack's own (not in Okta's base set) */
    ownProperties?: number;
}

interface StateResource {
    urn: string;
    type: string;
    custom?: boolean;
    parent?: string;
    dependencies?: string[];
    additionalSecretOutputs?: string[];
    outputs?: { properties?: object; onBase?: string[] };
}

const nameOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

/** The dynamic resource's `<module>:<Type>`, e.g. `pulumi-nodejs:dynamic/cxone:Role` -> `cxone:Role`. */
export function dynamicType(type: string): string {
    const m = /^pulumi-nodejs:dynamic\/([^:]+):(\w+)$/.exec(type);
    return m ? `${m[1]}:${m[2]}` : type;
}

function ownProperties(r: StateResource): number {
    const onBase = r.outputs?.onBase ?? [];
    return Object.keys(r.outputs?.properties ?? {}).filter((p) => !onBase.includes(p)).length;
}

export function graphShape(stateJson: string): ShapeNode[] {
    const state = JSON.parse(stateJson) as { deployment?: { resources?: StateResource[] } };
    const resources = (state.deployment?.resources ?? []).filter(
        (r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"),
    );
    const kept = new Set(resources.map((r) => r.urn));
    return resources.map((r) => ({
        name: nameOf(r.urn),
        type: dynamicType(r.type),
        ...(dynamicType(r.type) === "okta:AppUserSchemaProperties"
            ? { ownProperties: ownProperties(r) }
            : {}),
        component: r.custom !== true,
        parent: r.parent && kept.has(r.parent) ? nameOf(r.parent) : undefined,
        deps: (r.dependencies ?? []).filter((d) => kept.has(d)).map(nameOf),
        secretOutputs: r.additionalSecretOutputs ?? [],
    }));
}
