// The one place that knows Okta's URLs and payloads. Every call here is Okta's public Management
// API, the same calls the official Okta provider makes for okta.app.AutoLogin, okta.app.Features
// and app group assignments (docs/vendor-facts/okta.md). Tokens are read per call, never kept.
import { sendWithRetry, type Method } from "../core/http";
import { nextPageUrl } from "../core/pagination";
import { defaultRetryPolicy, type RetryPolicy } from "../core/retry";
import { sleep } from "../core/sleep";
import { oktaApiToken } from "./credentials";
import { OktaError, oktaErrorDetails } from "./errors";
import { oktaRateBucket } from "./rateBucket";

export interface OktaApp {
    id: string;
    name: string;
    label: string;
    status: "ACTIVE" | "INACTIVE";
    signOnMode: string;
    settings: {
        app: Record<string, unknown>;
        signOn?: { loginUrl?: string; redirectUrl?: string };
        [k: string]: unknown;
    };
    [k: string]: unknown;
}

/** An Okta group: `type` is OKTA_GROUP, APP_GROUP or BUILT_IN (the org's "Everyone") [doc]. */
export interface OktaGroup {
    id: string;
    type: string;
    profile: { name: string; description?: string | null };
}

export type FeatureStatus = "ENABLED" | "DISABLED";

/** The "To App" provisioning switches of the USER_PROVISIONING feature. */
export interface ProvisioningCapabilities {
    create: { lifecycleCreate: { status: FeatureStatus } };
    update: {
        profile: { status: FeatureStatus };
        lifecycleDeactivate: { status: FeatureStatus };
        [k: string]: unknown;
    };
}

/** One person assigned to an app (Okta's app user) [doc: Application Users API]. */
export interface OktaAppUser {
    id: string;
    /** USER: assigned directly; GROUP: through an assigned group */
    scope: "USER" | "GROUP";
    /** the person's id in the app (CXone's SCIM id) once Okta provisioned them [doc] */
    externalId?: string | null;
    status?: string;
    syncState?: string;
    credentials?: { userName?: string };
}

export interface OktaConnection {
    status: "ENABLED" | "DISABLED" | "UNKNOWN";
    authScheme?: string;
}

/** Okta's retry tuning for this process (tests shorten it; the defaults cover a 60 s window). */
let policy: RetryPolicy = { ...defaultRetryPolicy };

/** Overrides parts of the retry policy; returns a function that restores the previous one. */
export function setOktaRetryPolicy(p: Partial<RetryPolicy>): () => void {
    const before = policy;
    policy = { ...policy, ...p };
    return () => {
        policy = before;
    };
}

interface OktaCall {
    method: Method;
    /** path below the org URL, e.g. `/api/v1/apps`, or an absolute next-page link */
    url: string;
    params?: Record<string, string | number | boolean>;
    data?: unknown;
}

function orgBase(orgUrl: string): string {
    return orgUrl.replace(/\/+$/, "");
}

interface OktaAnswer<T> {
    status: number;
    data: T;
    headers: Record<string, unknown>;
}

export async function call<T>(
    orgUrl: string,
    operation: string,
    config: OktaCall,
): Promise<OktaAnswer<T>> {
    const token = oktaApiToken(orgUrl);
    // Creating an app is the one call that would duplicate work if repeated after the server
    // acted; lifecycle POSTs, PUTs and DELETEs are idempotent (terraform-provider-okta retries them).
    const safe = !(config.method === "POST" && config.url === "/api/v1/apps");
    const url = /^https?:\/\//.test(config.url) ? config.url : orgBase(orgUrl) + config.url;
    const res = await sendWithRetry(
        {
            method: config.method,
            url,
            params: config.params,
            body: config.data,
            safe,
            rateLimitKey: oktaRateBucket(url),
            headers: {
                Authorization: `SSWS ${token}`,
                Accept: "application/json",
                "Content-Type": "application/json",
            },
        },
        {
            policy,
            retry500: true, // Okta Core is eventually consistent; its own provider repeats 500s [doc]
            // as the official SDK does, repeats carry the first answer's request id and a count:
            // information for Okta's logs, nothing this client relies on
            retryHeaders: (prev, count): Record<string, string> => {
                const id = prev?.headers["x-okta-request-id"];
                if (typeof id !== "string") return {};
                return { "X-Okta-Retry-For": id, "X-Okta-Retry-Count": String(count) };
            },
            fail: (f) => {
                if (!f.response) {
                    return new OktaError({
                        operation,
                        status: undefined,
                        attempts: f.attempts,
                        detail: f.networkCode,
                    });
                }
                const details = oktaErrorDetails(f.response.data, [token]);
                const note =
                    f.rateLimitResetMs !== undefined
                        ? `the rate limit resets in ${Math.ceil(f.rateLimitResetMs / 1000)} s, beyond the wait budget`
                        : undefined;
                return new OktaError({
                    operation,
                    status: f.response.status,
                    okta: details,
                    attempts: f.attempts,
                    detail: note,
                });
            },
        },
    );
    return {
        status: res.status,
        data: res.data as T,
        headers: res.headers as Record<string, unknown>,
    };
}

