// GroupAssignment: validation and diffing. Pure: no I/O, tested without servers.
import { CheckFailure, Checked, checkOrgAndIds, Unchecked } from "./validation";

/** GroupAssignment inputs after check() (no defaults: every input is required). */
export type GroupAssignmentState = {
    orgUrl: string;
    appId: string;
    groupId: string;
};

/** The id of an assignment: the app and the group. */
export const groupAssignmentId = (s: GroupAssignmentState): string => `${s.appId}/${s.groupId}`;

/** check(): validates every input (no API call). */
export function checkGroupAssignment(
    news: Unchecked<GroupAssignmentState>,
): Checked<GroupAssignmentState> {
    const failures: CheckFailure[] = [];
    checkOrgAndIds(failures, news, ["appId", "groupId"]);
    // typed by the checks above (the engine ignores the inputs when there are failures)
    return { inputs: { ...news } as GroupAssignmentState, failures };
}

/** diff(): an assignment has nothing to update: any change is another assignment. */
export function diffGroupAssignment(
    olds: Partial<GroupAssignmentState>,
    news: Partial<GroupAssignmentState>,
): { changes: boolean; replaces: string[] } {
    const replaces = (["orgUrl", "appId", "groupId"] as const).filter((k) => olds[k] !== news[k]);
    return { changes: replaces.length > 0, replaces };
}
