// Transport failures of the connection test (no HTTP answer at all), word for word: a name that
// does not resolve, TLS spoken to a plain-http port, a dropped connection, a hung server, and an
// answer that is not HTTP. Each names the host and the next thing to check.
import { strict as assert } from "assert";
import * as http from "http";
import * as net from "net";
import type { AddressInfo } from "net";
import { REGION_NAMES, sandboxRegion, type ResolvedRegion } from "../../provider/regions";
import { formatVerifyResult, verifyConnection } from "../../provider/verify";

const SECRET = "transport-secret-Vb6Nc3Xz8";
const SANDBOX_HINT =
    "check that the sandbox is running and the URL in .sandbox/endpoints.json is current";

async function listen(server: net.Server): Promise<number> {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return (server.address() as AddressInfo).port;
}

async function signIn(region: ResolvedRegion, timeoutMs = 2000) {
    const r = await verifyConnection({
        region,
        accessKeyId: "AKTRANSPORT1",
        accessKeySecret: SECRET,
        timeoutMs,
    });
    assert.equal(r.ok, false);
    assert.ok(!(JSON.stringify(r) + formatVerifyResult(r)).includes(SECRET));
    return r.steps[0].detail;
}

describe("verify: transport failures, word for word", () => {
    const servers: net.Server[] = [];
    after(() => {
        for (const s of servers) {
            if (s instanceof http.Server) s.closeAllConnections();
            s.close();
        }
    });

    it("a host name that does not resolve: DNS, with the region's hint", async () => {
        // .invalid never resolves (RFC 6761); a real region's hint lists the valid names
        const region = { ...sandboxRegion("http://127.0.0.1:1"), region: "eu1" };
        region.areaUrl = "https://cxone-connection-test.invalid";
        const detail = await signIn(region);
        assert.match(
            detail,
            /^cannot resolve host cxone-connection-test\.invalid \(DNS (ENOTFOUND|EAI_AGAIN)\): /,
        );
        assert.ok(
            detail.endsWith(
                `: check the region ("eu1"; valid: ${REGION_NAMES.join(", ")}) and the ` +
                    "FedRAMP setting, and this machine's DNS",
            ),
            detail,
        );
    });

    it("https spoken to a plain-http port: a TLS failure with the error code", async () => {
        const server = http.createServer((_q, res) => res.end("plain"));
        servers.push(server);
        const port = await listen(server);
        const region = sandboxRegion(`http://127.0.0.1:${port}`);
        region.areaUrl = `https://127.0.0.1:${port}`;
        assert.equal(
            await signIn(region),
            `TLS failure with 127.0.0.1:${port} (EPROTO): a proxy intercepting TLS, or a wrong ` +
                `host name; ${SANDBOX_HINT}`,
        );
    });

    it("a connection dropped mid-request names the error and suggests trying again", async () => {
        const server = net.createServer((sock) => sock.on("data", () => sock.resetAndDestroy()));
        servers.push(server);
        const port = await listen(server);
        assert.equal(
            await signIn(sandboxRegion(`http://127.0.0.1:${port}`)),
            `connection to 127.0.0.1:${port} was dropped mid-request (ECONNRESET): a proxy or ` +
                "firewall may be cutting it; try again",
        );
    });

    it("no answer in time names the wait in seconds, rounded to a tenth", async () => {
        const server = net.createServer(() => undefined);
        servers.push(server);
        const port = await listen(server);
        const t0 = Date.now();
        const detail = await signIn(sandboxRegion(`http://127.0.0.1:${port}`), 250);
        assert.ok(Date.now() - t0 < 2000, "gave up after the time asked");
        assert.equal(
            detail,
            `no answer from 127.0.0.1:${port} within 0.3 s: check network, firewall or proxy ` +
                "settings, then try again",
        );
    });

    it("an answer that is not HTTP: could not reach, with the parser's code", async () => {
        const server = net.createServer((sock) =>
            sock.on("data", () => sock.end("garbage\r\n\r\n")),
        );
        servers.push(server);
        const port = await listen(server);
        assert.equal(
            await signIn(sandboxRegion(`http://127.0.0.1:${port}`)),
            `could not reach 127.0.0.1:${port} (HPE_INVALID_CONSTANT)`,
        );
    });
});
