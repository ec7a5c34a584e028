// What a program keeps for one program run: the reports of the reads before the first write, the
// claims of every integration declared, the sign-ins CXone refused. A run is its stack resource,
// so a process that runs programs one after another (the Automation API's inline programs) starts
// each run afresh: who a change affects may have changed since, an integration of an earlier run
// is not in this one, and a refused key may have been fixed. Outside a run (a provider process,
// Pulumi's mocks) the process is the run. Kept on globalThis because the root program and the
// component may load two copies of these modules.
import * as pulumi from "@pulumi/pulumi";

type Global = typeof globalThis & Record<symbol, WeakMap<object, unknown> | undefined>;

/** The value named `name` for the program run in progress, made by `make` on first use. */
export function perRun<T>(name: string, make: () => T): T {
    const g = globalThis as Global;
    const key = Symbol.for(`cxone-okta-scim.${name}`);
    const runs = (g[key] ??= new WeakMap());
    const run: object = pulumi.runtime.getStackResource() ?? g;
    if (!runs.has(run)) runs.set(run, make());
    return runs.get(run) as T;
}
