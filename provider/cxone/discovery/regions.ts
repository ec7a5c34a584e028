// The CXone region table and host rules: every URL the integration needs for a region, and how
// the tenant's other hosts are derived from discovery, each with how sure we are. Source:
// docs/vendor-facts/cxone.md and docs/procedure.md (steps 8, 11). A correction found on a real
// tenant is a one-line change in REGIONS, ISSUERS or USER_HUB_HOST below.
import { isLoopbackHost, isLocalhostName } from "../../core/loopback";

/**
 * How sure we are of a fact:
 * - `doc`: stated on NICE's own pages;
 * - `spec`: in NICE's published OpenAPI;
 * - `sdk`: how NICE's own published JavaScript SDKs (npm @nice-devone/*) use the API: stronger
 *   than `seen`, weaker than `doc`; never observed on a live tenant;
 * - `seen`: used by public code, not documented;
 * - `guess`: inferred; confirm on a real tenant before relying on it.
 */
export type Confidence = "doc" | "spec" | "sdk" | "seen" | "guess";

/** The CXone regions (areas) this project knows, in the order NICE lists them. */
export const REGION_NAMES = [
    "na1",
    "au1",
    "eu1",
    "ca1",
    "uk1",
    "jp1",
    "na2",
    "na3",
    "au2",
    "eu2",
] as const;

/** A CXone region (area) name, e.g. `na1`. */
export type RegionName = (typeof REGION_NAMES)[number];

/** What the operator asks for. */
export interface RegionInput {
    /** CXone region (area), e.g. `na1`; case-insensitive. */
    region: string;
    /** FedRAMP (US government) tenant. Omit to take the region's own setting. */
    fedramp?: boolean;
}

/** How sure we are of each URL of a resolved region. */
export interface RegionConfidence {
    /** The region itself exists (documented area, or only seen in public code). */
    region: Confidence;
    scimBaseUrl: Confidence;
    loginUrl: Confidence;
    tokenEndpoint: Confidence;
    authorizeEndpoint: Confidence;
    issuerUrl: Confidence;
    areaUrl: Confidence;
}

/** Every URL of one CXone region, ready for Okta's SCIM connection and for the CXone client. */
export interface ResolvedRegion {
    /** Region name, lower case (`sandbox` for the local sandbox). */
    region: string;
    fedramp: boolean;
    /** Okta "SCIM connector base URL" (procedure step 8). */
    scimBaseUrl: string;
    /** Okta SWA app "App's login page URL": the CXone login page (procedure step 6). */
    loginUrl: string;
    /** Okta "Access token endpoint" (procedure step 11). */
    tokenEndpoint: string;
    /** Okta "Authorization endpoint", with `?scope=openid` as Okta wants it (procedure step 11). */
    authorizeEndpoint: string;
    /** CXone auth issuer (OAuth, discovery). */
    issuerUrl: string;
    /** Area host: where the access-key token endpoint lives. */
    areaUrl: string;
    /** Only for the sandbox, which serves every API on one host; real regions use discovery. */
    apiUrl?: string;
    confidence: RegionConfidence;
    /** Known doubts about this entry, in the operator's words. */
    notes: string[];
}

/** The endpoint shape the CXone client takes (structurally identical to provider/cxone/client.ts). */
export interface CxoneEndpoint {
    issuerUrl: string;
    areaUrl: string;
    apiUrl?: string;
    tenantId?: string;
}

/** An invalid region input, naming the property at fault. */
export class RegionError extends Error {
    constructor(
        /** The input property at fault: `region` or `fedramp`. */
        readonly property: "region" | "fedramp" | "cxoneBaseUrl",
        message: string,
    ) {
        super(message);
        this.name = "RegionError";
    }
}

interface Issuer {
    url: string;
    /** How sure we are of the issuer URL. */
    confidence: Confidence;
    /** Login page of the CXone UI on this issuer [guess:cxone-login-url]. */
    loginUrl: string;
}

type IssuerName = "commercial" | "fedramp" | "fedrampHigh" | "sovereignAu" | "sovereignEu";

const issuer = (url: string, confidence: Confidence): Issuer => ({
    url,
    confidence,
    loginUrl: `${url}/login`,
});

