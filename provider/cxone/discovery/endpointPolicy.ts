// Where a CXone credential may go, and which URLs we may tell an operator to type into Okta: only
// CXone's own hosts (read from the region table in ./regions.ts) or, for the local sandbox, this
// machine. A URL elsewhere would carry the access key secret, or the operator, to another host.
import { isLoopbackHost } from "../../core/loopback";
import { allRegions, ResolvedRegion } from "./regions";
import type { Checker } from "../../framework/checks";

/** The URL fields of a resolved region that name a CXone host. */
const HOST_FIELDS = [
    "scimBaseUrl",
    "loginUrl",
    "tokenEndpoint",
    "authorizeEndpoint",
    "issuerUrl",
    "areaUrl",
] as const;

const hostOf = (url: string): string => new URL(url).hostname.toLowerCase();

/** Every host the region table names (e.g. na1.nice-incontact.com, cxone.niceincontact.com). */
export function cxoneHosts(regions: ResolvedRegion[] = allRegions()): Set<string> {
    return new Set(regions.flatMap((r) => HOST_FIELDS.map((f) => hostOf(r[f]))));
}

/**
 * The domains those hosts live under (nice-incontact.com, niceincontact.com). The API host comes
 * from CXone's discovery document (e.g. api-na1.niceincontact.com), so an exact host list cannot
 * cover it: a host under CXone's own domain can.
 */
export function cxoneDomains(regions: ResolvedRegion[] = allRegions()): Set<string> {
    return new Set([...cxoneHosts(regions)].map((h) => h.split(".").slice(-2).join(".")));
}

/** How strictly a URL is pinned. */
export type Pin =
    /** a host of the region table exactly: URLs the operator types into Okta */
    | "regionHost"
    /** a host under CXone's own domains: where a CXone credential or token goes */
    | "cxoneDomain";

/** Why `url` is not a CXone URL (or loopback, the sandbox), or undefined when it is. */
export function endpointProblem(url: string, property: string, pin: Pin): string | undefined {
    let host: string;
    try {
        host = hostOf(url);
    } catch {
        return undefined; // not a URL: the URL checker reports it
    }
    if (isLoopbackHost(host)) return undefined;
    if (pin === "regionHost" && cxoneHosts().has(host)) return undefined;
    const domains = [...cxoneDomains()];
    if (pin === "cxoneDomain" && domains.some((d) => host === d || host.endsWith(`.${d}`))) {
        return undefined;
    }
    const allowed =
        pin === "regionHost"
            ? `one of CXone's region hosts (${[...cxoneHosts()].sort().join(", ")})`
            : `a host under CXone's own domains (${domains.join(", ")})`;
    return (
        `${property} must be on ${allowed}, or loopback for the local sandbox ` +
        `(got host "${host}"): a CXone credential must never go to another host`
    );
}

/** A checker for ../checks.ts `check()`: a string URL pinned to CXone (other shapes pass). */
export const pinnedTo =
    (pin: Pin): Checker =>
    (v, p) =>
        typeof v === "string" ? endpointProblem(v, p, pin) : undefined;
