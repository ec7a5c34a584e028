// A tiny loopback HTTP server for the CXone client tests: each test says how every request is
// answered (status, body, headers, a dropped connection, no answer), and reads back what the client
// sent (method, path, query, headers, JSON body). It stands in for answers the sandbox, a faithful
// emulator, never gives: odd payload shapes, gateway errors, bodies echoing a secret.
import * as http from "http";
import type { AddressInfo } from "net";

/** One request as the server received it. */
export interface Seen {
    method: string;
    path: string;
    query: Record<string, string>;
    headers: http.IncomingHttpHeaders;
    /** parsed JSON body, or the raw text when it is not JSON, or undefined when empty */
    body: unknown;
}

/** How to answer: a JSON (or raw text) reply, a dropped connection, or no answer at all. */
export type Answer =
    | { status: number; body?: unknown; raw?: string; headers?: Record<string, string> }
    | "reset"
    | "hang";

export interface LocalServer {
    url: string;
    seen: Seen[];
    /** answers every request; replace per test */
    answer: (req: Seen) => Answer;
    stop(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
    const s: LocalServer = {
        url: "",
        seen: [],
        answer: () => ({ status: 404, body: { message: "Not Found" } }),
        stop: async () => undefined,
    };
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const u = new URL(req.url ?? "/", "http://x");
            const text = Buffer.concat(chunks).toString("utf8");
            let body: unknown = undefined;
            if (text) {
                try {
                    body = JSON.parse(text);
                } catch {
                    body = text;
                }
            }
            const seen: Seen = {
                method: req.method ?? "",
                path: u.pathname,
                query: Object.fromEntries(u.searchParams),
                headers: req.headers,
                body,
            };
            s.seen.push(seen);
            const a = s.answer(seen);
            if (a === "hang") return;
            if (a === "reset") return req.socket.destroy();
            const isRaw = a.raw !== undefined;
            res.writeHead(a.status, {
                "content-type": isRaw ? "text/plain" : "application/json",
                ...(a.headers ?? {}),
            });
            res.end(isRaw ? a.raw : a.body === undefined ? "" : JSON.stringify(a.body));
        });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    s.stop = () =>
        new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
        });
    return s;
}

/** An unsigned JWT carrying `claims` (the client reads claims, it never verifies them). */
export function jwtWith(claims: Record<string, unknown>): string {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
}
