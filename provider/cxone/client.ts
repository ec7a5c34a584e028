// The ONE place that knows CXone API paths and payload shapes (hosts: provider/cxone/discovery/regions.ts). Each
// call carries its confidence mark: doc = NICE's pages, spec = published OpenAPI, sdk = NICE's own
// published SDKs, seen = public code only, guess = inference. A mark that is not doc or spec
// carries the id of its row in docs/vendor-facts/unconfirmed.md, e.g. [seen:role-create-route].
// A correction found on a real tenant is a change here only. Base of every call below: UserHub,
// `https://api-{area}.{domain}` from discovery [sdk:userhub-host] (USER_HUB_HOST in regions.ts).
import { adminAccessKey } from "./credentials";
import { CxoneError } from "./errors";
import { routeAbsent, UnconfirmedFactError, type UnconfirmedFact } from "../core/unconfirmed";
import {
    ADOPT_ROLE_STEP,
    EMPLOYEE_NAME_LENGTH,
    newRoleSteps,
    PERMISSION_KEYS,
    ROLE_CREATE_ROUTE,
    ROLE_UPDATE_ROUTE,
} from "./facts";
import type { RetryPolicy } from "./retry";
import type { UserHubHost } from "./discovery/regions";
import type { HttpResponse } from "../core/http";
import { CxoneEndpoint, CxoneSession } from "./session";

export type { CxoneEndpoint } from "./session";

/** Role lifecycle states as CXone reports them [spec]. */
export type RoleStatus = "ACTIVE" | "INACTIVE" | "DELETED" | "DRAFT";
/** Employee lifecycle states as CXone reports them [spec]. */
export type EmployeeStatus = "UNREGISTERED" | "PENDING" | "ACTIVE" | "BLOCKED" | "DELETED";

/** A role as read from CXone. */
export interface RoleRecord {
    roleId: string;
    /** CXone's name of the role (the one employees reference) */
    roleName: string;
    displayName: string;
    description: string;
    status: RoleStatus;
    permissions: string[];
}

/** An employee (UserHub user) as read from CXone. */
export interface EmployeeRecord {
    id: string;
    userName: string;
    emailAddress: string;
    firstName: string;
    lastName: string;
    /** primary role name [guess:employee-role-field] */
    role: string;
    /** primary role id */
    roleId: string;
    status: EmployeeStatus;
    billable: boolean;
    loginAuthenticatorId: string;
}

/** What a new employee is created or updated with. */
export interface EmployeeFields {
    emailAddress: string;
    firstName: string;
    lastName: string;
    /** primary role NAME: UserHub's `role` field takes the name [guess:employee-role-field] */
    roleName: string;
    /** primary role id: sent as `role` where CXone refuses the name */
    roleId?: string;
    billable: boolean;
    loginAuthenticatorId?: string;
}

/** An access key as read from CXone; the secret is never readable after creation [doc]. */
export interface AccessKeyRecord {
    accessKeyId: string;
    userId: string;
    isActive: boolean;
    lastUsedDate?: string;
    /** when CXone created the key [guess:key-created-date]; else the stack keeps its own record */
    createdDate?: string;
}

const str = (v: unknown): string => (v === undefined || v === null ? "" : String(v));
const enc = encodeURIComponent;

function toRole(r: Record<string, unknown>): RoleRecord {
    const perms = Array.isArray(r.permissions) ? r.permissions : [];
    return {
        roleId: str(r.roleId ?? r.id),
        roleName: str(r.roleName ?? r.displayName),
        displayName: str(r.displayName ?? r.roleName),
        description: str(r.description),
        status: str(r.status) as RoleStatus,
        permissions: perms
            .map((p) =>
                typeof p === "string" ? p : str((p as Record<string, unknown>)?.permission),
            )
            .filter(Boolean),
    };
}

/**
 * `billable` arrives as a boolean or as a string: "true" or "on" in any case means true, as in
 * NICE's own parser [sdk:billable-string] (core-sdk cxone-user-details.js, common-sdk utility.js
 * parseBooleanString). Anything else is false.
 */
