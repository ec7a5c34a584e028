// AutoLoginApp create when Okta's answer to the POST is a failure that may follow a write: a proxy
// in front of the sandbox's Okta forwards the create and then answers 500 (or forwards it twice
// and drops the connection). The create adopts the one app made around the call, never makes a
// second one, and fails where the app it made cannot be told apart.
import { strict as assert } from "assert";
import * as http from "http";
import { AddressInfo } from "net";
import * as app from "../../provider/okta/autoLoginAppProvider";
import { setOktaRetryPolicy } from "../../provider/okta/client";
import { oktaFixture, OktaFixture, uniqueLabel } from "../support/oktaSandbox";

type Mode = "500-after-write" | "twice-then-drop";

describe("AutoLoginApp create after a failed answer (sandbox behind a proxy)", function () {
    this.timeout(30_000);
    let f: OktaFixture;
    let proxy: http.Server;
    let proxyUrl: string;
    let mode: Mode = "500-after-write";

    /** Sends the request body to the sandbox's Okta; resolves with its status. */
    function forward(req: http.IncomingMessage, body: Buffer): Promise<number> {
        const target = new URL(f.orgUrl);
        return new Promise((resolve, reject) => {
            const up = http.request(
                {
                    host: target.hostname,
                    port: target.port,
                    path: req.url,
                    method: req.method,
                    headers: req.headers,
                },
                (r) => {
                    r.resume();
                    r.on("end", () => resolve(r.statusCode ?? 0));
                },
            );
            up.on("error", reject);
            up.end(body);
        });
    }

    before(async () => {
        f = await oktaFixture();
        const target = new URL(f.orgUrl);
        proxy = http.createServer((req, res) => {
            const chunks: Buffer[] = [];
            req.on("data", (c: Buffer) => chunks.push(c));
            req.on("end", async () => {
                const body = Buffer.concat(chunks);
                if (req.method === "POST" && req.url?.startsWith("/api/v1/apps?")) {
                    await forward(req, body);
                    if (mode === "twice-then-drop") {
                        await forward(req, body);
                        req.socket.destroy();
                        return;
                    }
                    res.writeHead(500, { "Content-Type": "application/json" });
                    res.end(
                        JSON.stringify({
                            errorCode: "E0000009",
                            errorSummary: "Internal Server Error",
                            errorCauses: [],
                        }),
                    );
                    return;
                }
                const up = http.request(
                    {
                        host: target.hostname,
                        port: target.port,
                        path: req.url,
                        method: req.method,
                        headers: req.headers,
                    },
                    (r) => {
                        res.writeHead(r.statusCode ?? 502, r.headers);
                        r.pipe(res);
                    },
                );
                up.end(body);
            });
        });
        await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
        proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    after(async () => {
        proxy?.close();
        await f?.stop();
    });

    const appsLabelled = async (label: string) =>
        (
            (await f.api("GET", `/api/v1/apps?q=${encodeURIComponent(label)}`)).data as {
                id: string;
                label: string;
                status: string;
            }[]
        ).filter((a) => a.label === label);

    it("Okta's 500 after it made the app: the app is adopted (and deactivated as declared), not made twice", async () => {
        mode = "500-after-write";
        const label = uniqueLabel("Answer 500");
        // an app of the same label made by hand elsewhere is not the one this call made
        const decoy = await f.api("POST", "/api/v1/apps", {
            label,
            signOnMode: "AUTO_LOGIN",
            settings: { app: {}, signOn: { loginUrl: "https://elsewhere.example.com/login" } },
        });
        assert.equal(decoy.status, 200);
        const r = await app.create({
            orgUrl: proxyUrl,
            label,
            loginUrl: f.loginUrl,
            active: false,
            adoptExisting: false,
        });
        const apps = await appsLabelled(label);
        assert.notEqual(r.id, decoy.data.id);
        assert.deepEqual(
            apps.map((a) => [a.id, a.status]).sort(),
            [
                [decoy.data.id, "ACTIVE"],
                [r.id, "INACTIVE"],
            ].sort(),
        );
        assert.equal(r.outs.status, "INACTIVE");
    });

    it("two apps appeared during a call whose answer was lost: neither is adopted, the create fails", async () => {
        mode = "twice-then-drop";
        const restore = setOktaRetryPolicy({ visibilityLagMs: 0 });
        const label = uniqueLabel("Answer lost twice");
        try {
            await assert.rejects(
                app.create({
                    orgUrl: proxyUrl,
                    label,
                    loginUrl: f.loginUrl,
                    active: true,
                    adoptExisting: false,
                }),
                (e: Error & { status?: number }) => {
                    assert.equal(e.status, undefined);
                    assert.match(e.message, new RegExp(`create app "${label}"`));
                    return true;
                },
            );
        } finally {
            restore();
        }
        assert.equal((await appsLabelled(label)).length, 2, "nothing deleted, nothing more made");
    });

    it("Okta's 500 before any write: the create searches, finds none and fails with the 500", async () => {
        const restore = setOktaRetryPolicy({ visibilityLagMs: 0 });
        f.sandbox.setFaults([
            { kind: "status", status: 500, server: "okta", method: "POST", path: "^/api/v1/apps$" },
        ]);
        const label = uniqueLabel("Refused 500");
        f.sandbox.clearRequests();
        try {
            await assert.rejects(
                app.create({
                    orgUrl: f.orgUrl,
                    label,
                    loginUrl: f.loginUrl,
                    active: true,
                    adoptExisting: false,
                }),
                (e: Error & { status?: number }) => {
                    assert.equal(e.status, 500);
                    return true;
                },
            );
        } finally {
            restore();
            f.sandbox.clearFaults();
        }
        assert.deepEqual(f.oktaCalls(), [
            "POST /api/v1/apps?activate=true",
            `GET /api/v1/apps?q=${encodeURIComponent(label)}&limit=200`,
        ]);
        assert.deepEqual(await appsLabelled(label), []);
    });
});
