// The reads the people impact is computed from: the app's assignments, its app users (who was
// pushed) and the members of the groups it will have. One page walk per list, nothing written.
import { fromCapabilities } from "../okta/capabilities";
import { oktaApi } from "../okta/client";
import { OktaError } from "../okta/errors";
import type { AppPerson, PeopleNow } from "./impactLogic";

/** Reads `items` a few at a time: parallel, but not a burst against Okta's rate limits. */
async function inBatches<T, R>(items: T[], size: number, read: (t: T) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    // Stryker disable next-line EqualityOperator: `<=` adds one empty batch, which reads nothing
    for (let i = 0; i < items.length; i += size)
        out.push(...(await Promise.all(items.slice(i, i + size).map(read))));
    return out;
}

/** The To App switches and whether Okta provisions now; none while provisioning is not enabled. */
async function provisioningOf(orgUrl: string, appId: string) {
    try {
        const f = await oktaApi.getProvisioningFeature(orgUrl, appId);
        if (!f) return { provisioning: false };
        // ENABLED while the connection works [guess: Okta documents the field, not when it flips]
        return {
            switches: fromCapabilities(f.capabilities),
            provisioning: f.status === "ENABLED",
        };
    } catch (e) {
        // 400 E0000001 "Provisioning is not enabled" before the console steps [doc]
        if (e instanceof OktaError && e.status === 400) return { provisioning: false };
        throw e;
    }
}

/**
 * What Okta holds now for the app `appId` (none: a new stack) and the members of `groupsAfter`,
 * the groups the app will have after the change.
 */
export async function readPeopleNow(
    orgUrl: string,
    appId: string | undefined,
    groupsAfter: string[],
): Promise<PeopleNow> {
    const wanted = [...new Set(groupsAfter)];
    const [memberLists, app] = await Promise.all([
        inBatches(wanted, 4, (g) => oktaApi.listGroupMembers(orgUrl, g)),
        appId ? readApp(orgUrl, appId) : undefined,
    ]);
    const members = Object.fromEntries(wanted.map((g, i) => [g, memberLists[i].map((u) => u.id)]));
    if (!app) return { groupIds: [], appUsers: [], members, provisioning: false };
    return { appId, members, ...app };
}

/** The app's people, groups and switches; undefined when Okta has no such app (deleted). */
async function readApp(orgUrl: string, appId: string) {
    let read;
    try {
        read = await Promise.all([
            oktaApi.listAppUsers(orgUrl, appId),
            oktaApi.listAppGroups(orgUrl, appId),
            provisioningOf(orgUrl, appId),
        ]);
    } catch (e) {
        if (e instanceof OktaError && e.status === 404) return undefined;
        throw e;
    }
    const [users, groups, prov] = read;
    const appUsers: AppPerson[] = users.map((u) => ({
        id: u.id,
        userName: u.credentials?.userName ?? u.id,
        scope: u.scope === "USER" ? "USER" : "GROUP",
        pushed: !!u.externalId,
    }));
    return { groupIds: groups.map((g) => g.id), appUsers, ...prov };
}
