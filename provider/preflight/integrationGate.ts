// The ScimIntegration's reads before the first write: its identifying inputs as plain facts, and
// the gate its registration (and so every child's) waits for.
import * as pulumi from "@pulumi/pulumi";
import type { CxoneEndpoint } from "../cxone/discovery/regions";
import { claim, collisions } from "./collisions";
import { askBeforeWriting, GateReport } from "./gate";
import type { PreWriteFacts } from "./facts";
import { integrationProbes } from "./probes";

/** The inputs the probes read, as the component declares them (Inputs allowed). */
export interface GateInputs {
    oktaOrgUrl: pulumi.Input<string>;
    roleName: pulumi.Input<string>;
    employeeEmail: pulumi.Input<string>;
    appLabel: pulumi.Input<string>;
    groupIds: pulumi.Input<string>[];
    adoptRoleId?: pulumi.Input<string>;
    adoptEmployeeId?: pulumi.Input<string>;
    adoptAppId?: pulumi.Input<string>;
    allowEveryoneGroup?: pulumi.Input<boolean>;
    /** the To App switches after the change, and the people safeguard */
    createUsers: pulumi.Input<boolean>;
    updateUserAttributes: pulumi.Input<boolean>;
    deactivateUsers: pulumi.Input<boolean>;
    deactivationThreshold: pulumi.Input<number>;
    allowDeactivations?: pulumi.Input<number>;
}

/** The same inputs as plain values (what a program that reads config holds). */
export type PlainGateInputs = pulumi.Unwrap<GateInputs>;

/** The facts the probes ask about, from plain inputs. */
export function preWriteFacts(
    v: PlainGateInputs,
    target: { owner: string; endpoint: CxoneEndpoint },
    secret: string[],
): PreWriteFacts {
    return {
        owner: target.owner,
        endpoint: target.endpoint,
        oktaOrgUrl: v.oktaOrgUrl,
        roleName: v.roleName,
        adoptRoleId: v.adoptRoleId || undefined,
        employeeEmail: v.employeeEmail,
        adoptEmployeeId: v.adoptEmployeeId || undefined,
        appLabel: v.appLabel,
        adoptAppId: v.adoptAppId || undefined,
        groupIds: v.groupIds,
        allowEveryoneGroup: v.allowEveryoneGroup === true,
        people: {
            switches: {
                createUsers: v.createUsers,
                updateUserAttributes: v.updateUserAttributes,
                deactivateUsers: v.deactivateUsers,
            },
            threshold: v.deactivationThreshold,
            allowDeactivations: v.allowDeactivations,
        },
        secret: [...secret].sort(),
    };
}

/** Which of the inputs hold a secret (an Output marked secret, or a list holding one). */
async function secretInputs(inputs: GateInputs): Promise<string[]> {
    const isSecret = async (v: unknown): Promise<boolean> =>
        Array.isArray(v)
            ? (await Promise.all(v.map(isSecret))).some((x) => x)
            : pulumi.Output.isInstance(v) && (await pulumi.isSecret(v));
    const keys = Object.keys(inputs) as (keyof GateInputs)[];
    const secret = await Promise.all(keys.map((k) => isSecret(inputs[k])));
    return keys.filter((_k, i) => secret[i]);
}

/**
 * Asks CXone and Okta everything they can tell before the integration `name` writes anything, and
 * compares it with the other integrations of the program. The report's refusals stop it.
 */
export function integrationGate(
    name: string,
    inputs: GateInputs,
    target: { owner: string; endpoint: CxoneEndpoint },
): pulumi.Output<GateReport> {
    const secret = secretInputs(inputs);
    return pulumi.output(inputs).apply(async (v) => {
        const facts = preWriteFacts(v, target, await secret);
        claim(name, facts);
        const report = await askBeforeWriting(facts, integrationProbes());
        // after the reads: every integration declared in the same turn has made its claim
        return { ...report, refusals: [...collisions(name), ...report.refusals] };
    });
}
