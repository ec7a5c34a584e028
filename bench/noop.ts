// No-op dynamic resources: the engine floor's building blocks. Importing this file declares
// nothing; the program entries (floorProgram.ts, scaleFloorProgram.ts) do.
import * as pulumi from "@pulumi/pulumi";

// The provider every no-op resource stores as `__provider`: a few lines Pulumi's dynamic provider
// host loads as a module, like the product's one-line text (provider/framework/dynamicResource.ts)
// but with the six methods inline (one line, about 400 bytes), so the floor pays no module load. The file backend rewrites the
// whole state after every step, so the floor stores no more than the product does: what it
// measures is the engine's own cost, not a larger state.
const NOOP_PROVIDER = `exports.handler = () => ({
    check: async (olds, news) => ({ inputs: news }),
    diff: async () => ({}),
    create: async (inputs) => ({
        id: Date.now().toString(36) + Math.random().toString(36).slice(2, 8),
        outs: { ...inputs, status: "pending", secret: "s" },
    }),
    read: async (id, props) => ({ id, props }),
    update: async (id, olds, news) => ({ outs: news }),
    delete: async () => undefined,
});
`.replace(/\n\s*/g, " ");

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