export function billableOf(v: unknown): boolean {
    if (typeof v === "boolean") return v;
    return typeof v === "string" && ["true", "on"].includes(v.toLowerCase());
}

function toEmployee(u: Record<string, unknown>): EmployeeRecord {
    return {
        id: str(u.id ?? u.uuid),
        userName: str(u.userName),
        emailAddress: str(u.emailAddress),
        firstName: str(u.firstName),
        lastName: str(u.lastName),
        role: str(u.role),
        roleId: str(u.roleUUID ?? u.roleId),
        status: str(u.status) as EmployeeStatus,
        billable: billableOf(u.billable),
        loginAuthenticatorId: str(u.loginAuthenticatorId),
    };
}

function toAccessKey(k: Record<string, unknown>): AccessKeyRecord {
    return {
        accessKeyId: str(k.accessKeyId),
        userId: str(k.userId),
        isActive: k.isActive === true,
        ...(typeof k.lastUsedDate === "string" && k.lastUsedDate
            ? { lastUsedDate: k.lastUsedDate }
            : {}),
        ...(typeof k.createdDate === "string" && k.createdDate
            ? { createdDate: k.createdDate }
            : {}),
    };
}

/** A 400 whose answer is about the permission names (their key format is a guess). */
function refusesPermissions(e: unknown): boolean {
    return (
        // Stryker disable next-line ConditionalExpression: only a CxoneError carries a status
        e instanceof CxoneError &&
        e.status === 400 &&
        // Stryker disable next-line StringLiteral: the placeholder matches none of these words, as "" does not
        /permission/i.test(`${e.code ?? ""} ${e.detail ?? ""}`)
    );
}

/** A role change as the console steps to make it by hand. */
function roleChangeText(c: {
    description?: string;
    permissions?: string[];
    status?: "ACTIVE" | "INACTIVE";
}): string {
    const parts: string[] = [];
    if (c.description !== undefined)
        parts.push(`set the description to exactly "${c.description}"`);
    if (c.permissions)
        parts.push(
            `Permissions tab: enable exactly ${c.permissions.map((p) => `"${p}"`).join(", ")}`,
        );
    if (c.status === "INACTIVE") parts.push("Deactivate it (once no active employee holds it)");
    if (c.status === "ACTIVE") parts.push("Activate it");
    return parts.join("; ");
}

/**
 * A role write's failure: where the route does not exist, or CXone refuses the permission names
 * sent, nothing was written and the stop says what to do by hand; any other failure as it is.
 */
function roleWriteStop(
    e: unknown,
    operation: string,
    route: UnconfirmedFact,
    sentPermissions: boolean,
    wayOn: () => string[],
): unknown {
    const fact = routeAbsent(e)
        ? route
        : sentPermissions && refusesPermissions(e)
          ? PERMISSION_KEYS
          : undefined;
    return fact ? new UnconfirmedFactError({ operation, fact, answer: e, wayOn: wayOn() }) : e;
}

/** A success that lacks what the call is for: the call failed, with CXone's status. */
function answeredWithout(operation: string, res: HttpResponse, detail: string): never {
    throw new CxoneError({ operation, status: res.status, detail });
}

/** Per process and tenant: CXone refused the role's name and took its id (see withRole). */
const roleById = new Map<string, boolean>();

/** A 400 whose answer is about the employee's role field. */
function refusesRole(e: unknown): boolean {
    return (
        // Stryker disable next-line ConditionalExpression: only a CxoneError carries a status
        e instanceof CxoneError &&
        e.status === 400 &&
        // Stryker disable next-line StringLiteral: the placeholder matches none of these words, as "" does not
        /\brole\b/i.test(`${e.code ?? ""} ${e.detail ?? ""}`) &&
        // Stryker disable next-line StringLiteral: the placeholder matches none of these words, as "" does not
        !/permission/i.test(e.detail ?? "")
    );
}

