// Dynamic providers' results are sent as protobuf Structs, which cannot hold `undefined`
// (the engine fails with "Unexpected struct type"): drop such keys before returning.

/** A copy of `o` without its undefined-valued keys (top level; nested values are left as they are). */
export function compact<T extends object>(o: T): T {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** `defaults` overlaid with the args that are set: an explicit `undefined` keeps the default. */
export function withDefaults<D extends object, A extends object>(defaults: D, args: A): D & A {
    return { ...defaults, ...compact(args) } as D & A;
}
