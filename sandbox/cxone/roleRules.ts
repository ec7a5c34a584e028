// CXone's role naming and lifecycle rules [doc, help pages], as pure functions.
import type { CxoneRole, CxoneUser } from "./state";

export const ROLE_NAME_MAX = 50;
export const ROLE_NAME_FORBIDDEN = ["/", "\\", "+", "!", "?", "<", ">", "#", "&", ",", "%", '"'];

/** Why a new role name is not acceptable, or undefined. Names are never reusable, even after deactivation. */
export function roleNameProblem(name: unknown, existing: CxoneRole[]): string | undefined {
    if (typeof name !== "string" || name.trim().length === 0) return "displayName is required";
    if (name.length > ROLE_NAME_MAX)
        return `displayName must be at most ${ROLE_NAME_MAX} characters`;
    const bad = ROLE_NAME_FORBIDDEN.filter((c) => name.includes(c));
    if (bad.length) return `displayName contains forbidden characters: ${bad.join(" ")}`;
    const lower = name.trim().toLowerCase();
    if (
        existing.some(
            (r) => r.roleName.toLowerCase() === lower || r.displayName.toLowerCase() === lower,
        )
    )
        return `A role named "${name}" exists or existed; role names cannot be reused`;
    return undefined;
}

/** Active employees holding the role (as primary or secondary): while any exist, it cannot be deactivated. */
export function activeHolders(role: CxoneRole, users: CxoneUser[]): CxoneUser[] {
    return users.filter(
        (u) =>
            u.status !== "BLOCKED" &&
            u.status !== "DELETED" &&
            (u.roleUUID === role.roleId || u.secondaryRoleIds.includes(role.roleId)),
    );
}
