// The persisted world of the emulated Okta org: what an Okta tenant would hold in its database.
// Secrets (API token, SCIM client secret, OAuth tokens) live here as they would in Okta's own
// store; the HTTP layers make sure they never leave it.
import { randomBytes } from "crypto";
import type { AppProfile } from "./appProfile";
import { oktaId } from "./ids";

export type UserStatus = "STAGED" | "PROVISIONED" | "ACTIVE" | "SUSPENDED" | "DEPROVISIONED";
export type AppStatus = "ACTIVE" | "INACTIVE";
export type Toggle = "ENABLED" | "DISABLED";

export interface OktaUserProfile {
    firstName: string;
    lastName: string;
    email: string;
    login: string;
    [attr: string]: unknown;
}

export interface OktaUser {
    id: string;
    status: UserStatus;
    created: string;
    activated: string | null;
    statusChanged: string | null;
    lastLogin: string | null;
    lastUpdated: string;
    passwordChanged: string | null;
    profile: OktaUserProfile;
}

export interface OktaGroup {
    id: string;
    /** BUILT_IN is "Everyone": its members are every user, never edited by hand. */
    type: "OKTA_GROUP" | "BUILT_IN";
    created: string;
    lastUpdated: string;
    lastMembershipUpdated: string;
    profile: { name: string; description: string | null };
}

/** The mutable body of an AUTO_LOGIN (custom SWA) app, as the API accepts it. */
export interface OktaAppSettings {
    label: string;
    accessibility: {
        selfService: boolean;
        errorRedirectUrl: string | null;
        loginRedirectUrl: string | null;
    };
    visibility: {
        autoLaunch: boolean;
        autoSubmitToolbar: boolean;
        hide: { iOS: boolean; web: boolean };
        appLinks: Record<string, boolean>;
    };
    credentials: {
        scheme: string;
        userNameTemplate: { template: string; type: string; suffix?: string; pushStatus?: string };
        revealPassword: boolean;
        userName?: string;
        /** Set-only (Okta never returns it). */
        hasSharedPassword?: boolean;
    };
    settings: {
        app: Record<string, unknown>;
        notes: { admin: string | null; enduser: string | null };
        signOn: { loginUrl: string; redirectUrl: string | null };
    };
}

export interface AppUserAssignment {
    userId: string;
    created: string;
    lastUpdated: string;
    credentials: { userName: string } | null;
    profile: Record<string, unknown>;
}

export interface AppGroupAssignment {
    groupId: string;
    lastUpdated: string;
    priority: number;
    profile: Record<string, unknown>;
}

export interface ProvisioningCapabilities {
    create: { lifecycleCreate: { status: Toggle } };
    update: {
        profile: { status: Toggle };
        lifecycleDeactivate: { status: Toggle };
        password: { status: Toggle; seed: "OKTA" | "RANDOM"; change: "CHANGE" | "KEEP_EXISTING" };
    };
}

/** What the Admin Console's Provisioning tab > SCIM Connection holds. */
export interface ScimConnectionSettings {
    scimBaseUrl: string;
    uniqueIdentifierField: string;
    supportedActions: string[];
    authMode: "oauth2";
    tokenEndpoint: string;
    authorizeEndpoint: string;
    clientId: string;
    clientSecret: string;
}

export interface OAuthTokens {
    accessToken: string;
    refreshToken: string | null;
    /** epoch ms */
    expiresAt: number;
}

export interface ProvisioningError {
    id: string;
    userId: string;
    login: string;
    action: "create" | "update" | "deactivate" | "reactivate" | "authenticate";
    message: string;
    at: string;
}

/** What Okta remembers about a user it pushed to the app (the link to the SCIM resource). */
export interface PushedUser {
    externalId: string;
    userName: string;
    active: boolean;
    lastSync: string;
    /** Fingerprint of the profile last pushed, to push updates only on change. */
    profileHash: string;
    /** The assignment ended while "Deactivate Users" was on: Okta owes CXone a deactivation. */
    deprovision?: boolean;
}

export interface AppProvisioning {
    /** General tab > App Settings > "Enable SCIM provisioning". */
    scimEnabled: boolean;
    scim: ScimConnectionSettings | null;
    /** "Authenticate with CXone" succeeded with the current settings. */
    authorized: boolean;
    authorizedAt: string | null;
    /** Connection lifecycle (connections/default/lifecycle/activate|deactivate). */
    connectionActive: boolean;
    tokens: OAuthTokens | null;
    lastAuthError: string | null;
    capabilities: ProvisioningCapabilities;
    errors: ProvisioningError[];
    pushed: Record<string, PushedUser>;
}

