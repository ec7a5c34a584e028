// Program entry of the Okta scale stack: N GroupAssignments of one app, one per existing group.
// Parameters (bench:params): { orgUrl, appId, groupIds }.
import { GroupAssignment } from "../provider/okta/groupAssignment";
import { params, OktaScaleParams } from "./params";

const o = params<OktaScaleParams>();
o.groupIds.forEach(
    (groupId, i) =>
        new GroupAssignment(`group-${i}`, { orgUrl: o.orgUrl, appId: o.appId, groupId }),
);

export = { assignments: o.groupIds.length };
