// Authenticated, retrying HTTP to one CXone tenant: access-key token (cached per process, refreshed
// before expiry), API base discovery, bounded retries with backoff, typed errors. It knows only
// the authentication and discovery URLs; every API path lives in client.ts.
import type { AdminAccessKey } from "./credentials";
import { CxoneError, errorFacts, scrub, alreadyReported } from "./errors";
import { defaultRetryPolicy, RetryPolicy } from "./retry";
import { sendWithRetry, type HttpResponse, type HttpFailure, type Method } from "../core/http";
import { clearRateGates } from "../core/rateGate";
import { accessKeyTokenUrl, tokenFields } from "./accessKeyToken";
import { decodeJwtClaims, tenantIdFromClaims, userIdFromClaims } from "./jwt";
import { pinLocalhost } from "./localhostNames";
import {
    DiscoveryError,
    hostsFromDiscovery,
    userHubBase,
    USER_HUB_HOST,
    type DiscoveredHosts,
    type UserHubHost,
} from "./discovery/regions";
import { answerOf, UnconfirmedFactError } from "../core/unconfirmed";
import { perRun } from "../framework/perRun";
import { REGION_AREA_HOSTS, REGION_ISSUERS, TOKEN_TENANT_CLAIM, USERHUB_HOST } from "./facts";

/**
 * Where a CXone tenant lives. Non-secret; stored in resource state so refresh and delete reach the
 * same tenant. `provider/cxone/discovery/regions.ts` maps a region name to these URLs; for the sandbox all three
 * URLs are its single base URL.
 */
export interface CxoneEndpoint {
    /** Authentication issuer, e.g. `https://cxone.niceincontact.com` (discovery is served here). */
    issuerUrl: string;
    /** Area host serving the access-key token route, e.g. `https://na1.nice-incontact.com`. */
    areaUrl: string;
    /** UserHub API base; when omitted it is derived from discovery (see USER_HUB_HOST in regions.ts). */
    apiUrl?: string;
    /** Tenant id; when omitted it is taken from the token's claims. */
    tenantId?: string;
}

/** What an authenticated session learned from the token. */
export interface SessionIdentity {
    tenantId?: string;
    /** the user the admin key belongs to: `userId` claim, else `sub` minus its prefix [sdk:token-user-id] */
    userId?: string;
}

interface CachedToken extends SessionIdentity {
    token: string;
    /** epoch ms after which the token must not be used any more (already includes a margin) */
    renewAt: number;
}

// Per provider process: one token per (area, key id) and one discovery per (issuer, tenant), so a
// preview of many resources costs one token request. Promises, so concurrent calls share one fetch.
const tokens = new Map<string, Promise<CachedToken>>();
/**
 * Sign-ins CXone refused outright (400/401/403) in this program run (framework/perRun.ts; in a
 * provider process, the process). Every resource of a run shares the provider process: the first
 * one reports CXone's answer in full, the others say it was the same refusal, so the operator reads
 * the message once instead of once per resource. A later run asks again: the key may be fixed.
 */
const refused = () => perRun("refusedSignInsByRun", () => new Map<string, CxoneError>());
const REFUSALS = new Set([400, 401, 403]);
const discoveries = new Map<string, Promise<DiscoveredHosts>>();
/**
 * Per issuer and tenant: the UserHub host choice this process has seen answer (a 2xx there), or
 * found by checking both candidates after a "no such route here" answer [sdk:userhub-host].
 */
const userHubs = new Map<string, { choice: UserHubHost; checked?: Promise<UserHubHost> }>();

/** Forgets cached tokens, discovered API bases and learned rate limits (tests; key rotation). */
export function clearSessionCache(): void {
    clearRateGates();
    tokens.clear();
    discoveries.clear();
    refused().clear();
    userHubs.clear();
}

/** One HTTP call in the operator's words. */
export interface CallSpec {
    /** what is being done, e.g. `create role "SCIM"`; becomes the error message */
    operation: string;
    method: Method;
    /** path below the API base, e.g. `/authorization/v1/roles/search` */
    path: string;
    params?: Record<string, string>;
    body?: unknown;
    /** true when repeating the call cannot duplicate work (GET, PUT, DELETE, searches) */
    safe?: boolean;
    /** statuses that are answers, not failures (e.g. 404 on lookups) */
    accept?: number[];
}