/** A 400 about a name's length: the stop that says to shorten it, else undefined. */
function nameTooLong(e: unknown, operation: string): UnconfirmedFactError | undefined {
    if (!(e instanceof CxoneError) || e.status !== 400) return undefined;
    if (
        // Stryker disable next-line StringLiteral: the placeholder matches none of these words, as "" does not
        !/(first|last)\s*name/i.test(e.detail ?? "") ||
        // Stryker disable next-line StringLiteral: the placeholder matches none of these words, as "" does not
        !/long|length|characters|max/i.test(e.detail ?? "")
    )
        return undefined;
    return new UnconfirmedFactError({
        operation,
        fact: EMPLOYEE_NAME_LENGTH,
        answer: e,
        wayOn: [
            "Choose a shorter name: `pulumi config set cxone:employeeFirstName <name>` and/or " +
                "`cxone:employeeLastName` (library: employeeFirstName / employeeLastName), as short as CXone's answer asks.",
            "Run `pulumi up`.",
        ],
    });
}

// An employee write's fields, split around what only one write sends (the order they go out in).
const named = (f: EmployeeFields) => ({
    firstName: f.firstName,
    lastName: f.lastName,
    emailAddress: f.emailAddress,
});
const assigned = (f: EmployeeFields, role: string) => ({
    role,
    billable: f.billable,
    ...(f.loginAuthenticatorId ? { loginAuthenticatorId: f.loginAuthenticatorId } : {}),
});

/** One page of a search: its items and the total CXone reports (when it does). */
type Page<T> = (skip: number, top: number) => Promise<{ items: T[]; total: unknown }>;

const PAGE_SIZE = 100;
/** Pages a search reads at most when the filter is ignored (10,000 objects). */
const MAX_PAGES = 100;

/**
 * The matches of a search, the filter checked here. Reads the next page only while nothing matched
 * and CXone has more (its total, or a full page), so a working filter costs one call.
 */
async function firstMatches<T>(
    page: Page<T>,
    isIt: (x: T) => boolean,
    idOf: (x: T) => string,
): Promise<T[]> {
    let skip = 0;
    let firstId: string | undefined;
    for (let n = 0; n < MAX_PAGES; n++) {
        const { items, total } = await page(skip, PAGE_SIZE);
        const found = items.filter(isIt);
        if (found.length) return found;
        // a server that ignores paging answers the same page again: nothing more to read
        if (!items.length || idOf(items[0]) === firstId) return [];
        firstId ??= idOf(items[0]);
        skip += items.length;
        const more =
            // Number.isFinite is false for any non-number (a string total too)
            Number.isFinite(total) ? skip < (total as number) : items.length >= PAGE_SIZE;
        if (!more) return [];
    }
    return [];
}

/** Options for {@link CxoneClient}; credentials default to {@link adminAccessKey}. */
export interface CxoneClientOptions {
    credentials?: { accessKeyId: string; accessKeySecret: string; tenantId?: string };
    retry?: Partial<RetryPolicy>;
    /** which discovered host serves UserHub; default USER_HUB_HOST in provider/cxone/discovery/regions.ts */
    userHubHost?: UserHubHost;
}

/** Typed calls to one CXone tenant, made with the admin access key. */
export class CxoneClient {
    readonly session: CxoneSession;

    constructor(
        readonly endpoint: CxoneEndpoint,
        options: CxoneClientOptions = {},
    ) {
        const key = options.credentials ?? adminAccessKey(endpoint.apiUrl ?? endpoint.areaUrl);
        this.session = new CxoneSession(endpoint, key, options.retry, options.userHubHost);
    }

    // ---- roles ------------------------------------------------------------------------------

