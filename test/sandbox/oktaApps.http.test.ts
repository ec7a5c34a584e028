// The emulated Okta Apps API's rules around an existing app (sandbox/okta/routes/apps.ts): the name
// Okta generated cannot be replaced, a replace without the shared password keeps the stored one,
// lifecycle operations other than activate and deactivate are unknown paths, and a deleted app
// takes its unfinished "Authenticate with CXone" requests with it. Also q and the name filter, and
// what a lifecycle change moves (lastUpdated, the state file) and a repeated one does not.
import * as assert from "assert";
import { assertOktaError } from "../support/sandboxOktaApi";
import { oktaConsoleAppForEach } from "../support/oktaConsoleApp";
import { autoLoginBody, scimForm } from "../support/oktaHarness";

describe("sandbox Okta: an existing app (routes/apps.ts)", function () {
    this.timeout(15000);
    const t = oktaConsoleAppForEach();
    const stored = () => t.h.ctx.state.okta.apps[t.appId];

    it("a replace naming another app name is 400 E0000001; the app's own name is accepted", async () => {
        const app = (await t.h.api("GET", `/api/v1/apps/${t.appId}`)).body;
        const other = await t.h.api("PUT", `/api/v1/apps/${t.appId}`, {
            ...autoLoginBody("Renamed"),
            name: "sandboxorg_other_1",
        });
        assertOktaError(other, 400, "E0000001", "Api validation failed: name");
        assert.deepStrictEqual(
            other.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary),
            ["name: The application name cannot be changed"],
        );
        assert.strictEqual((await t.h.api("GET", `/api/v1/apps/${t.appId}`)).body.label, "CXone");
        const same = await t.h.api("PUT", `/api/v1/apps/${t.appId}`, {
            ...autoLoginBody("Renamed"),
            name: app.name,
        });
        assert.strictEqual(same.status, 200, JSON.stringify(same.body));
        assert.deepStrictEqual([same.body.label, same.body.name], ["Renamed", app.name]);
    });

    it("a replace without the shared password keeps it under the same scheme, not under another", async () => {
        const shared = (
            password: Record<string, string>,
            scheme = "SHARED_USERNAME_AND_PASSWORD",
        ) => {
            const b: any = autoLoginBody("CXone");
            b.credentials = { ...b.credentials, scheme, userName: "desk", password };
            return t.h.api("PUT", `/api/v1/apps/${t.appId}`, b);
        };
        assert.strictEqual((await shared({ value: "pw-1" })).status, 200);
        assert.strictEqual(stored().credentials.hasSharedPassword, true);
        const kept = await shared({});
        assert.strictEqual(kept.status, 200);
        assert.strictEqual(stored().credentials.hasSharedPassword, true, "kept");
        assert.ok(!JSON.stringify(kept.body).includes("pw-1"));
        assert.strictEqual((await shared({}, "ADMIN_SETS_CREDENTIALS")).status, 200);
        assert.strictEqual(stored().credentials.hasSharedPassword, false, "another scheme");
    });

    it("a lifecycle operation other than activate or deactivate is 404 E0000008 and changes nothing", async () => {
        const r = await t.h.api("POST", `/api/v1/apps/${t.appId}/lifecycle/suspend`);
        assertOktaError(r, 404, "E0000008", "The requested path was not found");
        assert.strictEqual((await t.h.api("GET", `/api/v1/apps/${t.appId}`)).body.status, "ACTIVE");
    });

    it("a deleted app's pending authentication is forgotten; another app's stays", async () => {
        const other = (await t.h.api("POST", "/api/v1/apps", autoLoginBody("Other"))).body.id;
        const start = async (appId: string) => {
            const form = await t.h.api(
                "POST",
                `/sandbox/console/apps/${appId}/provisioning`,
                scimForm(t.cx),
                { Authorization: "" },
            );
            assert.strictEqual(form.status, 200);
            const r = await fetch(`${t.h.url}/sandbox/console/apps/${appId}/authenticate`, {
                redirect: "manual",
            });
            return new URL(r.headers.get("location")!).searchParams.get("state")!;
        };
        const mine = await start(t.appId);
        const theirs = await start(other);
        await t.h.api("POST", `/api/v1/apps/${t.appId}/lifecycle/deactivate`);
        assert.strictEqual((await t.h.api("DELETE", `/api/v1/apps/${t.appId}`)).status, 204);
        const pending = Object.keys(t.h.ctx.state.okta.pendingOAuth);
        assert.deepStrictEqual(pending, [theirs]);
        const cb = await fetch(`${t.h.url}/sandbox/console/oauth/callback?code=x&state=${mine}`);
        assert.strictEqual(cb.status, 400);
        assert.match(await cb.text(), /Unknown or expired authentication request/);
    });
    it("q is a case-insensitive prefix of the app's label or of its name; a name filter keeps that app", async () => {
        const app = (await t.h.api("GET", `/api/v1/apps/${t.appId}`)).body;
        await t.h.api("POST", "/api/v1/apps", autoLoginBody("Other"));
        const labels = async (query: string) =>
            (await t.h.api("GET", `/api/v1/apps?${query}`)).body.map(
                (a: { label: string }) => a.label,
            );
        assert.deepStrictEqual(await labels("q=cxo"), ["CXone"]);
        assert.deepStrictEqual(await labels(`q=${app.name.slice(0, 14).toUpperCase()}`), ["CXone"]);
        assert.deepStrictEqual(await labels("q=one"), [], "a prefix, not a substring");
        const named = `filter=${encodeURIComponent(`name eq "${app.name}"`)}`;
        assert.deepStrictEqual(await labels(named), ["CXone"]);
    });

    it("deactivating moves lastUpdated and is saved; deactivating again is 200 {} and changes nothing", async () => {
        const read = async () => (await t.h.api("GET", `/api/v1/apps/${t.appId}`)).body;
        const before = await read();
        const op = (name: string) => t.h.api("POST", `/api/v1/apps/${t.appId}/lifecycle/${name}`);
        const later = () => new Promise((r) => setTimeout(r, 5)); // a new millisecond
        await later();
        const saves = t.h.saves;
        const off = await op("deactivate");
        assert.deepStrictEqual([off.status, off.body], [200, {}]);
        const inactive = await read();
        assert.strictEqual(inactive.status, "INACTIVE");
        assert.ok(inactive.lastUpdated > before.lastUpdated);
        assert.ok(t.h.saves > saves, "saved");
        await later();
        const again = await op("deactivate");
        assert.deepStrictEqual([again.status, again.body], [200, {}]);
        assert.deepStrictEqual(await read(), inactive);
        await later();
        assert.strictEqual((await op("activate")).status, 200);
        const active = await read();
        assert.strictEqual(active.status, "ACTIVE");
        assert.ok(active.lastUpdated > inactive.lastUpdated);
    });
    it("a create is saved; its refusals name each field once, a catalog name as name", async () => {
        const saves = t.h.saves;
        const made = await t.h.api("POST", "/api/v1/apps", autoLoginBody("Saved"));
        assert.strictEqual(made.status, 200);
        assert.ok(t.h.saves > saves, "saved");
        const bad = await t.h.api("POST", "/api/v1/apps", {
            signOnMode: "AUTO_LOGIN",
            settings: { signOn: { loginUrl: "notaurl" } },
        });
        assertOktaError(
            bad,
            400,
            "E0000001",
            "Api validation failed: label, settings.signOn.loginUrl",
        );
        const named = await t.h.api("POST", "/api/v1/apps", {
            ...autoLoginBody(),
            name: "template_swa",
        });
        assertOktaError(named, 400, "E0000001", "Api validation failed: name");
        assert.strictEqual(named.body.errorCauses.length, 1);
        assert.match(named.body.errorCauses[0].errorSummary, /^name: .*template_swa/);
    });
});