// /auth/token and /auth/authorize on the issuer [doc] (procedure step 11). NICE's SDK picks the
// issuer from the browser's host name [sdk:region-issuers] (shared-apps-lib index.js Helpers.getCXoneSystemIssuer):
// na2 -> cxone-gov, na3 -> nicecxone-fed.com, sov1.au / sov1.eu -> the sovereign issuers.
const ISSUERS: Record<IssuerName, Issuer> = {
    commercial: issuer("https://cxone.niceincontact.com", "spec"),
    fedramp: issuer("https://cxone-gov.niceincontact.com", "spec"),
    fedrampHigh: issuer("https://nicecxone-fed.com", "sdk"),
    sovereignAu: issuer("https://nicecxone-sov1.au", "sdk"),
    sovereignEu: issuer("https://nicecxone-sov1.eu", "sdk"),
};

interface RegionEntry {
    issuer: IssuerName;
    fedramp: boolean;
    /** Is the region itself documented by NICE? */
    region: Confidence;
    areaUrl: string;
    areaUrlConfidence: Confidence;
    scimBaseUrl: string;
    scimBaseUrlConfidence: Confidence;
    notes: string[];
}

const SPELLING_NOTE =
    "host spelling differs between regions (nice-incontact.com vs niceincontact.com); " +
    "confirm the API host with discovery ({issuer}/.well-known/cxone-configuration)";

const SDK_ONLY_NOTE = "region known only from NICE's SDK; ";
const AREA_GUESS_NOTE =
    "its area host and SCIM base are inferred: the connection test prints the area host " +
    "discovery names ({area}.{uhDomain})";

