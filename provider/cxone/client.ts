// The ONE place that knows CXone API paths and payload shapes (hosts: provider/regions.ts). Each
// call carries its confidence mark from docs/vendor-facts/cxone.md: [doc] NICE's pages, [spec]
// published OpenAPI, [sdk] NICE's own published SDKs, [seen] public code only, [guess] inference.
// A correction found on a real tenant is a change here only. Base of every call below: UserHub,
// `https://api-{area}.{domain}` from discovery [sdk] (USER_HUB_HOST in provider/regions.ts).
import { adminAccessKey } from "./credentials";
import { CxoneError } from "./errors";
import type { RetryPolicy } from "./retry";
import type { UserHubHost } from "../regions";
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
    /** primary role name [guess] */
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
    /** primary role NAME: UserHub's `role` field takes the name [guess] */
    roleName: string;
    billable: boolean;
    loginAuthenticatorId?: string;
}

/** An access key as read from CXone; the secret is never readable after creation [doc]. */
export interface AccessKeyRecord {
    accessKeyId: string;
    userId: string;
    isActive: boolean;
    lastUsedDate?: string;
    /** when CXone created the key [guess on GET]; else the stack keeps its own record */
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
 * NICE's own parser [sdk: core-sdk cxone-user-details.js, common-sdk utility.js
 * parseBooleanString]. Anything else is false.
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

/** Options for {@link CxoneClient}; credentials default to {@link adminAccessKey}. */
export interface CxoneClientOptions {
    credentials?: { accessKeyId: string; accessKeySecret: string; tenantId?: string };
    retry?: Partial<RetryPolicy>;
    /** which discovered host serves UserHub; default USER_HUB_HOST in provider/regions.ts */
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

    /** Roles whose name matches case-insensitively (any status). */
    // [spec] POST /authorization/v1/roles/search {filter:{displayName:[...]}, page:{skip,top}} -> {totalRecords, roles}
    //        (filtering by displayName [guess]; the result is re-checked here in case it is ignored)
    async findRolesByName(name: string): Promise<RoleRecord[]> {
        const res = await this.session.call({
            operation: `look up CXone roles named "${name}"`,
            method: "POST",
            path: "/authorization/v1/roles/search",
            body: { filter: { displayName: [name] } },
            safe: true,
        });
        const roles = Array.isArray(res.data?.roles)
            ? (res.data.roles as Record<string, unknown>[]).map(toRole)
            : [];
        const lower = name.trim().toLowerCase();
        return roles.filter(
            (r) => r.displayName.toLowerCase() === lower || r.roleName.toLowerCase() === lower,
        );
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
            : [];
        return roles.find((r) => r.roleId === roleId);
    }

    /** Creates a role; returns CXone's role name (the response carries no id). */
    // [seen] POST /authorization/roleByPermissions {displayName, description, modifiable:1, status, permissions} -> {success, roleName}
    async createRole(r: {
        name: string;
        description: string;
        permissions: string[];
        status: "ACTIVE" | "INACTIVE";
    }): Promise<string> {
        const res = await this.session.call({
            operation: `create CXone role "${r.name}"`,
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
    }

    /** Changes a role's description, permissions and/or status (ACTIVE/INACTIVE). */
    // [guess] PUT /authorization/v1/roles/{roleId} {description?, permissions?, status?} (no public endpoint documented;
    //         the sandbox implements this one, see sandbox/cxone/roles.ts)
    async updateRole(
        roleId: string,
        change: { description?: string; permissions?: string[]; status?: "ACTIVE" | "INACTIVE" },
        label = roleId,
    ): Promise<void> {
        const what =
            change.status === "INACTIVE" &&
            change.description === undefined &&
            change.permissions === undefined
                ? "deactivate"
                : "update";
        await this.session.call({
            operation: `${what} CXone role "${label}"`,
            method: "PUT",
            path: `/authorization/v1/roles/${enc(roleId)}`,
            body: change,
        });
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
    //        (filter field name [guess]; the result is re-checked here)
    async findEmployeesByEmail(email: string): Promise<EmployeeRecord[]> {
        const res = await this.session.call({
            operation: `look up CXone employees with email ${email}`,
            method: "POST",
            path: "/user-management/v2/users/search",
            body: { filter: { emailAddress: [email] }, skip: 0, top: 100 },
            safe: true,
        });
        const users = Array.isArray(res.data?.users)
            ? (res.data.users as Record<string, unknown>[]).map(toEmployee)
            : [];
        const lower = email.toLowerCase();
        return users.filter(
            (u) => u.emailAddress.toLowerCase() === lower || u.userName.toLowerCase() === lower,
        );
    }

    /** Creates an employee; returns its id. */
    // [spec] POST /user-management/v1/users {firstName, lastName, emailAddress, role, billable, loginAuthenticatorId} -> {success, uuid}
    async createEmployee(f: EmployeeFields): Promise<string> {
        const res = await this.session.call({
            operation: `create CXone employee ${f.emailAddress}`,
            method: "POST",
            path: "/user-management/v1/users",
            body: {
                firstName: f.firstName,
                lastName: f.lastName,
                emailAddress: f.emailAddress,
                userName: f.emailAddress,
                role: f.roleName,
                billable: f.billable,
                ...(f.loginAuthenticatorId ? { loginAuthenticatorId: f.loginAuthenticatorId } : {}),
            },
        });
        const id = str(res.data?.uuid ?? res.data?.id ?? res.data?.user?.id);
        if (!id)
            throw new CxoneError(
                `create CXone employee ${f.emailAddress}`,
                res.status,
                undefined,
                "the response carried no employee id",
            );
        return id;
    }

    /** Replaces an employee's editable fields. */
    // [spec] PUT /user-management/v1/users {id, ...full object}
    async updateEmployee(id: string, f: EmployeeFields): Promise<void> {
        await this.session.call({
            operation: `update CXone employee ${f.emailAddress}`,
            method: "PUT",
            path: "/user-management/v1/users",
            body: {
                id,
                firstName: f.firstName,
                lastName: f.lastName,
                emailAddress: f.emailAddress,
                role: f.roleName,
                billable: f.billable,
                ...(f.loginAuthenticatorId ? { loginAuthenticatorId: f.loginAuthenticatorId } : {}),
            },
        });
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
    //        sender is the user id from the token's claims as NICE's SDK derives it [sdk], never raw `sub`
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

    /** The tenant's default login authenticator id. */
    // [seen] POST /authorization/v1/login-authenticator/search {filter:{isDefault:["true"]}}
    async defaultLoginAuthenticatorId(): Promise<string> {
        const operation = "find the tenant's default CXone login authenticator";
        const res = await this.session.call({
            operation,
            method: "POST",
            path: "/authorization/v1/login-authenticator/search",
            body: { filter: { isDefault: ["true"] } },
            safe: true,
        });
        const list = (res.data?.loginAuthenticators ??
            res.data?.authenticators ??
            res.data?.results ??
            (Array.isArray(res.data) ? res.data : [])) as Record<string, unknown>[];
        const found = list.find((a) => a.isDefault === true || a.isDefault === "true") ?? list[0];
        const id = found
            ? str(found.id ?? found.loginAuthenticatorId ?? found.authenticatorId)
            : "";
        if (!id)
            throw new CxoneError(
                operation,
                res.status,
                undefined,
                "CXone returned no default login authenticator; set loginAuthenticatorId",
            );
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
            throw new CxoneError(
                operation,
                res.status,
                undefined,
                "the response carried no access key id or secret",
            );
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
