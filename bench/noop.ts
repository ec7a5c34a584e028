// No-op dynamic resources: the engine floor's building blocks. Importing this file declares
// nothing; the program entries (floorProgram.ts, scaleFloorProgram.ts) do.
import * as pulumi from "@pulumi/pulumi";

// One provider object per resource type, each with the six methods, as the product has one
// forwarder per type: the SDK serializes each provider object into state once, so the floor pays
// that as often as the real stack does. Kept tiny, like the forwarder.
const providers = new Map<string, pulumi.dynamic.ResourceProvider>();
function noopProvider(type: string): pulumi.dynamic.ResourceProvider {
    let p = providers.get(type);
    if (!p) {
        p = {
            check: async (_olds, news) => ({ inputs: news }),
            diff: async () => ({}),
            async create(inputs) {
                const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
                return { id, outs: { ...inputs, status: "pending", secret: "s" } };
            },
            read: async (id, props) => ({ id, props }),
            update: async (_id, _olds, news) => ({ outs: news }),
            delete: async () => undefined,
        };
        providers.set(type, p);
    }
    return p;
}

export class Noop extends pulumi.dynamic.Resource {
    declare readonly status: pulumi.Output<string>;
    declare readonly secret: pulumi.Output<string>;
    constructor(
        type: string,
        name: string,
        props: Record<string, pulumi.Input<unknown>>,
        opts?: pulumi.CustomResourceOptions,
    ) {
        super(
            noopProvider(type),
            name,
            { ...props, status: undefined, secret: undefined },
            opts,
            "bench",
            type,
        );
    }
}