// SCIM base: NICE's Okta page gives https://{region}.nice-incontact.com/scim/v2 [doc], example na1.
// Area hosts: na1/au1 *.nice-incontact.com [doc+seen]; the others *.niceincontact.com
// [seen:region-area-hosts].
const REGIONS: Record<RegionName, RegionEntry> = {
    na1: {
        issuer: "commercial",
        fedramp: false,
        region: "doc",
        areaUrl: "https://na1.nice-incontact.com",
        areaUrlConfidence: "doc",
        scimBaseUrl: "https://na1.nice-incontact.com/scim/v2",
        scimBaseUrlConfidence: "doc",
        notes: [],
    },
    au1: {
        issuer: "commercial",
        fedramp: false,
        region: "doc",
        areaUrl: "https://au1.nice-incontact.com",
        areaUrlConfidence: "doc",
        scimBaseUrl: "https://au1.nice-incontact.com/scim/v2",
        scimBaseUrlConfidence: "doc",
        notes: [],
    },
    eu1: {
        issuer: "commercial",
        // The documented template says eu1.nice-incontact.com; public code spells other areas
        // niceincontact.com, so this one is the likeliest to need a correction.
        fedramp: false,
        region: "doc",
        areaUrl: "https://eu1.nice-incontact.com",
        areaUrlConfidence: "doc",
        scimBaseUrl: "https://eu1.nice-incontact.com/scim/v2",
        scimBaseUrlConfidence: "doc",
        notes: ["public code spells non-na1/au1 hosts niceincontact.com; " + SPELLING_NOTE],
    },
    ca1: {
        issuer: "commercial",
        fedramp: false,
        region: "seen",
        areaUrl: "https://ca1.niceincontact.com",
        areaUrlConfidence: "seen",
        scimBaseUrl: "https://ca1.nice-incontact.com/scim/v2",
        scimBaseUrlConfidence: "guess",
        notes: [
            "region seen in public code, not documented; SCIM base follows NICE's template; " +
                SPELLING_NOTE,
        ],
    },
    uk1: {
        issuer: "commercial",
        fedramp: false,
        region: "seen",
        areaUrl: "https://uk1.niceincontact.com",
        areaUrlConfidence: "seen",
        scimBaseUrl: "https://uk1.nice-incontact.com/scim/v2",
        scimBaseUrlConfidence: "guess",
        notes: [
            "region seen in public code, not documented; SCIM base follows NICE's template; " +
                SPELLING_NOTE,
        ],
    },
    jp1: {
        issuer: "commercial",
        fedramp: false,
        region: "seen",
        areaUrl: "https://jp1.niceincontact.com",
        areaUrlConfidence: "seen",
        scimBaseUrl: "https://jp1.nice-incontact.com/scim/v2",
        scimBaseUrlConfidence: "guess",
        notes: [
            "region seen in public code, not documented; SCIM base follows NICE's template; " +
                SPELLING_NOTE,
        ],
    },
    na2: {
        // FedRAMP SCIM base is not documented: same host as the area is an inference.
        issuer: "fedramp",
        fedramp: true,
        region: "seen",
        areaUrl: "https://na2.niceincontact.com",
        areaUrlConfidence: "seen",
        scimBaseUrl: "https://na2.niceincontact.com/scim/v2",
        scimBaseUrlConfidence: "guess",
        notes: [
            "FedRAMP region seen in public code; its SCIM base is not documented: confirm it with NICE; " +
                SPELLING_NOTE,
        ],
    },
    // The three below exist only in NICE's SDK, which names their issuers [sdk:region-issuers]. Area names and
    // hosts are inferred (the SDK's own variable names say au2/eu2 for the sovereign ones).
    na3: {
        issuer: "fedrampHigh",
        fedramp: true,
        region: "sdk",
        areaUrl: "https://na3.nicecxone-fed.com",
        areaUrlConfidence: "guess",
        scimBaseUrl: "https://na3.nicecxone-fed.com/scim/v2",
        scimBaseUrlConfidence: "guess",
        notes: [
            SDK_ONLY_NOTE +
                "FedRAMP High issuer nicecxone-fed.com [sdk:region-issuers]; " +
                AREA_GUESS_NOTE,
        ],
    },
    au2: {
        issuer: "sovereignAu",
        fedramp: false,
        region: "guess",
        areaUrl: "https://au2.nicecxone-sov1.au",
        areaUrlConfidence: "guess",
        scimBaseUrl: "https://au2.nicecxone-sov1.au/scim/v2",
        scimBaseUrlConfidence: "guess",
        notes: [
            SDK_ONLY_NOTE +
                "sovereign Australian issuer nicecxone-sov1.au [sdk:region-issuers]; " +
                "the area name au2 is inferred; " +
                AREA_GUESS_NOTE,
        ],
    },
    eu2: {
        issuer: "sovereignEu",
        fedramp: false,
        region: "guess",
        areaUrl: "https://eu2.nicecxone-sov1.eu",
        areaUrlConfidence: "guess",
        scimBaseUrl: "https://eu2.nicecxone-sov1.eu/scim/v2",
        scimBaseUrlConfidence: "guess",
        notes: [
            SDK_ONLY_NOTE +
                "sovereign European issuer nicecxone-sov1.eu [sdk:region-issuers]; " +
                "the area name eu2 is inferred; " +
                AREA_GUESS_NOTE,
        ],
    },
};

function isRegionName(name: string): name is RegionName {
    return (REGION_NAMES as readonly string[]).includes(name);
}

function regionList(filter?: (r: RegionEntry) => boolean): string {
    return REGION_NAMES.filter((n) => !filter || filter(REGIONS[n])).join(", ");
}

/**
 * Resolves a CXone region (and FedRAMP flag) to every URL the integration needs.
 * Pure: no I/O. Throws {@link RegionError} naming the property for an unknown region or a
 * FedRAMP flag that contradicts the region.
 */
