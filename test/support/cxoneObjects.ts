// CXone objects made as a stack makes them: each through its provider's check() and create(),
// against the endpoint given (the sandbox's). For the tests that need a role, an employee or an
// access key to act on rather than to test their making.
import role from "../../provider/cxone/roleProvider";
import employee from "../../provider/cxone/employeeProvider";
import accessKey from "../../provider/cxone/accessKeyProvider";
import type { CxoneEndpoint } from "../../provider/cxone/session";
import { unique, uniqueEmail } from "./sandbox";

/** A new role with the SCIM defaults, its name `prefix` made unique. */
export async function newRole(endpoint: CxoneEndpoint, prefix: string) {
    return role.create((await role.check({}, { endpoint, name: unique(prefix) })).inputs);
}

/** A new employee of the role; `email` is a prefix made unique. */
export async function newEmployee(
    endpoint: CxoneEndpoint,
    person: {
        roleId: string;
        email: string;
        firstName: string;
        lastName: string;
        invite?: boolean;
    },
) {
    const inputs = { endpoint, ...person, email: uniqueEmail(person.email) };
    return employee.create((await employee.check({}, inputs)).inputs);
}

/** A new active access key of the employee; its secret is in `outs.secret`. */
export async function newAccessKey(endpoint: CxoneEndpoint, employeeId: string) {
    return accessKey.create((await accessKey.check({}, { endpoint, employeeId })).inputs);
}
