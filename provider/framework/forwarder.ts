// The serialized half of every dynamic resource made before dynamicResource.ts. Pulumi stores the
// provider object in state (`__provider`) and runs THAT copy for read, refresh and delete: stacks
// made by earlier versions hold this forwarder's serialization until their next update, and
// programs may still import it, so it stays, byte for byte. Each method loads the implementation
// by package path at call time and delegates; only the module path string is captured.
import type * as pulumi from "@pulumi/pulumi";

/**
 * What a provider implementation module exports (all methods optional except create, so modules of
 * any version load). Today each module exports one `defineProvider` object answering all six
 * (framework/defineProvider.ts), whose type the compiler checks against the SDK's.
 */
export type ProviderModule = pulumi.dynamic.ResourceProvider;

/**
 * read()'s result: live outputs, and live inputs so the next diff shows out-of-band changes. The
 * SDK types `ReadResult.inputs` with the outputs' type; outputs here always extend the inputs.
 */
export function readResult<I, O extends I>(
    id: string,
    props: O,
    inputs: I,
): pulumi.dynamic.ReadResult<O> {
    return { id, props, inputs: inputs as O };
}

/**
 * A dynamic resource provider that forwards every call to the module at `modulePath`, a package
 * path such as `"cxone-okta-scim/provider/cxone/roleProvider"`, loaded when the call happens.
 *
 * The module is resolved from the provider process's working directory (the Pulumi program's
 * directory): that finds the package both through its own package.json self-reference (stacks
 * inside this repository) and in the program's node_modules (installed package). Because only the
 * path is stored in state, upgrading the package upgrades refresh and delete of existing stacks.
 *
 * @param modulePath package path of a module exporting `create` and optionally `check`, `diff`,
 *   `read`, `update`, `delete` with the signatures of {@link pulumi.dynamic.ResourceProvider}.
 */
export function forwarder(modulePath: string): pulumi.dynamic.ResourceProvider {
    // Everything below runs inside the provider process after deserialization: keep the
    // references to `require` and `process` inside the functions so nothing else is captured.
    // The text below is stored in every stack's state: keep it byte for byte (no reformatting).
    /* eslint-disable @typescript-eslint/no-require-imports -- serialized: must load at call time */
    // prettier-ignore
    const load = (): ProviderModule =>
        require("module").createRequire(require("path").join(process.cwd(), "__pulumi_program__.js"))(modulePath);
    /* eslint-enable @typescript-eslint/no-require-imports */
    return {
        check: (olds, news) => {
            const m = load();
            return m.check ? m.check(olds, news) : Promise.resolve({ inputs: news });
        },
        diff: (id, olds, news) => {
            const m = load();
            return m.diff ? m.diff(id, olds, news) : Promise.resolve({});
        },
        create: (inputs) => load().create(inputs),
        read: (id, props) => {
            const m = load();
            return m.read ? m.read(id, props) : Promise.resolve({ id, props });
        },
        update: (id, olds, news) => {
            const m = load();
            return m.update ? m.update(id, olds, news) : Promise.resolve({ outs: news });
        },
        delete: (id, props) => {
            const m = load();
            return m.delete ? m.delete(id, props) : Promise.resolve();
        },
    };
}
