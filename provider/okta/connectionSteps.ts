// What the SCIM connection's status is, judged from evidence, and the exact Admin Console steps
// still left for a person. Pure: unit-tested without servers. Secrets appear only by reference.

/** The SCIM settings the operator enters in Okta (procedure steps 7-12). */
export type ScimSettings = {
    scimBaseUrl: string;
    uniqueIdentifierField: string;
    supportedActions: string[];
    authMode: string;
    tokenEndpoint: string;
    authorizeEndpoint: string;
    clientId: string;
};

export interface ConnectionEvidence {
    /** Okta's `connections/default` status, when Okta reports one for the app. */
    oktaConnectionStatus?: "ENABLED" | "DISABLED" | "UNKNOWN";
    /** CXone's access key lastUsedDate: set once something exchanged the key for a token. */
    keyLastUsedDate?: string | null;
    /** Whether the access key is still active in CXone. */
    keyIsActive?: boolean;
    /** This resource saw the connection authorized before (its previous status). */
    previouslyAuthorized?: boolean;
    /** Okta reported ENABLED or DISABLED for this app before: a later UNKNOWN means switched off. */
    oktaReportedBefore?: boolean;
    /** During a key rotation: the previous key and whether Okta has switched to the new one. */
    rotation?: RotationEvidence;
}

/** A rotation in progress, as CXone shows it (see provider/cxone/keyRotation.ts). */
export interface RotationEvidence {
    previousClientId: string;
    /** the previous key still works (so Okta, if it still holds it, keeps provisioning) */
    previousKeyActive: boolean;
    /** something signed in with the previous key: Okta may hold it in use */
    previousKeyUsed?: boolean;
    /** CXone's dates show Okta signing in with the new key (oktaUsesNewKey) */
    oktaUsesNewKey: boolean;
}

/**
 * - `rotating`: a new key exists and the previous one, which Okta used, is still active: Okta provisions with
 *   whichever it holds; the steps say how to enter the new one, the next `up` after Okta uses it
 *   revokes the old one; the connection ENABLED (or, where Okta reports nothing, the key has
 *   been used), so provisioning can run;
 * - `disabled`: Okta reports it DISABLED after it had been authorized (deactivated out of band);
 * - `key-revoked`: the client secret Okta holds belongs to a key CXone no longer accepts;
 * - `pending`: the console steps have not been done yet.
 */
export type ConnectionStatus = "authorized" | "disabled" | "key-revoked" | "pending" | "rotating";

export function connectionStatus(e: ConnectionEvidence): ConnectionStatus {
    if (e.keyIsActive === false) return "key-revoked";
    // A rotation keeps provisioning going only where there was provisioning: a connection never
    // authorized (its old key never used) is simply pending, with the new key in the steps.
    const rotation =
        e.rotation && (e.previouslyAuthorized || e.rotation.previousKeyUsed !== false)
            ? e.rotation
            : undefined;
    if (rotation?.previousKeyActive) return "rotating";
    // The previous key is gone before Okta used the new one: the key Okta holds no longer works.
    if (rotation && !rotation.oktaUsesNewKey) return "key-revoked";
    // "Enable SCIM provisioning" was unticked: Okta answers UNKNOWN where it answered before.
    if (e.oktaConnectionStatus === "UNKNOWN" && e.oktaReportedBefore) return "pending";
    // Okta's ENABLED is about the credentials Okta holds; for a new key (first setup, or a key
    // re-created after revocation) it counts only once the key has been used.
    if (e.oktaConnectionStatus === "ENABLED")
        return e.previouslyAuthorized || e.keyLastUsedDate ? "authorized" : "pending";
    // Okta's word wins where it gives one: the key can be used by other callers (e.g. `npm run verify`).
    if (e.oktaConnectionStatus === "DISABLED")
        return e.keyLastUsedDate || e.previouslyAuthorized ? "disabled" : "pending";
    return e.keyLastUsedDate ? "authorized" : "pending";
}

