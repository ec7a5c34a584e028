// How the emulated Okta renders its objects (sandbox/okta/views.ts), read through its API: an
// AUTO_LOGIN app's body as Okta's Apps API returns it, its features as provisioning switches them,
// and an app user's status and syncState as provisioning left them.
import * as assert from "assert";
import { oktaConnect, oktaConsoleAppForEach, oktaToAppSwitches } from "../support/oktaConsoleApp";
import { autoLoginBody } from "../support/oktaHarness";

describe("sandbox Okta: objects as the API renders them (views.ts)", function () {
    this.timeout(15000);
    const t = oktaConsoleAppForEach();
    /** The To App switches on, accepted. */
    const toAppOn = async () => {
        const put = await t.h.api(
            "PUT",
            `/api/v1/apps/${t.appId}/features/USER_PROVISIONING`,
            oktaToAppSwitches(),
        );
        assert.strictEqual(put.status, 200, JSON.stringify(put.body));
    };
    const read = async (path: string) => {
        const r = await t.h.api("GET", path);
        assert.strictEqual(r.status, 200, JSON.stringify(r.body));
        return r.body;
    };

    it("an inactive app: Okta's settings, licensing and links, the activate link, its shared user name", async () => {
        const body: any = autoLoginBody("Desk");
        body.credentials = {
            ...body.credentials,
            scheme: "SHARED_USERNAME_AND_PASSWORD",
            userName: "desk",
        };
        const made = await t.h.api("POST", "/api/v1/apps?activate=false", body);
        assert.strictEqual(made.status, 200, JSON.stringify(made.body));
        const { id, name } = made.body;
        const app = await read(`/api/v1/apps/${id}`);
        const base = t.h.url;
        assert.strictEqual(app.status, "INACTIVE");
        assert.deepStrictEqual(app.licensing, { seatCount: 0 });
        assert.deepStrictEqual(app.profile, {});
        assert.deepStrictEqual(app.settings.notifications, {
            vpn: { network: { connection: "DISABLED" }, message: null, helpUrl: null },
        });
        assert.deepStrictEqual(
            [app.settings.manualProvisioning, app.settings.implicitAssignment],
            [false, false],
        );
        assert.strictEqual(app.credentials.userName, "desk");
        assert.deepStrictEqual(app.credentials.signing, {});
        const links = Object.keys(app.visibility.appLinks);
        assert.strictEqual(links.length, 1);
        assert.strictEqual(app.visibility.appLinks[links[0]], true);
        assert.deepStrictEqual(
            app._links.appLinks.map((l: any) => [l.name, l.type]),
            [[links[0], "text/html"]],
        );
        assert.ok(app._links.appLinks[0].href.startsWith(`${base}/home/${name}/${id}/`));
        assert.deepStrictEqual(
            app._links.logo.map((l: any) => [l.name, l.type]),
            [["medium", "image/png"]],
        );
        assert.ok(app._links.logo[0].href.startsWith(`${base}/assets/img/logos/`));
        assert.deepStrictEqual(app._links.users, { href: `${base}/api/v1/apps/${id}/users` });
        assert.deepStrictEqual(app._links.groups, { href: `${base}/api/v1/apps/${id}/groups` });
        assert.deepStrictEqual(app._links.activate, {
            href: `${base}/api/v1/apps/${id}/lifecycle/activate`,
        });
        assert.strictEqual(app._links.deactivate, undefined);
    });

    it("an active app has the deactivate link and no user name without a shared one", async () => {
        const app = await read(`/api/v1/apps/${t.appId}`);
        assert.deepStrictEqual(app._links.deactivate, {
            href: `${t.h.url}/api/v1/apps/${t.appId}/lifecycle/deactivate`,
        });
        assert.strictEqual(app._links.activate, undefined);
        assert.ok(!("userName" in app.credentials));
    });

    it("features name what provisioning pushes, and none once SCIM provisioning is unticked", async () => {
        await oktaConnect(t);
        await toAppOn();
        assert.deepStrictEqual((await read(`/api/v1/apps/${t.appId}`)).features, [
            "PUSH_NEW_USERS",
            "PUSH_PROFILE_UPDATES",
            "PUSH_USER_DEACTIVATION",
            "REACTIVATE_USERS",
        ]);
        const off = await t.h.api(
            "DELETE",
            `/sandbox/console/apps/${t.appId}/provisioning`,
            undefined,
            { Authorization: "" },
        );
        assert.strictEqual(off.status, 200);
        assert.deepStrictEqual((await read(`/api/v1/apps/${t.appId}`)).features, []);
    });

    it("an app user: ACTIVE and DISABLED without provisioning; PROVISIONED once pushed; ERROR only for the one whose push failed", async () => {
        const [ana, ben] = ["ana", "ben"].map(
            (q) =>
                Object.values(t.h.ctx.state.okta.users).find((u) => u.profile.login.startsWith(q))!
                    .id,
        );
        const assigned = await t.h.api("POST", `/api/v1/apps/${t.appId}/users`, { id: ana });
        assert.strictEqual(assigned.status, 200, JSON.stringify(assigned.body));
        assert.deepStrictEqual(
            [assigned.body.status, assigned.body.syncState, assigned.body.externalId],
            ["ACTIVE", "DISABLED", null],
        );
        await oktaConnect(t);
        await toAppOn();
        await t.h.api("POST", `/api/v1/apps/${t.appId}/users`, { id: ben });
        await t.h.locals.provisioning.idle();
        const appUser = (id: string) => read(`/api/v1/apps/${t.appId}/users/${id}`);
        for (const id of [ana, ben])
            assert.deepStrictEqual(
                [(await appUser(id)).status, (await appUser(id)).syncState],
                ["PROVISIONED", "SYNCHRONIZED"],
            );
        // Ben's account is gone from CXone: his next update fails there
        const scimBen = [...t.cx.users.values()].find((u) => u.userName.startsWith("ben"));
        t.cx.users.delete(scimBen.id);
        await t.h.api("POST", `/api/v1/users/${ben}`, { profile: { lastName: "Brown" } });
        await t.h.locals.provisioning.idle();
        assert.strictEqual((await appUser(ben)).syncState, "ERROR");
        assert.strictEqual((await appUser(ana)).syncState, "SYNCHRONIZED");
    });
});
