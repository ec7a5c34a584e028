// The persisted world of the emulated CXone tenant: what CXone would hold in its own database.
// Access key secrets and passwords are stored only as salted hashes, as a real service would;
// the one exception is `seed`, the admin credentials the sandbox hands to the operator in
// endpoints.json.
import { generateKeyPairSync } from "crypto";
import { hashSecret, newAccessKeyId, newSecret, newUuid } from "./ids";

/** [spec] UserHub status values. Deactivation sets BLOCKED [guess]. */
export type UserStatus = "UNREGISTERED" | "PENDING" | "ACTIVE" | "BLOCKED" | "DELETED";
export type RoleStatus = "ACTIVE" | "INACTIVE" | "DELETED" | "DRAFT";

export interface CxoneUser {
    id: string;
    userName: string;
    firstName: string;
    lastName: string;
    emailAddress: string;
    /** primary role NAME [guess]; roleUUID is its id */
    role: string;
    roleUUID: string;
    secondaryRoleIds: string[];
    status: UserStatus;
    /** status to return to on revive */
    statusBeforeDeactivation?: UserStatus;
    billable: boolean;
    teamId: string | null;
    timeZone: string | null;
    loginAuthenticatorId: string;
    createdDate: string;
    modifiedDate: string;
    invitedDate?: string;
    passwordHash?: string;
    /** SCIM-only attributes kept so a SCIM GET returns what the IdP sent */
    scim?: { externalId?: string; displayName?: string; phoneNumbers?: unknown[] };
}

export interface CxoneRole {
    roleId: string;
    roleName: string;
    displayName: string;
    description: string;
    status: RoleStatus;
    permissions: { permission: string }[];
    modifiable: number;
    createdDate: string;
    lastUpdateDate: string;
}

export interface CxoneAccessKey {
    accessKeyId: string;
    secretHash: string;
    userId: string;
    tenantId: string;
    isActive: boolean;
    createdDate: string;
    lastUsedDate: string | null;
}

export interface LoginAuthenticator {
    id: string;
    name: string;
    authenticatorType: string;
    isDefault: boolean;
    status: "ACTIVE" | "INACTIVE";
}

export interface IssuedToken {
    kind: "access" | "refresh";
    userId: string;
    /** key that obtained the token (by the access-key route or as OAuth client / username) */
    accessKeyId?: string;
    /** epoch ms */
    expiresAt: number;
}

export interface AuthCode {
    clientId: string;
    userId: string;
    redirectUri: string;
    codeChallenge?: string;
    codeChallengeMethod?: string;
    expiresAt: number;
}

export interface CxoneState {
    tenantId: string;
    tenantName: string;
    users: Record<string, CxoneUser>;
    roles: Record<string, CxoneRole>;
    accessKeys: Record<string, CxoneAccessKey>;
    loginAuthenticators: LoginAuthenticator[];
    /** token string -> record; pruned when expired */
    tokens: Record<string, IssuedToken>;
    authCodes: Record<string, AuthCode>;
    /** RS256 key pair signing id_tokens (public part served at /auth/jwks) */
    signingKey: { kid: string; privatePem: string; publicJwk: Record<string, unknown> };
    /** the admin credentials handed to the operator (endpoints.json) */
    seed: {
        adminUserId: string;
        adminEmail: string;
        adminPassword: string;
        adminAccessKeyId: string;
        adminAccessKeySecret: string;
    };
}

export const AGENT_ROLE_NAME = "Agent";
export const ADMIN_ROLE_NAME = "Administrator";

function role(
    displayName: string,
    description: string,
    permissions: string[],
    modifiable: number,
    now: string,
): CxoneRole {
    return {
        roleId: newUuid(),
        roleName: displayName,
        displayName,
        description,
        status: "ACTIVE",
        permissions: permissions.map((permission) => ({ permission })),
        modifiable,
        createdDate: now,
        lastUpdateDate: now,
    };
}

/** A fresh tenant: an admin with a password and an access key, the Agent and Administrator roles. */
export function seedCxone(): CxoneState {
    const now = new Date().toISOString();
    const tenantId = newUuid();
    const admin = role(
        ADMIN_ROLE_NAME,
        "Full administration",
        [
            "Employees: Create and Edit",
            "Employees: View",
            "Security: Roles and Permissions",
            "Security: Access Keys",
        ],
        0,
        now,
    );
    const agent = role(AGENT_ROLE_NAME, "Default role for new employees", ["Agent: Login"], 1, now);
    const authenticator: LoginAuthenticator = {
        id: newUuid(),
        name: "Default Login Authenticator",
        authenticatorType: "PASSWORD",
        isDefault: true,
        status: "ACTIVE",
    };
    const adminEmail = "admin@sandbox-tenant.example.com";
    const adminPassword = newSecret(18);
    const adminUser: CxoneUser = {
        id: newUuid(),
        userName: adminEmail,
        firstName: "Sandbox",
        lastName: "Admin",
        emailAddress: adminEmail,
        role: admin.roleName,
        roleUUID: admin.roleId,
        secondaryRoleIds: [],
        status: "ACTIVE",
        billable: true,
        teamId: null,
        timeZone: "UTC",
        loginAuthenticatorId: authenticator.id,
        createdDate: now,
        modifiedDate: now,
        passwordHash: hashSecret(adminPassword),
    };
    const keyId = newAccessKeyId();
    const keySecret = newSecret(36);
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const kid = newUuid();
    return {
        tenantId,
        tenantName: "sandbox-tenant",
        users: { [adminUser.id]: adminUser },
        roles: { [admin.roleId]: admin, [agent.roleId]: agent },
        accessKeys: {
            [keyId]: {
                accessKeyId: keyId,
                secretHash: hashSecret(keySecret),
                userId: adminUser.id,
                tenantId,
                isActive: true,
                createdDate: now,
                lastUsedDate: null,
            },
        },
        loginAuthenticators: [authenticator],
        tokens: {},
        authCodes: {},
        signingKey: {
            kid,
            privatePem: privateKey.export({ type: "pkcs8", format: "pem" }) as string,
            publicJwk: {
                ...(publicKey.export({ format: "jwk" }) as Record<string, unknown>),
                kid,
                use: "sig",
                alg: "RS256",
            },
        },
        seed: {
            adminUserId: adminUser.id,
            adminEmail,
            adminPassword,
            adminAccessKeyId: keyId,
            adminAccessKeySecret: keySecret,
        },
    };
}
