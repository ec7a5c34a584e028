// What the emulated Okta org starts an object with (sandbox/okta/state.ts), read through its API:
// a new app's provisioning switches, and a new user's timestamps by the status it was created in.
import * as assert from "assert";
import { oktaConsoleAppForEach, oktaSaveScimForm } from "../support/oktaConsoleApp";

describe("sandbox Okta: what a new object starts with (state.ts)", function () {
    this.timeout(15000);
    const t = oktaConsoleAppForEach();

    it("a new app's provisioning: every To App switch off, the password seed RANDOM, KEEP_EXISTING", async () => {
        await oktaSaveScimForm(t);
        const f = await t.h.api("GET", `/api/v1/apps/${t.appId}/features/USER_PROVISIONING`);
        assert.strictEqual(f.status, 200, JSON.stringify(f.body));
        assert.deepStrictEqual(f.body.capabilities, {
            create: { lifecycleCreate: { status: "DISABLED" } },
            update: {
                profile: { status: "DISABLED" },
                lifecycleDeactivate: { status: "DISABLED" },
                password: { status: "DISABLED", seed: "RANDOM", change: "KEEP_EXISTING" },
            },
        });
    });

    it("a new user's timestamps: PROVISIONED activated without a password, STAGED not activated, ACTIVE both", async () => {
        const create = async (query: string, password?: string) => {
            const n = Math.random().toString(36).slice(2, 8);
            const login = `new.${n}@example.com`;
            const r = await t.h.api("POST", `/api/v1/users${query}`, {
                profile: { firstName: "New", lastName: n, email: login, login },
                ...(password ? { credentials: { password: { value: password } } } : {}),
            });
            assert.strictEqual(r.status, 200, JSON.stringify(r.body));
            const u = r.body;
            return [u.status, !!u.activated, !!u.statusChanged, !!u.passwordChanged, u.lastLogin];
        };
        assert.deepStrictEqual(await create("?activate=true"), [
            "PROVISIONED",
            true,
            true,
            false,
            null,
        ]);
        assert.deepStrictEqual(await create("?activate=false"), [
            "STAGED",
            false,
            false,
            false,
            null,
        ]);
        assert.deepStrictEqual(await create("", "Pw-12345678!"), [
            "ACTIVE",
            true,
            true,
            true,
            null,
        ]);
    });
});
