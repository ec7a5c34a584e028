// The one place that knows Okta's URLs and payloads. Every call here is Okta's public Management
// API, the same calls the official Okta provider makes for okta.app.AutoLogin, okta.app.Features
// and app group assignments (reference/okta-api.md). Tokens are read per call, never kept.
import axios, { AxiosRequestConfig } from "axios";
import { backoffMs, defaultRetryPolicy, isRetryable, retryAfterMs } from "../cxone/retry";
import { oktaApiToken } from "./credentials";
import { OktaError } from "./errors";

export interface OktaApp {
    id: string;
    name: string;
    label: string;
    status: "ACTIVE" | "INACTIVE";
    signOnMode: string;
    settings: { app: Record<string, unknown>; signOn?: { loginUrl?: string; redirectUrl?: string }; [k: string]: unknown };
    [k: string]: unknown;
}

export type FeatureStatus = "ENABLED" | "DISABLED";

/** The "To App" provisioning switches of the USER_PROVISIONING feature. */
export interface ProvisioningCapabilities {
    create: { lifecycleCreate: { status: FeatureStatus } };
    update: { profile: { status: FeatureStatus }; lifecycleDeactivate: { status: FeatureStatus }; [k: string]: unknown };
}

export interface OktaConnection {
    status: "ENABLED" | "DISABLED" | "UNKNOWN";
    authScheme?: string;
}


const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Okta's rate-limit hint: Retry-After, else X-Rate-Limit-Reset (epoch seconds). */
function rateLimitHintMs(headers: Record<string, unknown>): number | undefined {
    const after = retryAfterMs(headers["retry-after"]);
    if (after !== undefined) return after;
    const reset = Number(headers["x-rate-limit-reset"]);
    return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined;
}

export async function call<T>(orgUrl: string, operation: string, config: AxiosRequestConfig): Promise<{ status: number; data: T }> {
    const token = oktaApiToken(orgUrl);
    // Creating an app is the one call that would duplicate work if repeated after the server acted.
    const safe = !(config.method === "POST" && config.url === "/api/v1/apps");
    const policy = defaultRetryPolicy;
    for (let attempt = 1; ; attempt++) {
        let status: number | undefined;
        let code: string | undefined;
        let hint: number | undefined;
        try {
            const res = await axios.request<T>({
                baseURL: orgUrl.replace(/\/+$/, ""),
                timeout: policy.timeoutMs,
                validateStatus: () => true,
                ...config,
                headers: { Authorization: `SSWS ${token}`, Accept: "application/json", "Content-Type": "application/json" },
            });
            if (res.status < 400) return { status: res.status, data: res.data };
            status = res.status;
            hint = rateLimitHintMs(res.headers as Record<string, unknown>);
            if (!isRetryable(status, undefined, safe) || attempt >= policy.maxAttempts) {
                const body = res.data as { errorCode?: string; errorSummary?: string } | undefined;
                throw new OktaError(operation, res.status, body?.errorCode, body?.errorSummary);
            }
        } catch (e) {
            if (e instanceof OktaError) throw e;
            code = (e as { code?: string }).code;
            if (!isRetryable(undefined, code, safe) || attempt >= policy.maxAttempts) {
                throw new OktaError(operation, undefined, code, "the Okta org could not be reached");
            }
        }
        await sleep(backoffMs(attempt, policy, hint));
    }
}

