// The gate's mechanism without servers: every probe asked at once, one answer per program and
// inputs (the root program and its component share it), a probe that cannot ask refuses, and the
// refusal text is every reason, one per line.
import { strict as assert } from "assert";
import { askBeforeWriting, PreWriteRefusal, Probe } from "../../provider/preflight/gate";

describe("reads before the first write: the gate", () => {
    it("gathers every probe's refusals and warnings; a probe that throws refuses, naming its input", async () => {
        const probes: Probe<{ n: number }>[] = [
            {
                name: "a",
                input: "x",
                run: async () => ({ refusals: [{ propertyPath: "x", reason: "x: no" }] }),
            },
            { name: "b", input: "y", run: async () => ({ warnings: ["careful"] }) },
            {
                name: "look up z",
                input: "z",
                run: async () => {
                    throw new Error("no token");
                },
            },
        ];
        const r = await askBeforeWriting({ n: 1 }, probes);
        assert.deepEqual(r, {
            refusals: [
                { propertyPath: "x", reason: "x: no" },
                {
                    propertyPath: "z",
                    reason: "z: could not look up z before writing anything: no token",
                },
            ],
            warnings: ["careful"],
        });
    });

    it("a refusal only a lost mark explains becomes its warning when a probe found the stack deployed, and stays a refusal otherwise", async () => {
        const lost = {
            propertyPath: "roleName",
            reason: "roleName: taken",
            unlessDeployed: "taken as this stack's own",
        };
        const cxone: Probe<{ n: number }> = {
            name: "cxone",
            input: "cxone",
            run: async () => ({ refusals: [lost, { propertyPath: "x", reason: "x: no" }] }),
        };
        const found = (deployed: boolean): Probe<{ n: number }> => ({
            name: "okta",
            input: "okta",
            run: async () => ({ deployed }),
        });
        const deployed = await askBeforeWriting({ n: 2 }, [cxone, found(true)]);
        assert.deepEqual(deployed.refusals, [{ propertyPath: "x", reason: "x: no" }]);
        assert.deepEqual(deployed.warnings, ["taken as this stack's own"]);
        const fresh = await askBeforeWriting({ n: 3 }, [cxone, found(false)]);
        assert.deepEqual(fresh.refusals, [lost, { propertyPath: "x", reason: "x: no" }]);
        assert.deepEqual(fresh.warnings, []);
    });

    it("asks once per inputs and probes: a second ask with equal inputs reuses the answer", async () => {
        let runs = 0;
        const probe: Probe<{ k: string }> = {
            name: "count",
            input: "k",
            run: async () => {
                runs++;
                return {};
            },
        };
        const inputs = { k: `memo-${Date.now()}` };
        await askBeforeWriting(inputs, [probe]);
        await askBeforeWriting({ ...inputs }, [probe]);
        assert.equal(runs, 1);
        await askBeforeWriting({ k: `${inputs.k}-other` }, [probe]);
        assert.equal(runs, 2);
    });

    it("the refusal error lists every reason, one per line", () => {
        const e = new PreWriteRefusal([
            { propertyPath: "a", reason: "a: one" },
            { propertyPath: "b", reason: "b: two" },
        ]);
        assert.equal(e.message, "a: one\nb: two");
        assert.equal(e.refusals.length, 2);
    });
});