    /**
     * Roles whose name matches case-insensitively (any status). The match is checked here, page by
     * page, so a tenant that ignores the filter (or refuses it) still gives the right answer.
     */
    // [spec] POST /authorization/v1/roles/search {filter:{displayName:[...]}, page:{skip,top}} -> {totalRecords, roles}
    //        (filtering by displayName [guess:role-search-filter]: ignored -> every page is read;
    //        refused with 400 -> asked again unfiltered; both read only)
    async findRolesByName(name: string): Promise<RoleRecord[]> {
        const lower = name.trim().toLowerCase();
        return this.search({
            operation: `look up CXone roles named "${name}"`,
            path: "/authorization/v1/roles/search",
            filter: { displayName: [name] },
            body: (filter, skip, top) => ({ filter, page: { skip, top } }),
            list: (data) => data?.roles,
            toRecord: toRole,
            isIt: (r) =>
                r.displayName.toLowerCase() === lower || r.roleName.toLowerCase() === lower,
            idOf: (r) => r.roleId,
        });
    }

    /** A role by id, or undefined when CXone does not know it. */
    // [spec] POST /authorization/v1/roles/search {filter:{roleId:[id]}}
    async getRole(roleId: string): Promise<RoleRecord | undefined> {
        const res = await this.session.call({
            operation: `read CXone role ${roleId}`,
            method: "POST",
            path: "/authorization/v1/roles/search",
            body: { filter: { roleId: [roleId] } },
            safe: true,
        });
        const roles = Array.isArray(res.data?.roles)
            ? (res.data.roles as Record<string, unknown>[]).map(toRole)
            : // Stryker disable next-line ArrayDeclaration: a stray entry is a string, never a role with this id
              [];
        return roles.find((r) => r.roleId === roleId);
    }

    /**
     * Creates a role; returns CXone's role name (the response carries no id). Where the route does
     * not exist, or CXone refuses the permission names, nothing was created: the stop says how to
     * make the role by hand and adopt it.
     */
    // [seen:role-create-route] POST /authorization/roleByPermissions {displayName, description, modifiable:1, status, permissions} -> {success, roleName}
    async createRole(r: {
        name: string;
        description: string;
        permissions: string[];
        status: "ACTIVE" | "INACTIVE";
    }): Promise<string> {
        const operation = `create CXone role "${r.name}"`;
        try {
            const res = await this.session.call({
                operation,
                method: "POST",
                path: "/authorization/roleByPermissions",
                body: {
                    displayName: r.name,
                    description: r.description,
                    modifiable: 1,
                    status: r.status,
                    permissions: r.permissions,
                },
            });
            return str(res.data?.roleName) || r.name;
        } catch (e) {
            throw roleWriteStop(e, operation, ROLE_CREATE_ROUTE, true, () => [
                newRoleSteps(r.name, r.permissions),
                ADOPT_ROLE_STEP,
            ]);
        }
    }

    /**
     * Changes a role's description, permissions and/or status (ACTIVE/INACTIVE). Where the route
     * does not exist, or CXone refuses the permission names, nothing changed: the stop names the
     * change to make by hand.
     */
    // [guess:role-update-route] PUT /authorization/v1/roles/{roleId} {description?, permissions?, status?} (no public endpoint documented;
    //         the sandbox implements this one, see sandbox/cxone/roles.ts)
    async updateRole(
        roleId: string,
        change: { description?: string; permissions?: string[]; status?: "ACTIVE" | "INACTIVE" },
        label = roleId,
        then = "pulumi up",
    ): Promise<void> {
        const what =
            change.status === "INACTIVE" &&
            change.description === undefined &&
            change.permissions === undefined
                ? "deactivate"
                : "update";
        const operation = `${what} CXone role "${label}"`;
        try {
            await this.session.call({
                operation,
                method: "PUT",
                path: `/authorization/v1/roles/${enc(roleId)}`,
                body: change,
            });
        } catch (e) {
            throw roleWriteStop(e, operation, ROLE_UPDATE_ROUTE, !!change.permissions, () => [
                `In CXone: Admin > Security > Roles and Permissions > "${label}" (id ${roleId}): ${roleChangeText(change)}; Save.`,
                `Run \`${then}\` again: it reads the role and finds nothing left to change.`,
            ]);
        }
    }

    // ---- employees --------------------------------------------------------------------------

