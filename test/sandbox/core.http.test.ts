// The sandbox core shared by both servers: proxy-form request lines, the request log, fault and
// latency injection (in-process and over /sandbox/faults), persistence across restarts, reset.
import assert from "assert";
import axios from "axios";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";

const http = axios.create({ validateStatus: () => true });
const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));

/** Sends raw bytes, returns what came back (or the socket error code). */
function raw(
    port: number,
    text: string,
    timeoutMs = 3000,
): Promise<{ data: string; error?: string }> {
    return new Promise((resolve) => {
        const s = net.connect(port, "127.0.0.1");
        let data = "";
        s.setTimeout(timeoutMs, () => {
            s.destroy();
            resolve({ data, error: "TIMEOUT" });
        });
        s.on("data", (d) => {
            data += d.toString();
        });
        s.on("error", (e: NodeJS.ErrnoException) => resolve({ data, error: e.code }));
        s.on("close", () => resolve({ data }));
        s.write(text);
    });
}
const portOf = (url: string) => Number(new URL(url).port);

describe("sandbox core", function () {
    this.timeout(30000);
    let sb: RunningSandbox;
    let dir: string;
    let token: string;
    const cx = () => sb.urls.cxone;
    const auth = () => ({ headers: { authorization: `Bearer ${token}` } });

    before(async () => {
        dir = tmp("sandbox-core-");
        sb = await startSandbox({ dir });
        token = (
            await http.post(`${cx()}/authentication/v1/token/access-key`, {
                accessKeyId: sb.endpoints.cxone.adminAccessKeyId,
                accessKeySecret: sb.endpoints.cxone.adminAccessKeySecret,
            })
        ).data.access_token;
    });
    after(() => sb.stop());
    afterEach(() => {
        sb.clearFaults();
    });

    it("writes endpoints.json in the agreed shape", () => {
        const ep = JSON.parse(fs.readFileSync(path.join(dir, "endpoints.json"), "utf8"));
        assert.deepStrictEqual(Object.keys(ep.cxone).sort(), [
            "adminAccessKeyId",
            "adminAccessKeySecret",
            "adminEmail",
            "adminPassword",
            "baseUrl",
            "hosts",
            "tenantId",
        ]);
        assert.deepStrictEqual(Object.keys(ep.cxone.hosts).sort(), [
            "acd",
            "area",
            "issuer",
            "userHub",
        ]);
        assert.deepStrictEqual(Object.keys(ep.okta).sort(), ["apiToken", "orgUrl"]);
        assert.strictEqual(ep.cxone.baseUrl, sb.urls.cxone);
        assert.strictEqual(ep.okta.orgUrl, sb.urls.okta);
        assert.deepStrictEqual(ep, JSON.parse(JSON.stringify(sb.endpoints)));
    });

    describe("proxy-form request lines (absolute URL) route on the path", () => {
        it("on the Okta server, with and without the port in the URL", async () => {
            const port = portOf(sb.urls.okta);
            const tokenHdr = `Authorization: SSWS ${sb.endpoints.okta.apiToken}\r\nProxy-Authorization: Basic eDp5\r\n`;
            for (const url of [
                `http://127.0.0.1:${port}/api/v1/users/me`,
                "http://127.0.0.1/api/v1/users/me",
                "http://okta.example.com/api/v1/users/me",
            ]) {
                const r = await raw(
                    port,
                    `GET ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${tokenHdr}Connection: close\r\n\r\n`,
                );
                assert.match(r.data, /^HTTP\/1\.1 200/, `${url}: ${r.data.slice(0, 200)}`);
            }
        });
        it("on the CXone server", async () => {
            const port = portOf(cx());
            const r = await raw(
                port,
                `GET http://127.0.0.1:${port}/.well-known/openid-configuration HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
            );
            assert.match(r.data, /^HTTP\/1\.1 200/);
            assert.match(r.data, /token_endpoint/);
            const log = sb.requests().filter((e) => e.path === "/.well-known/openid-configuration");
            assert.ok(log.length >= 1, "logged with the path only");
        });
    });

    describe("request log", () => {
        it("records method, path, status, ms and server, never secrets; /sandbox/ calls stay out", async () => {
            sb.clearRequests();
            await http.post(`${cx()}/authentication/v1/token/access-key`, {
                accessKeyId: sb.endpoints.cxone.adminAccessKeyId,
                accessKeySecret: sb.endpoints.cxone.adminAccessKeySecret,
            });
            await http.get(
                `${cx()}/auth/authorize?client_id=abc&client_secret=TOPSECRET&code=CODE123&state=s`,
            );
            await http.get(`${sb.urls.okta}/api/v1/users/me`, {
                headers: { authorization: `SSWS ${sb.endpoints.okta.apiToken}` },
            });
            await http.get(`${cx()}/sandbox/requests`);
            await http.get(`${sb.urls.okta}/sandbox/faults`);
            const entries = sb.requests();
            assert.deepStrictEqual(
                entries.map((e) => `${e.server} ${e.method} ${e.path.split("?")[0]} ${e.status}`),
                [
                    "cxone POST /authentication/v1/token/access-key 200",
                    "cxone GET /auth/authorize 400",
                    "okta GET /api/v1/users/me 200",
                ],
            );
            for (const e of entries) {
                assert.deepStrictEqual(Object.keys(e).sort(), [
                    "method",
                    "ms",
                    "path",
                    "server",
                    "status",
                    "time",
                ]);
                assert.ok(typeof e.ms === "number");
            }
            const text =
                JSON.stringify(entries) + fs.readFileSync(path.join(dir, "requests.log"), "utf8");
            for (const secret of [
                sb.endpoints.cxone.adminAccessKeySecret,
                sb.endpoints.okta.apiToken,
                token,
                "TOPSECRET",
                "CODE123",
            ])
                assert.ok(!text.includes(secret), "no secret in the log");
            assert.match(entries[1].path, /client_id=abc/);
            assert.match(entries[1].path, /client_secret=\*\*\*/);
        });

        it("is readable and clearable over HTTP on either server", async () => {
            await http.get(`${cx()}/.well-known/openid-configuration`);
            const r = await http.get(`${sb.urls.okta}/sandbox/requests`);
            assert.ok(r.data.requests.length >= 1);
            assert.strictEqual((await http.delete(`${cx()}/sandbox/requests`)).status, 204);
            assert.deepStrictEqual((await http.get(`${cx()}/sandbox/requests`)).data.requests, []);
        });

        it("appends JSON lines to requests.log", () => {
            const lines = fs
                .readFileSync(path.join(dir, "requests.log"), "utf8")
                .trim()
                .split("\n");
            for (const l of lines) assert.ok(JSON.parse(l).server);
        });
    });

    describe("faults", () => {
        const search = () => http.post(`${cx()}/authorization/v1/roles/search`, {}, auth());

        it("adds fixed latency (global and per endpoint)", async () => {
            sb.setLatency(150);
            let t = Date.now();
            assert.strictEqual((await search()).status, 200);
            assert.ok(Date.now() - t >= 140);
            sb.clearFaults();
            // a long delay on one path, so that a stalled test process cannot pass for it elsewhere
            sb.setFaults([{ kind: "latency", ms: 1000, path: "^/authorization/" }]);
            t = Date.now();
            await search();
            assert.ok(Date.now() - t >= 990);
            t = Date.now();
            await http.get(`${cx()}/.well-known/openid-configuration`);
            assert.ok(Date.now() - t < 900, "other paths not delayed");
        });

        it("answers 429 with Retry-After, for the next N matching requests only", async () => {
            sb.setFaults([
                {
                    kind: "status",
                    status: 429,
                    retryAfterSeconds: 2,
                    method: "POST",
                    path: "^/authorization/v1/roles/search$",
                    times: 2,
                },
            ]);
            // another method on the same path is not the rule's, and uses none of its times
            const get = await http.get(`${cx()}/authorization/v1/roles/search`, auth());
            assert.notStrictEqual(get.status, 429);
            const a = await search();
            assert.strictEqual(a.status, 429);
            assert.strictEqual(a.headers["retry-after"], "2");
            assert.strictEqual((await search()).status, 429);
            assert.strictEqual((await search()).status, 200);
            const faulted = sb.requests().filter((e) => e.fault === "status");
            assert.ok(faulted.length >= 2);
        });

        it("answers 503", async () => {
            sb.setFaults([{ kind: "status", status: 503, server: "cxone" }]);
            assert.strictEqual((await search()).status, 503);
            assert.strictEqual(
                (
                    await http.get(`${sb.urls.okta}/api/v1/users/me`, {
                        headers: { authorization: `SSWS ${sb.endpoints.okta.apiToken}` },
                    })
                ).status,
                200,
                "okta not in scope",
            );
        });

        it("resets the connection", async () => {
            sb.setFaults([{ kind: "reset", times: 1 }]);
            await assert.rejects(search(), (e: NodeJS.ErrnoException) =>
                ["ECONNRESET", "socket hang up"].some(
                    (m) => String(e.code ?? e.message).includes(m) || e.message.includes(m),
                ),
            );
            assert.strictEqual((await search()).status, 200);
            const last = sb
                .requests()
                .filter((e) => e.fault === "reset")
                .pop()!;
            assert.strictEqual(last.status, 0);
        });

        it("times out: holds for N ms then drops, or never answers", async () => {
            sb.setFaults([{ kind: "timeout", holdMs: 300, times: 1 }]);
            const t = Date.now();
            await assert.rejects(search());
            assert.ok(Date.now() - t >= 280);
            sb.setFaults([{ kind: "timeout", times: 1 }]);
            await assert.rejects(
                http.post(`${cx()}/authorization/v1/roles/search`, {}, { ...auth(), timeout: 400 }),
                /timeout/,
            );
        });

        it("rate-limits per second with 429 and Retry-After", async () => {
            sb.setFaults([{ kind: "rateLimit", perSecond: 3, path: "^/authorization/" }]);
            // start at the top of a wall-clock second, so that all six land inside it
            while (Date.now() % 1000 > 100) await new Promise((r) => setTimeout(r, 10));
            const rs = await Promise.all(Array.from({ length: 6 }, () => search()));
            const codes = rs.map((r) => r.status).sort();
            assert.deepStrictEqual(codes, [200, 200, 200, 429, 429, 429]);
            assert.strictEqual(rs.find((r) => r.status === 429)!.headers["retry-after"], "1");
            await new Promise((r) => setTimeout(r, 1000));
            assert.strictEqual((await search()).status, 200);
        });

        it("never faults /sandbox/ operations", async () => {
            sb.setFaults([{ kind: "status", status: 503 }, { kind: "reset" }]);
            assert.strictEqual((await http.get(`${cx()}/sandbox/faults`)).status, 200);
            assert.strictEqual((await http.get(`${sb.urls.okta}/sandbox/requests`)).status, 200);
        });

        it("is configurable at run time over HTTP: GET, POST (validated), DELETE", async () => {
            const bad = await http.post(`${cx()}/sandbox/faults`, { rules: [{ kind: "explode" }] });
            assert.strictEqual(bad.status, 400);
            assert.strictEqual(
                (
                    await http.post(`${cx()}/sandbox/faults`, {
                        rules: [{ kind: "status", path: "(" }],
                    })
                ).status,
                400,
            );
            const ok = await http.post(`${sb.urls.okta}/sandbox/faults`, {
                latencyMs: 5,
                rules: [{ kind: "status", status: 503, path: "^/authorization/", times: 1 }],
            });
            assert.strictEqual(ok.status, 201);
            const listed = (await http.get(`${cx()}/sandbox/faults`)).data;
            assert.strictEqual(listed.latencyMs, 5);
            assert.strictEqual(listed.rules.length, 1);
            assert.strictEqual(listed.rules[0].remaining, 1);
            assert.strictEqual((await search()).status, 503);
            assert.strictEqual(
                (await http.get(`${cx()}/sandbox/faults`)).data.rules.length,
                0,
                "spent rule removed",
            );
            await http.post(`${cx()}/sandbox/faults`, { kind: "status", status: 503 });
            assert.strictEqual((await http.delete(`${cx()}/sandbox/faults`)).status, 204);
            assert.strictEqual((await search()).status, 200);
            assert.deepStrictEqual((await http.get(`${cx()}/sandbox/faults`)).data, {
                latencyMs: 0,
                rules: [],
            });
        });
    });

    describe("sandbox-only operations (/sandbox/)", () => {
        it("status names the server and the process on either server", async () => {
            for (const [server, url] of [
                ["cxone", cx()],
                ["okta", sb.urls.okta],
            ] as const) {
                const r = await http.get(`${url}/sandbox/status`);
                assert.strictEqual(r.status, 200);
                assert.deepStrictEqual(r.data, { server, ok: true, pid: process.pid });
            }
        });

        it("faults take one rule, a list, or {rules, latencyMs}; each answer lists what is set", async () => {
            const rule = { kind: "status", status: 503, path: "^/never-a$" };
            const one = await http.post(`${cx()}/sandbox/faults`, rule);
            assert.strictEqual(one.status, 201);
            assert.strictEqual(one.data.latencyMs, 0);
            assert.deepStrictEqual(one.data.added, [{ ...rule, id: one.data.added[0].id }]);
            assert.deepStrictEqual(one.data.rules, one.data.added);
            const list = await http.post(`${cx()}/sandbox/faults`, [
                { kind: "reset", path: "^/never-b$" },
                { kind: "reset", path: "^/never-c$" },
            ]);
            assert.strictEqual(list.status, 201);
            assert.strictEqual(list.data.added.length, 2);
            assert.strictEqual(list.data.rules.length, 3);
        });

        it("latency alone is set without rules, kept when later rules come without it, and 0 allowed", async () => {
            const set = await http.post(`${cx()}/sandbox/faults`, { latencyMs: 3 });
            assert.strictEqual(set.status, 201, JSON.stringify(set.data));
            assert.deepStrictEqual(set.data, { latencyMs: 3, added: [], rules: [] });
            const more = await http.post(`${cx()}/sandbox/faults`, {
                rules: [{ kind: "reset", path: "^/never$" }],
            });
            assert.strictEqual(more.status, 201);
            assert.strictEqual(more.data.latencyMs, 3, "latency kept");
            assert.strictEqual((await http.get(`${cx()}/sandbox/faults`)).data.latencyMs, 3);
            const zero = await http.post(`${cx()}/sandbox/faults`, { latencyMs: 0 });
            assert.strictEqual(zero.status, 201);
            assert.strictEqual(zero.data.latencyMs, 0);
        });

        it("refuses a latency that is no non-negative number, and a bad rule, saying why; nothing is set", async () => {
            for (const latencyMs of [-1, "5", null]) {
                const r = await http.post(`${cx()}/sandbox/faults`, {
                    latencyMs,
                    rules: [{ kind: "reset" }],
                });
                assert.strictEqual(r.status, 400, JSON.stringify(latencyMs));
                assert.deepStrictEqual(r.data, {
                    error: "latencyMs must be a non-negative number",
                });
            }
            const bad = await http.post(`${cx()}/sandbox/faults`, {
                latencyMs: 9,
                rules: [{ kind: "status", status: 200 }],
            });
            assert.strictEqual(bad.status, 400);
            assert.deepStrictEqual(bad.data, { error: "status must be 400-599" });
            assert.deepStrictEqual((await http.get(`${cx()}/sandbox/faults`)).data, {
                latencyMs: 0,
                rules: [],
            });
        });
    });

    it("persists the world across a restart (same dir), tokens included", async () => {
        const d = tmp("sandbox-persist-");
        const first = await startSandbox({ dir: d });
        const ep = first.endpoints;
        const t = (
            await http.post(`${first.urls.cxone}/authentication/v1/token/access-key`, {
                accessKeyId: ep.cxone.adminAccessKeyId,
                accessKeySecret: ep.cxone.adminAccessKeySecret,
            })
        ).data.access_token;
        const h = { headers: { authorization: `Bearer ${t}` } };
        assert.strictEqual(
            (
                await http.post(
                    `${first.urls.cxone}/authorization/roleByPermissions`,
                    { displayName: "Survivor" },
                    h,
                )
            ).status,
            200,
        );
        await first.stop();
        const second = await startSandbox({ dir: d });
        try {
            assert.strictEqual(second.endpoints.cxone.adminAccessKeyId, ep.cxone.adminAccessKeyId);
            assert.strictEqual(second.endpoints.okta.apiToken, ep.okta.apiToken);
            const s = await http.post(
                `${second.urls.cxone}/authorization/v1/roles/search`,
                { filter: { roleName: ["Survivor"] } },
                h,
            );
            assert.strictEqual(s.status, 200);
            assert.strictEqual(s.data.totalRecords, 1);
            // reset wipes and re-seeds
            assert.strictEqual((await http.post(`${second.urls.okta}/sandbox/reset`)).status, 204);
            assert.notStrictEqual(
                second.endpoints.cxone.adminAccessKeyId,
                ep.cxone.adminAccessKeyId,
            );
            assert.strictEqual(
                (await http.post(`${second.urls.cxone}/authorization/v1/roles/search`, {}, h))
                    .status,
                401,
                "old tokens gone",
            );
            const onDisk = JSON.parse(fs.readFileSync(path.join(d, "endpoints.json"), "utf8"));
            // the re-seeded world is saved at once, not at the next change
            const saved = JSON.parse(fs.readFileSync(path.join(d, "state.json"), "utf8"));
            assert.strictEqual(
                saved.cxone.seed.adminAccessKeyId,
                second.endpoints.cxone.adminAccessKeyId,
            );
            assert.strictEqual(
                onDisk.cxone.adminAccessKeyId,
                second.endpoints.cxone.adminAccessKeyId,
            );
        } finally {
            await second.stop();
        }
    });
});
