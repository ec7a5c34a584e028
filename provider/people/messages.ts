// The effect of a change on people, in the operator's words: what every preview and `up` says, and
// the refusal over the threshold. Pure.
import { guarded, type Cause, type Impact, type Person, type Safeguard } from "./impactLogic";

/** How many logins a message lists. */
export const LISTED = 10;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Up to 10 userNames, then how many more. */
export function named(people: Person[]): string {
    const shown = people.slice(0, LISTED).map((p) => p.userName);
    const more = people.length - shown.length;
    return shown.join(", ") + (more > 0 ? ` and ${more} more` : "");
}

/** Why people leave the app's scope, as a clause. */
function whyLeaving(c: Cause): string {
    if (c.appDeleted) return "the Okta app is deleted with its group assignments";
    const groups = c.groupsRemoved.length
        ? `groupIds no longer lists ${c.groupsRemoved.join(", ")}`
        : "their assignment ends";
    return `${groups}, and they are in no other assigned group and not assigned directly`;
}

/** The operation in the operator's words. */
const doing = (c: Cause) => (c.appDeleted ? "`pulumi destroy`" : "this update");

/** Every line the preview and `up` print about people (the first is the summary). */
export function impactLines(i: Impact): string[] {
    const c = i.cause;
    const lines: string[] = [];
    if (i.deactivated.length)
        lines.push(
            `${doing(c)} makes Okta deactivate ${plural(i.deactivated.length, "CXone user")}: ` +
                `${named(i.deactivated)}. Why: ${whyLeaving(c)}` +
                (c.deactivateUsers === "on" ? "; deactivateUsers is switched on" : "") +
                ".",
        );
    if (i.unmanaged.length)
        lines.push(
            `Okta stops managing ${plural(i.unmanaged.length, "CXone user")}, who ${i.unmanaged.length === 1 ? "keeps" : "keep"} their CXone ` +
                `access with no more updates or deactivation from Okta: ${named(i.unmanaged)}. Why: ` +
                (c.appDeleted
                    ? "the Okta app is deleted; they are assigned to it directly (Okta sends CXone nothing for them)"
                    : `${whyLeaving(c)}, and deactivateUsers is off`) +
                ".",
        );
    if (i.atRisk.length)
        lines.push(
            `Okta does not document whether deleting the app deactivates the ${plural(i.atRisk.length, "CXone user")} ` +
                "assigned to it directly: the safeguard counts them as deactivated.",
        );
    if (i.updatesStop.length)
        lines.push(
            `Okta stops pushing profile changes for ${plural(i.updatesStop.length, "CXone user")} ` +
                `(${named(i.updatesStop)}). Why: updateUserAttributes is switched off.`,
        );
    if (i.notCreated)
        lines.push(
            `Okta will not create ${plural(i.notCreated, "person", "people")} in scope who ${i.notCreated === 1 ? "has" : "have"} no ` +
                "CXone account yet. Why: createUsers is switched off.",
        );
    if (c.deactivateUsers === "off")
        lines.push(
            "deactivateUsers is switched off: from now on, people removed from the app keep their " +
                "CXone access, no longer managed by Okta.",
        );
    if (c.deactivateUsers === "on" && !i.deactivated.length)
        lines.push(
            "deactivateUsers is switched on: Okta deactivates people whose assignment ends from now " +
                "on; it deactivates no one who was unassigned before.",
        );
    if (i.stops)
        lines.push(
            `Provisioning stops until a person acts: this update makes a new CXone access key (${i.stops === "tenant" ? "another CXone tenant" : "another employee for the key"}), ` +
                "and Okta keeps using the old one, which stops working when it is revoked. Until " +
                "the console steps are done again (the new client id and secret in Okta, then " +
                '"Authenticate with CXone"; see `pulumi stack output remainingSteps`), Okta creates, ' +
                `updates and deactivates no one: ${plural(i.provisionedNow, "CXone user")} get no updates.`,
        );
    if (c.appDeleted)
        lines.push(
            "The CXone access key is revoked: CXone keeps every user as they are (users change only " +
                "through the identity provider).",
        );
    const summary =
        lines.length === 0
            ? `No one loses CXone access: Okta provisions ${plural(i.provisionedNow, "person", "people")} through the app` +
              (i.created ? `, and will create or link ${i.created} more now in scope.` : ".")
            : `People: ${plural(i.provisionedNow, "CXone user")} provisioned through the app now, ${i.provisionedAfter} after ${doing(c)}.`;
    return [summary, ...lines];
}

/** The refusal over the threshold: the count, the cause, the first logins and the way to allow it. */
export function refusal(i: Impact, s: Safeguard): string {
    const c = i.cause;
    const n = guarded(i);
    const stale =
        s.allowDeactivations !== undefined
            ? ` (allowDeactivations is ${s.allowDeactivations}, not ${n}: an allowance lets exactly its count through)`
            : "";
    const again = c.appDeleted
        ? "run `pulumi up` to record it, then `pulumi destroy` again"
        : "run `pulumi up` again";
    const risk = i.atRisk.length
        ? ` (${i.deactivated.length}, and ${i.atRisk.length} assigned directly whom deleting the app may deactivate: ${named(i.atRisk)})`
        : "";
    return (
        `refused: ${doing(c)} would make Okta deactivate ${plural(n, "CXone user")}${risk}: ${named(i.deactivated)}. ` +
        `That is more than deactivationThreshold (${s.threshold}) allows without asking${stale}. ` +
        `Why: ${whyLeaving(c)}${c.deactivateUsers === "on" ? "; deactivateUsers is switched on" : ""}. ` +
        `Nothing was changed. If this is what you mean, allow exactly this count: set allowDeactivations ` +
        `to ${n} (\`pulumi config set allowDeactivations ${n}\`), then ${again}.`
    );
}
