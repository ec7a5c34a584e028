// The component's children's plain inputs, checked up front with the same pure checks their
// resources run in check(): a bad employee email fails before the role and the Okta app are
// registered, even when `pulumi up --skip-preview` has no preview to catch it. Values not known
// yet (Outputs, promises) are checked later by the resource itself.
import * as pulumi from "@pulumi/pulumi";
import { CheckFailure, UNKNOWN } from "../framework/checks";
import { checkAccessKey } from "../cxone/accessKeyLogic";
import { checkEmployee } from "../cxone/employeeLogic";
import { checkRole } from "../cxone/roleLogic";
import { checkAutoLoginApp } from "../okta/autoLoginAppLogic";
import { checkGroupAssignment } from "../okta/groupAssignmentLogic";
import { checkProvisioningActions } from "../okta/provisioningActionsLogic";
import { checkScimConnection } from "../okta/scimConnectionLogic";

/** One child's inputs as the component would declare them, and where each came from. */
export interface ChildInputs {
    /** the child's inputs (Outputs and promises allowed) */
    inputs: Record<string, unknown>;
    /** the pure check its resource runs */
    check: (news: Record<string, unknown>) => { failures: CheckFailure[] };
    /** child property (first path segment) -> the component argument the user typed */
    names: Record<string, string>;
}

/** A value the program knows now; anything else is the engine's unknown for the check. */
function plain(v: unknown): unknown {
    if (pulumi.Output.isInstance(v) || pulumi.Resource.isInstance(v)) return UNKNOWN;
    if (v && typeof v === "object" && typeof (v as { then?: unknown }).then === "function") {
        return UNKNOWN;
    }
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === "object") {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    }
    return v;
}

/** The problems of every child, each named by the component argument the user typed. */
export function childProblems(children: ChildInputs[]): { propertyPath: string; reason: string }[] {
    const out: { propertyPath: string; reason: string }[] = [];
    const seen = new Set<string>();
    for (const c of children) {
        const inputs = plain(c.inputs) as Record<string, unknown>;
        for (const f of c.check(inputs).failures) {
            const name = c.names[f.property.split(".")[0]];
            if (!name) continue; // an input the component derives itself: checked by the resource
            const key = `${name}|${f.reason}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({ propertyPath: name, reason: `${name}: ${f.reason}` });
        }
    }
    return out;
}

/** The pure checks, typed for {@link ChildInputs}. */
export const childChecks = {
    role: (n: Record<string, unknown>) => checkRole(n),
    employee: (n: Record<string, unknown>) => checkEmployee(n),
    accessKey: (n: Record<string, unknown>) => checkAccessKey(n),
    app: (n: Record<string, unknown>) => checkAutoLoginApp(n),
    group: (n: Record<string, unknown>) => checkGroupAssignment(n),
    actions: (n: Record<string, unknown>) => checkProvisioningActions(n),
    scim: (n: Record<string, unknown>) => checkScimConnection(n),
};
