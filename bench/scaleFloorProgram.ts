// The scale stack's engine floor: one Role, N Employees, N AccessKeys with the same edges
// (role -> employee -> key), all no-op. Its time per resource is what the engine alone costs.
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { Noop } from "./floorProgram";

export function scaleFloorProgram(count: number): PulumiFn {
    return async () => {
        const role = new Noop("Role", "role", { name: "Bench" });
        for (let i = 0; i < count; i++) {
            const employee = new Noop("Employee", `employee-${i}`, { roleId: role.id, email: `bench-${i}@sandbox.example` });
            new Noop("AccessKey", `key-${i}`, { employeeId: employee.id }, { additionalSecretOutputs: ["secret"] });
        }
        return { roleId: role.id };
    };
}
