// Phased rotation of the access key Okta holds: pure rules, tested without servers.
//
// Okta's client secret for a custom SCIM app can only be changed by a person in the Admin Console,
// so a rotation has three moments:
//   1. the rotating `up` creates the new key and keeps the old one active (Okta still uses it);
//   2. a person enters the new client id and secret in Okta and authenticates again;
//   3. the first `up` after evidence that Okta uses the new key revokes the old one.
// Provisioning never stops: the key Okta holds is active at every moment.

/** What CXone reports about one key (no secret). */
export interface KeyUse {
    accessKeyId: string;
    isActive: boolean;
    createdDate?: string;
    lastUsedDate?: string;
}

/** The key a rotation replaced, kept active until Okta has switched to the new one. */
export interface PreviousKey {
    accessKeyId: string;
    /** when the rotating `up` created the new key */
    rotationStartedAt: string;
    isActive: boolean;
    lastUsedDate?: string;
}

const ms = (iso: string | undefined): number | undefined => {
    // Stryker disable next-line ConditionalExpression: Date.parse("") is NaN: undefined below too
    if (!iso) return undefined;
    const t = Date.parse(iso);
    return Number.isFinite(t) ? t : undefined;
};

const DAY_MS = 86_400_000;

/**
 * Whether Okta uses the new key. Okta authenticates at CXone's token endpoint with the client id
 * and secret it holds: at "Authenticate with CXone" and whenever it needs a new token for a
 * provisioning session, and it holds exactly one client at a time (its refresh token is bound to
 * that client). So:
 * - the new key used after the rotation started means someone holding the new secret signed in;
 * - the old key not used since then (its last use is before the new key's last use) means the
 *   client still signing in is the new one: had Okta kept the old secret, its next token request
 *   would have moved the old key's lastUsedDate past the new key's.
 * Both dates come from CXone, so clocks of this machine do not enter the comparison. Equal dates
 * are not evidence (CXone may round them). A sign-in with the new key by anything but Okta before
 * Okta switched would look the same: that is why the connection test spares the key (it signs in
 * with a temporary key of the same employee, provider/verify/verifySparingKey.ts) and the secret is
 * shown only by reference, for the person who enters it in Okta.
 */
export function oktaUsesNewKey(current: KeyUse, previous: PreviousKey): boolean {
    const newUse = ms(current.lastUsedDate);
    const started = ms(current.createdDate) ?? ms(previous.rotationStartedAt);
    if (newUse === undefined || (started !== undefined && newUse < started)) return false;
    const oldUse = ms(previous.lastUsedDate);
    return oldUse === undefined || oldUse < newUse;
}

/**
 * Whether a rotation keeps the old key working until Okta uses the new one. Only a key something
 * signed in with can be in use: one never used (the console steps were never finished, so Okta
 * never held it in use) is revoked at once, and the connection is then simply pending with the new
 * key. An inactive key does not work either way: it is kept, as before, and forgotten later.
 */
export const keptDuringRotation = (k: Pick<KeyUse, "isActive" | "lastUsedDate">): boolean =>
    !k.isActive || ms(k.lastUsedDate) !== undefined;

/** What the next `up` does with the previous key. */
export type Retirement =
    | { action: "keep" }
    /** gone or switched off out of band: nothing left to revoke */
    | { action: "forget" }
    | { action: "revoke"; reason: "okta-uses-new-key" }
    | { action: "revoke"; reason: "overlap-expired"; warning: string };

export function retirement(
    current: KeyUse,
    previous: PreviousKey,
    now: number,
    maxOverlapDays?: number,
): Retirement {
    if (!previous.isActive) return { action: "forget" };
    if (oktaUsesNewKey(current, previous)) return { action: "revoke", reason: "okta-uses-new-key" };
    const started = ms(previous.rotationStartedAt);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: either undefined gives now >= NaN: false
    if (maxOverlapDays !== undefined && started !== undefined) {
        if (now >= started + maxOverlapDays * DAY_MS) {
            return {
                action: "revoke",
                reason: "overlap-expired",
                warning:
                    `access key ${previous.accessKeyId} was revoked after the maximum overlap of ` +
                    `${maxOverlapDays} days without evidence that Okta uses the new key ` +
                    `${current.accessKeyId}: if Okta still holds the old key, provisioning fails ` +
                    `until a person enters the new client id and secret in Okta`,
            };
        }
    }
    return { action: "keep" };
}

/** The key's age and when the next scheduled rotation is due (none without `rotateAfterDays`). */
export interface KeySchedule {
    keyAgeDays?: number;
    nextRotationDate?: string;
    rotationDue: boolean;
}

export function keySchedule(
    createdDate: string | undefined,
    rotateAfterDays: number | undefined,
    now: number,
): KeySchedule {
    const created = ms(createdDate);
    if (created === undefined) return { rotationDue: false };
    const keyAgeDays = Math.max(0, Math.floor((now - created) / DAY_MS));
    if (rotateAfterDays === undefined) return { keyAgeDays, rotationDue: false };
    const due = created + rotateAfterDays * DAY_MS;
    return { keyAgeDays, nextRotationDate: new Date(due).toISOString(), rotationDue: now >= due };
}
