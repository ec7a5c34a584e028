// A program that fails with a plain (not Pulumi) error: the path where the SDK's runner formats the
// stack itself, which a Node bug made take 20 s and gigabytes (langhost/plainErrorStacks.ts).
import * as pulumi from "@pulumi/pulumi";

new pulumi.ComponentResource("test:index:Before", "before", {});
throw new Error("the program failed on purpose (test/programs/throws.ts)");
