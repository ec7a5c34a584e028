// The gate's mechanism without servers: every probe asked at once, one answer per program and
// inputs (the root program and its component share it), a probe that cannot ask refuses, and the
// refusal text is every reason, one per line.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    askBeforeWriting,
    gatedOptions,
    PreWriteRefusal,
    Probe,
    type GateReport,
} from "../../provider/preflight/gate";
import type { PeopleReport } from "../../provider/people/probe";
import { installMocks, valueOf } from "../support/pulumiMocks";

// The gate keeps one report per program run and inputs (globalThis), and a test process may run
// these tests more than once (mutation testing): each ask gets inputs no earlier run had.
const unique = () => `${Date.now()}-${Math.random()}`;

/** A probe that only counts how many times it was asked. */
function countingProbe(): { probe: Probe<{ k: string }>; runs: () => number } {
    let runs = 0;
    const probe: Probe<{ k: string }> = {
        name: "count",
        input: "k",
        run: async () => {
            runs++;
            return {};
        },
    };
    return { probe, runs: () => runs };
}

describe("reads before the first write: the gate", () => {
    it("gathers every probe's refusals and warnings; a probe that throws refuses, naming its input", async () => {
        const probes: Probe<{ n: string }>[] = [
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
        const r = await askBeforeWriting({ n: unique() }, probes);
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
        const cxone: Probe<{ n: string }> = {
            name: "cxone",
            input: "cxone",
            run: async () => ({ refusals: [lost, { propertyPath: "x", reason: "x: no" }] }),
        };
        const found = (deployed: boolean): Probe<{ n: string }> => ({
            name: "okta",
            input: "okta",
            run: async () => ({ deployed }),
        });
        const deployed = await askBeforeWriting({ n: unique() }, [cxone, found(true)]);
        assert.deepEqual(deployed.refusals, [{ propertyPath: "x", reason: "x: no" }]);
        assert.deepEqual(deployed.warnings, ["taken as this stack's own"]);
        const fresh = await askBeforeWriting({ n: unique() }, [cxone, found(false)]);
        assert.deepEqual(fresh.refusals, [lost, { propertyPath: "x", reason: "x: no" }]);
        assert.deepEqual(fresh.warnings, []);
    });

    it("asks once per inputs and probes: a second ask with equal inputs reuses the answer", async () => {
        const { probe, runs } = countingProbe();
        const inputs = { k: `memo-${unique()}` };
        await askBeforeWriting(inputs, [probe]);
        await askBeforeWriting({ ...inputs }, [probe]);
        assert.equal(runs(), 1);
        await askBeforeWriting({ k: `${inputs.k}-other` }, [probe]);
        assert.equal(runs(), 2);
    });

    it("asks again in the next program run of the same process (inline Automation API programs): who a change affects may have changed", async () => {
        installMocks();
        const { probe, runs } = countingProbe();
        const inputs = { k: `run-${unique()}` };
        const programRun = () =>
            pulumi.runtime.runInPulumiStack(async () => {
                await askBeforeWriting(inputs, [probe]);
                await askBeforeWriting({ ...inputs }, [probe]);
                return {};
            });
        await programRun();
        assert.equal(
            runs(),
            1,
            "within one run the root program and its component share the answer",
        );
        await programRun();
        assert.equal(runs(), 2, "the next run asks again");
    });

    it("probes of one run share a question (asked once); another run asks it again", async () => {
        let asked = 0;
        const question = async () => {
            asked++;
            return ["app"];
        };
        const probe = (name: string): Probe<{ k: string }> => ({
            name,
            input: "k",
            run: async (_inputs, reads) => {
                const a = await reads.once("apps of the label", question);
                return { warnings: [`${name}: ${a.join()}`] };
            },
        });
        const inputs = { k: `shared-${unique()}` };
        const r = await askBeforeWriting(inputs, [probe("okta"), probe("people")]);
        assert.equal(asked, 1);
        assert.deepEqual(r.warnings, ["okta: app", "people: app"]);
        await askBeforeWriting({ k: `${inputs.k}-next` }, [probe("okta"), probe("people")]);
        assert.equal(asked, 2, "never reused across runs");
    });

    it("the first probe's people and groups are the report's; deployed if any probe says so; warnings, then what was waived", async () => {
        const people = (n: number) => ({ refusal: `p${n}` }) as unknown as PeopleReport;
        const probes: Probe<{ n: string }>[] = [
            {
                name: "cxone",
                input: "cxone",
                run: async () => ({
                    refusals: [
                        { propertyPath: "roleName", reason: "r", unlessDeployed: "kept: r" },
                        { propertyPath: "x", reason: "x: no" },
                    ],
                    warnings: ["w1"],
                }),
            },
            {
                name: "okta",
                input: "okta",
                run: async () => ({ deployed: false, warnings: ["w2"] }),
            },
            {
                name: "people",
                input: "groupIds",
                run: async () => ({
                    people: people(1),
                    groups: { g1: { name: "A" } },
                    deployed: true,
                }),
            },
            { name: "more", input: "m", run: async () => ({ people: people(2), groups: {} }) },
        ];
        const r = await askBeforeWriting({ n: unique() }, probes);
        assert.deepEqual(r, {
            refusals: [{ propertyPath: "x", reason: "x: no" }],
            warnings: ["w1", "w2", "kept: r"],
            people: people(1),
            groups: { g1: { name: "A" } },
        });
    });

    it("gatedOptions: the registration waits for the gate, keeps its own dependsOn, and fails with every refusal", async () => {
        installMocks();
        const report = (refusals: GateReport["refusals"]): pulumi.Output<GateReport> =>
            pulumi.output({ refusals, warnings: [] });
        const own = { urn: "urn:x" } as unknown as pulumi.Resource;
        const kept = gatedOptions({ protect: true, dependsOn: [own] }, report([]));
        assert.equal(kept.protect, true);
        assert.deepEqual(
            await valueOf(kept.dependsOn as unknown as pulumi.Output<pulumi.Resource[]>),
            [own],
        );
        const none = gatedOptions(undefined, report([]));
        assert.deepEqual(
            await valueOf(none.dependsOn as unknown as pulumi.Output<pulumi.Resource[]>),
            [],
        );
        const refused = gatedOptions<pulumi.ResourceOptions>(
            {},
            report([
                { propertyPath: "a", reason: "a: one" },
                { propertyPath: "b", reason: "b: two" },
            ]),
        );
        const inner = refused.dependsOn as unknown as { promise(): Promise<unknown> };
        await assert.rejects(
            inner.promise(),
            (e: unknown) => e instanceof PreWriteRefusal && e.message === "a: one\nb: two",
        );
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
