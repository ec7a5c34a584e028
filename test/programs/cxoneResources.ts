// CXone's Role, Employee and AccessKey declared one by one (test/cxone/resources.engine.test.ts).
import { AccessKey, Employee, Role } from "../../provider/cxone";
import type { CxoneEndpoint } from "../../provider/cxone";
import { params } from "./params";

interface Params {
    endpoint: CxoneEndpoint;
    names?: { role?: string; employee?: string; key?: string };
    role: { name: string; description?: string };
    employee?: { email: string; firstName: string; lastName: string; invite?: boolean };
    key?: { rotation?: string; maxOverlapDays?: number };
    /** A second role with a name that may exist already. */
    takenRoleName?: string;
}

const p = params<Params>();
const endpoint = p.endpoint;
const role = new Role(p.names?.role ?? "role", { endpoint, ...p.role });
export const roleId = role.roleId;
const employee = p.employee
    ? new Employee(p.names?.employee ?? "employee", {
          endpoint,
          ...p.employee,
          roleId: role.roleId,
      })
    : undefined;
export const employeeId = employee?.employeeId;
const key =
    employee && p.key
        ? new AccessKey(p.names?.key ?? "key", {
              endpoint,
              employeeId: employee.employeeId,
              ...p.key,
          })
        : undefined;
export const accessKeyId = key?.accessKeyId;
export const secret = key?.secret;
if (p.takenRoleName) new Role("taken", { endpoint, name: p.takenRoleName });
