// Program entry of the scale stack's engine floor: one Role, N Employees, N AccessKeys with the
// same edges (role -> employee -> key), all no-op. Its time per resource is what the engine alone
// costs. Parameters (bench:params): { count }.
import { Noop } from "./noop";
import { params, ScaleFloorParams } from "./params";

const { count } = params<ScaleFloorParams>();
const role = new Noop("Role", "role", { name: "Bench" });
for (let i = 0; i < count; i++) {
    const employee = new Noop("Employee", `employee-${i}`, {
        roleId: role.id,
        email: `bench-${i}@sandbox.example`,
    });
    const secret = { additionalSecretOutputs: ["secret"] };
    new Noop("AccessKey", `key-${i}`, { employeeId: employee.id }, secret);
}

export = { roleId: role.id };
