// JSON as Okta's API returns it. Links use the org's public URL, never the request's Host.
// Nothing here ever renders a secret (shared password, client secret, tokens).
import type { OktaApp, OktaGroup, OktaState, OktaUser, ProvisioningCapabilities } from "./state";

export function userView(base: string, u: OktaUser) {
    // [doc] Users API user object
    return {
        id: u.id,
        status: u.status,
        created: u.created,
        activated: u.activated,
        statusChanged: u.statusChanged,
        lastLogin: u.lastLogin,
        lastUpdated: u.lastUpdated,
        passwordChanged: u.passwordChanged,
        type: { id: "oty00000000000000000" },
        profile: { mobilePhone: null, secondEmail: null, ...u.profile },
        credentials: { provider: { type: "OKTA", name: "OKTA" } },
        _links: { self: { href: `${base}/api/v1/users/${u.id}` } },
    };
}

export function groupView(base: string, g: OktaGroup) {
    // [doc] Groups API group object
    return {
        id: g.id,
        created: g.created,
        lastUpdated: g.lastUpdated,
        lastMembershipUpdated: g.lastMembershipUpdated,
        objectClass: ["okta:user_group"],
        type: g.type,
        profile: { ...g.profile },
        _links: {
            logo: [
                {
                    name: "medium",
                    href: `${base}/assets/img/logos/groups/okta-medium.png`,
                    type: "image/png",
                },
                {
                    name: "large",
                    href: `${base}/assets/img/logos/groups/okta-large.png`,
                    type: "image/png",
                },
            ],
            users: { href: `${base}/api/v1/groups/${g.id}/users` },
            apps: { href: `${base}/api/v1/groups/${g.id}/apps` },
        },
    };
}

/** The app's `features` list: what the console's provisioning settings switched on. [doc: read-only field] */
export function appFeatureList(app: OktaApp): string[] {
    const p = app.provisioning;
    // Stryker disable next-line LogicalOperator: the console form sets both, unticking clears both
    if (!p.scimEnabled || !p.scim) return [];
    const out: string[] = [];
    const caps = p.capabilities;
    if (caps.create.lifecycleCreate.status === "ENABLED") out.push("PUSH_NEW_USERS");
    if (caps.update.profile.status === "ENABLED") out.push("PUSH_PROFILE_UPDATES");
    if (caps.update.lifecycleDeactivate.status === "ENABLED")
        out.push("PUSH_USER_DEACTIVATION", "REACTIVATE_USERS");
    if (caps.update.password.status === "ENABLED") out.push("PUSH_PASSWORD_UPDATES");
    return out;
}

export function appView(base: string, app: OktaApp) {
    // [doc]+[seen] Apps API application object for signOnMode AUTO_LOGIN. The provider dereferences
    // visibility.hide, settings.app and credentials.userNameTemplate without nil checks: always objects.
    const href = `${base}/api/v1/apps/${app.id}`;
    const lifecycle =
        app.status === "ACTIVE"
            ? { deactivate: { href: `${href}/lifecycle/deactivate` } }
            : { activate: { href: `${href}/lifecycle/activate` } };
    const creds: Record<string, unknown> = {
        scheme: app.credentials.scheme,
        userNameTemplate: { ...app.credentials.userNameTemplate },
        revealPassword: app.credentials.revealPassword,
        signing: {},
    };
    // Stryker disable next-line ConditionalExpression: JSON drops an undefined userName; an empty one is never stored (appBody.ts)
    if (app.credentials.userName) creds.userName = app.credentials.userName;
    return {
        id: app.id,
        name: app.name,
        label: app.label,
        status: app.status,
        lastUpdated: app.lastUpdated,
        created: app.created,
        accessibility: { ...app.accessibility },
        visibility: {
            autoLaunch: app.visibility.autoLaunch,
            autoSubmitToolbar: app.visibility.autoSubmitToolbar,
            hide: { ...app.visibility.hide },
            appLinks: { ...app.visibility.appLinks },
        },
        features: appFeatureList(app),
        // [spec] declared by the Application model; [seen] answers carry seatCount 0 and an empty profile
        licensing: { seatCount: 0 },
        profile: {},
        signOnMode: app.signOnMode,
        credentials: creds,
        settings: {
            app: { ...app.settings.app },
            notifications: {
                vpn: { network: { connection: "DISABLED" }, message: null, helpUrl: null },
            },
            manualProvisioning: false,
            implicitAssignment: false,
            notes: { ...app.settings.notes },
            signOn: { ...app.settings.signOn },
        },
        _links: {
            logo: [
                { name: "medium", href: `${base}/assets/img/logos/default.png`, type: "image/png" },
            ],
            appLinks: Object.keys(app.visibility.appLinks).map((name) => ({
                name,
                href: `${base}/home/${app.name}/${app.id}/${name}`,
                type: "text/html",
            })),
            users: { href: `${href}/users` },
            groups: { href: `${href}/groups` },
            ...lifecycle,
        },
    };
}

export interface AppUserRow {
    userId: string;
    scope: "USER" | "GROUP";
}

export function appUserView(base: string, state: OktaState, app: OktaApp, row: AppUserRow) {
    // [doc] Application User object. syncState reflects what provisioning did for this user.
    const u = state.users[row.userId];
    const direct = app.users[row.userId];
    const pushed = app.provisioning.pushed[row.userId];
    const failed = app.provisioning.errors.some((e) => e.userId === row.userId);
    const syncState = !app.provisioning.scimEnabled
        ? "DISABLED"
        : failed
          ? "ERROR"
          : pushed
            ? "SYNCHRONIZED"
            : "PENDING";
    const created = direct?.created ?? u.created;
    return {
        id: u.id,
        externalId: pushed?.externalId ?? null,
        created,
        lastUpdated: direct?.lastUpdated ?? created,
        scope: row.scope,
        status: pushed ? "PROVISIONED" : "ACTIVE",
        statusChanged: created,
        passwordChanged: null,
        syncState,
        lastSync: pushed?.lastSync ?? null,
        credentials: direct?.credentials ?? { userName: u.profile.login },
        profile: direct?.profile ?? {},
        _links: {
            app: { href: `${base}/api/v1/apps/${app.id}` },
            user: { href: `${base}/api/v1/users/${u.id}` },
        },
    };
}

export function groupAssignmentView(base: string, app: OktaApp, groupId: string) {
    const a = app.groups[groupId];
    return {
        id: groupId,
        lastUpdated: a.lastUpdated,
        priority: a.priority,
        profile: { ...a.profile },
        _links: {
            app: { href: `${base}/api/v1/apps/${app.id}` },
            self: { href: `${base}/api/v1/apps/${app.id}/groups/${groupId}` },
            group: { href: `${base}/api/v1/groups/${groupId}` },
        },
    };
}

export function featureView(base: string, app: OktaApp, connectionEnabled: boolean) {
    // [doc] Application Features API: name, status, description, capabilities, _links.
    const caps: ProvisioningCapabilities = app.provisioning.capabilities;
    return {
        name: "USER_PROVISIONING",
        status: connectionEnabled ? "ENABLED" : "DISABLED",
        description: "User provisioning settings from Okta to a downstream application",
        capabilities: JSON.parse(JSON.stringify(caps)) as ProvisioningCapabilities,
        _links: {
            self: {
                href: `${base}/api/v1/apps/${app.id}/features/USER_PROVISIONING`,
                hints: { allow: ["GET", "PUT"] },
            },
        },
    };
}
