// No-op dynamic resources: the engine floor's building blocks. Importing this file declares
// nothing; the program entries (floorProgram.ts, scaleFloorProgram.ts) do.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";

// The provider every no-op resource stores as `__provider`: one line Pulumi's dynamic provider host
// loads, like the product's (provider/framework/dynamicResource.ts), requiring bench/noopProvider.ts
// by its path on this machine (the bench never leaves it). The file backend rewrites the whole
// state after every step, so the floor stores no more than the product does: what it measures is
// the engine's own cost, not a larger state.
const NOOP_PROVIDER = `exports.handler = () => require(${JSON.stringify(path.join(__dirname, "noopProvider.js"))});\n`;

export class Noop extends pulumi.CustomResource {
    declare readonly status: pulumi.Output<string>;
    declare readonly secret: pulumi.Output<string>;
    constructor(
        type: string,
        name: string,
        props: Record<string, pulumi.Input<unknown>>,
        opts?: pulumi.CustomResourceOptions,
    ) {
        super(
            `pulumi-nodejs:dynamic/bench:${type}`,
            name,
            { ...props, status: undefined, secret: undefined, __provider: NOOP_PROVIDER },
            opts,
        );
    }
}
