// A minimal loopback CXone for unit-level connection tests: the access-key token route and the
// SCIM Users list, with knobs to make either step fail a chosen way.
import * as http from "http";
import type { AddressInfo } from "net";

export const FAKE_KEY_ID = "AKFAKE0001";
export const FAKE_SECRET = "fake-secret-Zq8Lr2Vw9Xy4";
export const FAKE_TOKEN = "fake-token-Jk3Mn7Pq1Rs5";

export interface FakeBehaviour {
    /** status of the token route; 200 issues FAKE_TOKEN when the secret matches */
    tokenStatus?: number;
    /** status of the SCIM list; 200 answers an empty ListResponse */
    scimStatus?: number;
    /** raw body for the SCIM list instead of a ListResponse */
    scimBody?: string;
    /** never answer the SCIM request */
    scimHang?: boolean;
    /** body of error answers (to check it is scrubbed) */
    errorBody?: unknown;
}

export interface FakeCxone {
    url: string;
    behaviour: FakeBehaviour;
    requests: { method: string; url: string; authorization?: string }[];
    stop(): Promise<void>;
}

export async function startFakeCxone(): Promise<FakeCxone> {
    const fake: FakeCxone = { url: "", behaviour: {}, requests: [], stop: async () => undefined };
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            fake.requests.push({
                method: req.method ?? "",
                url: req.url ?? "",
                authorization: req.headers.authorization,
            });
            const b = fake.behaviour;
            const json = (status: number, body: unknown) => {
                res.writeHead(status, { "content-type": "application/json" });
                res.end(JSON.stringify(body));
            };
            if (req.method === "POST" && req.url === "/authentication/v1/token/access-key") {
                const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
                if (b.tokenStatus && b.tokenStatus !== 200)
                    return json(
                        b.tokenStatus,
                        b.errorBody ?? { error: "invalid_client", errorDescription: "nope" },
                    );
                if (body.accessKeyId !== FAKE_KEY_ID || body.accessKeySecret !== FAKE_SECRET)
                    return json(401, {
                        error: "invalid_client",
                        errorDescription: "Invalid access key or secret",
                    });
                return json(200, {
                    access_token: FAKE_TOKEN,
                    token_type: "Bearer",
                    expires_in: 3600,
                });
            }
            if (req.method === "GET" && /^\/scim\/v2\/Users(\?|$)/.test(req.url ?? "")) {
                if (b.scimHang) return; // hold the socket open: the client must time out
                if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}`)
                    return json(401, { status: 401, error: "Unauthorized" });
                if (b.scimStatus && b.scimStatus !== 200)
                    return json(
                        b.scimStatus,
                        b.errorBody ?? {
                            schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
                            status: String(b.scimStatus),
                            detail: "denied",
                        },
                    );
                if (b.scimBody !== undefined) {
                    res.writeHead(200, { "content-type": "text/html" });
                    return res.end(b.scimBody);
                }
                return json(200, {
                    schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                    totalResults: 0,
                    startIndex: 1,
                    itemsPerPage: 0,
                    Resources: [],
                });
            }
            json(404, { message: "Not Found" });
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake.url = `http://127.0.0.1:${port}`;
    fake.stop = () =>
        new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        });
    return fake;
}

/** A loopback port with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
    const s = http.createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const { port } = s.address() as AddressInfo;
    await new Promise<void>((r) => s.close(() => r()));
    return port;
}