export const supportedActionLabels: Record<string, string> = {
    pushNewUsers: "Push New Users",
    pushProfileUpdates: "Push Profile Updates",
};

export interface StepContext {
    /** the app's label as Okta shows it; absent or empty when it is a secret (the steps name the id) */
    appLabel?: string;
    appId: string;
    settings: ScimSettings;
    /** Command that shows the client secret, e.g. `pulumi stack output accessKeySecret --show-secrets`. */
    secretReference: string;
    /** CXone user who signs in at "Authenticate with CXone". */
    cxoneSignInHint?: string;
    /** During a key rotation. */
    rotation?: RotationEvidence;
}

/** Where the app is in the Admin Console: by its label, or only by its id when the label is secret. */
export const appInConsole = (c: Pick<StepContext, "appLabel" | "appId">): string =>
    c.appLabel
        ? `Okta Admin Console > Applications > "${c.appLabel}" (app id ${c.appId})`
        : `Okta Admin Console > Applications > the app with id ${c.appId} (its label is a secret)`;

/** The remaining console steps for a status, in order, values included and secrets by reference. */
export function remainingSteps(status: ConnectionStatus, c: StepContext): string[] {
    if (status === "authorized") return [];
    const app = appInConsole(c);
    const s = c.settings;
    const actions = s.supportedActions.map((a) => supportedActionLabels[a] ?? a).join(", ");
    const configure = [
        `1. ${app} > General > App Settings > Edit: tick "Enable SCIM provisioning" > Save.`,
        `2. Provisioning > Integration > Edit: SCIM connector base URL = ${s.scimBaseUrl}; Unique identifier field for users = ${s.uniqueIdentifierField}; ` +
            `Supported provisioning actions = ${actions}; Authentication Mode = OAuth 2; Access token endpoint URI = ${s.tokenEndpoint}; ` +
            `Authorization endpoint URI = ${s.authorizeEndpoint}; Client ID = ${s.clientId}; Client secret = the value of \`${c.secretReference}\` > Save.`,
        `3. Provisioning > Integration: click "Authenticate with CXone" and sign in to CXone${c.cxoneSignInHint ? ` (${c.cxoneSignInHint})` : ""}.`,
        `4. Run \`pulumi up\` again: it switches on the provisioning actions (or set waitForAuthorizationSeconds so one \`pulumi up\` waits for you).`,
    ];
    if (status === "rotating" && c.rotation) return rotationSteps(app, c, c.rotation);
    if (status === "disabled") {
        return [
            `The provisioning connection of ${app} was deactivated in Okta. \`pulumi up\` re-activates it; if Okta then asks, repeat:`,
            ...configure.slice(2),
        ];
    }
    if (status === "key-revoked") {
        return [
            `The CXone access key ${s.clientId} that Okta holds is revoked or inactive. Enter the current key in Okta:`,
            ...configure.slice(1),
        ];
    }
    return configure;
}

/** The console actions of a rotation: the new client id and secret, then the `up` that ends it. */
function rotationSteps(app: string, c: StepContext, r: RotationEvidence): string[] {
    const old = r.previousClientId;
    if (r.oktaUsesNewKey) {
        return [
            `Okta signs in with the new CXone access key ${c.settings.clientId}. Run \`pulumi up\`: it revokes the old key ${old}.`,
        ];
    }
    return [
        `Key rotation: the new CXone access key ${c.settings.clientId} is active and the old key ${old} still works, so provisioning goes on. In the Okta Admin Console:`,
        `1. ${app} > Provisioning > Integration > Edit: Client ID = ${c.settings.clientId}; Client secret = the value of \`${c.secretReference}\` > Save.`,
        `2. Provisioning > Integration: click "Authenticate with CXone" and sign in to CXone${c.cxoneSignInHint ? ` (${c.cxoneSignInHint})` : ""}.`,
        `3. Run \`pulumi up\`: once CXone shows Okta signing in with the new key and no longer with the old one, it revokes the old key ${old}.`,
    ];
}