/**
 * CXone's 500 is taken for a real failure and not repeated: a write may have happened. Where CXone
 * answers a passing overload with 500 instead of 429/503, the next `up` finds what exists.
 */
const SERVER_ERROR_HINT =
    "a 500 is not repeated (CXone throttling is taken to be 429/503 [guess:cxone-throttling]); " +
    "if it was passing, run `pulumi up` again: it finds what exists and goes on";

/** An answer that may mean the request reached a host without this route (or no host at all). */
function wrongHost(e: unknown): boolean {
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: another error (UnconfirmedFactError) has no status or detail, and reaches call() only with apiUrl set, where no other host is tried
    if (!(e instanceof CxoneError)) return false;
    if (e.status === 404 || e.status === 405) return true;
    // Stryker disable next-line StringLiteral: neither "" nor any other text without those codes matches
    return e.status === undefined && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(e.detail ?? "");
}

function normalise(url: string): string {
    return url.replace(/\/+$/, "");
}

/** An authenticated connection to one tenant with one admin access key. */
export class CxoneSession {
    private readonly policy: RetryPolicy;
    private readonly endpoint: CxoneEndpoint;

    /**
     * @param userHubHost which discovered host serves UserHub when `endpoint.apiUrl` is unset;
     * default {@link USER_HUB_HOST}
     */
    constructor(
        endpoint: CxoneEndpoint,
        private readonly key: AdminAccessKey,
        policy: Partial<RetryPolicy> = {},
        private readonly userHubHost: UserHubHost = USER_HUB_HOST.choice,
    ) {
        this.endpoint = {
            ...endpoint,
            issuerUrl: normalise(endpoint.issuerUrl),
            areaUrl: normalise(endpoint.areaUrl),
            apiUrl: endpoint.apiUrl ? normalise(endpoint.apiUrl) : undefined,
        };
        this.policy = { ...defaultRetryPolicy, ...policy };
    }

    private get tokenKey(): string {
        return `${this.endpoint.areaUrl}|${this.key.accessKeyId}`;
    }

    /** Secrets this session holds: scrubbed from anything that could reach an error message. */
    private secrets(extra: string[]): string[] {
        return [this.key.accessKeySecret, ...extra];
    }

    /** The tenant id: explicit endpoint config, else the token's claims, else the credential source. */
    async tenantId(): Promise<string> {
        const id = this.endpoint.tenantId ?? (await this.token()).tenantId ?? this.key.tenantId;
        if (!id)
            throw new UnconfirmedFactError({
                operation: "find the CXone tenant id",
                fact: TOKEN_TENANT_CLAIM,
                answer: "CXone's tokens for the admin access key carry no tenantId claim",
                wayOn: [
                    "Find your CXone tenant id (NICE support or your CXone administrator can tell it).",
                    "Set it: `pulumi config set cxone:tenantId <id>` (library: cxone.tenantId), then run `pulumi up`.",
                ],
            });
        return id;
    }

    /** Who the admin key belongs to, from the token's claims (may be unknown). */
    async identity(): Promise<SessionIdentity> {
        const t = await this.token();
        return {
            tenantId: this.endpoint.tenantId ?? t.tenantId ?? this.key.tenantId,
            userId: t.userId,
        };
    }

    private token(): Promise<CachedToken> {
        const cached = tokens.get(this.tokenKey);
        if (cached) {
            return cached.then(
                (t) => (Date.now() < t.renewAt ? t : this.renewToken(cached)),
                () => this.renewToken(cached),
            );
        }
        return this.renewToken(undefined);
    }

    private renewToken(stale: Promise<CachedToken> | undefined): Promise<CachedToken> {
        const refusal = refused().get(this.tokenKey);
        if (refusal) return Promise.reject(alreadyReported(refusal));
        const current = tokens.get(this.tokenKey);
        if (current && current !== stale) return current; // another call already renewed it
        const fresh = this.fetchToken();
        tokens.set(this.tokenKey, fresh);
        fresh.catch((e: unknown) => {
            // Stryker disable next-line ConditionalExpression,CallExpression: a failed promise left cached is renewed by its next reader (renewToken(stale)), as an absent one is; only memory differs
            if (tokens.get(this.tokenKey) === fresh) tokens.delete(this.tokenKey);
            if (e instanceof CxoneError && REFUSALS.has(e.status ?? 0)) {
                refused().set(this.tokenKey, e);
            }
        });
        return fresh;
    }

