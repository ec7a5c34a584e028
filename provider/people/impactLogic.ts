// What a planned change does to the people Okta provisions into CXone, from what the reads found
// and what the change asks for. Pure: the reads are in reads.ts, the words in messages.ts.
//
// The rules, each a vendor fact (docs/people.md has the sources and marks):
// - Okta provisions everyone assigned to the app, directly (scope USER) or through an assigned group
//   (scope GROUP); removing a group ends only the assignments it made [doc].
// - When an assignment ends, Okta deactivates the CXone account if "Deactivate Users" is on at that
//   moment, else the account stays active and Okta no longer manages it; switching it on later
//   deactivates nobody [doc].
// - What deleting the app does to its direct assignees Okta does not document: they are told as
//   left unmanaged, and the safeguard counts them all the same (`atRisk`).
import type { ProvisioningSwitches } from "../okta/capabilities";

/** Someone assigned to the app, as Okta's app user list shows them. */
export interface AppPerson {
    /** Okta user id */
    id: string;
    /** the app username: the CXone userName Okta pushes */
    userName: string;
    /** assigned directly (USER) or through a group (GROUP) */
    scope: "USER" | "GROUP";
    /** Okta has pushed them to CXone (the app user carries the CXone id) */
    pushed: boolean;
}

/** What the reads found: this stack's app and the people it provisions now. */
export interface PeopleNow {
    /** the app's id; undefined when Okta holds no app of this stack */
    appId?: string;
    /** groups assigned to the app now */
    groupIds: string[];
    /** everyone assigned to the app now */
    appUsers: AppPerson[];
    /** members (Okta user ids) of every group the app will have after the change */
    members: Record<string, string[]>;
    /** the To App switches in effect; undefined while Okta has none (not authorized yet) */
    switches?: ProvisioningSwitches;
    /** Okta's pushes reach CXone now (the connection works) */
    provisioning: boolean;
}

/** Why a change would leave Okta holding a key that no longer works. */
export type KeyChange = "employee" | "tenant";

/** What the planned change asks for. */
export interface PlannedChange {
    /** `destroy` (or the integration removed): the app, its assignments and the key go */
    operation: "update" | "destroy";
    /** the groups after the change */
    groupIds: string[];
    /** the To App switches after the change */
    switches: ProvisioningSwitches;
    /** the access key is replaced: Okta keeps the old one until a person enters the new one */
    newKey?: KeyChange;
}

/** The parts of the change that act on people. */
export interface Cause {
    /** the app, its assignments and the key go (`pulumi destroy`, the integration removed) */
    appDeleted: boolean;
    /** groups the app loses, and gains */
    groupsRemoved: string[];
    groupsAdded: string[];
    /** "Deactivate Users" switched */
    deactivateUsers?: "on" | "off";
    updatesSwitchedOff: boolean;
    createsSwitchedOff: boolean;
}

/** One person named in the impact. */
export interface Person {
    id: string;
    userName: string;
}

/** What the change does to people. Every list sorted by userName. */
export interface Impact {
    /** CXone users Okta deactivates */
    deactivated: Person[];
    /** CXone users that stay active but that Okta stops managing (no updates, no deactivation) */
    unmanaged: Person[];
    /** of `unmanaged`: direct assignees of a deleted app, whom Okta may deactivate too */
    atRisk: Person[];
    /** CXone users still in scope whose profile changes Okta stops pushing */
    updatesStop: Person[];
    /** people in scope that Okta has not created in CXone and no longer will */
    notCreated: number;
    /** people newly in scope that Okta will create (or link) in CXone */
    created: number;
    /** provisioning stops until a person acts: Okta keeps a key that no longer works */
    stops?: KeyChange;
    /** what causes it */
    cause: Cause;
    /** CXone users Okta manages through the app now, and after the change */
    provisionedNow: number;
    provisionedAfter: number;
}

const byName = (a: Person, b: Person) => a.userName.localeCompare(b.userName);
const person = (p: AppPerson): Person => ({ id: p.id, userName: p.userName });