export function resolveRegion(input: RegionInput): ResolvedRegion {
    const raw = input?.region;
    if (typeof raw !== "string" || raw.trim() === "") {
        throw new RegionError("region", `region is required: one of ${regionList()}`);
    }
    const name = raw.trim().toLowerCase();
    if (!isRegionName(name)) {
        throw new RegionError(
            "region",
            `region "${raw}" is not a known CXone region; valid values: ${regionList()}`,
        );
    }
    const entry = REGIONS[name];
    if (input.fedramp !== undefined && typeof input.fedramp !== "boolean") {
        throw new RegionError(
            "fedramp",
            `fedramp must be true or false, got ${JSON.stringify(input.fedramp)}`,
        );
    }
    if (input.fedramp === true && !entry.fedramp) {
        throw new RegionError(
            "fedramp",
            `fedramp is true but region "${name}" is not a FedRAMP region; FedRAMP regions: ${regionList((r) => r.fedramp)}`,
        );
    }
    if (input.fedramp === false && entry.fedramp) {
        throw new RegionError(
            "fedramp",
            `fedramp is false but region "${name}" is a FedRAMP region; commercial regions: ${regionList((r) => !r.fedramp)}`,
        );
    }
    const iss = ISSUERS[entry.issuer];
    return {
        region: name,
        fedramp: entry.fedramp,
        scimBaseUrl: entry.scimBaseUrl,
        loginUrl: iss.loginUrl,
        tokenEndpoint: `${iss.url}/auth/token`,
        authorizeEndpoint: `${iss.url}/auth/authorize?scope=openid`,
        issuerUrl: iss.url,
        areaUrl: entry.areaUrl,
        confidence: {
            region: entry.region,
            scimBaseUrl: entry.scimBaseUrlConfidence,
            loginUrl: "guess",
            tokenEndpoint: iss.confidence === "spec" ? "doc" : iss.confidence,
            authorizeEndpoint: iss.confidence === "spec" ? "doc" : iss.confidence,
            issuerUrl: iss.confidence,
            areaUrl: entry.areaUrlConfidence,
        },
        notes: [
            ...entry.notes,
            "login page URL is inferred (the CXone UI sign-in page on the issuer host)",
        ],
    };
}

/** The sandbox's CXone hosts as it listens on them (endpoints.json `cxone.hosts`). */
export interface SandboxHosts {
    issuer: string;
    area: string;
}

/**
 * The same shape for the local sandbox. Pure: no I/O. Takes the sandbox's CXone issuer URL (e.g.
 * `http://127.0.0.1:4610`, which then also plays the area host) or its hosts from endpoints.json.
 * No API base is set: the client finds UserHub through discovery, as on a real tenant.
 */
export function sandboxRegion(cxone: string | SandboxHosts): ResolvedRegion {
    const issuerUrl = checkedSandboxUrl(typeof cxone === "string" ? cxone : cxone.issuer);
    const areaUrl = typeof cxone === "string" ? issuerUrl : checkedSandboxUrl(cxone.area);
    return {
        region: "sandbox",
        fedramp: false,
        scimBaseUrl: `${areaUrl}/scim/v2`,
        loginUrl: `${issuerUrl}/login`,
        tokenEndpoint: `${issuerUrl}/auth/token`,
        authorizeEndpoint: `${issuerUrl}/auth/authorize?scope=openid`,
        issuerUrl,
        areaUrl,
        // The sandbox is ours: its URLs are facts, modelled on the [doc]/[spec] contracts.
        confidence: {
            region: "doc",
            scimBaseUrl: "doc",
            loginUrl: "doc",
            tokenEndpoint: "doc",
            authorizeEndpoint: "doc",
            issuerUrl: "doc",
            areaUrl: "doc",
        },
        notes: [
            "local sandbox: its hosts are loopback ports, found by discovery like a real tenant's",
        ],
    };
}

function checkedSandboxUrl(raw: string): string {
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        throw new RegionError(
            "cxoneBaseUrl",
            `cxoneBaseUrl "${raw}" is not a URL; expected e.g. http://127.0.0.1:4610`,
        );
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new RegionError("cxoneBaseUrl", `cxoneBaseUrl "${raw}" must be http: or https:`);
    }
    return raw.replace(/\/+$/, "");
}

/** Every known region, resolved (for documentation and region pickers). */
export function allRegions(): ResolvedRegion[] {
    return REGION_NAMES.map((region) => resolveRegion({ region }));
}

/** Fields of a resolved region whose URL is not documented by NICE (SDK-only, seen or guessed). */
export function inferredFields(resolved: ResolvedRegion): (keyof RegionConfidence)[] {
    const undocumented: Confidence[] = ["sdk", "seen", "guess"];
    return (Object.keys(resolved.confidence) as (keyof RegionConfidence)[]).filter((k) =>
        undocumented.includes(resolved.confidence[k]),
    );
}

