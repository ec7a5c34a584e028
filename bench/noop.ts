// No-op dynamic resources: the engine floor's building blocks. Importing this file declares
// nothing; the program entries (floorProgram.ts, scaleFloorProgram.ts) do.
import * as pulumi from "@pulumi/pulumi";

// Kept tiny: it is serialized into every resource like the product's forwarder is.
const noop: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
        const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
        return { id, outs: { ...inputs, status: "pending", secret: "s" } };
    },
};

export class Noop extends pulumi.dynamic.Resource {
    declare readonly status: pulumi.Output<string>;
    declare readonly secret: pulumi.Output<string>;
    constructor(
        type: string,
        name: string,
        props: Record<string, pulumi.Input<unknown>>,
        opts?: pulumi.CustomResourceOptions,
    ) {
        super(noop, name, { ...props, status: undefined, secret: undefined }, opts, "bench", type);
    }
}
