// A resource whose create takes a minute: something to interrupt (test/langhost/main.engine.test.ts).
import * as pulumi from "@pulumi/pulumi";

const slow: pulumi.dynamic.ResourceProvider = {
    async create() {
        await new Promise((r) => setTimeout(r, 60_000));
        return { id: "slow" };
    },
};

class Slow extends pulumi.dynamic.Resource {
    constructor(name: string) {
        super(slow, name, {}, {}, "test", "Slow");
    }
}

new Slow("slow");
