// The product's one HTTP exchange (provider/core/transport.ts) against a real loopback server: what
// is sent (method, query, JSON or form body, headers), how answers are read (JSON, else text),
// and how failures are named (Node's code; a silent server is ECONNABORTED, as axios named it).
import { strict as assert } from "assert";
import type { LookupFunction } from "net";
import {
    NetworkError,
    onExchange,
    requestUrl,
    send,
    type HttpRequest,
    type HttpResponse,
} from "../../provider/core/transport";
import { closedPort, serve, startLocalServer, type LocalServer } from "../support/loopbackServer";

describe("core: transport over HTTP", function () {
    let server: LocalServer;
    before(async () => {
        server = await startLocalServer();
    });
    after(() => server.stop());
    beforeEach(() => {
        server.seen.length = 0;
        server.answer = () => ({ status: 200, body: { ok: true } });
    });

    it("sends an object as JSON with its query, headers and length", async () => {
        const res = await send({
            method: "POST",
            url: `${server.url}/a/b?keep=1`,
            params: { q: 'userName eq "a b"', n: 2, off: false, gone: undefined },
            body: { filter: { roleId: ["r1"] } },
            headers: { Authorization: "Bearer t" },
        });
        assert.deepEqual([res.status, res.data], [200, { ok: true }]);
        const seen = server.seen[0];
        assert.equal(seen.method, "POST");
        assert.equal(seen.path, "/a/b");
        assert.deepEqual(seen.query, { keep: "1", q: 'userName eq "a b"', n: "2", off: "false" });
        assert.deepEqual(seen.body, { filter: { roleId: ["r1"] } });
        assert.equal(seen.headers["content-type"], "application/json");
        assert.equal(seen.headers["content-length"], String(JSON.stringify(seen.body).length));
        assert.equal(seen.headers.authorization, "Bearer t");
        assert.match(String(seen.headers.accept), /application\/json/);
    });

    it("sends a string or URLSearchParams as a form, and no body at all for none", async () => {
        await send({ method: "POST", url: server.url, body: "a=1&b=2" });
        await send({ method: "POST", url: server.url, body: new URLSearchParams({ c: "3" }) });
        await send({ method: "GET", url: server.url });
        const types = server.seen.map((s) => s.headers["content-type"]);
        assert.deepEqual(types, [
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded",
            undefined,
        ]);
        assert.deepEqual(
            server.seen.map((s) => s.body),
            ["a=1&b=2", "c=3", undefined],
        );
    });

    it("reads an answer as JSON when it parses, else as text, and an empty one as ''", async () => {
        const answers = [
            { status: 404, raw: '{"errorCode":"E0000007"}', contentType: "text/plain" },
            { status: 502, raw: "<html>Bad Gateway</html>", contentType: "text/html" },
            { status: 204 },
        ];
        server.answer = () => answers.shift() ?? { status: 500 };
        const got: unknown[] = [];
        for (let i = 0; i < 3; i++) {
            const r = await send({ method: "GET", url: server.url });
            got.push([r.status, r.data]);
        }
        assert.deepEqual(got, [
            [404, { errorCode: "E0000007" }],
            [502, "<html>Bad Gateway</html>"],
            [204, ""],
        ]);
    });

    it("gives a redirect back as the answer, never following it", async () => {
        server.answer = () => ({ status: 302, headers: { location: "http://example.invalid/x" } });
        const r = await send({ method: "GET", url: server.url });
        assert.equal(r.status, 302);
        assert.equal(r.headers.location, "http://example.invalid/x");
        assert.equal(server.seen.length, 1);
    });

    it("names failures by Node's code: refused, reset, and a silent server as ECONNABORTED", async () => {
        const codeOf = (req: HttpRequest) =>
            send(req).then(
                () => "answered",
                (e: unknown) => (e instanceof NetworkError ? e.code : `not a NetworkError: ${e}`),
            );
        const port = await closedPort();
        server.answer = () => "rst";
        const reset = await codeOf({ method: "GET", url: server.url });
        server.answer = () => "hang";
        const t0 = Date.now();
        const silent = await codeOf({ method: "GET", url: server.url, timeoutMs: 150 });
        const waited = Date.now() - t0;
        assert.deepEqual(
            [await codeOf({ method: "GET", url: `http://127.0.0.1:${port}/` }), reset, silent],
            ["ECONNREFUSED", "ECONNRESET", "ECONNABORTED"],
        );
        assert.ok(waited >= 140 && waited < 5000, `gave up after ${waited} ms`);
        server.answer = () => "hang";
        const e = await send({ method: "GET", url: server.url, timeoutMs: 120 }).then(
            () => undefined,
            (x: unknown) => x,
        );
        assert.ok(e instanceof NetworkError, String(e));
        assert.equal(e.message, "timeout of 120ms exceeded");
    });

    it("a failure with no code of Node's (a custom lookup's own error) is ENETWORK", async () => {
        const lookup: LookupFunction = (_hostname, _options, cb) =>
            cb(new Error("no such CXone host") as NodeJS.ErrnoException, "", 4);
        const e = await send({
            method: "GET",
            url: `http://x.localhost:${server.port}/`,
            lookup,
        }).then(
            () => undefined,
            (x: unknown) => x,
        );
        assert.ok(e instanceof NetworkError, String(e));
        assert.deepEqual([e.code, e.message], ["ENETWORK", "no such CXone host"]);
        assert.equal(server.seen.length, 0);
    });

    it("an answer cut off mid-body is a reset, never a truncated answer", async () => {
        const cut = await serve((_req, res) => {
            res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
            res.write('{"roles": [');
            setTimeout(() => res.socket?.destroy(), 20);
        });
        const heard: (number | undefined)[] = [];
        onExchange((_req, url, res) => {
            if (url.startsWith(cut.url)) heard.push(res?.status);
        });
        try {
            const e = await send({ method: "GET", url: cut.url }).then(
                (r) => assert.fail(`answered ${r.status} ${JSON.stringify(r.data)}`),
                (x: unknown) => x,
            );
            assert.ok(e instanceof NetworkError, String(e));
            assert.equal(e.name, "NetworkError");
            assert.equal(e.code, "ECONNRESET");
            // told once, with no answer, though both the answer and the request fail
            await new Promise((r) => setTimeout(r, 50));
            assert.deepEqual(heard, [undefined]);
        } finally {
            await cut.close();
        }
    });

    it("resolves the host through the lookup given", async () => {
        const asked: string[] = [];
        const lookup: LookupFunction = (hostname, options, cb) => {
            asked.push(hostname);
            if (options.all) cb(null, [{ address: "127.0.0.1", family: 4 }]);
            else cb(null, "127.0.0.1", 4);
        };
        const r = await send({
            method: "GET",
            url: `http://api-na1.localhost:${server.port}/x`,
            lookup,
        });
        assert.equal(r.status, 200);
        assert.deepEqual(asked, ["api-na1.localhost"]);
        assert.equal(server.seen[0].headers.host, `api-na1.localhost:${server.port}`);
    });

    it("tells every listener of each exchange, with its answer or none", async () => {
        const heard: [string, string, number | undefined][] = [];
        onExchange((req: HttpRequest, url: string, res?: HttpResponse) => {
            if (url.includes(`:${server.port}/`) || url.includes("/heard"))
                heard.push([req.method, new URL(url).pathname + new URL(url).search, res?.status]);
        });
        await send({ method: "DELETE", url: `${server.url}/heard`, params: { id: "7" } });
        const port = await closedPort();
        await send({ method: "GET", url: `http://127.0.0.1:${port}/heard` }).catch(() => null);
        assert.deepEqual(heard, [
            ["DELETE", "/heard?id=7", 200],
            ["GET", "/heard", undefined],
        ]);
    });

    it("appends parameters to the URL's own query, leaving undefined ones out", () => {
        assert.equal(
            requestUrl({ url: "https://h.example/p?a=1", params: { b: "x y", c: undefined } }),
            "https://h.example/p?a=1&b=x+y",
        );
        assert.equal(requestUrl({ url: "https://h.example/p" }), "https://h.example/p");
    });
});
