// The tests' one proxy in front of a server (a sandbox's CXone or Okta), over real HTTP on
// loopback. It records every request (method, path, JSON body), and can lose or replace an answer
// AFTER the server acted: the request reaches the server and is carried out, then the connection
// drops or another answer arrives. The sandbox's own faults act before its handlers; this is the
// other case, the one that makes a create "maybe happened". A proxy is also a new host, so the
// provider's per-process memos start cold for it.
import * as http from "http";
import { readBody, send, serve, type Answer } from "./loopbackServer";

export interface Proxied {
    method: string;
    /** without the query */
    path: string;
    url: string;
    body?: unknown;
}

interface Rule {
    method: string;
    path: RegExp;
    remaining: number;
    /** how often the request is sent to the server before `answer` (0: never) */
    forwards: number;
    /** undefined: the server's own answer */
    answer?: Answer;
}

export interface Proxy {
    url: string;
    /** every request, in order */
    seen: Proxied[];
    /** requests seen, as "METHOD /path" */
    calls(): string[];
    /** the next `times` matching requests are carried out, then their connection is dropped */
    dropAnswer(method: string, path: RegExp, times?: number): void;
    /**
     * the next `times` matching requests are sent to the server `forwards` times (a retry the
     * client never saw, or none), then answered with `answer` instead of the server's answer
     */
    replaceAnswer(
        method: string,
        path: RegExp,
        answer: Answer,
        o?: { times?: number; forwards?: number },
    ): void;
    stop(): Promise<void>;
}

/**
 * Starts a proxy to `target`. `rewriteHost` sends the target's host (a server that checks which
 * host it was called on); by default the client's Host header is kept, so links the server builds
 * point back through the proxy.
 */
export async function startProxy(
    target: string,
    o: { rewriteHost?: boolean } = {},
): Promise<Proxy> {
    const t = new URL(target);
    const rules: Rule[] = [];
    const seen: Proxied[] = [];
    const forward = (req: http.IncomingMessage, raw: Buffer) =>
        new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
            (resolve, reject) => {
                const up = http.request(
                    {
                        host: t.hostname,
                        port: t.port,
                        method: req.method,
                        path: req.url,
                        headers: o.rewriteHost ? { ...req.headers, host: t.host } : req.headers,
                    },
                    (r) => {
                        const chunks: Buffer[] = [];
                        r.on("data", (c: Buffer) => chunks.push(c));
                        r.on("end", () =>
                            resolve({
                                status: r.statusCode ?? 502,
                                headers: r.headers,
                                body: Buffer.concat(chunks),
                            }),
                        );
                    },
                );
                up.on("error", reject);
                up.end(raw);
            },
        );
    const served = await serve(async (req, res) => {
        const { raw, body } = await readBody(req);
        const path = (req.url ?? "/").split("?")[0];
        seen.push({ method: req.method ?? "", path, url: req.url ?? "/", body });
        const rule = rules.find(
            (r) => r.remaining > 0 && r.method === req.method && r.path.test(path),
        );
        if (rule) rule.remaining--;
        try {
            let answer: Awaited<ReturnType<typeof forward>> | undefined;
            for (let i = 0; i < (rule?.forwards ?? 1); i++) answer = await forward(req, raw);
            if (rule?.answer !== undefined) return send(req, res, rule.answer);
            res.writeHead(answer!.status, answer!.headers);
            res.end(answer!.body);
        } catch {
            req.socket.destroy();
        }
    });
    return {
        url: served.url,
        seen,
        calls: () => seen.map((s) => `${s.method} ${s.path}`),
        dropAnswer: (method, path, times = 1) =>
            rules.push({ method, path, remaining: times, forwards: 1, answer: "reset" }),
        replaceAnswer: (method, path, answer, r = {}) =>
            rules.push({
                method,
                path,
                remaining: r.times ?? 1,
                forwards: r.forwards ?? 1,
                answer,
            }),
        stop: served.close,
    };
}
