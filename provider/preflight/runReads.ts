// The reads one run of the gate shares between its probes: two probes asking the same question
// (the Okta apps of a label, the CXone role by name, the employee by email) send it once. Scoped to
// one run of the gate, in one program process: a read is never reused across runs, so a `pulumi up`
// never writes on what its preview read.

/** One answer per question within one run. */
export interface RunReads {
    /** the answer of `read`, asked once per `key` in this run */
    once<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/** A new, empty set of shared reads: one per run of the gate. */
export function runReads(): RunReads {
    const asked = new Map<string, Promise<unknown>>();
    return {
        once<T>(key: string, read: () => Promise<T>): Promise<T> {
            let p = asked.get(key) as Promise<T> | undefined;
            if (!p) {
                p = read();
                asked.set(key, p);
            }
            return p;
        },
    };
}

/** No sharing: every question is asked (callers outside a gate run). */
export const unshared: RunReads = { once: (_key, read) => read() };