/** Pages Okta returns at most; a bound so a faulty `next` chain cannot loop for ever. */
const MAX_PAGES = 500;

/** GET of a list, following `Link: <...>; rel="next"` to the last page [doc: pagination]. */
async function listAll<T>(
    orgUrl: string,
    operation: string,
    path: string,
    params: Record<string, string | number>,
): Promise<T[]> {
    // Stryker disable next-line ArrayDeclaration: the one caller keeps only apps of a label
    const out: T[] = [];
    // Stryker disable next-line StringLiteral: axios sends GET for an empty method
    let next: OktaCall | undefined = { method: "GET", url: path, params };
    for (let page = 1; next; page++) {
        if (page > MAX_PAGES) {
            throw new OktaError({
                operation,
                status: undefined,
                detail: `more than ${MAX_PAGES} pages`,
            });
        }
        const res: OktaAnswer<T[]> = await call<T[]>(orgUrl, operation, next);
        if (!Array.isArray(res.data))
            throw new OktaError({ operation, status: 200, detail: "the answer is not a list" });
        out.push(...res.data);
        let link: string | undefined;
        try {
            link = nextPageUrl(res.headers.link, orgBase(orgUrl));
        } catch (e) {
            throw new OktaError({
                operation,
                status: 200,
                detail: e instanceof Error ? e.message : String(e),
            });
        }
        // Stryker disable next-line StringLiteral: axios sends GET for an empty method
        next = link ? { method: "GET", url: link } : undefined;
    }
    return out;
}

/** GET that maps 404 to undefined (the object is gone). */
export async function find<T>(
    orgUrl: string,
    operation: string,
    url: string,
): Promise<T | undefined> {
    try {
        // Stryker disable next-line StringLiteral: axios sends GET for an empty method
        return (await call<T>(orgUrl, operation, { method: "GET", url })).data;
    } catch (e) {
        if (e instanceof OktaError && e.status === 404) return undefined;
        throw e;
    }
}

export interface AutoLoginAppSpec {
    label: string;
    loginUrl: string;
    redirectUrl?: string;
    /** settings.notes.admin [doc]: where the stack's ownership mark is kept */
    adminNote?: string;
}

/** The body Okta expects for a custom SWA (AUTO_LOGIN) app; used for create and full-replace PUT. */
export function autoLoginAppBody(
    spec: AutoLoginAppSpec,
    current?: OktaApp,
): Record<string, unknown> {
    return {
        ...(current ?? {}),
        label: spec.label,
        signOnMode: "AUTO_LOGIN",
        settings: {
            ...(current?.settings ?? {}),
            app: current?.settings.app ?? {},
            signOn: {
                loginUrl: spec.loginUrl,
                ...(spec.redirectUrl ? { redirectUrl: spec.redirectUrl } : {}),
            },
            ...(spec.adminNote ? { notes: { ...notesOf(current), admin: spec.adminNote } } : {}),
        },
    };
}

const notesOf = (app?: OktaApp): Record<string, unknown> => {
    const n = app?.settings.notes;
    return n && typeof n === "object" ? { ...n } : {};
};

