// The CXone region table: every URL the integration needs for a region, each with how sure we are.
// Source: shared/reference/cxone-api.md and procedure.md (steps 8, 11). A correction found on a
// real tenant is a one-line change in REGIONS or ISSUERS below.

/**
 * How sure we are of a fact:
 * - `doc`: stated on NICE's own pages;
 * - `spec`: in NICE's published OpenAPI;
 * - `seen`: used by public code, not documented;
 * - `guess`: inferred; confirm on a real tenant before relying on it.
 */
export type Confidence = "doc" | "spec" | "seen" | "guess";

/** The CXone regions (areas) this project knows, in the order NICE lists them. */
export const REGION_NAMES = ["na1", "au1", "eu1", "ca1", "uk1", "jp1", "na2"] as const;

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
    /** Login page of the CXone UI on this issuer. */
    loginUrl: string;
}

const ISSUERS: Record<"commercial" | "fedramp", Issuer> = {
    // Issuer [spec]; /auth/token and /auth/authorize [doc] (procedure step 11).
    // Login page: the CXone UI's sign-in page on the issuer host [guess].
    commercial: { url: "https://cxone.niceincontact.com", loginUrl: "https://cxone.niceincontact.com/login" },
    fedramp: { url: "https://cxone-gov.niceincontact.com", loginUrl: "https://cxone-gov.niceincontact.com/login" },
};

