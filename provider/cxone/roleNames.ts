// The names of CXone roles by id, per provider process. CXone takes an employee's role by name
// [guess:employee-role-field], and the engine runs every dynamic resource in one provider process:
// the Role's create or refresh has just read its role, so the employee created after it needs no
// look-up of its own (a third role search on `up` from empty). Only an answer CXone gave for that
// very id is kept, on the guess that CXone keeps a role's name under its id (no inventory row: no
// page says so, and no route we call renames a role); a role this process has not seen is looked
// up once by id. If wrong, a role renamed while a command runs is sent by its old name for the
// rest of that command; a rename between commands is harmless: the names live only in one
// `pulumi` command's provider process.
import { memo } from "../core/memo";
import { CxoneClient, RoleRecord } from "./client";
import { CxoneError } from "./errors";
import type { CxoneEndpoint } from "./session";

const names = new Map<string, Promise<string>>();

// the fields, not JSON.stringify: two resources' endpoints may carry their keys in another order
const keyOf = (endpoint: CxoneEndpoint, roleId: string): string =>
    [endpoint.issuerUrl, endpoint.areaUrl, endpoint.apiUrl, endpoint.tenantId, roleId].join("|");

/** A role CXone has just answered for (the Role's create, adoption or refresh). */
export function rememberRoleName(
    endpoint: CxoneEndpoint,
    role: Pick<RoleRecord, "roleId" | "roleName">,
): void {
    if (role.roleId && role.roleName)
        names.set(keyOf(endpoint, role.roleId), Promise.resolve(role.roleName));
}

/**
 * The role's name as CXone stores it: as this process learned it, else one search by id
 * (concurrent callers share it; a failure is not remembered).
 */
export function roleNameOf(client: CxoneClient, roleId: string): Promise<string> {
    return memo(names, keyOf(client.endpoint, roleId), () =>
        client.getRole(roleId).then((role) => {
            if (!role)
                throw new CxoneError({
                    operation: `find CXone role ${roleId} for the employee`,
                    status: 404,
                    detail: "no such role",
                });
            return role.roleName;
        }),
    );
}
