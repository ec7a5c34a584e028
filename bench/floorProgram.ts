// Program entry (Pulumi.yaml `main`) of the engine floor: the real stack's graph, as its state
// recorded it (bench/graphShape.ts), rebuilt of dynamic resources that do nothing: the same
// components, parents and edges. Timing its `up`, `preview` and `destroy` in the same run as the
// real ones separates engine cost from API round trips. Parameters (bench:params): { nodes }.
import * as pulumi from "@pulumi/pulumi";
import { Noop } from "./noop";
import { params, FloorParams } from "./params";

class Mirror extends pulumi.ComponentResource {
    constructor(type: string, name: string, opts: pulumi.ComponentResourceOptions) {
        super(`bench:mirror:${type.replace(/\W/g, "_")}`, name, {}, opts);
        this.registerOutputs({});
    }
}

const declared = new Map<string, pulumi.Resource>();
for (const node of params<FloorParams>().nodes) {
    const parent = node.parent ? declared.get(node.parent) : undefined;
    const dependsOn = node.deps.flatMap((d) => declared.get(d) ?? []);
    const type = node.type.slice(node.type.lastIndexOf(":") + 1);
    declared.set(
        node.name,
        node.component
            ? new Mirror(node.type, node.name, { parent, dependsOn })
            : new Noop(
                  type,
                  node.name,
                  {},
                  {
                      parent,
                      dependsOn,
                      additionalSecretOutputs: node.secretOutputs.length ? ["secret"] : undefined,
                  },
              ),
    );
}

export = { resources: declared.size };