    /** A token other than `rejected`: the cached one if a concurrent call already renewed it. */
    private async renewAfterRejection(rejected: string): Promise<CachedToken> {
        const current = tokens.get(this.tokenKey);
        const c = current ? await current.catch(() => undefined) : undefined;
        if (c && c.token !== rejected) return c;
        return this.renewToken(current);
    }

    // [doc] POST {area}/authentication/v1/token/access-key {accessKeyId, accessKeySecret}
    //       -> {access_token, refresh_token, expires_in, id_token?}
    private async fetchToken(): Promise<CachedToken> {
        let res: HttpResponse;
        try {
            res = await this.signIn(this.endpoint.areaUrl);
        } catch (e) {
            // [seen:region-area-hosts] the table's area host may be spelled otherwise: discovery
            // (public, by tenant id) names the tenant's own; the refused sign-in did nothing
            // Stryker disable next-line StringLiteral: neither "" nor any other text without the code matches
            if (!wrongHost(e) || /ECONNREFUSED/.test((e as CxoneError).detail ?? "")) throw e;
            const tenantId = this.endpoint.tenantId ?? this.key.tenantId;
            if (!tenantId)
                throw new UnconfirmedFactError({
                    operation: "sign in to CXone with the admin access key",
                    fact: REGION_AREA_HOSTS,
                    answer: e,
                    wayOn: [
                        "Set your CXone tenant id (`pulumi config set cxone:tenantId <id>`; library: cxone.tenantId): the stack then asks discovery for your tenant's area host.",
                        "Run `pulumi up`.",
                    ],
                });
            const hosts = await this.discoveredFor(tenantId);
            // discovery names no other area host (or none at all): the sign-in's answer stands
            if (!hosts.areaUrl || normalise(hosts.areaUrl) === this.endpoint.areaUrl) throw e;
            res = await this.signIn(hosts.areaUrl);
        }
        return this.tokenFrom(res);
    }

    /** Discovery for a tenant id known without a token (cached like hosts()). */
    private discoveredFor(tenantId: string): Promise<DiscoveredHosts> {
        const key = `${this.endpoint.issuerUrl}|${tenantId}`;
        let found = discoveries.get(key);
        if (!found) {
            found = this.discover(tenantId);
            discoveries.set(key, found);
            found.catch(() => discoveries.delete(key));
        }
        return found;
    }

    private signIn(areaUrl: string): Promise<HttpResponse> {
        return this.send(
            {
                operation: "sign in to CXone with the admin access key",
                method: "POST",
                // Stryker disable next-line StringLiteral: send() gets the full URL; path unused
                path: "",
                body: {
                    accessKeyId: this.key.accessKeyId,
                    accessKeySecret: this.key.accessKeySecret,
                },
                safe: true, // a token request has no side effect worth protecting
            },
            accessKeyTokenUrl(areaUrl),
            undefined,
        );
    }

    private tokenFrom(res: HttpResponse): CachedToken {
        // snake_case or camelCase [sdk:token-casing]
        const t = tokenFields(res.data);
        const token = t.accessToken;
        if (!token) {
            throw new CxoneError({
                operation: "sign in to CXone with the admin access key",
                status: res.status,
                detail: "the response carried no access_token",
            });
        }
        const lifetimeMs = (t.expiresIn ?? 3600) * 1000;
        // renew at 80% of the lifetime (at most 5 minutes early) so no call races the expiry
        const renewAt = Date.now() + lifetimeMs - Math.min(lifetimeMs * 0.2, 300_000);
        // the access token is a JWT in NICE's SDK [sdk:access-token-jwt]; an opaque one decodes
        // to nothing, and the id_token's claims answer instead
        const access = decodeJwtClaims(token);
        const id = decodeJwtClaims(t.idToken);
        return {
            token,
            renewAt,
            tenantId: tenantIdFromClaims(access) ?? tenantIdFromClaims(id),
            userId: userIdFromClaims(access) ?? userIdFromClaims(id),
        };
    }

