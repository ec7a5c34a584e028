// CXone-specific input checks: the tenant endpoint every CXone resource carries. Pure, no I/O; the
// checkers every resource shares live in ../framework/checks.ts (all re-exported here for the CXone
// modules).
import {
    allOf,
    check,
    CheckFailure,
    httpsUrl,
    isUnknown,
    optionalString,
} from "../framework/checks";
import { pinnedTo } from "./discovery/endpointPolicy";
import type { CxoneEndpoint } from "./session";

export * from "../framework/checks";

const ENDPOINT_FIELDS = ["issuerUrl", "areaUrl", "apiUrl", "tenantId"];

/** Checks a resource's `endpoint` input (non-secret tenant URLs). */
export function checkEndpoint(failures: CheckFailure[], endpoint: unknown): void {
    if (isUnknown(endpoint)) return;
    if (!endpoint || typeof endpoint !== "object" || Array.isArray(endpoint)) {
        failures.push({
            property: "endpoint",
            reason: "endpoint is required: an object with issuerUrl and areaUrl (see provider/cxone/discovery/regions.ts)",
        });
        return;
    }
    const e: Record<string, unknown> = { ...endpoint };
    // the access key secret and tokens go to these hosts: CXone's own, or loopback (the sandbox)
    const cxoneUrl = (optional: boolean) =>
        allOf(httpsUrl({ base: true, optional }), pinnedTo("cxoneDomain"));
    check(failures, "endpoint.issuerUrl", e.issuerUrl, cxoneUrl(false));
    check(failures, "endpoint.areaUrl", e.areaUrl, cxoneUrl(false));
    check(failures, "endpoint.apiUrl", e.apiUrl, cxoneUrl(true));
    check(failures, "endpoint.tenantId", e.tenantId, optionalString(100));
    for (const k of Object.keys(e)) {
        if (ENDPOINT_FIELDS.includes(k)) continue;
        failures.push({
            property: `endpoint.${k}`,
            reason: `endpoint.${k} is not a known endpoint field (${ENDPOINT_FIELDS.join(", ")}); credentials never go here`,
        });
    }
}

/** The endpoint fields that identify the tenant: a change means a different tenant. */
export function sameTenant(
    a: Partial<CxoneEndpoint> | undefined,
    b: Partial<CxoneEndpoint> | undefined,
): boolean {
    const n = (u: unknown) => (typeof u === "string" ? u.replace(/\/+$/, "") : u);
    return (
        n(a?.issuerUrl) === n(b?.issuerUrl) &&
        n(a?.areaUrl) === n(b?.areaUrl) &&
        (a?.tenantId ?? undefined) === (b?.tenantId ?? undefined)
    );
}
