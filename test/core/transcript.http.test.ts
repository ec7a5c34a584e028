// The redacted transcript over real HTTP (a loopback server): one line per exchange of the product's
// transport, in shape only; the sandbox's own operations are left out, a call with no answer is
// status 0, and recording stops when asked.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startTranscript, type TranscriptLine } from "../../provider/core/transcript";
import { send } from "../../provider/core/transport";
import { closedPort, startLocalServer, type LocalServer } from "../support/loopbackServer";

describe("transcript: every exchange of the transport, in shape only", function () {
    let server: LocalServer;
    let dir: string;
    let file: string;
    const lines = (): TranscriptLine[] =>
        fs.existsSync(file)
            ? fs
                  .readFileSync(file, "utf8")
                  .trim()
                  .split("\n")
                  .filter(Boolean)
                  .map((l) => JSON.parse(l) as TranscriptLine)
            : [];

    before(async () => {
        server = await startLocalServer();
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "transcript-http-"));
    });
    after(async () => {
        startTranscript(undefined);
        await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(function () {
        file = path.join(dir, `${this.currentTest?.title.length ?? 0}-${Date.now()}.jsonl`);
        startTranscript(file);
    });

    it("a JSON exchange: method, path template, status, and both bodies' shapes", async () => {
        server.answer = () => ({ status: 201, body: { id: "r-1", name: "Agents", active: true } });
        await send({
            method: "POST",
            url: `${server.url}/authorization/v1/roles/5f0c2a7e-1b2c-4d3e-8f9a-0b1c2d3e4f5a`,
            params: { tenantId: "T-secret" },
            body: { roleName: "Agents", secretValue: "s3cr3t" },
        });
        const [line, ...more] = lines();
        assert.deepEqual(more, []);
        assert.match(line.time, /^\d{4}-\d\d-\d\dT/);
        const { time: _time, ...rest } = line;
        assert.deepEqual(rest, {
            vendor: "cxone",
            host: "userhub",
            method: "POST",
            path: "/authorization/v1/roles/{id}?tenantId=",
            status: 201,
            request: { roleName: "string", secretValue: "string" },
            response: { id: "string", name: "string", active: "boolean" },
        });
        const text = fs.readFileSync(file, "utf8");
        for (const secret of ["T-secret", "s3cr3t", "Agents", "127.0.0.1"])
            assert.ok(!text.includes(secret), secret);
    });

    it("a text answer is `text`, an empty one has no response, a bodiless request no request", async () => {
        const answers = [{ status: 502, raw: "Bad Gateway" }, { status: 204 }];
        server.answer = () => answers.shift() ?? { status: 500 };
        await send({ method: "GET", url: `${server.url}/api/v1/apps` });
        await send({ method: "DELETE", url: `${server.url}/api/v1/apps/0oa1b2c3d4e5f6g7h8i9` });
        const got = lines().map(({ time: _t, ...l }) => l);
        assert.deepEqual(got, [
            {
                vendor: "okta",
                host: "okta",
                method: "GET",
                path: "/api/v1/apps",
                status: 502,
                response: "text",
            },
            {
                vendor: "okta",
                host: "okta",
                method: "DELETE",
                path: "/api/v1/apps/{id}",
                status: 204,
            },
        ]);
    });

    it("no answer: status 0; the sandbox's own operations: no line", async () => {
        const port = await closedPort();
        await send({ method: "GET", url: `http://127.0.0.1:${port}/scim/v2/Users` }).catch(
            () => null,
        );
        server.answer = () => ({ status: 200, body: {} });
        await send({ method: "POST", url: `${server.url}/sandbox/reset` });
        await send({ method: "GET", url: `${server.url}/sandbox` });
        const got = lines().map(({ time: _t, ...l }) => l);
        assert.deepEqual(got, [
            { vendor: "cxone", host: "area", method: "GET", path: "/scim/v2/Users", status: 0 },
        ]);
    });

    it("recording stops when the setting is unset", async () => {
        startTranscript(undefined);
        server.answer = () => ({ status: 200, body: {} });
        await send({ method: "GET", url: `${server.url}/user-management/v1/users` });
        assert.deepEqual(lines(), []);
    });
});
