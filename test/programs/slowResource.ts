// A resource whose create takes 12 s: something to interrupt (test/langhost/main.engine.test.ts).
// On Ctrl-C the CLI lets an in-flight create finish before it exits, so this is also how long the
// interrupted `up` lasts: long enough for the test to see every process running and interrupt the
// create mid-way (it waits for "creating" plus 1.5 s), no longer (it was a minute: 65 s in CI).
import * as pulumi from "@pulumi/pulumi";

const slow: pulumi.dynamic.ResourceProvider = {
    async create() {
        await new Promise((r) => setTimeout(r, 12_000));
        return { id: "slow" };
    },
};

class Slow extends pulumi.dynamic.Resource {
    constructor(name: string) {
        super(slow, name, {}, {}, "test", "Slow");
    }
}

new Slow("slow");
