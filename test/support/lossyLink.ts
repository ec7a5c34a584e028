// A network link in front of the CXone sandbox (real HTTP on loopback) that can lose a response
// AFTER the server acted: the request reaches CXone and is carried out, then the connection drops
// before the answer arrives. The sandbox's own reset faults act before the server does; this is
// the other case, the one that makes a create "maybe happened". It can also answer one matching
// request with a stale list, as an eventually consistent search does right after a write.
// Each link is also a new endpoint, so the provider's per-process memos start cold for it.
import * as http from "http";
import type { AddressInfo } from "net";
import type { CxoneEndpoint } from "../../provider/cxone/session";

interface Rule {
    method: string;
    path: RegExp;
    remaining: number;
    /** drop: the server acts, the answer is lost; stale: the server is asked, this body answers */
    action: { kind: "drop" } | { kind: "stale"; body: unknown };
}

export interface LossyLink {
    /** the sandbox's endpoint with its API calls (apiUrl) routed through this link */
    endpoint: CxoneEndpoint;
    /** the next `times` matching requests are carried out, then their connection is dropped */
    dropAnswer(method: string, path: RegExp, times?: number): void;
    /** the next `times` matching requests get `body` (HTTP 200) instead of the server's answer */
    staleAnswer(method: string, path: RegExp, body: unknown, times?: number): void;
    /** requests seen, as "METHOD /path" */
    seen(): string[];
    stop(): Promise<void>;
}

export async function lossyLink(sandboxUrl: string): Promise<LossyLink> {
    const target = new URL(sandboxUrl);
    const rules: Rule[] = [];
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const path = (req.url ?? "/").split("?")[0];
            seen.push(`${req.method} ${path}`);
            const rule = rules.find(
                (r) => r.remaining > 0 && r.method === req.method && r.path.test(path),
            );
            if (rule) rule.remaining--;
            const upstream = http.request(
                {
                    host: target.hostname,
                    port: target.port,
                    method: req.method,
                    path: req.url,
                    headers: { ...req.headers, host: target.host },
                },
                (up) => {
                    const body: Buffer[] = [];
                    up.on("data", (c: Buffer) => body.push(c));
                    up.on("end", () => {
                        if (rule?.action.kind === "drop") {
                            req.socket.destroy();
                            return;
                        }
                        if (rule?.action.kind === "stale") {
                            res.writeHead(200, { "content-type": "application/json" });
                            res.end(JSON.stringify(rule.action.body));
                            return;
                        }
                        res.writeHead(up.statusCode ?? 502, up.headers);
                        res.end(Buffer.concat(body));
                    });
                },
            );
            upstream.on("error", () => req.socket.destroy());
            upstream.end(Buffer.concat(chunks));
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        endpoint: { issuerUrl: sandboxUrl, areaUrl: sandboxUrl, apiUrl: url },
        dropAnswer: (method, path, times = 1) =>
            rules.push({ method, path, remaining: times, action: { kind: "drop" } }),
        staleAnswer: (method, path, body, times = 1) =>
            rules.push({ method, path, remaining: times, action: { kind: "stale", body } }),
        seen: () => [...seen],
        stop: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}
