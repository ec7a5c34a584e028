// Reads before the first write: the one place where a program asks CXone and Okta everything they
// can tell about a planned change before anything is written. A probe only reads; it answers with
// refusals, each naming the input as the user typed it, and warnings. A refusal stops the program
// before any write, in `pulumi preview`, `pulumi up` and `pulumi up --skip-preview` alike, and in
// both Okta modes: the probes run in the program, not in a resource, so they do not depend on
// which resources declare the Okta side (see docs/safety.md, "Reads before the first write").
//
// How a component waits: its own registration depends on the gate's Output (see gatedOptions), and
// the SDK registers a child only once its parent is registered, so no child of the component, not
// even one added by a transform, reaches the engine before every probe has answered.
import * as pulumi from "@pulumi/pulumi";
import type { PeopleReport } from "../people/probe";
import { runReads, type RunReads } from "./runReads";
import { perRun } from "../framework/perRun";

/** Why an input is refused, named by the input the user typed (e.g. `groupIds[1]`). */
export interface Refusal {
    propertyPath: string;
    reason: string;
    /**
     * Said as a warning instead when a probe found this stack deployed (its own object, by its
     * mark): a refusal that only a lost mark on this stack's own object explains.
     */
    unlessDeployed?: string;
}

/** What one probe found. */
export interface ProbeAnswer {
    refusals?: Refusal[];
    warnings?: string[];
    /** what the planned change does to the people Okta provisions (the people probe) */
    people?: PeopleReport;
    /** this stack's own object was found by its mark: the stack is deployed */
    deployed?: boolean;
    /** the groups to assign as Okta named them, by id (read anyway: no assignment reads again) */
    groups?: Record<string, KnownGroup>;
}

/** An Okta group's name and type as the reads before the first write found them. */
export interface KnownGroup {
    name?: string;
    type?: string;
}

/** One question asked of a vendor before any write. Reads only: never a write, never a sign-in of a key. */
export interface Probe<I> {
    /** what it asks, for the message when the vendor cannot be asked */
    readonly name: string;
    /** the input a failure to ask is named by */
    readonly input: string;
    /** `reads`: the questions this run's probes share, each sent once */
    run(inputs: I, reads: RunReads): Promise<ProbeAnswer>;
}

/** Every probe's answer, together. */
export interface GateReport {
    refusals: Refusal[];
    warnings: string[];
    people?: PeopleReport;
    groups?: Record<string, KnownGroup>;
}

/** The gate refused: every refusal, in the words of the inputs. Printed once, without a stack. */
export class PreWriteRefusal extends pulumi.RunError {
    constructor(readonly refusals: Refusal[]) {
        super(refusals.map((r) => r.reason).join("\n"));
    }
}

/** One report per program run and inputs: the root program and its component share the reads. */
const memo = () => perRun("preWriteReportsByRun", () => new Map<string, Promise<GateReport>>());

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Runs every probe at once (reads only) and gathers their answers. A probe that cannot ask (no
 * credentials, a network error) refuses too: nothing is written on an unanswered question.
 */
export function askBeforeWriting<I>(inputs: I, probes: readonly Probe<I>[]): Promise<GateReport> {
    const key = JSON.stringify([inputs, probes.map((p) => p.name)]);
    const known = memo().get(key);
    if (known) return known;
    const shared = runReads();
    const report = Promise.all(
        probes.map((p) =>
            p.run(inputs, shared).catch((e): ProbeAnswer => ({
                refusals: [
                    {
                        propertyPath: p.input,
                        reason: `${p.input}: could not ${p.name} before writing anything: ${messageOf(e)}`,
                    },
                ],
            })),
        ),
    ).then((answers) => {
        const people = answers.find((a) => a.people)?.people;
        const groups = answers.find((a) => a.groups)?.groups;
        const deployed = answers.some((a) => a.deployed);
        const all = answers.flatMap((a) => a.refusals ?? []);
        const waived = (r: Refusal) => deployed && r.unlessDeployed !== undefined;
        return {
            refusals: all.filter((r) => !waived(r)),
            warnings: [
                ...answers.flatMap((a) => a.warnings ?? []),
                ...all.filter(waived).map((r) => r.unlessDeployed as string),
            ],
            ...(people ? { people } : {}),
            ...(groups ? { groups } : {}),
        };
    });
    memo().set(key, report);
    return report;
}

/**
 * Resource options whose registration waits for the gate: the gate's refusal fails it (and so
 * every child); the options' own `dependsOn` is kept. In a preview whose inputs are not known yet
 * the gate is unknown and the registration goes on (nothing is written in a preview); `up` knows
 * every input, so there the gate always answers first.
 */
export function gatedOptions<O extends pulumi.ResourceOptions>(
    opts: O | undefined,
    gate: pulumi.Output<GateReport>,
): O {
    const own = opts?.dependsOn;
    const dependsOn = gate.apply((r) => {
        if (r.refusals.length > 0) throw new PreWriteRefusal(r.refusals);
        return own ?? [];
    });
    return { ...(opts ?? {}), dependsOn } as O;
}
