// The one loopback HTTP server of the tests: each test says how every request is answered (status,
// body, headers, a dropped or reset connection, no answer), and reads back what the client sent
// (method, path, query, headers, body, when). It stands in for answers the sandbox, a faithful
// emulator, never gives: odd payload shapes, gateway errors, bodies echoing a secret. `serve` puts
// any request handler (an express app) on a loopback port; `closedPort` is one nobody listens on.
import * as http from "http";
import type { AddressInfo } from "net";

/** One request as the server received it. */
export interface Seen {
    method: string;
    path: string;
    /** the path with its query, as sent */
    url: string;
    query: Record<string, string>;
    headers: http.IncomingHttpHeaders;
    /** parsed JSON body, or the raw text when it is not JSON, or undefined when empty */
    body: unknown;
    /** Date.now() when the request had arrived */
    at: number;
}

/**
 * How to answer: JSON (or `raw` text, sent as `contentType`, text/plain by default); "reset" drops
 * the connection, "rst" resets it (TCP RST), "hang" never answers.
 */
export type Answer =
    | {
          status: number;
          body?: unknown;
          raw?: string;
          contentType?: string;
          headers?: Record<string, string>;
      }
    | "reset"
    | "rst"
    | "hang";

export interface Served {
    url: string;
    port: number;
    close(): Promise<void>;
}

/** Serves `handler` (a request listener or an express app) on a free loopback port. */
export async function serve(handler: http.RequestListener): Promise<Served> {
    const server = http.createServer(handler);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    return {
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
            new Promise<void>((r) => {
                server.close(() => r());
                server.closeAllConnections();
            }),
    };
}

export interface LocalServer {
    url: string;
    port: number;
    seen: Seen[];
    /** answers every request; replace per test (default: 404) */
    answer: (req: Seen) => Answer | Promise<Answer>;
    stop(): Promise<void>;
}

/** Reads a request's body: JSON when it parses, else the text, else undefined. */
export function readBody(req: http.IncomingMessage): Promise<{ raw: Buffer; body: unknown }> {
    return new Promise((resolve) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const raw = Buffer.concat(chunks);
            const text = raw.toString("utf8");
            let body: unknown = undefined;
            if (text) {
                try {
                    body = JSON.parse(text);
                } catch {
                    body = text;
                }
            }
            resolve({ raw, body });
        });
    });
}

/** Sends `a` as the answer to `req`. */
export function send(req: http.IncomingMessage, res: http.ServerResponse, a: Answer): void {
    if (a === "hang") return;
    if (a === "reset") return void req.socket.destroy();
    if (a === "rst") return void req.socket.resetAndDestroy();
    const isRaw = a.raw !== undefined;
    res.writeHead(a.status, {
        "content-type": isRaw ? (a.contentType ?? "text/plain") : "application/json",
        ...(a.headers ?? {}),
    });
    if (a.status === 204) return void res.end();
    res.end(isRaw ? a.raw : a.body === undefined ? "" : JSON.stringify(a.body));
}

export async function startLocalServer(): Promise<LocalServer> {
    const s: LocalServer = {
        url: "",
        port: 0,
        seen: [],
        answer: () => ({ status: 404, body: { message: "Not Found" } }),
        stop: async () => undefined,
    };
    const served = await serve(async (req, res) => {
        const { body } = await readBody(req);
        const u = new URL(req.url ?? "/", "http://x");
        const seen: Seen = {
            method: req.method ?? "",
            path: u.pathname,
            url: req.url ?? "/",
            query: Object.fromEntries(u.searchParams),
            headers: req.headers,
            body,
            at: Date.now(),
        };
        s.seen.push(seen);
        send(req, res, await s.answer(seen));
    });
    s.url = served.url;
    s.port = served.port;
    s.stop = served.close;
    return s;
}

/** A loopback port with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
    const s = await serve(() => undefined);
    await s.close();
    return s.port;
}
