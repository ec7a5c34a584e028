// Our side of CXone's SCIM 2.0 server (the API Okta provisions through): the only module that knows
// SCIM URLs and payloads. Paths and shapes [spec] (docs/vendor-facts/cxone.md, "The SCIM 2.0
// server"); filter and ListResponse semantics follow RFC 7644 where NICE's spec is silent.
// Its reads go through the core's send path (provider/core/http.ts): one attempt each, the host's
// shared rate gate, no redirect; failures become facts, never the HTTP client's error (which holds
// the request headers, the bearer token among them).
import { sendOnce, type HttpResponse, type HttpCall, type HttpFailure } from "../core/http";
import { type FailureFacts, VendorError } from "../core/errors";
import { pinLocalhost } from "./localhostNames";

/** Why a request failed, in categories an operator can act on. */
export type FailureKind =
    | "dns" // host name does not resolve
    | "tls" // certificate or TLS handshake problem
    | "refused" // nothing listens on that host and port
    | "reset" // connection dropped mid-request
    | "timeout" // no answer in time
    | "http" // the server answered with an error status
    | "bad-response" // the server answered 2xx with something that is not the expected payload
    | "other";

/** A failed request of the connection test: the failure's facts, with where and how it failed. */
export interface RequestFailure extends Omit<FailureFacts, "status"> {
    /** HTTP status, when the server answered */
    status?: number;
    kind: FailureKind;
    /** host (and port) the request went to */
    host: string;
    /** low-level error code (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED, ...) */
    errno?: string;
}

/**
 * A failed request to CXone, carrying only facts safe to show: host, status, the server's own
 * error code (`error`, `code` or SCIM `scimType`) and message (truncated, known secrets removed).
 * Never contains tokens, secrets or request headers. One of the vendor errors: `instanceof
 * VendorError` catches it too.
 */
export class CxoneRequestError extends VendorError {
    override readonly name = "CxoneRequestError";
    readonly kind: FailureKind;
    readonly host: string;
    readonly errno: string | undefined;

    constructor(f: RequestFailure) {
        super({ vendor: "CXone", ...f, status: f.status, answer: summary(f) });
        this.kind = f.kind;
        this.host = f.host;
        this.errno = f.errno;
    }

    /** A 2xx answer that is not what was asked for; `detail` says what is wrong with it. */
    static badResponse(operation: string, url: string, status: number, detail: string) {
        return new CxoneRequestError({
            operation,
            kind: "bad-response",
            host: safeHost(url),
            status,
            detail,
        });
    }
}

function summary({ kind, host, status, code, detail, errno }: RequestFailure): string {
    const said = [code, detail].filter(Boolean).join(": ");
    switch (kind) {
        case "http":
            return `${host} answered HTTP ${status}${said ? ` (${said})` : ""}`;
        case "bad-response":
            return `${host} answered HTTP ${status} with an unexpected body${detail ? ` (${detail})` : ""}`;
        default:
            return `${kind} error reaching ${host}${errno ? ` (${errno})` : ""}`;
    }
}

const TLS_CODES =
    /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH)/;

function kindOf(errno: string | undefined, message: string): FailureKind {
    if (!errno) return /timeout/i.test(message) ? "timeout" : "other";
    if (errno === "ENOTFOUND" || errno === "EAI_AGAIN" || errno === "EAI_NONAME") return "dns";
    if (errno === "ECONNREFUSED") return "refused";
    if (errno === "ECONNRESET" || errno === "EPIPE") return "reset";
    if (errno === "ETIMEDOUT" || errno === "ECONNABORTED" || errno === "ESOCKETTIMEDOUT")
        return "timeout";
    if (TLS_CODES.test(errno)) return "tls";
    return /socket hang up/i.test(message) ? "reset" : "other";
}

/** Removes the given secrets verbatim and anything JWT-shaped, and bounds the length. */
function clean(text: string, secrets: readonly string[]): string {
    let out = text;
    for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("***");
    return out
        .replace(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, "***")
        .slice(0, 300);
}

