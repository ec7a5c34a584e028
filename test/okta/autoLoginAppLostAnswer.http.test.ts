// "Okta acted but the answer was lost": a proxy in front of the sandbox's Okta forwards the app
// create, then drops the connection instead of answering. The create must find the app Okta made
// instead of making a second one. (The sandbox's own faults act before its handlers.)
import { strict as assert } from "assert";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { AddressInfo } from "net";
import * as app from "../../provider/okta/autoLoginAppProvider";
import { oktaApi } from "../../provider/okta/client";
import { startSandbox, RunningSandbox } from "../../sandbox/index";

describe("AutoLoginApp create when Okta's answer is lost", function () {
    this.timeout(60_000);
    let sandbox: RunningSandbox;
    let proxy: http.Server;
    let proxyUrl: string;
    const savedToken = process.env.OKTA_API_TOKEN;

    before(async () => {
        sandbox = await startSandbox({
            dir: fs.mkdtempSync(path.join(os.tmpdir(), "lost-answer-")),
            cxonePort: 0,
            oktaPort: 0,
        });
        process.env.OKTA_API_TOKEN = sandbox.endpoints.okta.apiToken;
        const target = new URL(sandbox.urls.okta);
        proxy = http.createServer((req, res) => {
            const upstream = http.request(
                {
                    host: target.hostname,
                    port: target.port,
                    path: req.url,
                    method: req.method,
                    headers: req.headers,
                },
                (up) => {
                    if (req.method === "POST" && req.url?.startsWith("/api/v1/apps?")) {
                        up.resume();
                        up.on("end", () => req.socket.destroy()); // Okta acted; the answer never arrives
                        return;
                    }
                    res.writeHead(up.statusCode ?? 502, up.headers);
                    up.pipe(res);
                },
            );
            req.pipe(upstream);
        });
        await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
        proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    after(async () => {
        process.env.OKTA_API_TOKEN = savedToken;
        if (savedToken === undefined) delete process.env.OKTA_API_TOKEN;
        proxy?.close();
        await sandbox?.stop();
    });

    it("adopts the one app created during the call: exactly one app with the label", async () => {
        const inputs = {
            orgUrl: proxyUrl,
            label: "NICE CXone lost",
            loginUrl: `${sandbox.urls.cxone}/login`,
            active: true,
            adoptExisting: false,
        };
        const r = await app.create(inputs);
        const apps = await oktaApi.findAppsByLabel(sandbox.urls.okta, "NICE CXone lost");
        assert.equal(apps.length, 1);
        assert.equal(r.id, apps[0].id);
    });
});
