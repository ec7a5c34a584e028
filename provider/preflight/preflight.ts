// The preflight: before a first `pulumi up` on real tenants, ask them (reading only) about every
// unconfirmed fact the stack relies on (docs/vendor-facts/unconfirmed.md), and report each row as
// confirmed, contradicted or unknown, with the sandbox variant its answer matches. It signs in
// with the admin access key and makes GETs and searches only: it never creates, changes or deletes
// anything (a request that is not one of those is refused before it is sent). No secret, token or
// value from an answer is reported, only what was found.
import { sendOnce, type HttpResponse, type HttpFailure, type Method } from "../core/http";
import { adminAccessKey, type AdminAccessKey } from "../cxone/credentials";
import { accessKeyTokenUrl, tokenFields } from "../cxone/accessKeyToken";
import { decodeJwtClaims, tenantIdFromClaims, userIdFromClaims } from "../cxone/jwt";
import { pinLocalhost } from "../cxone/localhostNames";
import {
    hostsFromDiscovery,
    type DiscoveredHosts,
    type ResolvedRegion,
} from "../cxone/discovery/regions";

export type FactStatus = "confirmed" | "contradicted" | "unknown";

/** One row of the inventory as this tenant answered it. */
export interface PreflightFinding {
    /** the row id, e.g. `userhub-host` */
    id: string;
    status: FactStatus;
    /** what was asked and answered, in a line (no value, secret or token) */
    evidence: string;
    /** contradicted: the sandbox variant this answer matches (`npm run sandbox -- start --variant`) */
    variant?: string;
    /** contradicted: what the stack does about it */
    handled?: string;
}

export interface PreflightInput {
    /** From {@link resolveRegion} or {@link sandboxRegion}. */
    region: ResolvedRegion;
    /** The tenant id, if known (else from the token). */
    tenantId?: string;
    /** The admin access key; default env CXONE_ACCESS_KEY_ID/SECRET (the sandbox's on loopback). */
    credentials?: AdminAccessKey;
    /** Okta: the org and its API token (env OKTA_API_TOKEN), and an existing app to read. */
    okta?: { orgUrl: string; apiToken?: string; appId?: string };
    /** per-request timeout; default 15 s */
    timeoutMs?: number;
}

export interface PreflightResult {
    region: string;
    findings: PreflightFinding[];
    /** requests made: each a GET, a search or a sign-in */
    requests: number;
}

/** Every row the preflight reports, in the inventory's order. */
export const PREFLIGHT_ROWS = [
    "userhub-host",
    "discovery-hosts",
    "token-user-id",
    "token-casing",
    "access-token-jwt",
    "token-tenant-claim",
    "billable-string",
    "region-issuers",
    "region-area-hosts",
    "cxone-login-url",
    "role-create-route",
    "role-update-route",
    "deactivate-repeated",
    "permission-keys",
    "role-search-filter",
    "user-search-filter",
    "employee-role-field",
    "billable-attribute",
    "login-authenticator-search",
    "key-created-date",
    "cxone-throttling",
    "employee-name-length",
    "employee-no-free-text",
    "scim-accepts-key-token",
    "email-type-work",
    "phone-types",
    "timezone-format",
    "team-name-or-id",
    "okta-connection-status",
    "okta-base-schema",
    "app-user-base-set",
    "schema-property-removal",
    "mapping-null-removes",
    "okta-rate-reset-clock",
    "okta-id-shape",
] as const;
export type PreflightRow = (typeof PREFLIGHT_ROWS)[number];

/** Rows no read can settle: the stack stops before the write with the way on instead. */
const NOT_ASKABLE: Partial<Record<PreflightRow, string>> = {
    "role-create-route":
        "asking would create a role; the stack stops at that write with the way on",
    "role-update-route":
        "asking would change a role; the stack stops at that write with the way on",
    "deactivate-repeated":
        "asking would deactivate an employee or a role; destroy reads once after a refusal and finishes",
    "employee-name-length":
        "asking would create an employee; a refusal stops the stack with the way on",
    "schema-property-removal":
        "asking would change an app's schema; a property left over goes with the app",
    "mapping-null-removes": "asking would change a mapping; a mapping left over goes with the app",
};