/** The server's error code and message from the auth, UserHub, gateway and SCIM error shapes. */
function errorFacts(body: unknown): { code?: string; detail?: string } {
    if (typeof body === "string") return body.trim() ? { detail: body.trim() } : {};
    // Stryker disable next-line ConditionalExpression: a number or boolean body has none of the fields read below: {} either way
    if (!body || typeof body !== "object") return {};
    const b = body as Record<string, unknown>;
    const s = (v: unknown) =>
        typeof v === "string" && v ? v : typeof v === "number" ? String(v) : undefined;
    return {
        code: s(b.scimType) ?? s(b.code) ?? s(b.error),
        detail:
            s(b.errorDescription) ??
            s(b.error_description) ??
            s(b.detail) ??
            s(b.message) ??
            s(b.details),
    };
}

/** The shape of an HTTP client's error that is read here: its answer, or its system code. */
interface ClientError {
    message?: unknown;
    code?: unknown;
    cause?: { code?: unknown };
    response?: { status: number; data?: unknown };
}

/**
 * Turns anything thrown by the HTTP client into a {@link CxoneRequestError} holding no secrets.
 * @param secrets values to remove verbatim from any text taken from the response
 */
export function toRequestError(
    err: unknown,
    operation: string,
    url: string,
    secrets: readonly string[],
): CxoneRequestError {
    const host = safeHost(url);
    if (err instanceof CxoneRequestError) return err;
    const ax = err as ClientError | undefined;
    const message = typeof ax?.message === "string" ? ax.message : String(err);
    if (ax?.response) {
        const facts = errorFacts(ax.response.data);
        return new CxoneRequestError({
            operation,
            kind: "http",
            host,
            status: ax.response.status,
            code: facts.code && clean(facts.code, secrets),
            detail: facts.detail && clean(facts.detail, secrets),
        });
    }
    // the underlying cause holds the system error code (axios wraps some in ERR_* codes)
    const cause = ax?.cause;
    const errno =
        typeof cause?.code === "string"
            ? cause.code
            : typeof ax?.code === "string"
              ? ax.code
              : undefined;
    return new CxoneRequestError({ operation, kind: kindOf(errno, message), host, errno });
}

/** The facts of a failed call through the core's send path, as a {@link CxoneRequestError}. */
export function failureError(
    f: HttpFailure,
    operation: string,
    url: string,
    secrets: readonly string[],
): CxoneRequestError {
    return toRequestError(
        // Stryker disable next-line StringLiteral: the core's network failures always carry a code, so the message is never read for the kind
        f.response ? { response: f.response } : { code: f.networkCode, message: "" },
        operation,
        url,
        secrets,
    );
}

/**
 * One call through the core's send path, not repeated: what the connection test needs to see
 * exactly how CXone answers. `*.localhost` hosts are pinned to this machine (the sandbox).
 * @throws CxoneRequestError (none of `secrets` inside)
 */
export function cxoneOnce(
    operation: string,
    call: {
        method: "GET" | "POST";
        url: string;
        params?: Record<string, string>;
        body?: unknown;
        headers: Record<string, string>;
        accept?: HttpCall["accept"];
        timeoutMs: number;
    },
    secrets: readonly string[],
): Promise<HttpResponse> {
    return sendOnce(
        {
            method: call.method,
            url: call.url,
            params: call.params,
            body: call.body,
            headers: call.headers,
            accept: call.accept,
            // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: sendOnce makes one attempt: whether a repeat is safe is never asked
            safe: call.method === "GET",
            ...pinLocalhost(call.url),
        },
        {
            timeoutMs: call.timeoutMs,
            fail: (f) => failureError(f, operation, call.url, secrets),
        },
    );
}

function safeHost(url: string): string {
    try {
        return new URL(url).host;
    } catch {
        return "(invalid URL)";
    }
}

/** A SCIM user as CXone returns it (only the fields we read are typed). */
export interface ScimUser {
    id: string;
    userName: string;
    active?: boolean;
    displayName?: string;
    name?: { givenName?: string; familyName?: string };
    emails?: { value: string; primary?: boolean }[];
    [attribute: string]: unknown;
}

/** RFC 7644 ListResponse. */
export interface ScimListResponse {
    schemas: string[];
    totalResults: number;
    Resources: ScimUser[];
    startIndex?: number;
    itemsPerPage?: number;
}

/** Options of a SCIM request. */
export interface ScimRequestOptions {
    /** per-request timeout; default 15 s */
    timeoutMs?: number;
}

