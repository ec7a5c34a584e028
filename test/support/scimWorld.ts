// Helpers of the SCIM end-to-end tests: Okta's public API with the sandbox API token, the
// console view and sync, and CXone's SCIM server read with the sandbox admin's access key.
// Every check of CXone goes through CXone's own API, never the sandbox's memory.
import axios, { type AxiosResponse } from "axios";
import type { RunningSandbox } from "../../sandbox/index";

export interface SyncResult {
    userId: string;
    login: string;
    action: string;
    externalId?: string;
    message?: string;
}
export interface ConsoleView {
    authorized: boolean;
    lastAuthError: string | null;
    connectionStatus: string;
    provisioningErrors: { userId: string; login: string; action: string; message: string }[];
    pushedUsers: { userId: string; externalId: string; userName: string; active: boolean }[];
    toApp: { update: { profile: { status: string } } };
}
export interface ScimUser {
    id: string;
    userName: string;
    name: { givenName: string; familyName: string };
    emails: { value: string; primary: boolean }[];
    active: boolean;
    roles: { value: string }[];
}
export interface OktaUser {
    id: string;
    status: string;
    profile: { login: string; firstName: string; lastName: string; email: string };
}

const http = axios.create({ validateStatus: () => true, maxRedirects: 0, proxy: false });

function expect(res: AxiosResponse, what: string, ok: number[]): AxiosResponse {
    if (!ok.includes(res.status))
        throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.data)}`);
    return res;
}

/** Okta's public API as the tests' admin (SSWS API token). */
export function oktaAdmin(s: RunningSandbox) {
    const base = s.urls.okta;
    const headers = () => ({ Authorization: `SSWS ${s.endpoints.okta.apiToken}` });
    const call = async (method: string, path: string, data?: unknown, ok = [200]) =>
        expect(
            await http.request({ method, url: `${base}${path}`, data, headers: headers() }),
            `Okta ${method} ${path}`,
            ok,
        ).data;
    return {
        /** The seeded group by exact name, found as an operator would: GET /groups?q= */
        async groupId(name: string): Promise<string> {
            const groups = (await call(
                "GET",
                `/api/v1/groups?q=${encodeURIComponent(name.split(" ")[0])}`,
            )) as { id: string; profile: { name: string } }[];
            const g = groups.find((x) => x.profile.name === name);
            if (!g) throw new Error(`no Okta group named ${name}`);
            return g.id;
        },
        async user(login: string): Promise<OktaUser> {
            return (await call("GET", `/api/v1/users/${encodeURIComponent(login)}`)) as OktaUser;
        },
        async createUser(firstName: string, lastName: string): Promise<OktaUser> {
            const login = `${firstName}.${lastName}@example.com`.toLowerCase();
            return (await call("POST", "/api/v1/users?activate=true", {
                profile: { firstName, lastName, email: login, login },
            })) as OktaUser;
        },
        async rename(
            userId: string,
            profile: { firstName?: string; lastName?: string },
        ): Promise<void> {
            await call("POST", `/api/v1/users/${userId}`, { profile });
        },
        async deactivate(userId: string): Promise<void> {
            await call("POST", `/api/v1/users/${userId}/lifecycle/deactivate`);
        },
        async addToGroup(gid: string, uid: string): Promise<void> {
            await call("PUT", `/api/v1/groups/${gid}/users/${uid}`, undefined, [204]);
        },
        async removeFromGroup(gid: string, uid: string): Promise<void> {
            await call("DELETE", `/api/v1/groups/${gid}/users/${uid}`, undefined, [204]);
        },
        async assign(appId: string, uid: string, userName: string): Promise<void> {
            await call("POST", `/api/v1/apps/${appId}/users`, {
                id: uid,
                scope: "USER",
                credentials: { userName },
            });
        },
        async connectionStatus(appId: string): Promise<string> {
            return (
                (await call("GET", `/api/v1/apps/${appId}/connections/default`)) as {
                    status: string;
                }
            ).status;
        },
        async profileUpdates(appId: string): Promise<string> {
            return (
                (await call("GET", `/api/v1/apps/${appId}/features/USER_PROVISIONING`)) as {
                    capabilities: { update: { profile: { status: string } } };
                }
            ).capabilities.update.profile.status;
        },
    };
}

/** The sandbox-only console: the app's provisioning view, and "sync now" with per-user results. */
export function oktaConsole(s: RunningSandbox) {
    const base = `${s.urls.okta}/sandbox/console/apps`;
    return {
        async view(appId: string): Promise<ConsoleView> {
            return expect(await http.get(`${base}/${appId}`), "console view", [200])
                .data as ConsoleView;
        },
        async sync(
            appId: string,
        ): Promise<{ results: SyncResult[]; view: ConsoleView; raw: string }> {
            const res = expect(await http.post(`${base}/${appId}/sync`, {}), "console sync", [200]);
            return {
                ...(res.data as { results: SyncResult[]; view: ConsoleView }),
                raw: JSON.stringify(res.data),
            };
        },
    };
}

/** CXone's SCIM server, read with a token of the sandbox admin's access key (not the stack's key). */
export function cxoneScim(s: RunningSandbox) {
    const base = s.urls.cxone;
    let token: string | undefined;
    const auth = async () => {
        if (!token) {
            const c = s.endpoints.cxone;
            const res = expect(
                await http.post(`${base}/authentication/v1/token/access-key`, {
                    accessKeyId: c.adminAccessKeyId,
                    accessKeySecret: c.adminAccessKeySecret,
                }),
                "CXone access-key token",
                [200],
            );
            token = (res.data as { access_token: string }).access_token;
        }
        return { Authorization: `Bearer ${token}` };
    };
    return {
        /** GET /scim/v2/Users?filter=userName eq "..." -> the one match, or undefined. */
        async byUserName(userName: string): Promise<ScimUser | undefined> {
            const res = expect(
                await http.get(`${base}/scim/v2/Users`, {
                    params: { filter: `userName eq "${userName}"` },
                    headers: await auth(),
                }),
                "CXone SCIM list",
                [200],
            );
            const list = res.data as { totalResults: number; Resources: ScimUser[] };
            if (list.totalResults > 1)
                throw new Error(`${list.totalResults} CXone users named ${userName}`);
            return list.Resources[0];
        },
    };
}

/** The sync result of one user, or a failure naming what the sync said instead. */
export function resultFor(results: SyncResult[], userId: string): SyncResult {
    const r = results.find((x) => x.userId === userId);
    if (!r) throw new Error(`no sync result for ${userId}: ${JSON.stringify(results)}`);
    return r;
}
