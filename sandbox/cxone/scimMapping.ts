// SCIM 2.0 view of CXone employees and back (RFC 7643 core User + NICE's extension [spec]).
import type { CxoneState, CxoneUser } from "./state";
import { EMAIL, isDeactivated } from "./employees";

export const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const NICE_USER = "urn:ietf:params:scim:schemas:extension:nice:2.0:User";
export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export interface ScimUser {
    schemas: string[];
    id: string;
    externalId?: string;
    userName: string;
    name: { givenName: string; familyName: string; formatted: string };
    displayName: string;
    emails: { value: string; primary: boolean; type: string }[];
    active: boolean;
    timezone?: string;
    phoneNumbers?: unknown[];
    roles: { value: string; display: string; primary: boolean }[];
    [NICE_USER]: { team?: string; loginAuthenticator: string };
    meta: { resourceType: "User"; created: string; lastModified: string; location: string };
}

export function toScim(u: CxoneUser, base: string): ScimUser {
    return {
        schemas: [CORE_USER, NICE_USER],
        id: u.id,
        ...(u.scim?.externalId ? { externalId: u.scim.externalId } : {}),
        userName: u.userName,
        name: {
            givenName: u.firstName,
            familyName: u.lastName,
            formatted: `${u.firstName} ${u.lastName}`,
        },
        displayName: u.scim?.displayName ?? `${u.firstName} ${u.lastName}`,
        emails: [{ value: u.emailAddress, primary: true, type: "work" }],
        active: !isDeactivated(u),
        ...(u.timeZone ? { timezone: u.timeZone } : {}),
        ...(u.scim?.phoneNumbers ? { phoneNumbers: u.scim.phoneNumbers } : {}),
        roles: [{ value: u.role, display: u.role, primary: true }],
        [NICE_USER]: {
            ...(u.teamId ? { team: u.teamId } : {}),
            loginAuthenticator: u.loginAuthenticatorId,
        },
        meta: {
            resourceType: "User",
            created: u.createdDate,
            lastModified: u.modifiedDate,
            location: `${base}/scim/v2/Users/${u.id}`,
        },
    };
}

/** Fields a SCIM body sets on an employee, or the first problem found. */
export interface ScimFields {
    userName: string;
    firstName: string;
    lastName: string;
    emailAddress: string;
    active: boolean;
    externalId?: string;
    displayName?: string;
    timeZone?: string;
    phoneNumbers?: unknown[];
    teamId?: string;
    loginAuthenticatorId?: string;
}

export function fromScim(s: CxoneState, body: unknown): ScimFields | string {
    if (!body || typeof body !== "object") return "body must be a SCIM User object";
    const b = body as Record<string, unknown>;
    if (typeof b.userName !== "string" || !b.userName.trim()) return "userName is required";
    const name = (b.name ?? {}) as Record<string, unknown>;
    if (typeof name.givenName !== "string" || !name.givenName.trim())
        return "name.givenName is required";
    if (typeof name.familyName !== "string" || !name.familyName.trim())
        return "name.familyName is required";
    if (!Array.isArray(b.emails) || b.emails.length === 0) return "emails is required";
    const emails = b.emails as { value?: unknown; primary?: unknown }[];
    const email = (emails.find((e) => e && e.primary === true) ?? emails[0])?.value;
    if (typeof email !== "string" || !EMAIL.test(email))
        return "emails must contain a valid email address";
    if (b.active !== undefined && typeof b.active !== "boolean") return "active must be a boolean";
    const ext = (b[NICE_USER] ?? {}) as Record<string, unknown>;
    let loginAuthenticatorId: string | undefined;
    if (ext.loginAuthenticator !== undefined) {
        const a = s.loginAuthenticators.find(
            (x) => x.id === ext.loginAuthenticator || x.name === ext.loginAuthenticator,
        );
        if (!a) return `loginAuthenticator ${String(ext.loginAuthenticator)} not found`;
        loginAuthenticatorId = a.id;
    }
    return {
        userName: b.userName,
        firstName: name.givenName,
        lastName: name.familyName,
        emailAddress: email,
        active: b.active !== false,
        ...(typeof b.externalId === "string" ? { externalId: b.externalId } : {}),
        ...(typeof b.displayName === "string" ? { displayName: b.displayName } : {}),
        ...(typeof b.timezone === "string" ? { timeZone: b.timezone } : {}),
        ...(Array.isArray(b.phoneNumbers) ? { phoneNumbers: b.phoneNumbers } : {}),
        ...(typeof ext.team === "string" ? { teamId: ext.team } : {}),
        ...(loginAuthenticatorId ? { loginAuthenticatorId } : {}),
    };
}

/** Writes the IdP-owned fields onto an employee (status is handled by the caller). */
export function applyScim(u: CxoneUser, f: ScimFields): void {
    u.userName = f.userName;
    u.firstName = f.firstName;
    u.lastName = f.lastName;
    u.emailAddress = f.emailAddress;
    if (f.timeZone !== undefined) u.timeZone = f.timeZone;
    if (f.teamId !== undefined) u.teamId = f.teamId;
    if (f.loginAuthenticatorId !== undefined) u.loginAuthenticatorId = f.loginAuthenticatorId;
    u.scim = {
        ...(f.externalId !== undefined
            ? { externalId: f.externalId }
            : u.scim?.externalId
              ? { externalId: u.scim.externalId }
              : {}),
        ...(f.displayName !== undefined ? { displayName: f.displayName } : {}),
        ...(f.phoneNumbers !== undefined ? { phoneNumbers: f.phoneNumbers } : {}),
    };
    u.modifiedDate = new Date().toISOString();
}
