// Role: validation, diffing and state mapping. Pure: no I/O, tested without servers.
import type { RoleRecord } from "./client";
import { adoptionRefusal, ownerIn } from "../framework/ownership";
import { Diff, diffFields, REPLACE, sameSet, UPDATE, withEndpoint } from "./diffing";
import { DEFAULT_ADOPT_EXISTING, DEFAULT_ROLE_STATUS } from "../integration/defaults";
import { withDefaults } from "../framework/props";
import type { Checked, Unchecked } from "../framework/checks";
import type { CxoneEndpoint } from "./session";
import {
    check,
    checkEndpoint,
    CheckFailure,
    isUnknown,
    oneOf,
    optionalBoolean,
    optionalString,
} from "./validation";

/**
 * CXone permissions the integration needs, by the name the Roles and Permissions page shows.
 * [guess:permission-keys] The API's permission key format is not published; the display names are
 * used as keys (as the sandbox does). Correct these constants once a real tenant shows the keys.
 */
export const Permissions = {
    /** Admin > Employees: Create and Edit — lets the key create and update employees over SCIM. */
    EmployeesCreateAndEdit: "Employees: Create and Edit",
    /** Admin > Employees: View — switched on automatically with Create and Edit. */
    EmployeesView: "Employees: View",
} as const;

/** The permissions of the role the SCIM access key runs as (procedure step 1). */
export const SCIM_ROLE_PERMISSIONS: readonly string[] = [
    Permissions.EmployeesCreateAndEdit,
    Permissions.EmployeesView,
];

export const ROLE_NAME_MAX = 50;
/** Longest role description CXone keeps [guess: as the UI allows]. */
export const ROLE_DESCRIPTION_MAX = 1000;
/** Characters CXone refuses in role names [doc]. */
export const ROLE_NAME_FORBIDDEN = [
    "/",
    "\\",
    "+",
    "!",
    "?",
    "<",
    ">",
    "#",
    "&",
    ",",
    "%",
    '"',
] as const;
export const ROLE_STATUSES = ["ACTIVE", "INACTIVE"] as const;
export type DesiredRoleStatus = (typeof ROLE_STATUSES)[number];

/** Role inputs after check(): defaults applied. */
export type RoleState = {
    endpoint: CxoneEndpoint;
    name: string;
    description: string;
    /**
     * The permissions the stack manages. Absent only for a role adopted by id (adoptRoleId) with
     * no permissions given: a role made by hand keeps the ones a person gave it, in the tenant's
     * own spelling (the API's key format is a [guess:permission-keys]).
     */
    permissions?: string[];
    status: DesiredRoleStatus;
    adoptExisting: boolean;
    /** adopt the existing role with exactly this id (one that carries no stack's mark) */
    adoptRoleId?: string;
    /** accept permission names outside {@link KNOWN_PERMISSIONS} (their keys are a [guess:permission-keys]) */
    allowUnknownPermissions?: boolean;
};

/** Role outputs: the inputs plus what CXone assigned. */
export type RoleOutputs = RoleState & {
    roleId: string;
    /** CXone's name for the role: what employees' `role` field holds */
    roleName: string;
    /** true when create adopted a role that already existed */
    adopted: boolean;
};

/** Why a role name breaks CXone's naming rules [doc], or undefined. */
export function roleNameProblem(name: unknown, property = "name"): string | undefined {
    if (typeof name !== "string") return `${property} is required and must be a string`;
    if (name.trim() === "") return `${property} must not be empty`;
    if (name !== name.trim()) return `${property} must not start or end with spaces`;
    if (name.length > ROLE_NAME_MAX)
        return `${property} must be at most ${ROLE_NAME_MAX} characters (got ${name.length})`;
    const bad = ROLE_NAME_FORBIDDEN.filter((c) => name.includes(c));
    if (bad.length)
        return `${property} must not contain ${bad.join(" ")} (CXone forbids / \\ + ! ? < > # & , % ")`;
    return undefined;
}

/**
 * Every permission name this package knows [guess:permission-keys] (the display names, see
 * {@link Permissions}).
 * Any other name is refused unless `allowUnknownPermissions` is true.
 */
export const KNOWN_PERMISSIONS: readonly string[] = Object.values(Permissions);

/** The names outside {@link KNOWN_PERMISSIONS} of a list that permissionsProblem accepted. */
function unknownPermissions(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x) => !isUnknown(x) && !KNOWN_PERMISSIONS.includes(x)) : [];
}

function permissionsProblem(v: unknown, p: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) return `${p} must be a list of permission names`;
    if (v.length === 0) return `${p} must not be empty (omit it for the SCIM defaults)`;
    // preview's unknown value is a non-empty string: it passes, and is no duplicate
    for (const [i, x] of v.entries()) {
        if (typeof x !== "string" || x.trim() === "")
            return `${p}[${i}] must be a non-empty permission name`;
    }
    const known = v.filter((x) => !isUnknown(x));
    if (new Set(known).size !== known.length) return `${p} lists a permission twice`;
    return undefined;
}