interface Answer {
    status?: number;
    data?: unknown;
    headers?: Record<string, unknown>;
    failure?: string;
}

/** Reads only: a GET, a search (POST .../search), or a sign-in. Anything else is a bug here. */
// Stryker disable all: every call below is a read, so a looser check changes no call (a write
// added to the preflight is what this refuses)
function isRead(method: Method, url: string): boolean {
    if (method === "GET") return true;
    const p = new URL(url).pathname;
    return method === "POST" && (/\/search$/.test(p) || /\/token\/access-key$/.test(p));
}
// Stryker restore all

class Asker {
    requests = 0;
    constructor(private readonly timeoutMs: number) {}

    async ask(
        method: Method,
        url: string,
        o: {
            body?: unknown;
            bearer?: string;
            headers?: Record<string, string>;
            params?: Record<string, string>;
        } = {},
    ): Promise<Answer> {
        // Stryker disable next-line all: as isRead's (every call is a read)
        if (!isRead(method, url)) throw new Error(`preflight: ${method} ${url} is not a read`);
        this.requests++;
        let res: HttpResponse;
        try {
            // once, through the core's send path: the host's shared rate gate, no redirect
            res = await sendOnce(
                {
                    method,
                    url,
                    params: o.params,
                    body: o.body,
                    headers: {
                        Accept: "application/json",
                        ...(o.bearer ? { Authorization: `Bearer ${o.bearer}` } : {}),
                        ...o.headers,
                    },
                    // Stryker disable next-line BooleanLiteral: one attempt, never repeated anyway
                    safe: true,
                    // Stryker disable next-line StringLiteral: a refusal comes back through fail() too
                    accept: "all",
                    ...pinLocalhost(url),
                },
                { timeoutMs: this.timeoutMs, fail: (f) => new NoAnswer(f) },
            );
        } catch (e) {
            // Stryker disable next-line ConditionalExpression: sendOnce lets no other error out
            if (!(e instanceof NoAnswer)) throw e;
            // the rate gate's wait ran past the budget: the refusal that closed it is the answer
            // Stryker disable next-line StringLiteral: every failure without an answer has a code
            if (!e.failure.response) return { failure: e.failure.networkCode ?? "ENETWORK" };
            res = e.failure.response;
        }
        return {
            status: res.status,
            data: res.data,
            headers: res.headers as Record<string, unknown>,
        };
    }
}

/** A call that got no answer; caught in `ask`, never let out (its facts may hold the headers). */
class NoAnswer extends Error {
    constructor(readonly failure: HttpFailure) {
        // Stryker disable next-line StringLiteral: caught in ask, its message never shown
        super("no answer");
    }
}

/** A 2xx answer (a status is a whole number; no answer counts as 0). */
const ok = (a: Answer) => Math.floor((a.status ?? 0) / 100) === 2;
const absent = (a: Answer) =>
    // Stryker disable next-line StringLiteral: no answer's failure matches either way
    a.status === 404 || a.status === 405 || /ENOTFOUND|EAI_AGAIN/.test(a.failure ?? "");
const said = (a: Answer) =>
    a.status !== undefined ? `HTTP ${a.status}` : `no answer (${a.failure})`;
const obj = (v: unknown): Record<string, unknown> =>
    // Stryker disable next-line LogicalOperator: a text or a number has none of the fields read
    v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The phone types CXone's SCIM schema lists (canonicalValues of phoneNumbers.type), if any. */
function phoneTypes(schemas: unknown): string[] | undefined {
    const docs = Array.isArray(schemas) ? schemas : list(obj(schemas).Resources);
    for (const d of docs.map(obj)) {
        const phones = list(d.attributes).find((a) => a.name === "phoneNumbers");
        const type = list(phones?.subAttributes).find((a) => a.name === "type");
        if (Array.isArray(type?.canonicalValues)) return type.canonicalValues.map(String);
    }
    return undefined;
}

/** Records one row's finding (the first answer for a row stands). */
type Report = (
    id: PreflightRow,
    status: FactStatus,
    evidence: string,
    variant?: string,
    handled?: string,
) => void;