export const oktaApi = {
    /** POST /api/v1/apps?activate=true [doc] */
    async createAutoLoginApp(orgUrl: string, spec: AutoLoginAppSpec): Promise<OktaApp> {
        const body = autoLoginAppBody(spec);
        return (
            await call<OktaApp>(orgUrl, `create app "${spec.label}"`, {
                method: "POST",
                url: "/api/v1/apps",
                params: { activate: true },
                data: body,
            })
        ).data;
    },
    /** GET /api/v1/apps/{id} [doc]; undefined when deleted. */
    getApp: (orgUrl: string, id: string) =>
        find<OktaApp>(orgUrl, `read app ${id}`, `/api/v1/apps/${encodeURIComponent(id)}`),
    /**
     * GET /api/v1/apps?q= [doc]: apps whose label is exactly `label`. Okta's q matches label or
     * name prefixes, so every page is read (`next` links) before filtering.
     */
    async findAppsByLabel(orgUrl: string, label: string): Promise<OktaApp[]> {
        const all = await listAll<OktaApp>(orgUrl, `search apps "${label}"`, "/api/v1/apps", {
            q: label,
            limit: 200,
        });
        return all.filter((a) => a.label === label);
    },
    /** GET /api/v1/apps [doc]: every app of the org, every page (200 a page [spec]). */
    listApps: (orgUrl: string) =>
        listAll<OktaApp>(orgUrl, "list the org's apps", "/api/v1/apps", { limit: 200 }),
    /**
     * Searches by label until `accept` picks some apps or `withinMs` has passed. Okta's lists and
     * q searches may lag behind a write for a moment [doc], so a just-made app may be missing at
     * first; the caller decides what "found" means and never creates on a miss.
     */
    async awaitAppsByLabel(
        orgUrl: string,
        label: string,
        accept: (a: OktaApp) => boolean,
        withinMs = policy.visibilityLagMs,
    ): Promise<OktaApp[]> {
        const until = Date.now() + withinMs;
        for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
            const found = (await oktaApi.findAppsByLabel(orgUrl, label)).filter(accept);
            if (found.length > 0 || Date.now() + wait > until) return found;
            await sleep(wait);
        }
    },
    /** PUT /api/v1/apps/{id} with the full app [doc]. */
    async replaceApp(orgUrl: string, app: OktaApp, spec: AutoLoginAppSpec): Promise<OktaApp> {
        return (
            await call<OktaApp>(orgUrl, `update app ${app.id}`, {
                method: "PUT",
                url: `/api/v1/apps/${encodeURIComponent(app.id)}`,
                data: autoLoginAppBody(spec, app),
            })
        ).data;
    },
    /** POST /api/v1/apps/{id}/lifecycle/activate|deactivate [doc] */
    async setAppActive(orgUrl: string, id: string, active: boolean): Promise<void> {
        await call(orgUrl, `${active ? "activate" : "deactivate"} app ${id}`, {
            method: "POST",
            url: `/api/v1/apps/${encodeURIComponent(id)}/lifecycle/${active ? "activate" : "deactivate"}`,
        });
    },
    /** DELETE /api/v1/apps/{id} [doc]; Okta requires the app to be inactive first. */
    async deleteApp(orgUrl: string, id: string): Promise<void> {
        try {
            await call(orgUrl, `delete app ${id}`, {
                method: "DELETE",
                url: `/api/v1/apps/${encodeURIComponent(id)}`,
            });
        } catch (e) {
            if (!(e instanceof OktaError && e.status === 404)) throw e;
        }
    },
    /** GET /api/v1/apps/{id}/connections/default [doc] */
    getConnection: (orgUrl: string, appId: string) =>
        find<OktaConnection>(
            orgUrl,
            `read the provisioning connection of app ${appId}`,
            `/api/v1/apps/${encodeURIComponent(appId)}/connections/default`,
        ),
    /** POST /api/v1/apps/{id}/connections/default/lifecycle/activate [doc] */
    async activateConnection(orgUrl: string, appId: string): Promise<void> {
        await call(orgUrl, `activate the provisioning connection of app ${appId}`, {
            method: "POST",
            url: `/api/v1/apps/${encodeURIComponent(appId)}/connections/default/lifecycle/activate`,
        });
    },
    /** GET /api/v1/apps/{id}/features/USER_PROVISIONING [doc]; undefined when the app has none. */
    getProvisioningFeature: (orgUrl: string, appId: string) =>
        find<{ status: string; capabilities: ProvisioningCapabilities }>(
            orgUrl,
            `read the provisioning actions of app ${appId}`,
            `/api/v1/apps/${encodeURIComponent(appId)}/features/USER_PROVISIONING`,
        ),
    /** PUT /api/v1/apps/{id}/features/USER_PROVISIONING with the capabilities object only [doc]. */
    async putProvisioningFeature(
        orgUrl: string,
        appId: string,
        capabilities: ProvisioningCapabilities,
    ): Promise<{ status: string; capabilities: ProvisioningCapabilities }> {
        return (
            await call<{ status: string; capabilities: ProvisioningCapabilities }>(
                orgUrl,
                `switch the provisioning actions of app ${appId}`,
                {
                    method: "PUT",
                    url: `/api/v1/apps/${encodeURIComponent(appId)}/features/USER_PROVISIONING`,
                    data: capabilities,
                },
            )
        ).data;
    },
    /** GET /api/v1/apps/{id}/groups/{groupId} [doc]; undefined when not assigned. */
    getGroupAssignment: (orgUrl: string, appId: string, groupId: string) =>
        find<{ id: string }>(
            orgUrl,
            `read the assignment of group ${groupId}`,
            `/api/v1/apps/${encodeURIComponent(appId)}/groups/${encodeURIComponent(groupId)}`,
        ),
    /** PUT /api/v1/apps/{id}/groups/{groupId} [doc] */
    async assignGroup(orgUrl: string, appId: string, groupId: string): Promise<void> {
        await call(orgUrl, `assign group ${groupId} to app ${appId}`, {
            method: "PUT",
            url: `/api/v1/apps/${encodeURIComponent(appId)}/groups/${encodeURIComponent(groupId)}`,
            data: {},
        });
    },
    /** GET /api/v1/groups/{groupId} [doc]; undefined when Okta has no such group. */
    getGroup: (orgUrl: string, groupId: string) =>
        find<OktaGroup>(
            orgUrl,
            `read group ${groupId}`,
            `/api/v1/groups/${encodeURIComponent(groupId)}`,
        ),
    /** GET /api/v1/apps/{id}/users [doc]: everyone assigned, every page (500 a page [spec]). */
    listAppUsers: (orgUrl: string, appId: string) =>
        listAll<OktaAppUser>(
            orgUrl,
            `list the people assigned to app ${appId}`,
            `/api/v1/apps/${encodeURIComponent(appId)}/users`,
            { limit: 500 },
        ),
    /** GET /api/v1/apps/{id}/groups [doc]: the assigned groups, every page (200 a page [spec]). */
    listAppGroups: (orgUrl: string, appId: string) =>
        listAll<{ id: string }>(
            orgUrl,
            `list the groups assigned to app ${appId}`,
            `/api/v1/apps/${encodeURIComponent(appId)}/groups`,
            { limit: 200 },
        ),
    /** GET /api/v1/groups/{id}/users [doc]: the members, every page (1000 a page [spec]). */
    listGroupMembers: (orgUrl: string, groupId: string) =>
        listAll<{ id: string }>(
            orgUrl,
            `list the members of group ${groupId}`,
            `/api/v1/groups/${encodeURIComponent(groupId)}/users`,
            { limit: 1000 },
        ),
    /** DELETE /api/v1/apps/{id}/groups/{groupId} [doc] */
    async unassignGroup(orgUrl: string, appId: string, groupId: string): Promise<void> {
        try {
            await call(orgUrl, `unassign group ${groupId} from app ${appId}`, {
                method: "DELETE",
                url: `/api/v1/apps/${encodeURIComponent(appId)}/groups/${encodeURIComponent(groupId)}`,
            });
        } catch (e) {
            if (!(e instanceof OktaError && e.status === 404)) throw e;
        }
    },
};
