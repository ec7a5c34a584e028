// The emulated Okta server's own answers around its routes (sandbox/okta/app.ts): a console page
// that does not exist, and bodies it cannot read, on the console (its JSON errors) and on the
// Management API (Okta's error shapes, nothing of the server's internals).
import * as assert from "assert";
import { oktaConsoleAppForEach } from "../support/oktaConsoleApp";

describe("sandbox Okta: the server's answers around its routes (app.ts)", function () {
    this.timeout(20000);
    // the Okta server alone: in the whole sandbox the admin routes under /sandbox/ read bodies first
    const t = oktaConsoleAppForEach();
    /** One raw request to the Okta server, with the org's token, a body and its content type. */
    async function send(path: string, body: string, contentType = "application/json") {
        const r = await fetch(t.h.url + path, {
            method: "POST",
            headers: {
                Authorization: `SSWS ${t.h.token}`,
                "Content-Type": contentType,
                Accept: "application/json",
            },
            body,
        });
        return { status: r.status, body: (await r.json()) as any };
    }
    const oktaError = (r: { status: number; body: any }, status: number, code: string) => {
        assert.strictEqual(r.status, status, JSON.stringify(r.body));
        assert.strictEqual(r.body.errorCode, code);
        assert.ok(!JSON.stringify(r.body).includes("at "), "no stack");
    };

    it("a console page that does not exist is a JSON 404", async () => {
        const r = await fetch(`${t.h.url}/sandbox/console/nowhere`);
        assert.strictEqual(r.status, 404);
        assert.deepStrictEqual(await r.json(), {
            error: "not_found",
            message: "No such console page",
        });
    });

    it("the console answers a body that is no JSON with 400 bad_json, a too large one with 413", async () => {
        const path = "/sandbox/console/apps/0oanope/provisioning";
        assert.deepStrictEqual(await send(path, "{not json"), {
            status: 400,
            body: { error: "bad_json" },
        });
        const large = JSON.stringify({ pad: "x".repeat(200 * 1024) });
        assert.deepStrictEqual(await send(path, large), {
            status: 413,
            body: { error: "internal_error" },
        });
    });

    it("the console answers a charset it cannot read with its 4xx status, not a server error", async () => {
        const r = await send(
            "/sandbox/console/apps/0oanope/provisioning",
            "{}",
            "application/json; charset=x-unknown",
        );
        assert.deepStrictEqual(r, { status: 415, body: { error: "internal_error" } });
    });

    it("the API answers a body over 1 MB with 413 E0000003", async () => {
        const large = JSON.stringify({ profile: { pad: "x".repeat(1100 * 1024) } });
        const r = await send("/api/v1/users", large);
        oktaError(r, 413, "E0000003");
        assert.strictEqual(r.body.errorSummary, "The request body was not well-formed.");
    });

    it("the API answers any other unreadable body with 500 E0000009, naming nothing inside", async () => {
        const r = await send("/api/v1/users", "{}", "application/json; charset=x-unknown");
        oktaError(r, 500, "E0000009");
        assert.strictEqual(r.body.errorSummary, "Internal Server Error");
        assert.deepStrictEqual(r.body.errorCauses, []);
    });
});
