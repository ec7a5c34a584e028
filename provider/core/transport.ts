// One HTTP exchange on Node's own http/https: the only place the product's vendor calls touch the
// network. It replaced axios here because loading axios (about 60 modules) cost 60-110 ms in every
// process that sends: the dynamic provider process of each engine pass and the program, two or
// three per `pulumi` command, each on the command's critical path. What axios gave is kept: a JSON
// or form body, query parameters, an inactivity timeout (ECONNABORTED, as axios named it), no
// redirect followed, no proxy, a custom host lookup, and an answer's body as JSON when it parses,
// else as text.
import * as http from "http";
import * as https from "https";
import type { LookupFunction } from "net";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

/** Response headers as Node gives them: lower-case names. */
export type ResponseHeaders = http.IncomingHttpHeaders;

/** One request, as the clients describe it. */
export interface HttpRequest {
    method: Method;
    /** absolute URL */
    url: string;
    params?: Record<string, string | number | boolean | undefined>;
    /** an object is sent as JSON; a string or URLSearchParams as a form */
    body?: unknown;
    headers?: Record<string, string>;
    /** ms without any progress before the request is given up (ECONNABORTED); 0: none */
    timeoutMs?: number;
    /** how the host name is resolved (dns.lookup's signature) */
    lookup?: LookupFunction;
}

/** An answer, whatever its status. `data`: parsed JSON, else the text ("" when empty). */
export interface HttpResponse {
    status: number;
    headers: ResponseHeaders;
    // The vendors' bodies are read field by field with their own checks (`res.data?.roles`); the
    // type says only that nothing is known until then.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    data: any;
}

/** A failure before any answer: Node's error code (ECONNREFUSED, ENOTFOUND, ECONNABORTED ...). */
export class NetworkError extends Error {
    constructor(
        message: string,
        readonly code: string,
    ) {
        super(message);
        this.name = "NetworkError";
    }
}

/** Sees every exchange of this process (the transcript): the request and its answer, if any. */
export type ExchangeListener = (
    request: HttpRequest,
    fullUrl: string,
    response?: HttpResponse,
) => void;

const listeners: ExchangeListener[] = [];

/** Adds a listener for every later exchange of this process. */
export function onExchange(listener: ExchangeListener): void {
    listeners.push(listener);
}

/** The URL with the request's parameters appended (undefined ones left out). */
export function requestUrl(req: Pick<HttpRequest, "url" | "params">): string {
    const u = new URL(req.url);
    for (const [k, v] of Object.entries(req.params ?? {}))
        if (v !== undefined) u.searchParams.append(k, String(v));
    return u.toString();
}

function encodeBody(body: unknown): { text?: string; type?: string } {
    if (body === undefined || body === null) return {};
    if (typeof body === "string" || body instanceof URLSearchParams)
        return { text: body.toString(), type: "application/x-www-form-urlencoded" };
    return { text: JSON.stringify(body), type: "application/json" };
}

function decodeBody(text: string): unknown {
    // Stryker disable next-line StringLiteral: "" does not parse as JSON, and is returned as the text anyway
    if (text === "") return "";
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

/** Sends one request; resolves with any answer, rejects with a {@link NetworkError}. */
export function send(req: HttpRequest): Promise<HttpResponse> {
    const fullUrl = requestUrl(req);
    const observe = (res?: HttpResponse) => {
        for (const l of listeners) l(req, fullUrl, res);
    };
    return new Promise<HttpResponse>((resolve, reject) => {
        // a late socket error or timeout after the answer (or a second error) changes nothing
        let settled = false;
        const u = new URL(fullUrl);
        const { text, type } = encodeBody(req.body);
        const headers: Record<string, string> = {
            Accept: "application/json, text/plain, */*",
            ...(type ? { "Content-Type": type } : {}),
            // Stryker disable next-line ConditionalExpression: Node's end(text) sets the same length when none is given
            ...(text !== undefined ? { "Content-Length": String(Buffer.byteLength(text)) } : {}),
            ...req.headers,
        };
        const client = u.protocol === "https:" ? https : http;
        const failed = (code: string, message: string) => {
            if (settled) return;
            settled = true;
            observe();
            reject(new NetworkError(message, code));
        };
        const request = client.request(
            u,
            { method: req.method, headers, ...(req.lookup ? { lookup: req.lookup } : {}) },
            (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (c: Buffer) => chunks.push(c));
                res.on("error", (e: NodeJS.ErrnoException) =>
                    // Stryker disable next-line LogicalOperator,StringLiteral: Node's answer errors carry a code (a cut-off body: ECONNRESET)
                    failed(e.code ?? "ECONNRESET", e.message),
                );
                res.on("end", () => {
                    if (settled) return;
                    settled = true;
                    const answer: HttpResponse = {
                        status: res.statusCode ?? 0,
                        headers: res.headers,
                        data: decodeBody(Buffer.concat(chunks).toString("utf8")),
                    };
                    observe(answer);
                    resolve(answer);
                });
            },
        );
        if (req.timeoutMs)
            request.setTimeout(req.timeoutMs, () =>
                request.destroy(
                    Object.assign(new Error(`timeout of ${req.timeoutMs}ms exceeded`), {
                        code: "ECONNABORTED",
                    }),
                ),
            );
        request.on("error", (e: NodeJS.ErrnoException) => failed(e.code ?? "ENETWORK", e.message));
        request.end(text);
    });
}