export interface OktaApp extends OktaAppSettings {
    id: string;
    name: string;
    signOnMode: "AUTO_LOGIN";
    status: AppStatus;
    created: string;
    lastUpdated: string;
    users: Record<string, AppUserAssignment>;
    groups: Record<string, AppGroupAssignment>;
    provisioning: AppProvisioning;
    /** Profile Editor: app user schema and Okta user -> app mapping; made on first use (appProfile.ts). */
    profileEditor?: AppProfile;
}

export interface PendingOAuth {
    appId: string;
    redirectUri: string;
    createdAt: number;
}

export interface OktaState {
    org: { id: string; name: string; adminUserId: string };
    /** The org's API token (SSWS). Written to the endpoints file by the core. */
    apiToken: string;
    users: Record<string, OktaUser>;
    groups: Record<string, OktaGroup>;
    /** groupId -> userIds (not used for BUILT_IN groups). */
    memberships: Record<string, string[]>;
    apps: Record<string, OktaApp>;
    /** OAuth `state` values of "Authenticate with CXone" runs still waiting for their callback. */
    pendingOAuth: Record<string, PendingOAuth>;
}

export function defaultCapabilities(): ProvisioningCapabilities {
    return {
        create: { lifecycleCreate: { status: "DISABLED" } },
        update: {
            profile: { status: "DISABLED" },
            lifecycleDeactivate: { status: "DISABLED" },
            password: { status: "DISABLED", seed: "RANDOM", change: "KEEP_EXISTING" },
        },
    };
}

/** A provisioning's connection while "Enable SCIM provisioning" is unticked. */
export function noScimConnection(): Omit<AppProvisioning, "capabilities" | "errors" | "pushed"> {
    return {
        scimEnabled: false,
        scim: null,
        authorized: false,
        authorizedAt: null,
        // Stryker disable next-line BooleanLiteral: a connection needs the console form, whose save resets it (no settings before: changed)
        connectionActive: false,
        tokens: null,
        lastAuthError: null,
    };
}

export function newProvisioning(): AppProvisioning {
    return {
        ...noScimConnection(),
        capabilities: defaultCapabilities(),
        errors: [],
        pushed: {},
    };
}

export function newUser(
    profile: OktaUserProfile,
    status: UserStatus,
    now = new Date().toISOString(),
): OktaUser {
    const active = status === "ACTIVE" || status === "PROVISIONED";
    return {
        id: oktaId("00u"),
        status,
        created: now,
        activated: active ? now : null,
        statusChanged: active ? now : null,
        lastLogin: null,
        lastUpdated: now,
        passwordChanged: status === "ACTIVE" ? now : null,
        profile,
    };
}

function newGroup(
    name: string,
    description: string | null,
    type: OktaGroup["type"],
    now: string,
): OktaGroup {
    return {
        id: oktaId("00g"),
        type,
        created: now,
        lastUpdated: now,
        lastMembershipUpdated: now,
        profile: { name, description },
    };
}

/** A small org: an admin (who owns the API token), three people, "Everyone" and "CXone Agents". */
export function seedOkta(): OktaState {
    const now = new Date().toISOString();
    const person = (firstName: string, lastName: string) => {
        const login = `${firstName}.${lastName}@example.com`.toLowerCase();
        return newUser({ firstName, lastName, email: login, login }, "ACTIVE", now);
    };
    const admin = person("Olivia", "Admin");
    const ana = person("Ana", "Agent");
    const ben = person("Ben", "Baker");
    const chloe = person("Chloe", "Chen");
    const everyone = newGroup("Everyone", "All users in your organization", "BUILT_IN", now);
    const agents = newGroup(
        "CXone Agents",
        "People who get a CXone agent account",
        "OKTA_GROUP",
        now,
    );
    const users: Record<string, OktaUser> = {};
    for (const u of [admin, ana, ben, chloe]) users[u.id] = u;
    return {
        org: { id: oktaId("00o"), name: "sandbox-org", adminUserId: admin.id },
        // Okta API tokens are 42 characters starting with "00".
        apiToken: "00" + randomBytes(30).toString("base64url").slice(0, 40),
        users,
        groups: { [everyone.id]: everyone, [agents.id]: agents },
        memberships: { [agents.id]: [ana.id, ben.id] },
        apps: {},
        pendingOAuth: {},
    };
}