/** check(): validates every input (no API call) and applies defaults. */
export function checkRole(news: Unchecked<RoleState>): Checked<RoleState> {
    const failures: CheckFailure[] = [];
    checkEndpoint(failures, news.endpoint);
    check(failures, "name", news.name, (v, p) => roleNameProblem(v, p));
    check(failures, "description", news.description, optionalString(ROLE_DESCRIPTION_MAX));
    check(failures, "permissions", news.permissions, permissionsProblem);
    check(failures, "status", news.status, oneOf(ROLE_STATUSES));
    check(failures, "adoptExisting", news.adoptExisting, optionalBoolean);
    check(failures, "adoptRoleId", news.adoptRoleId, optionalString(100));
    check(failures, "allowUnknownPermissions", news.allowUnknownPermissions, optionalBoolean);
    const unknown = unknownPermissions(news.permissions);
    const listFailed = failures.some((f) => f.property === "permissions");
    if (unknown.length && news.allowUnknownPermissions !== true && !listFailed) {
        failures.push({
            property: "permissions",
            reason:
                `permissions: ${unknown.map((x) => JSON.stringify(x)).join(", ")} is not a known ` +
                `CXone permission (known [guess:permission-keys]: ${KNOWN_PERMISSIONS.join(", ")}); set ` +
                "allowUnknownPermissions: true only if your tenant shows that exact name",
        });
    }
    const defaults = {
        description: "",
        status: DEFAULT_ROLE_STATUS,
        adoptExisting: DEFAULT_ADOPT_EXISTING,
        // a role adopted by id keeps its own permissions unless the program names some
        ...(news.adoptRoleId ? {} : { permissions: [...SCIM_ROLE_PERMISSIONS] }),
    };
    // typed by the checks above (the engine ignores the inputs when there are failures)
    return { inputs: withDefaults(defaults, news) as RoleState, failures };
}

/**
 * diff(): a new name or tenant is a new role (CXone cannot rename roles); description,
 * permissions and status change in place. adoptExisting only matters at create: not a change.
 */
export function diffRole(olds: Record<string, unknown>, news: Record<string, unknown>): Diff {
    const d = diffFields(olds, news, {
        name: REPLACE,
        description: UPDATE,
        // absent = not managed (a role adopted by id): whatever it holds is no change
        permissions: { ...UPDATE, equals: (a, b) => b === undefined || sameSet(a, b) },
        status: UPDATE,
    });
    return withEndpoint(d, olds, news);
}

/** The change that brings a live role to the desired state, or undefined when none is needed. */
export function roleChange(
    desired: Pick<RoleState, "description" | "permissions" | "status">,
    live: RoleRecord,
): { description?: string; permissions?: string[]; status?: DesiredRoleStatus } | undefined {
    const change: { description?: string; permissions?: string[]; status?: DesiredRoleStatus } = {};
    if (desired.description !== live.description) change.description = desired.description;
    if (desired.permissions !== undefined && !sameSet(desired.permissions, live.permissions))
        change.permissions = [...desired.permissions];
    if (desired.status !== live.status) change.status = desired.status;
    return Object.keys(change).length ? change : undefined;
}

/** Outputs for state from the desired inputs and the live role. */
export function roleOutputs(inputs: RoleState, live: RoleRecord, adopted: boolean): RoleOutputs {
    return { ...inputs, roleId: live.roleId, roleName: live.roleName, adopted };
}

/**
 * read(): the live role as outputs and as inputs, so the next diff shows out-of-band changes.
 * A DELETED or DRAFT status is reported as it is: the diff then shows a status change.
 */
export function roleFromLive(
    old: RoleOutputs,
    live: RoleRecord,
): { props: RoleOutputs; inputs: RoleState } {
    const inputs: RoleState = {
        endpoint: old.endpoint,
        name: old.name,
        description: live.description,
        ...(old.permissions !== undefined ? { permissions: live.permissions } : {}),
        status: live.status as DesiredRoleStatus,
        adoptExisting: old.adoptExisting,
        ...(old.adoptRoleId !== undefined ? { adoptRoleId: old.adoptRoleId } : {}),
        ...(old.allowUnknownPermissions !== undefined
            ? { allowUnknownPermissions: old.allowUnknownPermissions }
            : {}),
    };
    return {
        props: {
            ...inputs,
            permissions: live.permissions,
            roleId: live.roleId,
            roleName: live.roleName,
            adopted: old.adopted,
        },
        inputs,
    };
}

/**
 * Why create must not adopt the existing role of the same name, or undefined to adopt it: only a
 * role marked by this stack (in its description) or the one named by adoptRoleId is adopted.
 */
export function roleAdoptionProblem(s: RoleState, existing: RoleRecord): string | undefined {
    const what = `a CXone role named "${existing.displayName || s.name}" already exists (status ${existing.status}); role names can never be reused`;
    const owner = ownerIn(s.description);
    const markedBy = ownerIn(existing.description);
    if (!s.adoptExisting && !s.adoptRoleId) {
        return markedBy && markedBy === owner
            ? `${what}; it is marked as this stack's (${owner}): set adoptExisting: true to adopt it`
            : // Stryker disable next-line StringLiteral: unused, adoptionRefusal refuses every role it gets here
              `${what}. ${adoptionRefusal({ what: "That role", id: existing.roleId, markedBy }, { owner, idInput: "adoptRoleId", renameInput: "roleName" }) ?? ""}`;
    }
    const refusal = adoptionRefusal(
        { what: "That role", id: existing.roleId, markedBy },
        { owner, explicitId: s.adoptRoleId, idInput: "adoptRoleId", renameInput: "roleName" },
    );
    return refusal && `${what}. ${refusal}`;
}
