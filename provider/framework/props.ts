// Dynamic providers' results are sent as protobuf Structs, which cannot hold `undefined`
// (the engine fails with "Unexpected struct type"): drop such keys before returning.

/** A copy of `o` without its undefined-valued keys (top level; nested values are left as they are). */
export function compact<T extends object>(o: T): T {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** `defaults` overlaid with the inputs that are set: an undefined or null input keeps the default. */
export function withDefaults<D extends object, A extends object>(
    defaults: D,
    inputs: A,
): Omit<A, keyof D> & D {
    const set = Object.fromEntries(
        Object.entries(inputs).filter(([, v]) => v !== undefined && v !== null),
    );
    return { ...defaults, ...set } as Omit<A, keyof D> & D;
}

/** Properties as the engine stores and sends them: typed again by each module's check(). */
export type Props = Record<string, unknown>;

/** The stored properties a read() needs; the SDK's signature allows none. */
export function stored(props: Props | undefined, id: string): Props {
    if (!props) throw new Error(`no stored properties for ${id}: run \`pulumi refresh\``);
    return props;
}