/** The impact of `change` on the people `now` describes. */
export function impactOf(now: PeopleNow, change: PlannedChange): Impact {
    const was = now.switches;
    const will = change.switches;
    const destroy = change.operation === "destroy";
    const removed = now.groupIds.filter((g) => destroy || !change.groupIds.includes(g));
    const added = destroy ? [] : change.groupIds.filter((g) => !now.groupIds.includes(g));
    // membership after the change: kept or new groups only
    const inGroupsAfter = new Set<string>();
    if (!destroy)
        for (const g of change.groupIds) for (const u of now.members[g] ?? []) inGroupsAfter.add(u);
    // the assignments end at the end of an update (Pulumi deletes last), after the switches
    // changed; a destroy changes no switch first
    const deactivateAtEnd = destroy ? !!was?.deactivateUsers : will.deactivateUsers;

    const deactivated: Person[] = [];
    const unmanaged: Person[] = [];
    const atRisk: Person[] = [];
    const updatesStop: Person[] = [];
    let notCreated = 0;
    const assigned = new Set(now.appUsers.map((p) => p.id));
    for (const p of now.appUsers) {
        const stays = !destroy && (p.scope === "USER" || inGroupsAfter.has(p.id));
        if (!stays) {
            // a deleted app's direct assignees hear nothing: only ended group assignments deactivate
            const direct = destroy && p.scope === "USER";
            if (!p.pushed) continue;
            if (deactivateAtEnd && !direct) deactivated.push(person(p));
            else unmanaged.push(person(p));
            if (deactivateAtEnd && direct) atRisk.push(person(p));
            continue;
        }
        if (p.pushed && was?.updateUserAttributes && !will.updateUserAttributes)
            updatesStop.push(person(p));
        if (!p.pushed && was?.createUsers && !will.createUsers) notCreated++;
    }
    let created = 0;
    for (const u of inGroupsAfter) if (!assigned.has(u)) created++;
    // Okta creates no one before the connection works
    if (!now.provisioning) created = 0;
    if (!will.createUsers) {
        if (was?.createUsers) notCreated += created;
        created = 0;
    }

    const leaving = deactivated.length + unmanaged.length;
    const running = now.provisioning && !!now.appId;
    const stops = !destroy && running ? change.newKey : undefined;
    const switched = !destroy && was && was.deactivateUsers !== will.deactivateUsers;
    const cause: Cause = {
        appDeleted: destroy,
        groupsRemoved: removed,
        groupsAdded: added,
        deactivateUsers: switched ? (will.deactivateUsers ? "on" : "off") : undefined,
        updatesSwitchedOff: !destroy && !!was?.updateUserAttributes && !will.updateUserAttributes,
        createsSwitchedOff: !destroy && !!was?.createUsers && !will.createUsers,
    };
    const pushedNow = now.appUsers.filter((p) => p.pushed).length;
    return {
        deactivated: deactivated.sort(byName),
        unmanaged: unmanaged.sort(byName),
        atRisk: atRisk.sort(byName),
        updatesStop: updatesStop.sort(byName),
        notCreated,
        created,
        stops,
        cause,
        provisionedNow: pushedNow,
        provisionedAfter: destroy ? 0 : pushedNow - leaving + (running && !stops ? created : 0),
    };
}

/** The safeguard: how many deactivations pass without an allowance. */
export interface Safeguard {
    /** deactivations that need no allowance (the stack's threshold) */
    threshold: number;
    /** the operator's allowance: exactly this many deactivations may happen */
    allowDeactivations?: number;
}

/** How many deactivations the safeguard counts: the deactivated, and the direct ones at risk. */
export const guarded = (i: Impact): number => i.deactivated.length + i.atRisk.length;

/**
 * Whether the change may go on: at most `threshold` deactivations, or exactly the count the
 * operator allowed (a stale allowance never lets a different cut through).
 */
export function allowed(impact: Impact, s: Safeguard): boolean {
    const n = guarded(impact);
    return n <= s.threshold || n === s.allowDeactivations;
}