/**
 * A filtered search for a value nothing has: a refusal, or any item in the answer, says the filter
 * cannot be trusted; an empty answer confirms it (where `confirmable`).
 */
function filterFinding(
    set: Report,
    id: "role-search-filter" | "user-search-filter",
    answer: Answer,
    items: unknown[],
    how: { asked: string; items: string; variant: string; handled: string; confirmable: boolean },
): void {
    if (!ok(answer))
        set(
            id,
            "contradicted",
            `the filtered search answered ${said(answer)}`,
            undefined,
            "the stack searches unfiltered and matches here",
        );
    else if (items.length)
        set(id, "contradicted", `${how.asked} answered ${how.items}`, how.variant, how.handled);
    else if (how.confirmable) set(id, "confirmed", `${how.asked} answered none`);
}

/** Asks the tenant, reading only; reports every row of the inventory. */
export async function preflight(input: PreflightInput): Promise<PreflightResult> {
    const r = input.region;
    const asker = new Asker(input.timeoutMs ?? 15_000);
    const found = new Map<PreflightRow, PreflightFinding>();
    const set: Report = (id, status, evidence, variant, handled) => {
        if (!found.has(id))
            found.set(id, {
                id,
                status,
                evidence,
                ...(status === "contradicted" && variant ? { variant } : {}),
                ...(status === "contradicted" && handled ? { handled } : {}),
            });
    };
    for (const [id, why] of Object.entries(NOT_ASKABLE)) set(id as PreflightRow, "unknown", why);

    const key = input.credentials ?? adminAccessKey(r.areaUrl);
    // ---- sign-in on the region table's area host; discovery's, when that one has no such route
    const signIn = (areaUrl: string) =>
        asker.ask("POST", accessKeyTokenUrl(areaUrl), {
            body: { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret },
        });
    let hosts: DiscoveredHosts | undefined;
    let discovery: Answer | undefined;
    const discover = async (tenantId: string) => {
        discovery = await asker.ask("GET", `${r.issuerUrl}/.well-known/cxone-configuration`, {
            params: { tenantId },
        });
        if (ok(discovery)) {
            try {
                hosts = hostsFromDiscovery(discovery.data, r.issuerUrl);
            } catch {
                // hosts stays undefined (discovery is asked once)
            }
        }
    };
    let token = await signIn(r.areaUrl);
    const tenantFromInput = input.tenantId ?? key.tenantId;
    if (absent(token)) {
        if (tenantFromInput) await discover(tenantFromInput);
        if (hosts?.areaUrl && hosts.areaUrl !== r.areaUrl) {
            const there = await signIn(hosts.areaUrl);
            set(
                "region-area-hosts",
                "contradicted",
                `the region table's area host answered the access-key sign-in with ${said(token)}; discovery's {area}.{uhDomain} with ${said(there)}`,
                "area-host-elsewhere",
                "the stack signs in on discovery's area host (with the tenant id)",
            );
            token = there;
        } else
            set(
                "region-area-hosts",
                "contradicted",
                `the region table's area host answered the access-key sign-in with ${said(token)}${tenantFromInput ? "" : " (give the tenant id to ask discovery)"}`,
                "area-host-elsewhere",
                "the stack signs in on discovery's area host once it knows the tenant id",
            );
    }
    if (!ok(token)) {
        for (const id of PREFLIGHT_ROWS)
            set(
                id,
                "unknown",
                `the admin access key could not sign in (${said(token)}): nothing else was asked`,
            );
        return done();
    }
    set("region-area-hosts", "confirmed", "the region table's area host signs in access keys");
    const t = tokenFields(token.data);
    const raw = obj(token.data);
    if (typeof raw.access_token === "string")
        set("token-casing", "confirmed", "the sign-in answered in snake_case");
    else if (typeof raw.accessToken === "string")
        set(
            "token-casing",
            "contradicted",
            "the sign-in answered in camelCase only",
            "token-camel-case",
            "both casings are read",
        );
    const access = decodeJwtClaims(t.accessToken);
    const id = decodeJwtClaims(t.idToken);
    if (access) set("access-token-jwt", "confirmed", "the access token is a JWT");
    else
        set(
            "access-token-jwt",
            "contradicted",
            "the access token is not a JWT",
            "opaque-access-tokens",
            "the tenant and the user are read from the id_token",
        );
    const claims = { ...id, ...access };
    const tenantId = input.tenantId ?? tenantIdFromClaims(claims) ?? key.tenantId;
    if (tenantIdFromClaims(claims))
        set("token-tenant-claim", "confirmed", "the tokens carry a tenant id claim");
    else
        set(
            "token-tenant-claim",
            "contradicted",
            "neither token carries a tenantId claim",
            "token-without-tenant",
            "set cxone:tenantId",
        );
    const userId = userIdFromClaims(access) ?? userIdFromClaims(id);
    if (typeof claims.userId === "string")
        set("token-user-id", "confirmed", "the tokens carry a userId claim");
    else if (typeof claims.sub === "string" && UUID.test(claims.sub))
        set(
            "token-user-id",
            "contradicted",
            "no userId claim; sub is a bare id",
            "token-sub-bare-id",
            "a UUID sub is taken as it is",
        );
    else if (typeof claims.sub === "string")
        set(
            "token-user-id",
            "confirmed",
            "no userId claim; sub carries a prefix, as NICE's SDK reads it",
        );
    else set("token-user-id", "unknown", "the tokens carry neither userId nor sub");
    const bearer = t.accessToken!;

    // ---- discovery and the hosts it names
    if (!tenantId) {
        set(
            "region-issuers",
            "unknown",
            "no tenant id: discovery was not asked (give the tenant id)",
        );
        set("discovery-hosts", "unknown", "no tenant id: discovery was not asked");
    } else {
        if (!discovery) await discover(tenantId);
        const d = discovery!;
        if (ok(d)) set("region-issuers", "confirmed", "the issuer serves the tenant's discovery");
        else if (absent(d))
            set(
                "region-issuers",
                "contradicted",
                `discovery answered ${said(d)}`,
                "discovery-absent",
                "the stack stops before any write, naming the fact",
            );
        else set("region-issuers", "unknown", `discovery answered ${said(d)}`);
        const doc = obj(d.data);
        if (ok(d)) {
            const missing = ["area", "uhDomain", "domain", "cluster", "acdDomain"].filter(
                (f) => typeof doc[f] !== "string",
            );
            if (!missing.length)
                set(
                    "discovery-hosts",
                    "confirmed",
                    "discovery names area, cluster and the three DNS suffixes",
                );
            else if (missing.every((f) => f === "cluster" || f === "acdDomain"))
                set(
                    "discovery-hosts",
                    "contradicted",
                    `discovery lacks ${missing.join(", ")}`,
                    "discovery-without-acd",
                    "the stack needs neither",
                );
            else
                set(
                    "discovery-hosts",
                    "contradicted",
                    `discovery lacks ${missing.join(", ")}: the stack stops, naming it, where it needs a host built from it`,
                );
            // (the sandbox's region names its issuer as the area host: it serves both)
            if (
                r.region !== "sandbox" &&
                hosts?.areaUrl &&
                hosts.areaUrl !== r.areaUrl &&
                // Stryker disable next-line OptionalChaining: the row is set by then
                found.get("region-area-hosts")?.status === "confirmed"
            )
                found.set("region-area-hosts", {
                    id: "region-area-hosts",
                    status: "contradicted",
                    evidence: "discovery names another area host than the region table",
                    variant: "area-host-elsewhere",
                    handled:
                        "the region table needs a correction (provider/cxone/discovery/regions.ts)",
                });
        }
    }

    // ---- UserHub: which host, then reads of roles, employees, keys, authenticators
    let base: string | undefined;
    if (hosts?.userHubUrl && hosts.apiEndpoint) {
        const page = (b: string) =>
            asker.ask("POST", `${b}/authorization/v1/roles/search`, {
                bearer,
                body: { page: { skip: 0, top: 1 } },
            });
        const derivedUrl = hosts.userHubUrl;
        const apiEndpoint = hosts.apiEndpoint;
        let derived = await page(derivedUrl);
        if (derived.status === 500) {
            const again = await page(derivedUrl);
            if (ok(again))
                set(
                    "cxone-throttling",
                    "contradicted",
                    "a read answered 500 once, then 200",
                    "overload-as-500",
                    "the stack stops with the way on (run up again)",
                );
            derived = again;
        }
        if (ok(derived) || derived.status === 403) {
            base = derivedUrl;
            set("userhub-host", "confirmed", "api-{area}.{domain} answers UserHub");
        } else {
            const other = await page(apiEndpoint);
            if (ok(other) || other.status === 403) {
                base = apiEndpoint;
                set(
                    "userhub-host",
                    "contradicted",
                    `api-{area}.{domain} answered ${said(derived)}; api_endpoint answers`,
                    "userhub-on-api-endpoint",
                    "the stack finds the answering host by itself",
                );
            } else
                set(
                    "userhub-host",
                    "unknown",
                    `neither host answered (${said(derived)}, ${said(other)})`,
                );
        }
    } else set("userhub-host", "unknown", "discovery named neither UserHub candidate");
    set("cxone-throttling", "unknown", "no throttling answer was seen");

    // Stryker disable next-line ArrayDeclaration: read only where UserHub answered, which sets it
    let roles: Record<string, unknown>[] = [];
    if (base) {
        const all = await asker.ask("POST", `${base}/authorization/v1/roles/search`, {
            bearer,
            body: { page: { skip: 0, top: 50 } },
        });
        roles = list(obj(all.data).roles);
        const name = (x: Record<string, unknown>) => String(x.displayName ?? x.roleName ?? "");
        // a role's permissions as objects ({permission}) or as plain strings
        const perms = roles.flatMap((x) =>
            list(x.permissions)
                .map((p) => String(p.permission ?? ""))
                .filter((p) => p !== "")
                .concat(
                    Array.isArray(x.permissions)
                        ? x.permissions.filter((p): p is string => typeof p === "string")
                        : [],
                ),
        );
        if (perms.some((p) => p.includes(": ")))
            set("permission-keys", "confirmed", "roles list permissions by the console's labels");
        else if (perms.length && perms.every((p) => /^[A-Z0-9_.]+$/.test(p)))
            set(
                "permission-keys",
                "contradicted",
                "roles list permissions as upper-case keys",
                "permission-names-refused",
                "the stack stops at the role create: make it by hand and adopt it",
            );
        else set("permission-keys", "unknown", "no role lists permissions");
        // a name no role has: any role in the answer means the filter was ignored
        const none = "preflight: no such role";
        const one = await asker.ask("POST", `${base}/authorization/v1/roles/search`, {
            bearer,
            body: { filter: { displayName: [none] }, page: { skip: 0, top: 50 } },
        });
        filterFinding(set, "role-search-filter", one, list(obj(one.data).roles), {
            asked: "a search by a displayName no role has",
            items: "roles",
            variant: "role-search-filter-ignored",
            handled: "names are matched here, page by page",
            // an empty list proves nothing where the tenant has no role at all
            confirmable: roles.length > 0,
        });

        const email = "preflight.no.such.employee@invalid.example";
        const users = await asker.ask("POST", `${base}/user-management/v2/users/search`, {
            bearer,
            body: { filter: { emailAddress: [email] }, skip: 0, top: 50 },
        });
        filterFinding(set, "user-search-filter", users, list(obj(users.data).users), {
            asked: "a search by an email no employee has",
            items: "employees",
            variant: "user-search-filter-ignored",
            handled: "emails are matched here, page by page",
            confirmable: true,
        });

        if (userId) {
            const me = await asker.ask(
                "GET",
                `${base}/user-management/v1/users/${encodeURIComponent(userId)}`,
                { bearer },
            );
            const u = obj(obj(me.data).user ?? me.data);
            if (ok(me)) {
                const role = u.role;
                // Stryker disable next-line MethodExpression: only "" is looked up (any other name passes)
                const roleNames = new Set(roles.map((x) => name(x).toLowerCase()));
                if (typeof role === "string" && (role === u.roleUUID || UUID.test(role)))
                    set(
                        "employee-role-field",
                        "contradicted",
                        "the admin's own employee names its role by id",
                        "employee-role-takes-id",
                        "a write refused for the name is sent again with the id",
                    );
                else if (
                    typeof role === "string" &&
                    // Stryker disable next-line MethodExpression: only "" is looked up (as above)
                    (roleNames.has(role.toLowerCase()) || role !== "")
                )
                    set(
                        "employee-role-field",
                        "confirmed",
                        "the admin's own employee names its role by name",
                    );
                if (!("billable" in u))
                    set(
                        "billable-attribute",
                        "contradicted",
                        "employees carry no billable field",
                        "billable-ignored",
                        "nothing depends on it",
                    );
                else set("billable-attribute", "confirmed", "employees carry a billable field");
                if (typeof u.billable === "string")
                    set(
                        "billable-string",
                        "contradicted",
                        "billable is text",
                        "billable-as-string",
                        "text is read too",
                    );
                else if (typeof u.billable === "boolean")
                    set("billable-string", "confirmed", "billable is a boolean");
                const text = ["notes", "note", "description", "comments"].find((f) => f in u);
                if (text)
                    set(
                        "employee-no-free-text",
                        "contradicted",
                        `employees carry a ${text} field`,
                        "employee-notes-field",
                        "ownership by role does not need it",
                    );
                else
                    set("employee-no-free-text", "confirmed", "employees carry no free-text field");
            }
        }
        const auth = await asker.ask(
            "POST",
            `${base}/authorization/v1/login-authenticator/search`,
            { bearer, body: { filter: { isDefault: ["true"] } } },
        );
        if (ok(auth))
            set("login-authenticator-search", "confirmed", "the authenticator search answers");
        else if (absent(auth))
            set(
                "login-authenticator-search",
                "contradicted",
                `the authenticator search answered ${said(auth)}`,
                "login-authenticator-search-absent",
                "CXone applies its default",
            );
        const k = await asker.ask(
            "GET",
            `${base}/access-key-management/v1/access-keys/${encodeURIComponent(key.accessKeyId)}`,
            { bearer },
        );
        const rec = obj(obj(k.data).resultSet ?? obj(k.data).accessKey ?? k.data);
        if (ok(k) && typeof rec.createdDate === "string")
            set("key-created-date", "confirmed", "an access key answers its createdDate");
        else if (ok(k) && rec.accessKeyId)
            set(
                "key-created-date",
                "contradicted",
                "an access key answers no createdDate",
                "key-without-created-date",
                "the stack keeps its own record",
            );
    }
    for (const idr of [
        "permission-keys",
        "role-search-filter",
        "user-search-filter",
        "employee-role-field",
        "billable-attribute",
        "billable-string",
        "employee-no-free-text",
        "login-authenticator-search",
        "key-created-date",
    ] as const)
        set(idr, "unknown", base ? "not answered" : "UserHub was not reached");

    // ---- SCIM, as the connection test and Okta use it
    const users = await asker.ask("GET", `${r.scimBaseUrl}/Users`, {
        bearer,
        params: { count: "20" },
    });
    if (ok(users)) {
        set("scim-accepts-key-token", "confirmed", "the SCIM server takes an access-key token");
        const res = list(obj(users.data).Resources);
        const emails = res.flatMap((u) => list(u.emails));
        if (emails.some((e) => e.type === "work"))
            set("email-type-work", "confirmed", "SCIM users' emails carry type work");
        else if (emails.length && emails.every((e) => e.type === undefined))
            set(
                "email-type-work",
                "contradicted",
                "SCIM users' emails carry no type",
                "scim-email-untyped",
                "the flow does not depend on it",
            );
        const zones = res
            .map((u) => u.timezone)
            .filter(
                (z): z is string =>
                    typeof z === "string" &&
                    // Stryker disable next-line ConditionalExpression,StringLiteral: "" matches neither test below
                    z !== "",
            );
        // "UTC" is a name in both: only a Region/City or a "... Standard Time" name tells
        if (zones.some((z) => / (Standard|Daylight) Time$/.test(z)))
            set(
                "timezone-format",
                "contradicted",
                "SCIM users' time zones are Windows names",
                "scim-timezone-windows-names",
                "map a Windows name instead",
            );
        else if (zones.some((z) => z.includes("/")))
            set("timezone-format", "confirmed", "SCIM users' time zones are IANA names");
        const ext = "urn:ietf:params:scim:schemas:extension:nice:2.0:User";
        const teams = res
            .map((u) => obj(u[ext]).team)
            .filter((x): x is string => typeof x === "string" && x !== "");
        if (teams.some((x) => !UUID.test(x)))
            set("team-name-or-id", "confirmed", "SCIM users' teams are names");
        else if (teams.length)
            set(
                "team-name-or-id",
                "contradicted",
                "SCIM users' teams are ids",
                "scim-team-by-id",
                "map the team id instead",
            );
        const schemas = await asker.ask("GET", `${r.scimBaseUrl}/Schemas`, { bearer });
        const values = phoneTypes(schemas.data);
        if (values) {
            if (values.includes("work") && values.includes("mobile"))
                set(
                    "phone-types",
                    "confirmed",
                    "the SCIM schema lists phone types work and mobile",
                );
            else
                set(
                    "phone-types",
                    "contradicted",
                    `the SCIM schema lists phone types ${values.join(", ")}`,
                    "scim-phone-types-capitalised",
                    "map the phones with the listed types",
                );
        }
    } else if (users.status === 401)
        set(
            "scim-accepts-key-token",
            "contradicted",
            "the SCIM server refuses an access-key token (401)",
            "scim-refuses-key-token",
            "the stack never relies on it; Okta uses OAuth",
        );
    for (const idr of [
        "scim-accepts-key-token",
        "email-type-work",
        "timezone-format",
        "team-name-or-id",
        "phone-types",
    ] as const)
        set(
            idr,
            "unknown",
            ok(users) ? "the SCIM answers do not tell" : `the SCIM server answered ${said(users)}`,
        );

    const login = await asker.ask("GET", r.loginUrl);
    if (ok(login)) set("cxone-login-url", "confirmed", "the sign-in page answers");
    else if (absent(login))
        set(
            "cxone-login-url",
            "contradicted",
            `the sign-in page answered ${said(login)}`,
            "login-page-elsewhere",
            "only the app's sign-in link is wrong: correct it in provider/cxone/discovery/regions.ts",
        );
    set("cxone-login-url", "unknown", `the sign-in page answered ${said(login)}`);

    // ---- Okta
    const o = input.okta;
    const oktaToken = o?.apiToken ?? process.env.OKTA_API_TOKEN;
    if (o && oktaToken) {
        const headers = { Authorization: `SSWS ${oktaToken}` };
        const org = o.orgUrl.replace(/\/+$/, "");
        const groups = await asker.ask("GET", `${org}/api/v1/groups`, {
            headers,
            params: { limit: "200" },
        });
        if (ok(groups)) {
            // Stryker disable next-line OptionalChaining: an answer always has headers
            if (groups.headers?.date)
                set("okta-rate-reset-clock", "confirmed", "Okta's answers carry a Date header");
            else
                set(
                    "okta-rate-reset-clock",
                    "contradicted",
                    "Okta's answers carry no Date header",
                    "okta-no-date-header",
                    "rate-limit waits use the local clock",
                );
            const ids = (Array.isArray(groups.data) ? groups.data : []).map((g: { id?: unknown }) =>
                // Stryker disable next-line StringLiteral: a group without an id is not 20 long either way
                String(g.id ?? ""),
            );
            if (ids.some((x: string) => x.length !== 20))
                set(
                    "okta-id-shape",
                    "contradicted",
                    "a group id is not 20 characters long",
                    "okta-long-ids",
                    "only a warning about such an id is wrong",
                );
            else if (ids.length)
                set("okta-id-shape", "confirmed", "group ids are 20 characters long");
        }
        if (o.appId) {
            const app = encodeURIComponent(o.appId);
            const conn = await asker.ask("GET", `${org}/api/v1/apps/${app}/connections/default`, {
                headers,
            });
            const status = obj(conn.data).status;
            if (ok(conn) && (status === "ENABLED" || status === "DISABLED"))
                set(
                    "okta-connection-status",
                    "confirmed",
                    `the app's connection reports ${status}`,
                );
            else if (conn.status === 404)
                set(
                    "okta-connection-status",
                    "contradicted",
                    "the app has no connection (404)",
                    "connections-absent",
                    "the CXone key's evidence decides",
                );
            else if (ok(conn))
                // UNKNOWN is Okta's answer before the console steps, and may stay so after
                // them: only asking again after "Authenticate with CXone" tells
                set(
                    "okta-connection-status",
                    "unknown",
                    `the app's connection reports ${String(status)} (ask again once its console steps are done)`,
                );
            const schema = await asker.ask(
                "GET",
                `${org}/api/v1/meta/schemas/apps/${app}/default`,
                { headers },
            );
            const baseProps = obj(obj(obj(obj(schema.data).definitions).base).properties);
            if (ok(schema)) {
                const also = ["displayName", "timezone"].filter((p) => p in baseProps);
                // the variant and what the stack does are kept only where contradicted
                set(
                    "okta-base-schema",
                    also.length ? "contradicted" : "confirmed",
                    also.length
                        ? `the app's base user schema has ${also.join(", ")}`
                        : "the app's base user schema has neither displayName nor timezone",
                    "base-schema-with-display-name",
                    "the stack maps onto base properties",
                );
                const phones = ["primaryPhone", "mobilePhone"].filter((p) => !(p in baseProps));
                const email = obj(baseProps.email).externalName;
                if (phones.length)
                    set(
                        "app-user-base-set",
                        "contradicted",
                        `the app's base user schema lacks ${phones.join(", ")}`,
                        "app-user-base-seed",
                        "the stack adds what the base set lacks as custom properties",
                    );
                else if (typeof email === "string" && email.includes("primary==true"))
                    set(
                        "app-user-base-set",
                        "confirmed",
                        "the app's base user schema has the phones, and email is the primary entry",
                    );
                else
                    set(
                        "app-user-base-set",
                        "unknown",
                        "the app's base user schema has the phones; its email is not the primary entry",
                    );
            }
        }
    }
    for (const idr of ["okta-rate-reset-clock", "okta-id-shape"] as const)
        set(
            idr,
            "unknown",
            o && oktaToken
                ? "Okta's answers do not tell"
                : "Okta was not asked (give the org and OKTA_API_TOKEN)",
        );
    for (const idr of ["okta-connection-status", "okta-base-schema", "app-user-base-set"] as const)
        set(
            idr,
            "unknown",
            !(o && oktaToken)
                ? "Okta was not asked (give the org and OKTA_API_TOKEN)"
                : o.appId
                  ? "Okta's answers do not tell"
                  : "no Okta app to read (give an app id)",
        );
    return done();

    function done(): PreflightResult {
        return {
            region: r.region,
            findings: PREFLIGHT_ROWS.map(
                (row) => found.get(row) ?? { id: row, status: "unknown", evidence: "not asked" },
            ),
            requests: asker.requests,
        };
    }
}