/** Maps a resolved region to the endpoint the CXone client takes. */
export function cxoneEndpointFor(resolved: ResolvedRegion, tenantId?: string): CxoneEndpoint {
    const endpoint: CxoneEndpoint = { issuerUrl: resolved.issuerUrl, areaUrl: resolved.areaUrl };
    if (resolved.apiUrl !== undefined) endpoint.apiUrl = resolved.apiUrl;
    if (tenantId !== undefined) endpoint.tenantId = tenantId;
    return endpoint;
}

// ---- hosts derived from discovery -----------------------------------------------------------

/**
 * Which host serves UserHub (users, roles, access keys). The evidence conflicts:
 * - `api_endpoint`: NICE's OpenAPI lists these calls under the discovery's `api_endpoint` [spec];
 * - `derived`: NICE's SDK calls UserHub at `https://api-{area}.{domain}` and treats
 *   `api_endpoint` as the ACD base [sdk:userhub-host] (core-sdk admin-services.js getUserDetails
 *   with common-sdk cxone-configuration.js getAPIFacadeBaseUri).
 * We follow the SDK. The connection test (provider/verify/verify.ts) reports which host answered.
 */
export type UserHubHost = "derived" | "api_endpoint";
export const USER_HUB_HOST: { choice: UserHubHost; confidence: Confidence } = {
    choice: "derived",
    confidence: "sdk",
};

/** The hosts a discovery document may name. */
export type DiscoveredHostName = "areaUrl" | "userHubUrl" | "acdUrl" | "apiEndpoint";

/**
 * A tenant's hosts as discovery names them. Each is built only from the fields it needs, and a host
 * whose fields discovery lacks is left out (its reason in `lacking`): the stack stops only when it
 * comes to use such a host, naming the field, never for a field it does not use.
 */
export interface DiscoveredHosts {
    /** the issuer that served the discovery document (named by errors) */
    issuerUrl: string;
    /** `{scheme}://{area}.{uhDomain}` [sdk:discovery-hosts]: access-key token, public auth routes, SCIM */
    areaUrl?: string;
    /** `{scheme}://api-{area}.{domain}` [sdk:userhub-host]: UserHub */
    userHubUrl?: string;
    /** `{scheme}://api-{cluster}.{acdDomain}` [sdk:discovery-hosts]: ACD, whoami (never called) */
    acdUrl?: string;
    /** discovery's `api_endpoint` as given [spec] (the ACD API base per the SDK) */
    apiEndpoint?: string;
    /** for each host left out: the fields discovery lacks for it, e.g. `has no "domain"` */
    lacking: Partial<Record<DiscoveredHostName, string>>;
}

/** A discovery document without the fields a host is built from, or naming a host it may not. */
export class DiscoveryError extends Error {
    override readonly name = "DiscoveryError";
}

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i;
// a DNS suffix, optionally with a port (the sandbox's hosts are loopback ports); its last label
// starts with a letter, as every top-level domain does (and as a URL host must: "x.0" is not one)
const DNS_SUFFIX = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z]([a-z0-9-]*[a-z0-9])?(:\d{1,5})?$/i;

/** What each host is for, in the words of an error about it. */
const HOST_USE: Record<DiscoveredHostName, string> = {
    areaUrl: "the area host https://{area}.{uhDomain}",
    userHubUrl:
        "UserHub (employees, roles and access keys) at https://api-{area}.{domain}, where NICE's SDK finds it",
    acdUrl: "the ACD host https://api-{cluster}.{acdDomain}",
    apiEndpoint: "UserHub at api_endpoint, where NICE's OpenAPI lists it",
};

/**
 * The hosts named by a discovery document (`{issuer}/.well-known/cxone-configuration`). Pure.
 * The scheme is https, except for a loopback issuer on plain http (the sandbox), whose derived
 * names must then be `*.localhost` names, which the client pins to 127.0.0.1.
 * @throws DiscoveryError when a host it names may not be used (plain http off this machine, or a
 * real tenant naming this machine); a missing or malformed field only leaves its hosts out
 */
