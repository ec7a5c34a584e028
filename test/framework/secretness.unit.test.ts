// secretLike: an Output input adds the outputs built from it to additionalSecretOutputs (kept with
// the caller's own, once each); a plain input leaves the options exactly as given.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { secretLike } from "../../provider/framework/secretness";

describe("framework: secretness follows the values", () => {
    it("a plain input: the options as given (undefined stays undefined)", () => {
        const opts: pulumi.CustomResourceOptions = { additionalSecretOutputs: ["a"] };
        assert.equal(secretLike(opts, "plain@example.com", ["userName"]), opts);
        assert.equal(secretLike(undefined, "plain@example.com", ["userName"]), undefined);
    });

    it("an Output input: the outputs added to the caller's own, each once, other options kept", () => {
        const input = pulumi.output("someone@example.com");
        assert.deepEqual(secretLike(undefined, input, ["userName"]), {
            additionalSecretOutputs: ["userName"],
        });
        const opts: pulumi.CustomResourceOptions = {
            protect: true,
            additionalSecretOutputs: ["name", "userName"],
        };
        assert.deepEqual(secretLike(opts, input, ["userName", "roleName"]), {
            protect: true,
            additionalSecretOutputs: ["name", "userName", "roleName"],
        });
        assert.deepEqual(opts.additionalSecretOutputs, ["name", "userName"]);
        assert.deepEqual(secretLike({ protect: true }, input, ["userName"]), {
            protect: true,
            additionalSecretOutputs: ["userName"],
        });
    });
});