    /** An employee by id, or undefined when CXone does not know it. */
    // [spec] GET /user-management/v1/users/{id} -> {user:{...}}
    async getEmployee(id: string): Promise<EmployeeRecord | undefined> {
        const res = await this.session.call({
            operation: `read CXone employee ${id}`,
            method: "GET",
            path: `/user-management/v1/users/${enc(id)}`,
            accept: [404],
        });
        if (res.status === 404) return undefined;
        const u = (res.data?.user ?? res.data) as Record<string, unknown>;
        return u && typeof u === "object" ? toEmployee(u) : undefined;
    }

    /** Employees whose email address matches case-insensitively (any status). */
    // [spec] POST /user-management/v2/users/search {filter:{emailAddress:[...]}, skip, top} -> {totalRecords, users}
    //        (filter field name [guess:user-search-filter]: ignored -> every page is read;
    //        refused with 400 -> asked again unfiltered; both read only)
    async findEmployeesByEmail(email: string): Promise<EmployeeRecord[]> {
        const lower = email.toLowerCase();
        return this.search({
            operation: `look up CXone employees with email ${email}`,
            path: "/user-management/v2/users/search",
            filter: { emailAddress: [email] },
            body: (filter, skip, top) => ({ filter, skip, top }),
            list: (data) => data?.users,
            toRecord: toEmployee,
            isIt: (u) =>
                u.emailAddress.toLowerCase() === lower || u.userName.toLowerCase() === lower,
            idOf: (u) => u.id,
        });
    }

    /**
     * The records a search finds with its filter, read page by page and matched here. Where CXone
     * refuses the filter (400: nothing was read), the search is asked again without it.
     */
    private async search<T>(o: {
        operation: string;
        path: string;
        filter: Record<string, unknown>;
        body: (filter: Record<string, unknown>, skip: number, top: number) => unknown;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CXone's answer, untyped JSON
        list: (data: any) => unknown;
        toRecord: (r: Record<string, unknown>) => T;
        isIt: (r: T) => boolean;
        idOf: (r: T) => string;
    }): Promise<T[]> {
        const page =
            (filter: Record<string, unknown>): Page<T> =>
            async (skip, top) => {
                const res = await this.session.call({
                    operation: o.operation,
                    method: "POST",
                    path: o.path,
                    body: o.body(filter, skip, top),
                    safe: true,
                });
                const list = o.list(res.data);
                const items = Array.isArray(list)
                    ? (list as Record<string, unknown>[]).map(o.toRecord)
                    : [];
                return { items, total: res.data?.totalRecords };
            };
        try {
            return await firstMatches(page(o.filter), o.isIt, o.idOf);
        } catch (e) {
            if (!(e instanceof CxoneError) || e.status !== 400) throw e;
            return firstMatches(page({}), o.isIt, o.idOf);
        }
    }

    /**
     * Sends an employee write with the role as CXone takes it: by name [guess:employee-role-field];
     * where CXone refuses the name (400 about the role, so nothing was written), the same write
     * again with the role's id, and that choice is kept for the rest of this process.
     */
    private async withRole(
        f: EmployeeFields,
        send: (role: string) => Promise<HttpResponse>,
    ): Promise<HttpResponse> {
        const key = this.endpointKey;
        if (roleById.get(key) && f.roleId) return send(f.roleId);
        try {
            return await send(f.roleName);
        } catch (e) {
            if (!(refusesRole(e) && f.roleId && f.roleId !== f.roleName)) throw e;
            const res = await send(f.roleId);
            roleById.set(key, true);
            return res;
        }
    }

    /**
     * An employee write (create or update): the role as {@link withRole} sends it, and a refusal
     * of a name's length as the stop that says to shorten it.
     */
    private writeEmployee(
        operation: string,
        method: "POST" | "PUT",
        f: EmployeeFields,
        body: (role: string) => Record<string, unknown>,
    ): Promise<HttpResponse> {
        return this.withRole(f, (role) =>
            this.session.call({
                operation,
                method,
                path: "/user-management/v1/users",
                body: body(role),
            }),
        ).catch((e: unknown) => {
            throw nameTooLong(e, operation) ?? e;
        });
    }

