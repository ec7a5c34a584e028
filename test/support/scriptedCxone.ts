// A loopback CXone whose every answer a test scripts: the access-key token route, the SCIM Users
// list, discovery, and the key's user read on both UserHub candidate hosts. Discovery names
// `*.localhost` hosts on this server's port, as the sandbox does, so every request lands here.
import * as http from "http";
import type { AddressInfo } from "net";

export const SCRIPTED_KEY_ID = "AKSCRIPTED01";
export const SCRIPTED_SECRET = "scripted-secret-Hw4Tq9Zp2Lm7";
export const SCRIPTED_TENANT = "11eb0000-tenant-0001";
export const SCRIPTED_USER = "11eb0000-user-0001";

function b64(o: unknown): string {
    return Buffer.from(JSON.stringify(o)).toString("base64url");
}

/** An unsigned JWT with the given claims (the connection test reads claims, never checks). */
export function tokenWithClaims(claims: Record<string, unknown>): string {
    return `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.c2lnbmF0dXJlLXNjcmlwdGVk`;
}

/** The token the script issues by default: it names the tenant and the key's user. */
export const SCRIPTED_TOKEN = tokenWithClaims({ tenantId: SCRIPTED_TENANT, userId: SCRIPTED_USER });

export interface Answer {
    status: number;
    /** JSON body, or a string sent as text/html */
    body?: unknown;
}

export interface Script {
    /** default: 200 with SCRIPTED_TOKEN, expires_in 3600 */
    token?: Answer;
    /** default: 200, an empty ListResponse */
    scim?: Answer;
    /** default: 200, the discovery document naming *.localhost hosts of this server */
    discovery?: Answer;
    /** status of the user read on `api-{area}.{domain}` (default 200) */
    derivedUser?: number;
    /** status of the user read under discovery's api_endpoint (default 404, as the sandbox) */
    apiEndpointUser?: number;
    /** api_endpoint in the discovery document (default: this server, under /inContactAPI) */
    apiEndpoint?: string;
}

export interface SeenRequest {
    method: string;
    host: string;
    url: string;
    authorization?: string;
}

export interface ScriptedCxone {
    url: string;
    port: number;
    script: Script;
    requests: SeenRequest[];
    stop(): Promise<void>;
}

export async function startScriptedCxone(): Promise<ScriptedCxone> {
    const cx: ScriptedCxone = {
        url: "",
        port: 0,
        script: {},
        requests: [],
        stop: async () => undefined,
    };
    const send = (res: http.ServerResponse, a: Answer) => {
        if (typeof a.body === "string") {
            res.writeHead(a.status, { "content-type": "text/html" });
            return res.end(a.body);
        }
        res.writeHead(a.status, { "content-type": "application/json" });
        res.end(JSON.stringify(a.body ?? {}));
    };
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const url = req.url ?? "";
            const path = url.split("?")[0];
            cx.requests.push({
                method: req.method ?? "",
                host: req.headers.host ?? "",
                url,
                authorization: req.headers.authorization,
            });
            const s = cx.script;
            if (req.method === "POST" && path === "/authentication/v1/token/access-key") {
                const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
                if (s.token) return send(res, s.token);
                if (
                    body.accessKeyId !== SCRIPTED_KEY_ID ||
                    body.accessKeySecret !== SCRIPTED_SECRET
                )
                    return send(res, { status: 401, body: { error: "invalid_client" } });
                return send(res, {
                    status: 200,
                    body: { access_token: SCRIPTED_TOKEN, token_type: "Bearer", expires_in: 3600 },
                });
            }
            if (req.method === "GET" && path === "/scim/v2/Users") {
                return send(
                    res,
                    s.scim ?? {
                        status: 200,
                        body: {
                            schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                            totalResults: 0,
                            Resources: [],
                        },
                    },
                );
            }
            if (req.method === "GET" && path === "/.well-known/cxone-configuration") {
                const domain = `localhost:${cx.port}`;
                return send(
                    res,
                    s.discovery ?? {
                        status: 200,
                        body: {
                            area: "na1",
                            cluster: "c1",
                            uhDomain: domain,
                            domain,
                            acdDomain: domain,
                            api_endpoint:
                                s.apiEndpoint ?? `http://api-c1.localhost:${cx.port}/inContactAPI`,
                        },
                    },
                );
            }
            if (req.method === "GET" && path.startsWith("/user-management/v1/users/"))
                return send(res, { status: s.derivedUser ?? 200, body: { id: SCRIPTED_USER } });
            if (req.method === "GET" && path.startsWith("/inContactAPI/user-management/v1/users/"))
                return send(res, { status: s.apiEndpointUser ?? 404, body: {} });
            send(res, { status: 404, body: { message: "Not Found" } });
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cx.port = (server.address() as AddressInfo).port;
    cx.url = `http://127.0.0.1:${cx.port}`;
    cx.stop = () =>
        new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        });
    return cx;
}
