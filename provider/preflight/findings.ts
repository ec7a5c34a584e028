// What the reads before the first write mean: pure judgements of what CXone and Okta answered,
// tested without servers. Each refusal names the input the user typed; a hint never suggests a
// way to share or take over an object another stack manages.
import type { EmployeeRecord, RoleRecord } from "../cxone/client";
import type { OktaApp, OktaGroup } from "../okta/client";
import { broadGroupWarning } from "../integration/integrationWarnings";
import { groupNotFoundMessage, isBroadGroup } from "../okta/groupAssignmentLogic";
import { ownerIn } from "../framework/ownership";
import type { Refusal } from "./gate";
import { PreWriteFacts, shown } from "./facts";

const roleMark = (r: RoleRecord): string | undefined => ownerIn(r.description);
const appMark = (a: OktaApp): string | undefined =>
    ownerIn((a.settings?.notes as { admin?: unknown } | undefined)?.admin);
const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The warning that replaces a refusal when the mark was lost on this stack's own object: a
 * person edited the role's description in the console. It is taken as this stack's only when
 * this stack's Okta app exists (found by its mark) and the employee of employeeEmail holds the
 * role of roleName: the same pair this stack made. The `up` writes the mark back.
 */
function lostMark(what: string, owner: string): string {
    return (
        `CXone ${what} carries no stack's mark, but this stack's Okta app exists and the key's employee holds the role: ` +
        `taken as this stack's own (its description was probably edited outside Pulumi); \`pulumi up\` writes the mark [pulumi stack: ${owner}] back`
    );
}

/** Whose an object is, in the words of a message. */
function ownedBy(mark: string | undefined, owner: string): "ours" | "another" | "nobody" {
    if (!mark) return "nobody";
    return mark === owner ? "ours" : "another";
}

/**
 * The CXone role: a role of this name that another stack marks, or that carries no mark and is
 * not the adoptRoleId, is refused (CXone never reuses a role name); an adoptRoleId must exist,
 * carry no other stack's mark, and be the role of this name.
 * @param adopted the role adoptRoleId names: null when CXone has none
 */
export function roleFindings(
    f: PreWriteFacts,
    byName: RoleRecord[],
    adopted?: RoleRecord | null,
    byEmail: EmployeeRecord[] = [],
): Refusal[] {
    const out: Refusal[] = [];
    const name = shown(f, "roleName", f.roleName);
    const id = f.adoptRoleId;
    if (id) {
        if (adopted === null) {
            out.push({
                propertyPath: "adoptRoleId",
                reason: `adoptRoleId: CXone has no role with id "${id}"`,
            });
        } else if (adopted) {
            const mark = roleMark(adopted);
            if (ownedBy(mark, f.owner) === "another") {
                out.push({
                    propertyPath: "adoptRoleId",
                    reason: `adoptRoleId: CXone role ${id} is managed by Pulumi stack ${mark}, not ${f.owner}: it is not adopted`,
                });
            } else if (!sameText(adopted.displayName, f.roleName)) {
                out.push({
                    propertyPath: "adoptRoleId",
                    reason: `adoptRoleId: CXone role ${id} is not the role named by roleName ${name}: set roleName to that role's name to adopt it`,
                });
            }
        }
    }
    for (const r of byName) {
        if (id && r.roleId === id) continue;
        const mark = roleMark(r);
        const whose = ownedBy(mark, f.owner);
        if (whose === "ours" && !id) continue;
        const what = `roleName: a CXone role named ${name} already exists (id ${r.roleId}, status ${r.status}); CXone never reuses a role name`;
        const reason = id
            ? `${what}, and it is not the adoptRoleId "${id}" you gave`
            : whose === "another"
              ? `${what}. It is managed by Pulumi stack ${mark}: choose another roleName`
              : `${what}. It carries no stack's mark, so it is not adopted: choose another roleName, or, only if you made it yourself and no other stack manages it, set adoptRoleId: "${r.roleId}"`;
        const held = !id && whose === "nobody" && byEmail.some((e) => e.roleId === r.roleId);
        out.push({
            propertyPath: "roleName",
            reason,
            ...(held ? { unlessDeployed: lostMark(`role ${name} (id ${r.roleId})`, f.owner) } : {}),
        });
    }
    return out;
}

/**
 * The CXone employee: CXone keeps no free text on an employee, so it is this stack's when it
 * holds a role this stack marks. One holding another stack's role is refused, also when its id is
 * given as adoptEmployeeId; one holding an unmarked role is adopted only by its id.
 * @param adopted the employee adoptEmployeeId names: null when CXone has none
 * @param markOfRole the mark on the role with this id (undefined: none, or no such role)
 */
