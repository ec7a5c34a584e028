// The scripted person at the two consoles (sandbox/operator.ts) where the consoles answer what a
// sandbox in working order never does: a refused save, no redirect, no login page, a wrong
// password, a failed sync; each says the step and the status. Two scripted loopback servers stand
// in for Okta and CXone. Against a whole sandbox: index.http, samples.http, okta.conformance.
import { strict as assert } from "assert";
import {
    authenticateWithCxone,
    consoleSettings,
    outputsFor,
    saveScimSettings,
    syncProvisioning,
} from "../../sandbox/operator";
import { startLocalServer, type LocalServer } from "../support/loopbackServer";

describe("sandbox: the scripted person at the consoles (operator), when a console says no", () => {
    let okta: LocalServer;
    let cxone: LocalServer;
    const login = { email: "admin@example.com", password: "pw" };
    beforeEach(async () => {
        okta = await startLocalServer();
        cxone = await startLocalServer();
    });
    afterEach(async () => {
        await okta.stop();
        await cxone.stop();
    });

    it("saving the SCIM settings posts them for the app, and a refusal shows Okta's messages or body", async () => {
        const settings = consoleSettings(outputsFor(cxone.url, "app/1", "KEY", "secret"));
        okta.answer = () => ({ status: 200, body: {} });
        await saveScimSettings(okta.url, "app/1", settings);
        assert.equal(okta.seen[0].url, "/sandbox/console/apps/app%2F1/provisioning");
        assert.deepEqual(okta.seen[0].body, settings);

        okta.answer = () => ({ status: 400, body: { messages: ["scimBaseUrl is required"] } });
        await assert.rejects(saveScimSettings(okta.url, "app/1", settings), {
            message: 'saving the SCIM settings failed: 400 ["scimBaseUrl is required"]',
        });
        okta.answer = () => ({ status: 500, body: { error: "boom" } });
        await assert.rejects(saveScimSettings(okta.url, "app/1", settings), {
            message: 'saving the SCIM settings failed: 500 {"error":"boom"}',
        });
        okta.answer = () => ({ status: 502, raw: "null", contentType: "application/json" });
        await assert.rejects(saveScimSettings(okta.url, "app/1", settings), {
            message: "saving the SCIM settings failed: 502 null",
        });
    });

    it("Authenticate with CXone stops when Okta does not redirect, or CXone shows no login page", async () => {
        okta.answer = () => ({ status: 404, body: {} });
        await assert.rejects(authenticateWithCxone(okta.url, "app1", login), {
            message: "Authenticate with CXone: expected a redirect, got 404",
        });
        okta.answer = () => ({
            status: 302,
            headers: { location: `${cxone.url}/auth/authorize?client_id=KEY` },
        });
        cxone.answer = () => ({ status: 500, raw: "down" });
        await assert.rejects(authenticateWithCxone(okta.url, "app1", login), {
            message: "CXone login page: 500",
        });
    });

    it("a sign-in CXone answers with its page again is not ok, and the page is returned", async () => {
        okta.answer = () => ({
            status: 302,
            headers: { location: `${cxone.url}/auth/authorize?client_id=KEY` },
        });
        const form =
            '<form><input type="hidden" name="client_id" value="KEY"><input type="hidden" name="state" value="a&amp;b"></form>';
        cxone.answer = (q) =>
            q.method === "GET"
                ? { status: 200, raw: form, contentType: "text/html" }
                : { status: 200, raw: "Invalid email or password", contentType: "text/html" };
        const r = await authenticateWithCxone(okta.url, "app1", login);
        assert.deepEqual(r, { ok: false, page: "Invalid email or password" });
        const post = cxone.seen[1];
        assert.equal(`${post.method} ${post.path}`, "POST /auth/authorize");
        assert.equal(post.body, "client_id=KEY&state=a%26b&email=admin%40example.com&password=pw");
    });

    it("a sign-in that does not redirect back is refused with its status", async () => {
        okta.answer = () => ({
            status: 302,
            headers: { location: `${cxone.url}/auth/authorize` },
        });
        cxone.answer = (q) =>
            q.method === "GET"
                ? { status: 200, raw: "<form></form>" }
                : { status: 400, raw: "bad" };
        await assert.rejects(authenticateWithCxone(okta.url, "app1", login), {
            message: "CXone sign-in: expected a redirect, got 400",
        });
    });

    it("the provisioning sync returns Okta's results, and a failed sync says its status and body", async () => {
        okta.answer = () => ({
            status: 200,
            body: { results: [{ userId: "u1", action: "created" }] },
        });
        assert.deepEqual(await syncProvisioning(okta.url, "app 1"), {
            results: [{ userId: "u1", action: "created" }],
        });
        assert.equal(
            `${okta.seen[0].method} ${okta.seen[0].url}`,
            "POST /sandbox/console/apps/app%201/sync",
        );
        okta.answer = () => ({ status: 409, body: { message: "not connected" } });
        await assert.rejects(syncProvisioning(okta.url, "app 1"), {
            message: 'provisioning sync failed: 409 {"message":"not connected"}',
        });
    });
});