/** Options of {@link listUsers}. */
export interface ListUsersOptions extends ScimRequestOptions {
    /** SCIM filter, e.g. from {@link userNameFilter} */
    filter?: string;
    /** page size (SCIM `count`) */
    count?: number;
    /** 1-based index of the first result (SCIM `startIndex`) */
    startIndex?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** A SCIM filter matching one userName exactly (quotes and backslashes escaped per RFC 7644). */
export function userNameFilter(userName: string): string {
    return `userName eq "${userName.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function base(scimBaseUrl: string): string {
    return scimBaseUrl.replace(/\/+$/, "");
}

function scimGet(
    operation: string,
    url: string,
    token: string,
    params: Record<string, string>,
    opts: ScimRequestOptions,
    // Stryker disable next-line ArrayDeclaration: a text in the list matches no numeric status: as empty
    accept: number[] = [],
): Promise<HttpResponse> {
    // no redirect is followed (the core's rule): it would carry the bearer token to another host
    return cxoneOnce(
        operation,
        {
            // Stryker disable next-line StringLiteral: Node's http sends an empty method as GET
            method: "GET",
            url,
            params,
            headers: {
                Authorization: `Bearer ${token}`,
                Accept: "application/scim+json, application/json",
            },
            accept,
            timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        },
        [token],
    );
}

/**
 * `GET {scimBaseUrl}/Users` [spec]: lists users, optionally filtered (`userName eq "..."`).
 * @throws CxoneRequestError (no token inside)
 */
export async function listUsers(
    scimBaseUrl: string,
    token: string,
    filterOrOptions?: string | ListUsersOptions,
): Promise<ScimListResponse> {
    const opts: ListUsersOptions =
        typeof filterOrOptions === "string" ? { filter: filterOrOptions } : (filterOrOptions ?? {});
    const url = `${base(scimBaseUrl)}/Users`;
    const params: Record<string, string> = {};
    // Stryker disable next-line ConditionalExpression: an undefined parameter is left out of the query anyway
    if (opts.filter !== undefined) params.filter = opts.filter;
    if (opts.count !== undefined) params.count = String(opts.count);
    if (opts.startIndex !== undefined) params.startIndex = String(opts.startIndex);
    const operation = "list SCIM users";
    const res = await scimGet(operation, url, token, params, opts);
    const data = res.data as Partial<ScimListResponse> | undefined;
    if (
        !data ||
        // Stryker disable next-line ConditionalExpression: a text or number has no totalResults: refused by the next test
        typeof data !== "object" ||
        typeof data.totalResults !== "number" ||
        (data.Resources !== undefined && !Array.isArray(data.Resources))
    ) {
        throw CxoneRequestError.badResponse(operation, url, res.status, "not a SCIM ListResponse");
    }
    return {
        schemas: data.schemas ?? [],
        totalResults: data.totalResults,
        Resources: data.Resources ?? [],
        startIndex: data.startIndex,
        itemsPerPage: data.itemsPerPage,
    };
}

/**
 * `GET {scimBaseUrl}/Users/{id}` [spec]. Returns undefined when CXone answers 404.
 * @throws CxoneRequestError (no token inside)
 */
export async function getUser(
    scimBaseUrl: string,
    token: string,
    id: string,
    opts: ScimRequestOptions = {},
): Promise<ScimUser | undefined> {
    const url = `${base(scimBaseUrl)}/Users/${encodeURIComponent(id)}`;
    const operation = `read SCIM user ${id}`;
    const res = await scimGet(operation, url, token, {}, opts, [404]);
    if (res.status === 404) return undefined;
    const data = res.data as ScimUser | undefined;
    // Stryker disable next-line ConditionalExpression: a text or number has no id: refused by the last test
    if (!data || typeof data !== "object" || typeof data.id !== "string") {
        throw CxoneRequestError.badResponse(operation, url, res.status, "not a SCIM User");
    }
    return data;
}

/**
 * Finds one user by userName (`filter=userName eq "..."&count=1`), or undefined.
 * @throws CxoneRequestError (no token inside)
 */
export async function findUserByUserName(
    scimBaseUrl: string,
    token: string,
    userName: string,
    opts: ScimRequestOptions = {},
): Promise<ScimUser | undefined> {
    const list = await listUsers(scimBaseUrl, token, {
        ...opts,
        filter: userNameFilter(userName),
        count: 1,
    });
    return list.Resources[0];
}