export function employeeFindings(
    f: PreWriteFacts,
    byEmail: EmployeeRecord[],
    adopted: EmployeeRecord | null | undefined,
    markOfRole: (roleId: string) => string | undefined,
    namesRole: (roleId: string) => boolean = () => false,
): Refusal[] {
    const out: Refusal[] = [];
    const email = shown(f, "employeeEmail", f.employeeEmail);
    const id = f.adoptEmployeeId;
    const heldBy = (e: EmployeeRecord) => (e.roleId ? markOfRole(e.roleId) : undefined);
    if (id) {
        if (adopted === null) {
            out.push({
                propertyPath: "adoptEmployeeId",
                reason: `adoptEmployeeId: CXone has no employee with id "${id}"`,
            });
        } else if (adopted) {
            const mark = heldBy(adopted);
            if (ownedBy(mark, f.owner) === "another") {
                out.push({
                    propertyPath: "adoptEmployeeId",
                    reason: `adoptEmployeeId: CXone employee ${id} holds a role of Pulumi stack ${mark}, so it belongs to that stack: it is not adopted`,
                });
            } else if (!sameText(adopted.emailAddress, f.employeeEmail)) {
                out.push({
                    propertyPath: "adoptEmployeeId",
                    reason: `adoptEmployeeId: CXone employee ${id} does not have the employeeEmail ${email}: set employeeEmail to its email to adopt it`,
                });
            }
        }
    }
    for (const e of byEmail) {
        if (id && e.id === id) continue;
        const mark = heldBy(e);
        const whose = ownedBy(mark, f.owner);
        if (whose === "ours" && !id) continue;
        const what = `employeeEmail: a CXone employee with email ${email} already exists (id ${e.id}, status ${e.status})`;
        const reason = id
            ? `${what}, and it is not the adoptEmployeeId "${id}" you gave`
            : whose === "another"
              ? `${what} and holds a role of Pulumi stack ${mark}, so it belongs to that stack: use another employeeEmail`
              : `${what} with a role no stack marks: it may belong to a person, so it is not adopted. Use another employeeEmail, or, only if you made it yourself and no other stack manages it, set adoptEmployeeId: "${e.id}"`;
        const holdsNamedRole = !id && whose === "nobody" && !!e.roleId && namesRole(e.roleId);
        out.push({
            propertyPath: "employeeEmail",
            reason,
            ...(holdsNamedRole
                ? { unlessDeployed: lostMark(`employee ${email} (id ${e.id})`, f.owner) }
                : {}),
        });
    }
    return out;
}

/**
 * The Okta app: its label must be free (Okta allows duplicate labels, which leave people two
 * look-alike apps and adoption by label ambiguous), apart from this stack's own app and the
 * adoptAppId; an adoptAppId must exist and carry no other stack's mark.
 * @param adopted the app adoptAppId names: null when Okta has none
 */
export function appFindings(
    f: PreWriteFacts,
    byLabel: OktaApp[],
    adopted?: OktaApp | null,
): Refusal[] {
    const out: Refusal[] = [];
    const label = shown(f, "appLabel", f.appLabel);
    const id = f.adoptAppId;
    if (id && adopted === null) {
        out.push({
            propertyPath: "adoptAppId",
            reason: `adoptAppId: Okta has no app with id "${id}"`,
        });
    }
    if (id && adopted) {
        const mark = appMark(adopted);
        if (ownedBy(mark, f.owner) === "another") {
            out.push({
                propertyPath: "adoptAppId",
                reason: `adoptAppId: Okta app ${id} is managed by Pulumi stack ${mark}, not ${f.owner}: it is not adopted`,
            });
        }
    }
    for (const a of byLabel) {
        if (a.id === id) continue;
        const mark = appMark(a);
        const whose = ownedBy(mark, f.owner);
        if (whose === "ours") continue;
        const what = `appLabel: Okta already has an app labelled ${label} (id ${a.id})`;
        out.push({
            propertyPath: "appLabel",
            reason:
                whose === "another"
                    ? `${what}, managed by Pulumi stack ${mark}: choose another appLabel`
                    : `${what} that carries no stack's mark: choose another appLabel, or, only if you made that app yourself and no other stack manages it, set adoptAppId: "${a.id}"`,
        });
    }
    return out;
}

/** Okta's group types an app can be assigned (BUILT_IN only with allowEveryoneGroup) [doc]. */
const ASSIGNABLE = ["OKTA_GROUP", "APP_GROUP"];

/**
 * The groups: each id must be an Okta group; Okta's built-in "Everyone" (every user of the org,
 * administrators included) is refused unless allowEveryoneGroup is set, and then warned about.
 * @param groups Okta's answer for each of `f.groupIds`, in order (undefined: no such group)
 */
export function groupFindings(
    f: PreWriteFacts,
    groups: (OktaGroup | undefined)[],
): { refusals: Refusal[]; warnings: string[] } {
    const refusals: Refusal[] = [];
    const warnings: string[] = [];
    f.groupIds.forEach((groupId, i) => {
        const path = `groupIds[${i}]`;
        const g = groups[i];
        if (!g) {
            // Stryker disable next-line Regex: the message starts with its one "groupId: " (the first replaced anyway)
            const reason = groupNotFoundMessage(groupId).replace(/^groupId: /, `${path}: `);
            refusals.push({ propertyPath: path, reason });
        } else if (isBroadGroup({ type: g.type, name: g.profile?.name })) {
            if (f.allowEveryoneGroup) warnings.push(broadGroupWarning(i, g.profile?.name));
            else
                refusals.push({
                    propertyPath: path,
                    reason:
                        `${path} is Okta's built-in group "${g.profile?.name ?? "Everyone"}": every user of the Okta org, ` +
                        "administrators included, would be provisioned into CXone. Assign a narrower group, or set " +
                        "allowEveryoneGroup: true if that is what you want",
                });
        } else if (!ASSIGNABLE.includes(g.type)) {
            refusals.push({
                propertyPath: path,
                reason: `${path}: Okta group "${groupId}" is of type ${g.type}, not one Okta assigns to an app (${ASSIGNABLE.join(" or ")})`,
            });
        }
    });
    return { refusals, warnings };
}