    /** The UserHub API base: endpoint.apiUrl, else the discovered host of the configured choice. */
    async apiBase(): Promise<string> {
        if (this.endpoint.apiUrl) return this.endpoint.apiUrl;
        const known = userHubs.get(await this.hostsKey());
        const hosts = await this.hosts();
        try {
            return userHubBase(hosts, known?.choice ?? this.userHubHost);
        } catch (e) {
            // a field the stack needs is missing: a stop before any API call, in the operator's words
            // Stryker disable next-line ConditionalExpression: userHubBase throws nothing but DiscoveryError
            if (!(e instanceof DiscoveryError)) throw e;
            throw new CxoneError({
                operation: "find the CXone host that serves employees, roles and access keys",
                status: 200,
                detail: e.message,
            });
        }
    }

    private async hostsKey(): Promise<string> {
        return `${this.endpoint.issuerUrl}|${await this.tenantId()}`;
    }

    /**
     * After an answer that may mean "this host has no such route" (404, 405, or a host that does
     * not resolve or refuses connections) on a UserHub host not yet seen answering: asks each
     * candidate for one page of roles [spec], a read. Returns the other candidate's base when only
     * it answers (the call is then repeated there: the refused one wrote nothing), or undefined
     * when the host in use answers (the answer stands). Neither answering is a stop.
     */
    private async otherUserHub(base: string): Promise<string | undefined> {
        if (this.endpoint.apiUrl) return undefined;
        const key = await this.hostsKey();
        const known = userHubs.get(key);
        const current = known?.choice ?? this.userHubHost;
        if (known && !known.checked) return undefined; // this host has answered already
        const checked =
            known?.checked ??
            this.checkUserHubs(current).catch((e: unknown) => {
                userHubs.delete(key);
                throw e;
            });
        userHubs.set(key, { choice: current, checked });
        const choice = await checked;
        userHubs.set(key, { choice });
        const hosts = await this.hosts();
        const now = userHubBase(hosts, choice);
        return now !== base ? now : undefined;
    }

    private async checkUserHubs(current: UserHubHost): Promise<UserHubHost> {
        const hosts = await this.hosts();
        const other: UserHubHost = current === "derived" ? "api_endpoint" : "derived";
        const answers: string[] = [];
        const t = await this.token();
        for (const choice of [current, other]) {
            let base: string;
            try {
                base = userHubBase(hosts, choice);
            } catch (e) {
                // discovery does not name this candidate (a field missing): nothing to ask
                // Stryker disable next-line ConditionalExpression: userHubBase throws nothing but DiscoveryError
                if (!(e instanceof DiscoveryError)) throw e;
                answers.push(e.message);
                continue;
            }
            try {
                // [spec] one page of roles: answered wherever UserHub is (403 included: the
                // route exists, the key lacks a permission)
                await this.send(
                    {
                        operation: `ask ${base} for CXone roles`,
                        method: "POST",
                        // Stryker disable next-line StringLiteral: send() gets the full URL; path unused
                        path: "/authorization/v1/roles/search",
                        body: { page: { skip: 0, top: 1 } },
                        safe: true,
                        accept: [400, 401, 403],
                    },
                    base + "/authorization/v1/roles/search",
                    t.token,
                );
                return choice;
            } catch (e) {
                if (!wrongHost(e)) throw e;
                answers.push(`${base}: ${answerOf(e)}`);
            }
        }
        throw new UnconfirmedFactError({
            operation: "find the CXone host that serves employees, roles and access keys",
            fact: USERHUB_HOST,
            answer: `neither candidate answered (${answers.join("; ")})`,
            wayOn: [
                "Run `npm run verify -- --preflight` with the same region and admin key: it reports which host answers.",
                "Library users can name the host: cxone endpoint apiUrl; report the host so provider/cxone/discovery/regions.ts can be corrected.",
            ],
        });
    }

    /** The tenant's hosts from discovery (cached per issuer and tenant). */
    async hosts(): Promise<DiscoveredHosts> {
        return this.discoveredFor(await this.tenantId());
    }

