// The variants' building blocks (sandbox/variants/handlers.ts) in front of a bare express app: a
// request body rewritten only when it is JSON (a broken body is refused as before, the change
// never made), an answer rewritten only when it is JSON text. The variants themselves:
// cxoneVariants.http, oktaVariants.http; the mechanism: variants.http, variants.unit.
import { strict as assert } from "assert";
import express from "express";
import { rewriteAnswer, rewriteRequest } from "../../sandbox/variants/handlers";
import { serve, type Served } from "../support/loopbackServer";

describe("sandbox variants: rewriting a request or an answer (handlers)", () => {
    let server: Served;
    let changes: number;
    beforeEach(async () => {
        changes = 0;
        const app = express();
        app.use(
            rewriteRequest({ method: "POST", path: /^\/in$/ }, (body) => {
                changes++;
                body.added = true;
            }),
        );
        app.use(
            rewriteAnswer({ method: "GET", path: /^\/out\// }, (body) => {
                changes++;
                return { wrapped: body };
            }),
        );
        app.post("/in", express.json(), (req, res) => res.json({ got: req.body }));
        app.get("/out/json", (_req, res) => res.json({ a: 1 }));
        app.get("/out/text", (_req, res) => res.type("text/plain").send('{"a":1}'));
        app.get("/out/buffer", (_req, res) => res.type("json").send(Buffer.from('{"a":1}')));
        app.get("/out/broken", (_req, res) => res.type("json").send("{not json"));
        // the error a route's own parser would pass on, answered quietly
        app.use(
            (
                err: { status?: number; type?: string },
                _req: express.Request,
                res: express.Response,
                _next: express.NextFunction,
            ) => void res.status(err.status ?? 500).json({ error: err.type }),
        );
        server = await serve(app);
    });
    afterEach(() => server.close());

    const post = (body: string) =>
        fetch(`${server.url}/in`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body,
        });
    const get = async (p: string) => {
        const r = await fetch(`${server.url}${p}`);
        return { status: r.status, text: await r.text() };
    };

    it("changes a JSON request body before the route reads it", async () => {
        const r = await post('{"x":1}');
        assert.equal(r.status, 200);
        assert.deepEqual(await r.json(), { got: { x: 1, added: true } });
    });

    it("refuses a body that is not JSON as the route would (400), never changing it", async () => {
        const r = await post("{not json");
        assert.equal(r.status, 400);
        assert.deepEqual(await r.json(), { error: "entity.parse.failed" });
        assert.equal(changes, 0);
    });

    it("changes a JSON answer, and passes text, bytes and broken JSON on as they are", async () => {
        assert.deepEqual(await get("/out/json"), { status: 200, text: '{"wrapped":{"a":1}}' });
        assert.equal(changes, 1);
        assert.deepEqual(await get("/out/text"), { status: 200, text: '{"a":1}' });
        assert.deepEqual(await get("/out/buffer"), { status: 200, text: '{"a":1}' });
        assert.deepEqual(await get("/out/broken"), { status: 200, text: "{not json" });
        assert.equal(changes, 1);
    });
});
