// The CXone key Okta's SCIM connection signs in with, for suites that need one to act on: an
// access key of a new employee of a new role, each made through its provider as a stack does.
import type { CxoneEndpoint } from "../../provider/cxone/session";
import { newAccessKey, newEmployee, newRole } from "./cxoneObjects";

/** A new role, an employee of it, and that employee's new access key (`outs.secret`). */
export async function oktaScimKey(endpoint: CxoneEndpoint) {
    const role = await newRole(endpoint, "SCIM Key");
    const person = { roleId: role.id, email: "scim", firstName: "SCIM", lastName: "AccessKey" };
    return newAccessKey(endpoint, (await newEmployee(endpoint, person)).id);
}
