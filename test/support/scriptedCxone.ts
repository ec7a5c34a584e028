// The tests' one scripted CXone (on the loopback server): the access-key token route, the SCIM
// Users list, discovery, and the key's user read on both UserHub candidate hosts, each answered as
// the test scripts it. Discovery names `*.localhost` hosts on this server's port, as the sandbox
// does, so every request lands here. Unscripted, it answers as a working tenant would.
import { jwtWith } from "./jwt";
import { startLocalServer, type Answer, type Seen } from "./loopbackServer";

export const SCRIPTED_KEY_ID = "AKSCRIPTED01";
export const SCRIPTED_SECRET = "scripted-secret-Hw4Tq9Zp2Lm7";
export const SCRIPTED_TENANT = "11eb0000-tenant-0001";
export const SCRIPTED_USER = "11eb0000-user-0001";

/** The token the script issues by default: it names the tenant and the key's user. */
export const SCRIPTED_TOKEN = jwtWith({ tenantId: SCRIPTED_TENANT, userId: SCRIPTED_USER });

/** An answer as the loopback server sends it; a string body is sent as text/html. */
export type ScriptedAnswer = Answer;

export interface Script {
    /** default: 200 with SCRIPTED_TOKEN for SCRIPTED_KEY_ID/SCRIPTED_SECRET, else 401 */
    token?: ScriptedAnswer;
    /** default: 200, an empty ListResponse */
    scim?: ScriptedAnswer;
    /** default: 200, the discovery document naming *.localhost hosts of this server */
    discovery?: ScriptedAnswer;
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

const json = (status: number, body: unknown): Answer => ({ status, body });
/** A string body is an HTML page (a login page, a proxy's error page). */
const asSent = (a: Answer): Answer =>
    typeof a === "object" && typeof a.body === "string"
        ? { status: a.status, raw: a.body, contentType: "text/html", headers: a.headers }
        : a;

export const EMPTY_LIST = {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
    totalResults: 0,
    startIndex: 1,
    itemsPerPage: 0,
    Resources: [],
};

export async function startScriptedCxone(): Promise<ScriptedCxone> {
    const server = await startLocalServer();
    const cx: ScriptedCxone = {
        url: server.url,
        port: server.port,
        script: {},
        requests: [],
        stop: server.stop,
    };
    const answer = (q: Seen): Answer => {
        const s = cx.script;
        const body = (q.body ?? {}) as Record<string, unknown>;
        if (q.method === "POST" && q.path === "/authentication/v1/token/access-key") {
            if (s.token) return s.token;
            if (body.accessKeyId !== SCRIPTED_KEY_ID || body.accessKeySecret !== SCRIPTED_SECRET)
                return json(401, {
                    error: "invalid_client",
                    errorDescription: "Invalid access key or secret",
                });
            return json(200, {
                access_token: SCRIPTED_TOKEN,
                token_type: "Bearer",
                expires_in: 3600,
            });
        }
        if (q.method === "GET" && q.path === "/scim/v2/Users")
            return s.scim ?? json(200, EMPTY_LIST);
        if (q.method === "GET" && q.path === "/.well-known/cxone-configuration") {
            const domain = `localhost:${cx.port}`;
            return (
                s.discovery ??
                json(200, {
                    area: "na1",
                    cluster: "c1",
                    uhDomain: domain,
                    domain,
                    acdDomain: domain,
                    api_endpoint:
                        s.apiEndpoint ?? `http://api-c1.localhost:${cx.port}/inContactAPI`,
                })
            );
        }
        if (q.method === "GET" && q.path.startsWith("/user-management/v1/users/"))
            return json(s.derivedUser ?? 200, { id: SCRIPTED_USER });
        if (q.method === "GET" && q.path.startsWith("/inContactAPI/user-management/v1/users/"))
            return json(s.apiEndpointUser ?? 404, {});
        return json(404, { message: "Not Found" });
    };
    server.answer = (q) => {
        cx.requests.push({
            method: q.method,
            host: q.headers.host ?? "",
            url: q.url,
            authorization: q.headers.authorization,
        });
        return asSent(answer(q));
    };
    return cx;
}