    /** The role as the last employee write sent it: the id where CXone refused the name. */
    roleAsSent(f: EmployeeFields): string {
        return roleById.get(this.endpointKey) && f.roleId ? f.roleId : f.roleName;
    }

    private get endpointKey(): string {
        return JSON.stringify(this.endpoint);
    }

    /** Creates an employee; returns its id. */
    // [spec] POST /user-management/v1/users {firstName, lastName, emailAddress, role, billable, loginAuthenticatorId} -> {success, uuid}
    async createEmployee(f: EmployeeFields): Promise<string> {
        const operation = `create CXone employee ${f.emailAddress}`;
        const res = await this.writeEmployee(operation, "POST", f, (role) => ({
            ...named(f),
            userName: f.emailAddress,
            ...assigned(f, role),
        }));
        const id = str(res.data?.uuid ?? res.data?.id ?? res.data?.user?.id);
        if (!id) answeredWithout(operation, res, "the response carried no employee id");
        return id;
    }

    /** Replaces an employee's editable fields. */
    // [spec] PUT /user-management/v1/users {id, ...full object}
    async updateEmployee(id: string, f: EmployeeFields): Promise<void> {
        const operation = `update CXone employee ${f.emailAddress}`;
        await this.writeEmployee(operation, "PUT", f, (role) => ({
            id,
            ...named(f),
            ...assigned(f, role),
        }));
    }

    /** Deactivates an employee (CXone never deletes them). */
    // [spec] POST /user-management/v1/users/deactivate {userIds:[...]}
    async deactivateEmployee(id: string, label = id): Promise<void> {
        await this.session.call({
            operation: `deactivate CXone employee ${label}`,
            method: "POST",
            path: "/user-management/v1/users/deactivate",
            body: { userIds: [id] },
            safe: true,
        });
    }

    /** Reactivates a deactivated employee. */
    // [spec] POST /user-management/v1/users/{id}/revive
    async reviveEmployee(id: string, label = id): Promise<void> {
        await this.session.call({
            operation: `reactivate CXone employee ${label}`,
            method: "POST",
            path: `/user-management/v1/users/${enc(id)}/revive`,
            safe: true,
        });
    }

    /** Sends the activation email, from the admin key's user. */
    // [spec] POST /user-management/v2/users/inviteById {inviteUserIds:[...], senderUserId}; the
    //        sender is the user id from the token's claims as NICE's SDK derives it
    //        [sdk:token-user-id], never raw `sub`
    async inviteEmployee(id: string, label = id): Promise<void> {
        const sender = (await this.session.identity()).userId;
        await this.session.call({
            operation: `invite CXone employee ${label}`,
            method: "POST",
            path: "/user-management/v2/users/inviteById",
            body: { inviteUserIds: [id], ...(sender ? { senderUserId: sender } : {}) },
        });
    }

    /** Sets the employee's login authenticator. */
    // [spec] PUT /user-management/v1/users/{id}/login-authenticator {authenticatorId}
    async setLoginAuthenticator(id: string, authenticatorId: string, label = id): Promise<void> {
        await this.session.call({
            operation: `set the login authenticator of CXone employee ${label}`,
            method: "PUT",
            path: `/user-management/v1/users/${enc(id)}/login-authenticator`,
            body: { authenticatorId },
        });
    }

    /**
     * The tenant's default login authenticator id, or undefined where CXone has no such search:
     * the employee is then created without one, and CXone applies the tenant's default itself
     * (the field is optional [spec]).
     */
    // [seen:login-authenticator-search] POST /authorization/v1/login-authenticator/search {filter:{isDefault:["true"]}}
    async defaultLoginAuthenticatorId(): Promise<string | undefined> {
        const operation = "find the tenant's default CXone login authenticator";
        let res: HttpResponse;
        try {
            res = await this.session.call({
                operation,
                method: "POST",
                path: "/authorization/v1/login-authenticator/search",
                body: { filter: { isDefault: ["true"] } },
                safe: true,
            });
        } catch (e) {
            if (routeAbsent(e)) return undefined;
            throw e;
        }
        const list = (res.data?.loginAuthenticators ??
            res.data?.authenticators ??
            res.data?.results ??
            (Array.isArray(res.data) ? res.data : [])) as Record<string, unknown>[];
        const found = list.find((a) => a.isDefault === true || a.isDefault === "true") ?? list[0];
        const id = found
            ? str(found.id ?? found.loginAuthenticatorId ?? found.authenticatorId)
            : "";
        const none = "CXone returned no default login authenticator; set loginAuthenticatorId";
        if (!id) answeredWithout(operation, res, none);
        return id;
    }

