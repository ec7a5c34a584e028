// The scale stack: one Role and N Employees, each with an AccessKey, used directly (no Okta side).
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { AccessKey } from "../provider/cxone/accessKey";
import { Employee } from "../provider/cxone/employee";
import { Role } from "../provider/cxone/role";
import { cxoneEndpointFor, sandboxRegion } from "../provider/regions";

export function scaleProgram(o: { cxoneUrl: string; tenantId: string; count: number; tag: string }): PulumiFn {
    return async () => {
        const endpoint = cxoneEndpointFor(sandboxRegion(o.cxoneUrl), o.tenantId);
        // Role names are never reused in CXone: one per stack and run.
        const role = new Role("role", { endpoint, name: `Bench ${o.tag}` });
        const keys: AccessKey[] = [];
        for (let i = 0; i < o.count; i++) {
            const employee = new Employee(`employee-${i}`, {
                endpoint, email: `bench-${o.tag}-${i}@sandbox.example`, firstName: "Bench", lastName: `User${i}`,
                roleId: role.roleId,
            });
            keys.push(new AccessKey(`key-${i}`, { endpoint, employeeId: employee.employeeId }));
        }
        return { roleId: role.roleId, keys: keys.length };
    };
}
