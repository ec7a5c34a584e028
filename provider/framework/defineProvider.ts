// One surface per provider module. The provider line every stack stores (dynamicResource.ts) hands
// Pulumi's host this module's exports, and the forwarder older stacks hold (forwarder.ts) calls the
// same check, diff, create, read, update and delete: stacks of any version rely on those six
// names, so the object defineProvider returns answers all six. The engine's untyped properties are
// typed here, once.
import "./providerProcess";
import type * as pulumi from "@pulumi/pulumi";
import type { Checked, Unchecked } from "./checks";
import { Props, stored } from "./props";

/** read()'s result: the live outputs, and the live inputs for the next diff. */
export type ReadResult<O> = pulumi.dynamic.ReadResult<O>;

/** What a provider module writes: its methods on typed inputs and stored outputs. */
export interface ProviderDefinition<I, O> {
    /** How read() names one resource when the state holds no properties (e.g. "role", "Okta app"). */
    noun: string;
    /** Every failure of the new inputs, and the inputs with defaults. */
    check(news: Unchecked<I>): Checked<I> | Promise<Checked<I>>;
    /** Whether the stored outputs must change, in place or by replacement, to match the inputs. */
    diff(olds: O, news: I): pulumi.dynamic.DiffResult;
    create(news: I): Promise<{ id: string; outs: O }>;
    /** Refresh: the live resource; `{ id: "" }` when it is gone. */
    read?(id: string, olds: O): Promise<ReadResult<O>>;
    update?(id: string, olds: O, news: I): Promise<{ outs: O }>;
    delete?(id: string, olds: O): Promise<void>;
}

/** What a provider module exports: the SDK's six methods, every one present. */
export interface Provider<I, O> {
    check(olds: Unchecked<I>, news: Unchecked<I>): Promise<Checked<I>>;
    diff(id: string, olds: Props, news: I): Promise<pulumi.dynamic.DiffResult>;
    create(news: I): Promise<{ id: string; outs: O }>;
    read(id: string, props?: Props): Promise<ReadResult<O>>;
    update(id: string, olds: Props, news: I): Promise<{ outs: O }>;
    delete(id: string, props: Props): Promise<void>;
}

// Stored properties are what the module's check() and create() made them: typed back here, once.
const typed = <O>(props: Props): O => props as O;

/** Only the fields the engine reads: a logic module's diff may carry more (e.g. `changed`). */
function engineDiff(d: pulumi.dynamic.DiffResult): pulumi.dynamic.DiffResult {
    const { changes, replaces, stables, deleteBeforeReplace } = d;
    return Object.fromEntries(
        Object.entries({ changes, replaces, stables, deleteBeforeReplace }).filter(
            ([, v]) => v !== undefined,
        ),
    );
}

/**
 * The properties without `__provider`, the host's stored provider text: it is not the resource's,
 * and an upgrade that rewrites it (the older forwarder's text in a stack) is no change.
 */
function ownFields<T extends Props>(p: T): T {
    const { __provider: _text, ...own } = p;
    return own as T;
}

/**
 * The provider a module exports (`export = defineProvider<I, O>({ ... })`). A method the module
 * leaves out answers as the forwarder's own fallback does: read keeps the stored properties,
 * update takes the inputs as outputs, delete does nothing.
 */
export function defineProvider<I extends Props, O extends Props>(
    d: ProviderDefinition<I, O>,
): Provider<I, O> {
    const provider: Provider<I, O> = {
        check: async (_olds, news) => d.check(news),
        diff: async (_id, olds, news) =>
            engineDiff(d.diff(typed<O>(ownFields(olds)), ownFields(news))),
        create: (news) => d.create(news),
        read: async (id, props) =>
            d.read
                ? d.read(id, typed<O>(stored(props, `${d.noun} ${id}`)))
                : { id, props: props && typed<O>(props) },
        update: async (id, olds, news) =>
            d.update ? d.update(id, typed<O>(olds), news) : { outs: typed<O>(news) },
        delete: async (id, props) => {
            if (d.delete) await d.delete(id, typed<O>(props));
        },
    };
    // the compiler checks the surface against the SDK's provider type
    return provider satisfies pulumi.dynamic.ResourceProvider<I, O>;
}