    // ---- access keys ------------------------------------------------------------------------

    /** Creates an access key for an employee; the only moment the secret is visible [doc]. */
    // [spec] POST /access-key-management/v1/access-keys {userId, tenantId} -> {resultSet|accessKey:{accessKeyId, accessKeySecret, isActive}}
    async createAccessKey(userId: string): Promise<AccessKeyRecord & { accessKeySecret: string }> {
        const operation = `create a CXone access key for employee ${userId}`;
        const tenantId = await this.session.tenantId();
        const res = await this.session.call({
            operation,
            method: "POST",
            path: "/access-key-management/v1/access-keys",
            body: { userId, tenantId },
        });
        const k = (res.data?.resultSet ?? res.data?.accessKey ?? {}) as Record<string, unknown>;
        const secret = str(k.accessKeySecret);
        if (!k.accessKeyId || !secret)
            answeredWithout(operation, res, "the response carried no access key id or secret");
        return { ...toAccessKey({ userId, isActive: true, ...k }), accessKeySecret: secret };
    }

    /** An access key by id, or undefined when it no longer exists. */
    // [spec] GET /access-key-management/v1/access-keys/{id} -> {resultSet:{..., isActive, lastUsedDate}}
    async getAccessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
        const res = await this.session.call({
            operation: `read CXone access key ${accessKeyId}`,
            method: "GET",
            path: `/access-key-management/v1/access-keys/${enc(accessKeyId)}`,
            accept: [404],
        });
        if (res.status === 404) return undefined;
        const k = (res.data?.resultSet ?? res.data?.accessKey ?? res.data) as Record<
            string,
            unknown
        >;
        return k && k.accessKeyId ? toAccessKey(k) : undefined;
    }

    /** An employee's access keys (no secrets). */
    // [spec] GET /access-key-management/v1/access-keys?userId= -> {totalRecords, accessKeys:[...]}
    async listAccessKeys(userId: string): Promise<AccessKeyRecord[]> {
        const res = await this.session.call({
            operation: `list CXone access keys of employee ${userId}`,
            method: "GET",
            path: "/access-key-management/v1/access-keys",
            params: { userId },
        });
        const list = Array.isArray(res.data?.accessKeys) ? res.data.accessKeys : [];
        return (list as Record<string, unknown>[]).map(toAccessKey);
    }

    /** Activates or deactivates an access key. */
    // [spec] PATCH /access-key-management/v1/access-keys?tenantId=&userId=&accessKeyId= {isActive}
    async setAccessKeyActive(
        k: { accessKeyId: string; userId: string },
        isActive: boolean,
    ): Promise<void> {
        const tenantId = await this.session.tenantId();
        await this.session.call({
            operation: `${isActive ? "activate" : "deactivate"} CXone access key ${k.accessKeyId}`,
            method: "PATCH",
            path: "/access-key-management/v1/access-keys",
            params: { tenantId, userId: k.userId, accessKeyId: k.accessKeyId },
            body: { isActive },
            safe: true,
        });
    }

    /** Revokes (deletes) an access key; an already revoked key counts as done. */
    // [spec] DELETE /access-key-management/v1/access-keys/{id}
    async revokeAccessKey(accessKeyId: string): Promise<void> {
        await this.session.call({
            operation: `revoke CXone access key ${accessKeyId}`,
            method: "DELETE",
            path: `/access-key-management/v1/access-keys/${enc(accessKeyId)}`,
            accept: [404],
        });
    }
}
