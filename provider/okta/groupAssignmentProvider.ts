// GroupAssignment provider methods, loaded at call time by the serialized forwarder.
import { defineProvider, type ReadResult } from "../framework/defineProvider";
import { readResult } from "../framework/forwarder";
import { oktaApi } from "./client";
import {
    checkGroupAssignment,
    diffGroupAssignment,
    groupAssignmentId,
    groupAssignmentInputs,
    groupNotFoundMessage,
    GroupAssignmentOutputs,
    GroupAssignmentState,
} from "./groupAssignmentLogic";

// Assignments this process made in the current deployment. Pulumi deletes replaced and removed
// resources after every create, so a delete finding its group here must not unassign it: another
// resource of this stack has just claimed that group (a list shifted under numbered names).
const assignedNow = new Set<string>();

async function create(
    s: GroupAssignmentState,
): Promise<{ id: string; outs: GroupAssignmentOutputs }> {
    // the group as the program's reads before the first write found it (they refuse a missing
    // one), else read first: a name given for an id fails here, saying so, before any write
    const known = s.groupName !== undefined && s.groupType !== undefined;
    const group = known ? undefined : await oktaApi.getGroup(s.orgUrl, s.groupId);
    if (!known && !group) throw new Error(groupNotFoundMessage(s.groupId));
    await oktaApi.assignGroup(s.orgUrl, s.appId, s.groupId);
    assignedNow.add(groupAssignmentId(s));
    // Stryker disable next-line OptionalChaining: Okta's groups always carry a profile [doc]
    const outs = group ? { ...s, groupName: group.profile?.name, groupType: group.type } : s;
    return { id: groupAssignmentId(s), outs };
}

/** Refresh: an assignment Okta no longer has is gone (empty id). */
async function read(
    id: string,
    s: GroupAssignmentOutputs,
): Promise<ReadResult<GroupAssignmentOutputs>> {
    const found = await oktaApi.getGroupAssignment(s.orgUrl, s.appId, s.groupId);
    return found ? readResult(id, s, groupAssignmentInputs(s)) : { id: "" };
}

/** Destroy unassigns the group, unless another assignment of this stack has just claimed it. */
async function destroy(_id: string, s: GroupAssignmentOutputs): Promise<void> {
    if (assignedNow.has(groupAssignmentId(s))) return;
    await oktaApi.unassignGroup(s.orgUrl, s.appId, s.groupId);
}
export = defineProvider<GroupAssignmentState, GroupAssignmentOutputs>({
    noun: "group assignment",
    check: checkGroupAssignment,
    diff: diffGroupAssignment,
    create,
    read,
    delete: destroy,
});
