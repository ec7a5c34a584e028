// perRun: one value per name and program run (the run's stack resource), made on first use; a
// process running programs one after another (inline Automation API programs) starts each afresh.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { perRun } from "../../provider/framework/perRun";
import { installMocks } from "../support/pulumiMocks";

const unique = () => `test-${Date.now()}-${Math.random()}`;

describe("perRun", () => {
    before(() => installMocks());

    it("one value per name in a run, made once; another name has its own", async () => {
        const name = unique();
        let made = 0;
        const make = () => ({ made: ++made });
        let seen: { first?: object; again?: object; other?: object } = {};
        await pulumi.runtime.runInPulumiStack(async () => {
            seen = {
                first: perRun(name, make),
                again: perRun(name, make),
                other: perRun(`${name}-other`, () => ({ made: 0 })),
            };
            return {};
        });
        assert.equal(made, 1);
        assert.equal(seen.first, seen.again);
        assert.notEqual(seen.other, seen.first);
        assert.deepEqual(seen.other, { made: 0 });
    });

    it("the next program run of the process gets a new value", async () => {
        const name = unique();
        const values: object[] = [];
        const inRun = () =>
            pulumi.runtime.runInPulumiStack(async () => {
                values.push(perRun(name, () => ({})));
                return {};
            });
        await inRun();
        await inRun();
        assert.equal(values.length, 2);
        assert.notEqual(values[0], values[1]);
    });
});