interface RegionEntry {
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

// SCIM base: NICE's Okta page gives https://{region}.nice-incontact.com/scim/v2 [doc], example na1.
// Area hosts: na1/au1 *.nice-incontact.com [doc+seen]; the others *.niceincontact.com [seen].
const REGIONS: Record<RegionName, RegionEntry> = {
    na1: {
        fedramp: false, region: "doc",
        areaUrl: "https://na1.nice-incontact.com", areaUrlConfidence: "doc",
        scimBaseUrl: "https://na1.nice-incontact.com/scim/v2", scimBaseUrlConfidence: "doc",
        notes: [],
    },
    au1: {
        fedramp: false, region: "doc",
        areaUrl: "https://au1.nice-incontact.com", areaUrlConfidence: "doc",
        scimBaseUrl: "https://au1.nice-incontact.com/scim/v2", scimBaseUrlConfidence: "doc",
        notes: [],
    },
    eu1: {
        // The documented template says eu1.nice-incontact.com; public code spells other areas
        // niceincontact.com, so this one is the likeliest to need a correction.
        fedramp: false, region: "doc",
        areaUrl: "https://eu1.nice-incontact.com", areaUrlConfidence: "doc",
        scimBaseUrl: "https://eu1.nice-incontact.com/scim/v2", scimBaseUrlConfidence: "doc",
        notes: ["public code spells non-na1/au1 hosts niceincontact.com; " + SPELLING_NOTE],
    },
    ca1: {
        fedramp: false, region: "seen",
        areaUrl: "https://ca1.niceincontact.com", areaUrlConfidence: "seen",
        scimBaseUrl: "https://ca1.nice-incontact.com/scim/v2", scimBaseUrlConfidence: "guess",
        notes: ["region seen in public code, not documented; SCIM base follows NICE's template; " + SPELLING_NOTE],
    },
    uk1: {
        fedramp: false, region: "seen",
        areaUrl: "https://uk1.niceincontact.com", areaUrlConfidence: "seen",
        scimBaseUrl: "https://uk1.nice-incontact.com/scim/v2", scimBaseUrlConfidence: "guess",
        notes: ["region seen in public code, not documented; SCIM base follows NICE's template; " + SPELLING_NOTE],
    },
    jp1: {
        fedramp: false, region: "seen",
        areaUrl: "https://jp1.niceincontact.com", areaUrlConfidence: "seen",
        scimBaseUrl: "https://jp1.nice-incontact.com/scim/v2", scimBaseUrlConfidence: "guess",
        notes: ["region seen in public code, not documented; SCIM base follows NICE's template; " + SPELLING_NOTE],
    },
    na2: {
        // FedRAMP SCIM base is not documented: same host as the area is an inference.
        fedramp: true, region: "seen",
        areaUrl: "https://na2.niceincontact.com", areaUrlConfidence: "seen",
        scimBaseUrl: "https://na2.niceincontact.com/scim/v2", scimBaseUrlConfidence: "guess",
        notes: ["FedRAMP region seen in public code; its SCIM base is not documented: confirm it with NICE; " + SPELLING_NOTE],
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
        throw new RegionError("region", `region "${raw}" is not a known CXone region; valid values: ${regionList()}`);
    }
    const entry = REGIONS[name];
    if (input.fedramp !== undefined && typeof input.fedramp !== "boolean") {
        throw new RegionError("fedramp", `fedramp must be true or false, got ${JSON.stringify(input.fedramp)}`);
    }
    if (input.fedramp === true && !entry.fedramp) {
        throw new RegionError("fedramp",
            `fedramp is true but region "${name}" is not a FedRAMP region; FedRAMP regions: ${regionList((r) => r.fedramp)}`);
    }
    if (input.fedramp === false && entry.fedramp) {
        throw new RegionError("fedramp",
            `fedramp is false but region "${name}" is a FedRAMP region; commercial regions: ${regionList((r) => !r.fedramp)}`);
    }
    const issuer = entry.fedramp ? ISSUERS.fedramp : ISSUERS.commercial;
    return {
        region: name,
        fedramp: entry.fedramp,
        scimBaseUrl: entry.scimBaseUrl,
        loginUrl: issuer.loginUrl,
        tokenEndpoint: `${issuer.url}/auth/token`,
        authorizeEndpoint: `${issuer.url}/auth/authorize?scope=openid`,
        issuerUrl: issuer.url,
        areaUrl: entry.areaUrl,
        confidence: {
            region: entry.region,
            scimBaseUrl: entry.scimBaseUrlConfidence,
            loginUrl: "guess",
            tokenEndpoint: "doc",
            authorizeEndpoint: "doc",
            issuerUrl: "spec",
            areaUrl: entry.areaUrlConfidence,
        },
        notes: [...entry.notes, "login page URL is inferred (the CXone UI sign-in page on the issuer host)"],
    };
}

/**
 * The same shape for the local sandbox, where one server plays issuer, area, API and SCIM host.
 * Pure: no I/O. `cxoneBaseUrl` is the sandbox's CXone base, e.g. `http://127.0.0.1:4610`.
 */
export function sandboxRegion(cxoneBaseUrl: string): ResolvedRegion {
    let url: URL;
    try {
        url = new URL(cxoneBaseUrl);
    } catch {
        throw new RegionError("cxoneBaseUrl", `cxoneBaseUrl "${cxoneBaseUrl}" is not a URL; expected e.g. http://127.0.0.1:4610`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new RegionError("cxoneBaseUrl", `cxoneBaseUrl "${cxoneBaseUrl}" must be http: or https:`);
    }
    const base = cxoneBaseUrl.replace(/\/+$/, "");
    return {
        region: "sandbox",
        fedramp: false,
        scimBaseUrl: `${base}/scim/v2`,
        loginUrl: `${base}/login`,
        tokenEndpoint: `${base}/auth/token`,
        authorizeEndpoint: `${base}/auth/authorize?scope=openid`,
        issuerUrl: base,
        areaUrl: base,
        apiUrl: base,
        // The sandbox is ours: its URLs are facts, modelled on the [doc]/[spec] contracts.
        confidence: {
            region: "doc", scimBaseUrl: "doc", loginUrl: "doc", tokenEndpoint: "doc",
            authorizeEndpoint: "doc", issuerUrl: "doc", areaUrl: "doc",
        },
        notes: ["local sandbox: every API on one host"],
    };
}

/** Every known region, resolved (for documentation and region pickers). */
export function allRegions(): ResolvedRegion[] {
    return REGION_NAMES.map((region) => resolveRegion({ region }));
}

/** Fields of a resolved region whose URL is not documented by NICE (seen or guessed). */
export function inferredFields(resolved: ResolvedRegion): (keyof RegionConfidence)[] {
    return (Object.keys(resolved.confidence) as (keyof RegionConfidence)[])
        .filter((k) => resolved.confidence[k] === "seen" || resolved.confidence[k] === "guess");
}

/** Maps a resolved region to the endpoint the CXone client takes. */
export function cxoneEndpointFor(resolved: ResolvedRegion, tenantId?: string): CxoneEndpoint {
    const endpoint: CxoneEndpoint = { issuerUrl: resolved.issuerUrl, areaUrl: resolved.areaUrl };
    if (resolved.apiUrl !== undefined) endpoint.apiUrl = resolved.apiUrl;
    if (tenantId !== undefined) endpoint.tenantId = tenantId;
    return endpoint;
}