export function hostsFromDiscovery(doc: unknown, issuerUrl: string): DiscoveredHosts {
    const d = (doc && typeof doc === "object" ? doc : {}) as Record<string, unknown>;
    const problems: Record<string, string> = {};
    const field = (name: string, pattern: RegExp): string | undefined => {
        const v = d[name];
        if (typeof v === "string" && v.length <= 253 && pattern.test(v)) return v.toLowerCase();
        problems[name] =
            v === undefined
                ? `has no "${name}"`
                : `has an unusable "${name}" (${JSON.stringify(v)})`;
        return undefined;
    };
    const area = field("area", DNS_LABEL);
    const uhDomain = field("uhDomain", DNS_SUFFIX);
    const domain = field("domain", DNS_SUFFIX);
    // the ACD host is named where both fields are given, never required (nothing is called there)
    const cluster = field("cluster", DNS_LABEL);
    const acdDomain = field("acdDomain", DNS_SUFFIX);
    const api = d.api_endpoint;
    const issuer = new URL(issuerUrl);
    const plain = issuer.protocol === "http:";
    const scheme = plain ? "http" : "https";
    const hosts: DiscoveredHosts = { issuerUrl: issuerUrl.replace(/\/+$/, ""), lacking: {} };
    const build = (name: DiscoveredHostName, parts: Record<string, string | undefined>) => {
        const missing = Object.keys(parts).filter((k) => parts[k] === undefined);
        if (missing.length) hosts.lacking[name] = missing.map((k) => problems[k]).join(" and ");
        return missing.length === 0;
    };
    if (build("areaUrl", { area, uhDomain })) hosts.areaUrl = `${scheme}://${area}.${uhDomain}`;
    if (build("userHubUrl", { area, domain }))
        hosts.userHubUrl = `${scheme}://api-${area}.${domain}`;
    if (build("acdUrl", { cluster, acdDomain }))
        hosts.acdUrl = `${scheme}://api-${cluster}.${acdDomain}`;
    if (typeof api === "string" && /^https?:\/\//i.test(api))
        hosts.apiEndpoint = api.replace(/\/+$/, "");
    else
        hosts.lacking.apiEndpoint =
            api === undefined
                ? `has no "api_endpoint"`
                : `has an unusable "api_endpoint" (${JSON.stringify(api)})`;
    // Loopback issuer (the sandbox) <=> loopback hosts: a real tenant naming *.localhost hosts
    // would send the admin token to this machine, and plain http must never leave it. (A plain
    // http issuer off this machine fails here too: its hosts are either not *.localhost names, or
    // *.localhost names from a host that is not local.)
    const local = isLocalhostName(issuer.hostname) || isLoopbackHost(issuer.hostname);
    for (const url of [hosts.areaUrl, hosts.userHubUrl, hosts.acdUrl]) {
        if (url === undefined) continue;
        const named = isLocalhostName(hostnameOf(url));
        if (plain && !named) {
            throw new DiscoveryError(
                `plain http is only for the local sandbox: ${url} is not a *.localhost name`,
            );
        }
        if (named && !local) {
            throw new DiscoveryError(
                `discovery from ${issuer.host} names a host on this machine (${url})`,
            );
        }
    }
    return hosts;
}

/** The host name of a URL built from discovery's fields; one no URL parser takes is refused. */
function hostnameOf(url: string): string {
    try {
        return new URL(url).hostname;
    } catch {
        // e.g. a label "xn--0": DNS-shaped, but not a name (IDNA refuses it)
        throw new DiscoveryError(`discovery names a host that is not a valid host name (${url})`);
    }
}

/**
 * A host discovery named, or a DiscoveryError in the operator's words: the field discovery lacks,
 * the tenant's issuer it came from, and what the stack needed the host for.
 */
export function discoveredHost(hosts: DiscoveredHosts, name: DiscoveredHostName): string {
    const url = hosts[name];
    if (url !== undefined) return url;
    throw new DiscoveryError(
        `the tenant's discovery document (${hosts.issuerUrl}/.well-known/cxone-configuration) ` +
            `${hosts.lacking[name] ?? "names no such host"}, which the stack needs for ${HOST_USE[name]}`,
    );
}

/** The UserHub base for a choice of {@link UserHubHost}. @throws DiscoveryError when discovery lacks it */
export function userHubBase(
    hosts: DiscoveredHosts,
    choice: UserHubHost = USER_HUB_HOST.choice,
): string {
    return discoveredHost(hosts, choice === "derived" ? "userHubUrl" : "apiEndpoint");
}

// isLocalhostName lives with the loopback rule (provider/core/loopback.ts).
export { isLocalhostName };
