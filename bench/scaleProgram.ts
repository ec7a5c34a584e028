// Program entry of the scale stack: one Role and N Employees, each with an AccessKey, used
// directly (no Okta side). Parameters (bench:params): { cxoneUrl, tenantId, count, tag }.
import { AccessKey } from "../provider/cxone/accessKey";
import { Employee } from "../provider/cxone/employee";
import { Role } from "../provider/cxone/role";
import { cxoneEndpointFor, sandboxRegion } from "../provider/cxone/discovery/regions";
import { params, ScaleParams } from "./params";

const o = params<ScaleParams>();
const endpoint = cxoneEndpointFor(sandboxRegion(o.cxoneUrl), o.tenantId);
const role = new Role("role", { endpoint, name: `Bench ${o.tag}` });
const keys: AccessKey[] = [];
for (let i = 0; i < o.count; i++) {
    const employee = new Employee(`employee-${i}`, {
        endpoint,
        email: `bench-${o.tag}-${i}@sandbox.example`,
        firstName: "Bench",
        lastName: `User${i}`,
        roleId: role.roleId,
    });
    keys.push(new AccessKey(`key-${i}`, { endpoint, employeeId: employee.employeeId }));
}

export = { roleId: role.roleId, keys: keys.length };