/** The result as terminal lines: one per row, contradicted first. */
export function formatPreflight(result: PreflightResult): string {
    // Stryker disable next-line StringLiteral: without "contradicted" its index is -1, still first
    const order: FactStatus[] = ["contradicted", "unknown", "confirmed"];
    const rows = [...result.findings].sort(
        (a, b) => order.indexOf(a.status) - order.indexOf(b.status),
    );
    const lines = [
        `Preflight of the unconfirmed facts (docs/vendor-facts/unconfirmed.md), region ${result.region}: reads only, ${result.requests} requests`,
    ];
    for (const f of rows) {
        const mark =
            f.status === "contradicted"
                ? "CONTRADICTED"
                : f.status === "unknown"
                  ? "unknown"
                  : "confirmed";
        const more =
            f.status === "contradicted"
                ? ` (variant ${f.variant ?? "none"}${f.handled ? `; ${f.handled}` : ""})`
                : "";
        lines.push(`  [${mark}] ${f.id}: ${f.evidence}${more}`);
    }
    const n = (s: FactStatus) => result.findings.filter((f) => f.status === s).length;
    lines.push(
        `${n("contradicted")} contradicted, ${n("unknown")} unknown, ${n("confirmed")} confirmed.`,
    );
    return lines.join("\n");
}
