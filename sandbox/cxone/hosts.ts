// The emulated tenant's four hosts and the discovery fields that name them. NICE's SDK combines
// discovery's DNS suffixes with the area and cluster [sdk: common-sdk cxone-configuration.js,
// auth-sdk cxone-auth.js]: area host `{area}.{uhDomain}`, UserHub `api-{area}.{domain}`,
// ACD `api-{cluster}.{acdDomain}`. On loopback each host is its own port, and its name is a
// `*.localhost` name with that port, so the derivation yields a URL that reaches exactly it.

/** Area and cluster of the sandbox tenant: NICE's documented first area [doc], a cluster [guess]. */
export const SANDBOX_AREA = "na1";
export const SANDBOX_CLUSTER = "c1";

/** Base URLs (no trailing slash) of the emulated CXone hosts. */
export interface CxoneHostUrls {
    /** auth issuer: OAuth, discovery, JWKS, the login page */
    issuer: string;
    /** area host: access-key token, public token routes, SCIM */
    area: string;
    /** UserHub: users, roles, access keys */
    userHub: string;
    /** ACD: whoami (api_endpoint points here) */
    acd: string;
}

function portOf(url: string): string {
    const u = new URL(url);
    return u.port || (u.protocol === "https:" ? "443" : "80");
}

/** The hosts' URLs under their derived names, from the loopback URLs the servers listen on. */
export function namedHosts(
    issuer: string,
    listening: { area: string; userHub: string; acd: string },
): CxoneHostUrls {
    const scheme = new URL(issuer).protocol;
    return {
        issuer,
        area: `${scheme}//${SANDBOX_AREA}.localhost:${portOf(listening.area)}`,
        userHub: `${scheme}//api-${SANDBOX_AREA}.localhost:${portOf(listening.userHub)}`,
        acd: `${scheme}//api-${SANDBOX_CLUSTER}.localhost:${portOf(listening.acd)}`,
    };
}

/** Discovery's host fields for these hosts [sdk field names; suffix values carry the port]. */
export function discoveryHostFields(h: CxoneHostUrls) {
    const suffix = (url: string, prefix: string) => new URL(url).host.slice(prefix.length);
    return {
        area: SANDBOX_AREA,
        cluster: SANDBOX_CLUSTER,
        uhDomain: suffix(h.area, `${SANDBOX_AREA}.`),
        domain: suffix(h.userHub, `api-${SANDBOX_AREA}.`),
        acdDomain: suffix(h.acd, `api-${SANDBOX_CLUSTER}.`),
        // [sdk] NICE's SDK takes api_endpoint as the ACD API base; the path is [guess]
        api_endpoint: `${h.acd}/inContactAPI`,
        auth_endpoint: h.issuer,
        ui_endpoint: h.issuer,
    };
}