/** GET that maps 404 to undefined (the object is gone). */
export async function find<T>(orgUrl: string, operation: string, url: string): Promise<T | undefined> {
    try {
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
}

/** The body Okta expects for a custom SWA (AUTO_LOGIN) app; used for create and full-replace PUT. */
export function autoLoginAppBody(spec: AutoLoginAppSpec, current?: OktaApp): Record<string, unknown> {
    return {
        ...(current ?? {}),
        label: spec.label,
        signOnMode: "AUTO_LOGIN",
        settings: {
            ...(current?.settings ?? {}),
            app: current?.settings.app ?? {},
            signOn: { loginUrl: spec.loginUrl, ...(spec.redirectUrl ? { redirectUrl: spec.redirectUrl } : {}) },
        },
    };
}

export const oktaApi = {
    /** POST /api/v1/apps?activate=true [doc] */
    async createAutoLoginApp(orgUrl: string, spec: AutoLoginAppSpec): Promise<OktaApp> {
        const body = autoLoginAppBody(spec);
        return (await call<OktaApp>(orgUrl, `create app "${spec.label}"`, { method: "POST", url: "/api/v1/apps", params: { activate: true }, data: body })).data;
    },
    /** GET /api/v1/apps/{id} [doc]; undefined when deleted. */
    getApp: (orgUrl: string, id: string) => find<OktaApp>(orgUrl, `read app ${id}`, `/api/v1/apps/${encodeURIComponent(id)}`),
    /** GET /api/v1/apps?q= [doc]: apps whose label or name starts with q. */
    async findAppsByLabel(orgUrl: string, label: string): Promise<OktaApp[]> {
        const res = await call<OktaApp[]>(orgUrl, `search apps "${label}"`, { method: "GET", url: "/api/v1/apps", params: { q: label, limit: 200 } });
        return res.data.filter((a) => a.label === label);
    },
    /** PUT /api/v1/apps/{id} with the full app [doc]. */
    async replaceApp(orgUrl: string, app: OktaApp, spec: AutoLoginAppSpec): Promise<OktaApp> {
        return (await call<OktaApp>(orgUrl, `update app ${app.id}`, { method: "PUT", url: `/api/v1/apps/${encodeURIComponent(app.id)}`, data: autoLoginAppBody(spec, app) })).data;
    },
    /** POST /api/v1/apps/{id}/lifecycle/activate|deactivate [doc] */
    async setAppActive(orgUrl: string, id: string, active: boolean): Promise<void> {
        await call(orgUrl, `${active ? "activate" : "deactivate"} app ${id}`, { method: "POST", url: `/api/v1/apps/${encodeURIComponent(id)}/lifecycle/${active ? "activate" : "deactivate"}` });
    },
    /** DELETE /api/v1/apps/{id} [doc]; Okta requires the app to be inactive first. */
    async deleteApp(orgUrl: string, id: string): Promise<void> {
        try {
            await call(orgUrl, `delete app ${id}`, { method: "DELETE", url: `/api/v1/apps/${encodeURIComponent(id)}` });
        } catch (e) {
            if (!(e instanceof OktaError && e.status === 404)) throw e;
        }
    },
    /** GET /api/v1/apps/{id}/connections/default [doc] */
    getConnection: (orgUrl: string, appId: string) =>
        find<OktaConnection>(orgUrl, `read the provisioning connection of app ${appId}`, `/api/v1/apps/${encodeURIComponent(appId)}/connections/default`),
    /** POST /api/v1/apps/{id}/connections/default/lifecycle/activate [doc] */
    async activateConnection(orgUrl: string, appId: string): Promise<void> {
        await call(orgUrl, `activate the provisioning connection of app ${appId}`, { method: "POST", url: `/api/v1/apps/${encodeURIComponent(appId)}/connections/default/lifecycle/activate` });
    },
    /** GET /api/v1/apps/{id}/features/USER_PROVISIONING [doc]; undefined when the app has none. */
    getProvisioningFeature: (orgUrl: string, appId: string) =>
        find<{ status: string; capabilities: ProvisioningCapabilities }>(orgUrl, `read the provisioning actions of app ${appId}`, `/api/v1/apps/${encodeURIComponent(appId)}/features/USER_PROVISIONING`),
    /** PUT /api/v1/apps/{id}/features/USER_PROVISIONING with the capabilities object only [doc]. */
    async putProvisioningFeature(orgUrl: string, appId: string, capabilities: ProvisioningCapabilities): Promise<{ status: string; capabilities: ProvisioningCapabilities }> {
        return (await call<{ status: string; capabilities: ProvisioningCapabilities }>(orgUrl, `switch the provisioning actions of app ${appId}`, {
            method: "PUT",
            url: `/api/v1/apps/${encodeURIComponent(appId)}/features/USER_PROVISIONING`,
            data: capabilities,
        })).data;
    },
    /** GET /api/v1/apps/{id}/groups/{groupId} [doc]; undefined when not assigned. */
    getGroupAssignment: (orgUrl: string, appId: string, groupId: string) =>
        find<{ id: string }>(orgUrl, `read the assignment of group ${groupId}`, `/api/v1/apps/${encodeURIComponent(appId)}/groups/${encodeURIComponent(groupId)}`),
    /** PUT /api/v1/apps/{id}/groups/{groupId} [doc] */
    async assignGroup(orgUrl: string, appId: string, groupId: string): Promise<void> {
        await call(orgUrl, `assign group ${groupId} to app ${appId}`, { method: "PUT", url: `/api/v1/apps/${encodeURIComponent(appId)}/groups/${encodeURIComponent(groupId)}`, data: {} });
    },
    /** DELETE /api/v1/apps/{id}/groups/{groupId} [doc] */
    async unassignGroup(orgUrl: string, appId: string, groupId: string): Promise<void> {
        try {
            await call(orgUrl, `unassign group ${groupId} from app ${appId}`, { method: "DELETE", url: `/api/v1/apps/${encodeURIComponent(appId)}/groups/${encodeURIComponent(groupId)}` });
        } catch (e) {
            if (!(e instanceof OktaError && e.status === 404)) throw e;
        }
    },
};
