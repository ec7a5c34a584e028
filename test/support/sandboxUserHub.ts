// The body of a new employee in the sandbox's CXone UserHub (POST /user-management/v1/users):
// the four fields CXone requires, and any more a test adds.

/** A new employee's body: first and last name, email, role name, then `more`. */
export function userHubPerson(
    firstName: string,
    lastName: string,
    emailAddress: string,
    role: string,
    more: Record<string, unknown> = {},
) {
    return { firstName, lastName, emailAddress, role, ...more };
}
