// Employee: validation, diffing and payload mapping. Pure: no I/O, tested without servers.
import type { EmployeeFields, EmployeeRecord, EmployeeStatus } from "./client";
import { Diff, diffFields, REPLACE, UPDATE, withEndpoint } from "./diffing";
import type { Checked, Unchecked } from "../framework/checks";
import { DEFAULT_ADOPT_EXISTING, DEFAULT_BILLABLE, DEFAULT_INVITE } from "../integration/defaults";
import { withDefaults } from "../framework/props";
import type { CxoneEndpoint } from "./session";
import {
    check,
    checkEndpoint,
    CheckFailure,
    optionalBoolean,
    optionalString,
    requiredString,
} from "./validation";

/** Employee inputs after check(): defaults applied. */
export type EmployeeState = {
    endpoint: CxoneEndpoint;
    email: string;
    firstName: string;
    lastName: string;
    roleId: string;
    /** the role's name as CXone stores it (Role's roleName); undefined = looked up by id */
    roleName?: string;
    billable: boolean;
    /** undefined = the tenant's default authenticator */
    loginAuthenticatorId?: string;
    invite: boolean;
    adoptExisting: boolean;
    /** adopt the existing employee with exactly this id (one whose role is not this stack's) */
    adoptEmployeeId?: string;
};

