// Input checks shared by the CXone resources: pure, no I/O. During preview any input may be the
// engine's "unknown" sentinel string whatever its declared type: unknown values pass every check.
import { isLoopbackHost } from "../core/loopback";
import type { CxoneEndpoint } from "./session";

/** The value the engine sends for inputs not known until apply (e.g. another resource's id). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const isUnknown = (v: unknown): boolean => v === UNKNOWN;

/** A problem with one input; `property` is a dotted path such as `endpoint.issuerUrl`. */
export interface CheckFailure {
    property: string;
    reason: string;
}

export type Checker = (value: unknown, property: string) => string | undefined;

/** Runs `checker` unless the value is unknown; collects a failure naming the property. */
export function check(failures: CheckFailure[], property: string, value: unknown, checker: Checker): void {
    if (isUnknown(value)) return;
    const reason = checker(value, property);
    if (reason) failures.push({ property, reason });
}

export const requiredString = (max?: number): Checker => (v, p) => {
    if (typeof v !== "string") return `${p} is required and must be a string`;
    if (v.trim() === "") return `${p} must not be empty`;
    if (max !== undefined && v.length > max) return `${p} must be at most ${max} characters (got ${v.length})`;
    return undefined;
};

export const optionalString = (max?: number): Checker => (v, p) =>
    v === undefined || v === null ? undefined : typeof v !== "string" ? `${p} must be a string` : max !== undefined && v.length > max ? `${p} must be at most ${max} characters (got ${v.length})` : undefined;

export const optionalBoolean: Checker = (v, p) => (v === undefined || v === null || typeof v === "boolean" ? undefined : `${p} must be true or false`);

export const oneOf = (allowed: readonly string[], optional = true): Checker => (v, p) =>
    (optional && (v === undefined || v === null)) || (typeof v === "string" && allowed.includes(v)) ? undefined : `${p} must be one of ${allowed.join(", ")}`;

const httpUrl = (optional: boolean): Checker => (v, p) => {
    if (optional && (v === undefined || v === null)) return undefined;
    if (typeof v !== "string" || v === "") return `${p} is required and must be an http(s) URL`;
    try {
        const u = new URL(v);
        if (u.protocol !== "https:" && u.protocol !== "http:") return `${p} must be an http(s) URL`;
        // the admin token travels to these hosts: plain http only on loopback (the sandbox)
        if (u.protocol === "http:" && !isLoopbackHost(u.hostname)) return `${p} must use https (plain http is accepted only on loopback)`;
        if (u.username || u.password) return `${p} must not contain credentials`;
        if (u.search || u.hash) return `${p} must not contain a query or fragment`;
    } catch {
        return `${p} must be an http(s) URL`;
    }
    return undefined;
};

/** Checks a resource's `endpoint` input (non-secret tenant URLs). */
export function checkEndpoint(failures: CheckFailure[], endpoint: unknown): void {
    if (isUnknown(endpoint)) return;
    if (!endpoint || typeof endpoint !== "object" || Array.isArray(endpoint)) {
        failures.push({ property: "endpoint", reason: "endpoint is required: an object with issuerUrl and areaUrl (see provider/regions.ts)" });
        return;
    }
    const e = endpoint as Record<string, unknown>;
    check(failures, "endpoint.issuerUrl", e.issuerUrl, httpUrl(false));
    check(failures, "endpoint.areaUrl", e.areaUrl, httpUrl(false));
    check(failures, "endpoint.apiUrl", e.apiUrl, httpUrl(true));
    check(failures, "endpoint.tenantId", e.tenantId, optionalString(100));
    for (const k of Object.keys(e)) {
        if (!["issuerUrl", "areaUrl", "apiUrl", "tenantId"].includes(k)) failures.push({ property: `endpoint.${k}`, reason: `endpoint.${k} is not a known endpoint field (issuerUrl, areaUrl, apiUrl, tenantId); credentials never go here` });
    }
}

/** The endpoint fields that identify the tenant: a change means a different tenant. */
export function sameTenant(a: Partial<CxoneEndpoint> | undefined, b: Partial<CxoneEndpoint> | undefined): boolean {
    const n = (u: unknown) => (typeof u === "string" ? u.replace(/\/+$/, "") : u);
    return n(a?.issuerUrl) === n(b?.issuerUrl) && n(a?.areaUrl) === n(b?.areaUrl) && (a?.tenantId ?? undefined) === (b?.tenantId ?? undefined);
}

/** Whether a value (or any value inside it) is the unknown sentinel. */
export function containsUnknown(v: unknown): boolean {
    if (isUnknown(v)) return true;
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (v && typeof v === "object") return Object.values(v).some(containsUnknown);
    return false;
}
