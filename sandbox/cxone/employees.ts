// Employee (user) logic shared by UserHub and SCIM: the same store, the same rules.
import type { FieldError } from "./errors";
import { newUuid } from "./ids";
import type { CxoneRole, CxoneState, CxoneUser } from "./state";

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isDeactivated(u: CxoneUser): boolean {
    return u.status === "BLOCKED" || u.status === "DELETED";
}

/** A role by name (case-insensitive) or id; `role` on users is probably the name [guess], ids accepted too. */
export function findRole(s: CxoneState, nameOrId: string): CxoneRole | undefined {
    const l = nameOrId.toLowerCase();
    return Object.values(s.roles).find(
        (r) => r.roleId === nameOrId || r.roleName.toLowerCase() === l,
    );
}

export function userNameTaken(s: CxoneState, userName: string, exceptId?: string): boolean {
    const l = userName.toLowerCase();
    return Object.values(s.users).some((u) => u.id !== exceptId && u.userName.toLowerCase() === l);
}

export interface EmployeeInput {
    firstName?: unknown;
    lastName?: unknown;
    emailAddress?: unknown;
    role?: unknown;
    userName?: unknown;
    teamId?: unknown;
    timeZone?: unknown;
    billable?: unknown;
    loginAuthenticatorId?: unknown;
    secondaryRoleIds?: unknown;
}

/** Validates a create or full-update body; returns field errors (empty when valid). */
export function employeeProblems(s: CxoneState, b: EmployeeInput, exceptId?: string): FieldError[] {
    const errs: FieldError[] = [];
    const req = (f: keyof EmployeeInput) => {
        if (typeof b[f] !== "string" || !(b[f] as string).trim())
            errs.push({ field: f, code: "REQUIRED", message: `${f} is required` });
    };
    req("firstName");
    req("lastName");
    req("emailAddress");
    req("role");
    if (typeof b.emailAddress === "string" && b.emailAddress && !EMAIL.test(b.emailAddress))
        errs.push({
            field: "emailAddress",
            code: "INVALID",
            message: "emailAddress is not a valid email address",
        });
    if (typeof b.role === "string" && b.role) {
        const role = findRole(s, b.role);
        if (!role)
            errs.push({ field: "role", code: "NOT_FOUND", message: `Role ${b.role} not found` });
        else if (role.status !== "ACTIVE")
            errs.push({ field: "role", code: "INACTIVE", message: `Role ${b.role} is not active` });
    }
    const userName = b.userName ?? b.emailAddress;
    if (b.userName !== undefined && (typeof b.userName !== "string" || !b.userName))
        errs.push({
            field: "userName",
            code: "INVALID",
            message: "userName must be a non-empty string",
        });
    else if (typeof userName === "string" && userName && userNameTaken(s, userName, exceptId))
        errs.push({
            field: "userName",
            code: "DUPLICATE",
            message: `userName ${userName} already exists`,
        });
    if (b.billable !== undefined && typeof b.billable !== "boolean")
        errs.push({ field: "billable", code: "INVALID", message: "billable must be a boolean" });
    for (const f of ["teamId", "timeZone"] as const)
        if (b[f] !== undefined && b[f] !== null && typeof b[f] !== "string")
            errs.push({ field: f, code: "INVALID", message: `${f} must be a string` });
    if (
        b.loginAuthenticatorId !== undefined &&
        !s.loginAuthenticators.some((a) => a.id === b.loginAuthenticatorId)
    )
        errs.push({
            field: "loginAuthenticatorId",
            code: "NOT_FOUND",
            message: "Login authenticator not found",
        });
    if (b.secondaryRoleIds !== undefined) {
        if (
            !Array.isArray(b.secondaryRoleIds) ||
            b.secondaryRoleIds.some((id) => typeof id !== "string" || !s.roles[id as string])
        )
            errs.push({
                field: "secondaryRoleIds",
                code: "INVALID",
                message: "secondaryRoleIds must list existing role ids",
            });
    }
    return errs;
}

export function defaultAuthenticatorId(s: CxoneState): string {
    return (s.loginAuthenticators.find((a) => a.isDefault) ?? s.loginAuthenticators[0]).id;
}

/** Builds a new employee from a body already checked by employeeProblems. */
export function newEmployee(
    s: CxoneState,
    b: EmployeeInput,
    status: CxoneUser["status"],
): CxoneUser {
    const now = new Date().toISOString();
    const role = findRole(s, b.role as string)!;
    return {
        id: newUuid(),
        userName: (b.userName as string | undefined) ?? (b.emailAddress as string),
        firstName: b.firstName as string,
        lastName: b.lastName as string,
        emailAddress: b.emailAddress as string,
        role: role.roleName,
        roleUUID: role.roleId,
        secondaryRoleIds: (b.secondaryRoleIds as string[] | undefined) ?? [],
        status,
        billable: (b.billable as boolean | undefined) ?? true,
        teamId: (b.teamId as string | null | undefined) ?? null,
        timeZone: (b.timeZone as string | null | undefined) ?? null,
        loginAuthenticatorId:
            (b.loginAuthenticatorId as string | undefined) ?? defaultAuthenticatorId(s),
        createdDate: now,
        modifiedDate: now,
    };
}

/** Applies a checked full-update body to an employee (PUT replaces the editable fields). */
export function applyEmployee(s: CxoneState, u: CxoneUser, b: EmployeeInput): void {
    const role = findRole(s, b.role as string)!;
    u.firstName = b.firstName as string;
    u.lastName = b.lastName as string;
    u.emailAddress = b.emailAddress as string;
    if (typeof b.userName === "string") u.userName = b.userName;
    u.role = role.roleName;
    u.roleUUID = role.roleId;
    if (b.secondaryRoleIds !== undefined) u.secondaryRoleIds = b.secondaryRoleIds as string[];
    if (b.billable !== undefined) u.billable = b.billable as boolean;
    if (b.teamId !== undefined) u.teamId = b.teamId as string | null;
    if (b.timeZone !== undefined) u.timeZone = b.timeZone as string | null;
    if (b.loginAuthenticatorId !== undefined)
        u.loginAuthenticatorId = b.loginAuthenticatorId as string;
    u.modifiedDate = new Date().toISOString();
}

export function deactivate(u: CxoneUser): void {
    if (isDeactivated(u)) return;
    u.statusBeforeDeactivation = u.status;
    u.status = "BLOCKED";
    u.modifiedDate = new Date().toISOString();
}

export function revive(u: CxoneUser): void {
    if (!isDeactivated(u)) return;
    u.status = u.statusBeforeDeactivation ?? "ACTIVE";
    delete u.statusBeforeDeactivation;
    u.modifiedDate = new Date().toISOString();
}

/** What UserHub returns for an employee: never the password hash or sandbox bookkeeping. */
export function employeeView(u: CxoneUser) {
    return {
        id: u.id,
        userName: u.userName,
        firstName: u.firstName,
        lastName: u.lastName,
        emailAddress: u.emailAddress,
        role: u.role,
        roleUUID: u.roleUUID,
        secondaryRoleIds: [...u.secondaryRoleIds],
        status: u.status,
        billable: u.billable,
        teamId: u.teamId,
        timeZone: u.timeZone,
        loginAuthenticatorId: u.loginAuthenticatorId,
        createdDate: u.createdDate,
        modifiedDate: u.modifiedDate,
        ...(u.invitedDate ? { invitedDate: u.invitedDate } : {}),
        // [sdk] NICE's user parser reads customAttributes as an object (core-sdk cxone-user-details.js)
        customAttributes: {},
    };
}
