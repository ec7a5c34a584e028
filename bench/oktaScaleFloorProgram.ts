// Program entry of the Okta scale stack's engine floor: N independent no-op resources, the shape
// of N GroupAssignments. Parameters (bench:params): { count }.
import { Noop } from "./noop";
import { params, OktaScaleFloorParams } from "./params";

const { count } = params<OktaScaleFloorParams>();
for (let i = 0; i < count; i++) new Noop("GroupAssignment", `group-${i}`, { groupId: `g${i}` });

export = { count };