/** Employee outputs: the inputs plus what CXone holds. */
export type EmployeeOutputs = EmployeeState & {
    employeeId: string;
    userName: string;
    /** name of the primary role (UserHub's `role` field) */
    roleName: string;
    status: EmployeeStatus;
    /** the authenticator in effect (resolved default included) */
    effectiveLoginAuthenticatorId: string;
    /** whether create sent the activation email */
    invited: boolean;
    adopted: boolean;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Name length limit [guess:employee-name-length] (CXone's UI accepts about 50; UserHub's limit is unpublished). */
export const EMPLOYEE_NAME_MAX = 50;

/** Statuses that mean "deactivated outside Pulumi": update() revives. */
export const DEACTIVATED: readonly EmployeeStatus[] = ["BLOCKED"];
/** Statuses that mean the employee is gone: read() reports it deleted. */
export const GONE: readonly EmployeeStatus[] = ["DELETED"];

/** check(): validates every input (no API call) and applies defaults. */
export function checkEmployee(news: Unchecked<EmployeeState>): Checked<EmployeeState> {
    const failures: CheckFailure[] = [];
    checkEndpoint(failures, news.endpoint);
    check(
        failures,
        "email",
        news.email,
        (v, p) =>
            requiredString(254)(v, p) ??
            ((v as string).trim() !== v
                ? `${p} must not start or end with spaces (got ${JSON.stringify(v)})`
                : undefined) ??
            (EMAIL.test(v as string)
                ? undefined
                : `${p} must be an email address such as scim-key@example.com`),
    );
    check(failures, "firstName", news.firstName, requiredString(EMPLOYEE_NAME_MAX));
    check(failures, "lastName", news.lastName, requiredString(EMPLOYEE_NAME_MAX));
    check(failures, "roleId", news.roleId, requiredString(100));
    check(failures, "roleName", news.roleName, optionalString(100));
    check(failures, "billable", news.billable, optionalBoolean);
    check(
        failures,
        "loginAuthenticatorId",
        news.loginAuthenticatorId,
        (v, p) =>
            optionalString(100)(v, p) ??
            (v === "" ? `${p} must not be empty (omit it for the tenant default)` : undefined),
    );
    check(failures, "invite", news.invite, optionalBoolean);
    check(failures, "adoptExisting", news.adoptExisting, optionalBoolean);
    check(failures, "adoptEmployeeId", news.adoptEmployeeId, optionalString(100));
    const defaults = {
        billable: DEFAULT_BILLABLE,
        invite: DEFAULT_INVITE,
        adoptExisting: DEFAULT_ADOPT_EXISTING,
    };
    // typed by the checks above (the engine ignores the inputs when there are failures); an
    // absent loginAuthenticatorId stays absent: the tenant's default
    return { inputs: withDefaults(defaults, news) as EmployeeState, failures };
}

/**
 * diff(): a new email (CXone's userName) or tenant is a new employee; names, role, billable and
 * authenticator change in place; an employee deactivated outside Pulumi shows as a `status` change
 * (update revives it). `invite` and `adoptExisting` only matter at create.
 */
export function diffEmployee(olds: Record<string, unknown>, news: Record<string, unknown>): Diff {
    const d = diffFields(olds, news, {
        email: {
            ...REPLACE,
            equals: (a, b) =>
                typeof a === "string" &&
                typeof b === "string" &&
                a.toLowerCase() === b.toLowerCase(),
        },
        firstName: UPDATE,
        lastName: UPDATE,
        roleId: UPDATE,
        billable: UPDATE,
    });
    // an explicit authenticator is compared with the one in effect; omitted = tenant default, not a change
    if (
        news.loginAuthenticatorId !== undefined &&
        news.loginAuthenticatorId !==
            (olds.effectiveLoginAuthenticatorId ?? olds.loginAuthenticatorId)
    ) {
        d.changed.push("loginAuthenticatorId");
        d.changes = true;
    }
    if (DEACTIVATED.includes(olds.status as EmployeeStatus)) {
        d.changed.push("status");
        d.changes = true;
    }
    return withEndpoint(d, olds, news);
}

/** The UserHub fields for create/update. */
export function employeeFields(
    s: EmployeeState,
    roleName: string,
    loginAuthenticatorId: string | undefined,
): EmployeeFields {
    return {
        emailAddress: s.email,
        firstName: s.firstName,
        lastName: s.lastName,
        roleName,
        roleId: s.roleId,
        billable: s.billable,
        ...(loginAuthenticatorId ? { loginAuthenticatorId } : {}),
    };
}

/** Whether a live employee differs from the desired fields (so adopt/update must write). */
export function employeeNeedsUpdate(
    s: EmployeeState,
    live: EmployeeRecord,
    loginAuthenticatorId: string | undefined,
): boolean {
    return (
        live.firstName !== s.firstName ||
        live.lastName !== s.lastName ||
        live.roleId !== s.roleId ||
        live.billable !== s.billable ||
        live.emailAddress.toLowerCase() !== s.email.toLowerCase() ||
        (!!loginAuthenticatorId && live.loginAuthenticatorId !== loginAuthenticatorId)
    );
}

export function employeeOutputs(
    s: EmployeeState,
    live: EmployeeRecord,
    extra: { invited: boolean; adopted: boolean },
): EmployeeOutputs {
    return {
        ...s,
        employeeId: live.id,
        userName: live.userName,
        roleName: live.role,
        status: live.status,
        effectiveLoginAuthenticatorId: live.loginAuthenticatorId,
        ...extra,
    };
}

/**
 * The outputs of a new employee from what was sent and what CXone answered, without reading it
 * back: the user name and role as sent, the authenticator sent, and the status of a new employee,
 * UNREGISTERED, or PENDING once invited [spec] (the status values; a refresh reads them live).
 */
export function createdOutputs(
    s: EmployeeState,
    sent: { id: string; role: string; loginAuthenticatorId: string },
    invited: boolean,
): EmployeeOutputs {
    return {
        ...s,
        employeeId: sent.id,
        userName: s.email,
        roleName: sent.role,
        status: invited ? "PENDING" : "UNREGISTERED",
        effectiveLoginAuthenticatorId: sent.loginAuthenticatorId,
        invited,
        adopted: false,
    };
}

/**
 * read(): live values as outputs and inputs, so `preview --refresh` shows out-of-band edits. The
 * email keeps the program's spelling when CXone differs only in case.
 */
export function employeeFromLive(
    old: EmployeeOutputs,
    live: EmployeeRecord,
): { props: EmployeeOutputs; inputs: EmployeeState } {
    const inputs: EmployeeState = {
        endpoint: old.endpoint,
        email:
            live.emailAddress.toLowerCase() === old.email.toLowerCase()
                ? old.email
                : live.emailAddress,
        firstName: live.firstName,
        lastName: live.lastName,
        roleId: live.roleId,
        billable: live.billable,
        ...(old.loginAuthenticatorId !== undefined
            ? { loginAuthenticatorId: live.loginAuthenticatorId }
            : {}),
        invite: old.invite,
        adoptExisting: old.adoptExisting,
        ...(old.adoptEmployeeId !== undefined ? { adoptEmployeeId: old.adoptEmployeeId } : {}),
    };
    return {
        props: { ...employeeOutputs(inputs, live, { invited: old.invited, adopted: old.adopted }) },
        inputs,
    };
}

/**
 * Why create must not adopt the existing employee with this email, or undefined to adopt it.
 * CXone keeps no free text on an employee that we could mark [guess:employee-no-free-text] (none
 * in UserHub's public fields), so an employee is demonstrably ours when it holds this stack's role (a role is adopted
 * only with this stack's mark), or when the operator names its id (adoptEmployeeId).
 */
export function employeeAdoptionProblem(
    s: EmployeeState,
    existing: EmployeeRecord,
): string | undefined {
    const what = `a CXone employee with email ${s.email} already exists (id ${existing.id}, status ${existing.status})`;
    const ours = existing.roleId === s.roleId;
    if (s.adoptEmployeeId) {
        return s.adoptEmployeeId === existing.id
            ? undefined
            : `${what}, not the adoptEmployeeId "${s.adoptEmployeeId}" you gave`;
    }
    if (ours) {
        return s.adoptExisting
            ? undefined
            : `${what} and holds this stack's role: set adoptExisting: true to adopt it`;
    }
    return (
        `${what} with another role (${existing.role || existing.roleId}): it may belong to another ` +
        "stack or a person, so it is not adopted. Use another employeeEmail, or, only if you made " +
        `it yourself and no other stack manages it, set adoptEmployeeId: "${existing.id}"`
    );
}
