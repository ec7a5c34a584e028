// GroupAssignment: validation and diffing. Pure: no I/O, tested without servers.
import { CheckFailure, Checked, checkOrgAndIds, Unchecked } from "./validation";
import { check as checkInput, optionalString } from "../framework/checks";

/** GroupAssignment inputs after check() (no defaults: every input is required). */
export type GroupAssignmentState = {
    orgUrl: string;
    appId: string;
    groupId: string;
    /** the group's name and type where the program read them already (the component's reads) */
    groupName?: string;
    groupType?: string;
};

/** GroupAssignment outputs: the inputs plus the group as Okta names it. */
export type GroupAssignmentOutputs = GroupAssignmentState & {
    groupName?: string;
    /** OKTA_GROUP, APP_GROUP or BUILT_IN (Everyone) [doc] */
    groupType?: string;
};

/** Okta object ids: a 3-character type prefix (00g for groups) and 17 more, 20 in all [seen:okta-id-shape]. */
export const OKTA_GROUP_ID = /^00g[0-9A-Za-z]{17}$/;

/** Whether `groupId` looks like an Okta group id (a name such as "Everyone" does not). */
export const looksLikeGroupId = (groupId: string): boolean => OKTA_GROUP_ID.test(groupId);

/** The error when Okta has no group with this id: an id is needed, and where to find it. */
export function groupNotFoundMessage(groupId: string): string {
    const name = looksLikeGroupId(groupId)
        ? ""
        : ` "${groupId}" does not look like an Okta group id (00g followed by 17 letters and digits);`;
    return (
        `groupId: Okta has no group with id "${groupId}";${name} give the group's id, not its name. ` +
        "Find it in the Okta Admin Console under Directory > Groups: open the group, the id is the " +
        "last part of the page's URL (or GET /api/v1/groups?q=<name>)"
    );
}

/** Whether the group gives the app to everyone in the org (Okta's built-in "Everyone"). */
export const isBroadGroup = (g: { type?: string; name?: string }): boolean =>
    g.type === "BUILT_IN" || g.name === "Everyone";

/** The id of an assignment: the app and the group. */
export const groupAssignmentId = (s: GroupAssignmentState): string => `${s.appId}/${s.groupId}`;

/** check(): validates every input (no API call). */
export function checkGroupAssignment(
    news: Unchecked<GroupAssignmentState>,
): Checked<GroupAssignmentState> {
    const failures: CheckFailure[] = [];
    checkOrgAndIds(failures, news, ["appId", "groupId"]);
    checkInput(failures, "groupName", news.groupName, optionalString(200));
    checkInput(failures, "groupType", news.groupType, optionalString(50));
    // typed by the checks above (the engine ignores the inputs when there are failures)
    return { inputs: { ...news } as GroupAssignmentState, failures };
}

/**
 * read()'s inputs: the assignment, and the group's name and type as the state holds them (the
 * create's hints, or what it read). Okta's assignment does not name the group, and the component
 * passes them on every run: dropped here, they would come and go with every refresh and `up`.
 * Taken from the outputs, they are in the state already, in clear only where they were before.
 */
export function groupAssignmentInputs(s: GroupAssignmentOutputs): GroupAssignmentState {
    return {
        orgUrl: s.orgUrl,
        appId: s.appId,
        groupId: s.groupId,
        ...(s.groupName !== undefined ? { groupName: s.groupName } : {}),
        ...(s.groupType !== undefined ? { groupType: s.groupType } : {}),
    };
}

/**
 * diff(): an assignment has nothing to update: any change is another assignment. The group's
 * name and type are create-time hints: never a change (a group renamed in Okta is still assigned).
 */
export function diffGroupAssignment(
    olds: Partial<GroupAssignmentState>,
    news: Partial<GroupAssignmentState>,
): { changes: boolean; replaces: string[] } {
    const replaces = (["orgUrl", "appId", "groupId"] as const).filter((k) => olds[k] !== news[k]);
    return { changes: replaces.length > 0, replaces };
}