    // [spec] GET {issuer}/.well-known/cxone-configuration?tenantId= -> {api_endpoint, area,
    // cluster, domain, uhDomain, acdDomain, ...}; hosts per regions.ts hostsFromDiscovery
    // [sdk:discovery-hosts]
    private async discover(tenantId: string): Promise<DiscoveredHosts> {
        const operation = "discover the CXone hosts of the tenant";
        let res: HttpResponse;
        try {
            res = await this.send(
                // Stryker disable next-line StringLiteral: full URL given (path unused); GET is default
                { operation, method: "GET", path: "", params: { tenantId }, safe: true },
                `${this.endpoint.issuerUrl}/.well-known/cxone-configuration`,
                undefined,
            );
        } catch (e) {
            if (!wrongHost(e)) throw e;
            throw new UnconfirmedFactError({
                operation,
                fact: REGION_ISSUERS,
                answer: e,
                wayOn: [
                    `Check the issuer ${this.endpoint.issuerUrl} against your tenant's CXone sign-in page host: \`npm run verify -- --preflight\` asks it, reading only.`,
                    "If your region is another one, set it (`pulumi config set cxone:region <region>`); library users can name the UserHub host with the endpoint's apiUrl (no discovery then). Then run `pulumi up`.",
                ],
            });
        }
        try {
            return hostsFromDiscovery(res.data, this.endpoint.issuerUrl);
        } catch (e) {
            const why =
                // Stryker disable next-line StringLiteral: hostsFromDiscovery throws only DiscoveryError (the issuer URL has just been requested)
                e instanceof DiscoveryError ? e.message : "the discovery document is unusable";
            throw new CxoneError({ operation, status: res.status, detail: why });
        }
    }

    /**
     * Calls the API with the admin token; one token renewal on 401. Returns the response for 2xx
     * and statuses in `spec.accept`; throws CxoneError otherwise.
     */
    async call(spec: CallSpec): Promise<HttpResponse> {
        const base = await this.apiBase();
        let res: HttpResponse;
        try {
            res = await this.authorized(spec, base);
        } catch (e) {
            const other = wrongHost(e) ? await this.otherUserHub(base) : undefined;
            if (!other) throw e;
            return this.authorized(spec, other);
        }
        if (res.status === 404) {
            const other = await this.otherUserHub(base);
            if (other) return this.authorized(spec, other);
        } else if (!this.endpoint.apiUrl && res.status < 300) {
            // this host answers UserHub: no check needed for this tenant in this process
            const key = await this.hostsKey();
            if (!userHubs.has(key)) userHubs.set(key, { choice: this.userHubHost });
        }
        return res;
    }

    /** One call with the admin token; one token renewal on 401. */
    private async authorized(spec: CallSpec, base: string): Promise<HttpResponse> {
        let t = await this.token();
        try {
            return await this.send(spec, base + spec.path, t.token);
        } catch (e) {
            if (!(e instanceof CxoneError) || e.status !== 401) throw e;
            // the token died early (revoked, sandbox restarted): renew once and repeat
            t = await this.renewAfterRejection(t.token);
            return this.send(spec, base + spec.path, t.token);
        }
    }

    /**
     * One logical request through the shared path (provider/core/http.ts): retries, and the
     * process-wide rate budget of the host; never lets an axios error (which holds headers) escape.
     */
    private send(spec: CallSpec, url: string, bearer: string | undefined): Promise<HttpResponse> {
        const safe =
            spec.safe ??
            (spec.method === "GET" || spec.method === "PUT" || spec.method === "DELETE");
        return sendWithRetry(
            {
                method: spec.method,
                url,
                params: spec.params,
                body: spec.body,
                safe,
                accept: spec.accept,
                headers: {
                    Accept: "application/json",
                    ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
                },
                ...pinLocalhost(url),
            },
            {
                policy: this.policy,
                // CXone's 500 is not repeated (a write may have happened); the shared gate lines
                // this process's calls up behind a 429, so no spread on top of Retry-After
                retry500: false,
                rateLimitJitterMs: 0,
                fail: (f) => this.failure(spec.operation, f, bearer),
            },
        );
    }

    /** CXone's error from the facts of the last attempt, secrets scrubbed. */
    private failure(operation: string, f: HttpFailure, bearer: string | undefined): CxoneError {
        const status = f.response?.status;
        const facts = f.response ? errorFacts(f.response.data) : { detail: f.networkCode };
        const hide = this.secrets(bearer ? [bearer] : []);
        const detail = facts.detail ? scrub(facts.detail, hide) : undefined;
        const reset =
            f.rateLimitResetMs !== undefined
                ? `CXone asked to wait ${Math.ceil(f.rateLimitResetMs / 1000)} s, beyond the wait budget`
                : undefined;
        return new CxoneError({
            operation,
            status,
            code: facts.code ? scrub(facts.code, hide) : undefined,
            detail:
                [detail, status === 500 ? SERVER_ERROR_HINT : undefined, reset]
                    .filter(Boolean)
                    .join("; ") || undefined,
            attempts: f.attempts,
        });
    }
}
