// Program entry of the scale stack's engine floor: one Role, N Employees, N AccessKeys with the
// same edges (role -> employee -> key), all no-op. Its time per resource is what the engine alone
// costs. Given `pace`, each resource first waits for as many calls as the real one makes, at the
// rate limit, one pacer for all (bench/noopProvider.ts): the engine's time for this graph under
// the limit. Parameters (bench:params): { count, pace? }.
import { Noop } from "./noop";
import { params, ScaleFloorParams } from "./params";

const { count, pace } = params<ScaleFloorParams>();
const calls = (n: keyof NonNullable<ScaleFloorParams["pace"]>) =>
    pace ? { calls: pace[n], perSecond: pace.perSecond } : {};
const role = new Noop("Role", "role", { name: "Bench", ...calls("role") });
for (let i = 0; i < count; i++) {
    const employee = new Noop("Employee", `employee-${i}`, {
        roleId: role.id,
        email: `bench-${i}@sandbox.example`,
        ...calls("employee"),
    });
    const secret = { additionalSecretOutputs: ["secret"] };
    new Noop("AccessKey", `key-${i}`, { employeeId: employee.id, ...calls("key") }, secret);
}

export = { roleId: role.id };
