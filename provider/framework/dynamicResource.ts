// The base of every dynamic resource in this package: what `pulumi.dynamic.Resource` does, with a
// one-line `__provider`. Pulumi keeps `__provider` in each resource's inputs and outputs, and the
// engine rewrites the whole state file after every step. The SDK's closure serialization of a
// provider object made that text about 2.5 KB (two thirds of a resource's state), so a stack of
// 400 resources spent most of its `up` saving it. This text is about 200 bytes.
//
// The SDK's dynamic provider host runs `require-from-string(text).handler()` and uses what it
// returns as the provider. Here that is the implementation module itself, loaded by package path
// from the program's directory, exactly as the older forwarder (forwarder.ts) loads it. Stacks
// that still hold the forwarder's text keep working: both name the same module.
import * as pulumi from "@pulumi/pulumi";
import { pausePromiseStacks } from "./promiseStacks";

const PROVIDER_KEY = "__provider";

/**
 * The stored `__provider` text: a CommonJS module whose `handler()` returns the implementation
 * module at `modulePath` (a package path such as "cxone-okta-scim/provider/cxone/roleProvider"),
 * resolved from the provider process's working directory, the Pulumi program's directory.
 * Only the path is stored: no clients, credentials or configuration.
 */
export function providerText(modulePath: string): string {
    const from = `require("path").join(process.cwd(), "__pulumi_program__.js")`;
    return `exports.handler = () => require("module").createRequire(${from})(${JSON.stringify(modulePath)});\n`;
}

/**
 * A dynamic resource served by the implementation module at `modulePath`, which exports the six
 * methods of {@link pulumi.dynamic.ResourceProvider} (framework/defineProvider.ts). Its type is
 * `pulumi-nodejs:dynamic/<module>:<type>`, the same as `pulumi.dynamic.Resource` gives, so the
 * URNs of existing stacks do not change.
 */
export abstract class DynamicResource extends pulumi.CustomResource {
    constructor(
        modulePath: string,
        name: string,
        props: pulumi.Inputs,
        opts: pulumi.CustomResourceOptions | undefined,
        module: string,
        type: string,
    ) {
        if (PROVIDER_KEY in props) {
            throw new Error(`A dynamic resource must not define the ${PROVIDER_KEY} key`);
        }
        const withProvider = { ...props, [PROVIDER_KEY]: providerText(modulePath) };
        // an error the SDK raises while declaring keeps its message, without frames
        const resumeStacks = pausePromiseStacks();
        try {
            super(`pulumi-nodejs:dynamic/${module}:${type}`, name, withProvider, opts);
        } finally {
            resumeStacks();
        }
    }
}
