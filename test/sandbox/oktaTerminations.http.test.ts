// What the emulated Okta tells CXone when an app assignment ends: a deactivation only when
// "Deactivate Users" is on at that moment (never later), nothing for someone still assigned another
// way, the group-based assignments of a deactivated app ended, and nothing more when it is deleted.
import * as assert from "assert";
import { addPeople } from "../../sandbox/okta/population";
import {
    oktaConnect,
    oktaConsoleAppForEach,
    oktaToAppSwitches as switches,
} from "../support/oktaConsoleApp";
import type { FakeCxone, OktaHarness } from "../support/oktaHarness";

describe("sandbox Okta: ended assignments", function () {
    this.timeout(15000);
    let h: OktaHarness;
    let cx: FakeCxone;
    let appId: string;
    let g: Record<string, string>;
    let ids: string[];

    const app = oktaConsoleAppForEach();
    beforeEach(async () => {
        ({ h, cx, appId } = app);
        // 0-5: A only; 6-9: A and B; 10-11: B only
        const pop = addPeople(h.ctx.state.okta, 12, [
            { name: "A", has: (i) => i < 10 },
            { name: "B", has: (i) => i >= 6 },
        ]);
        g = pop.groupIds;
        ids = pop.userIds;
        await oktaConnect(app);
    });

    const activeInCxone = () =>
        [...cx.users.values()]
            .filter((u) => u.active !== false)
            .map((u) => String(u.userName))
            .sort();
    const login = (i: number) => h.ctx.state.okta.users[ids[i]].profile.login;
    const range = (from: number, to: number) =>
        Array.from({ length: to - from }, (_x, k) => login(from + k));
    async function provisionBoth(deactivate: boolean) {
        const put = await h.api(
            "PUT",
            `/api/v1/apps/${appId}/features/USER_PROVISIONING`,
            switches(deactivate),
        );
        assert.strictEqual(put.status, 200, JSON.stringify(put.body));
        await h.api("PUT", `/api/v1/apps/${appId}/groups/${g.A}`, {});
        await h.api("PUT", `/api/v1/apps/${appId}/groups/${g.B}`, {});
        await h.locals.provisioning.idle();
        assert.deepStrictEqual(activeInCxone(), range(0, 12));
    }

    it("a removed group deactivates its members who are in no other assigned group, and no one else", async () => {
        await provisionBoth(true);
        // person 0 is also assigned directly: still in scope
        await h.api("POST", `/api/v1/apps/${appId}/users`, { id: ids[0] });
        await h.api("DELETE", `/api/v1/apps/${appId}/groups/${g.A}`);
        await h.locals.provisioning.idle();
        assert.deepStrictEqual(activeInCxone(), [login(0), ...range(6, 12)]);
        const appUsers = (await h.api("GET", `/api/v1/apps/${appId}/users?limit=500`)).body;
        assert.strictEqual(appUsers.length, 7);
        assert.strictEqual(appUsers.find((u: any) => u.id === ids[0]).scope, "USER");
    });

    it("with Deactivate Users off an ended assignment leaves the account active, and switching it on later deactivates nobody", async () => {
        await provisionBoth(false);
        await h.api("DELETE", `/api/v1/apps/${appId}/groups/${g.A}`);
        await h.locals.provisioning.idle();
        assert.deepStrictEqual(activeInCxone(), range(0, 12), "no deactivation sent");
        const pushed = Object.keys(h.ctx.state.okta.apps[appId].provisioning.pushed);
        assert.strictEqual(pushed.length, 6, "Okta no longer manages persons 0-5");
        await h.api("PUT", `/api/v1/apps/${appId}/features/USER_PROVISIONING`, switches(true));
        await h.locals.provisioning.idle();
        assert.deepStrictEqual(activeInCxone(), range(0, 12), "not retroactive");
        // on again and then a group removed: those members are deactivated
        await h.api("DELETE", `/api/v1/apps/${appId}/groups/${g.B}`);
        await h.locals.provisioning.idle();
        assert.deepStrictEqual(activeInCxone(), range(0, 6));
    });

    it("deactivating the app ends its group-based assignments (deactivations still sent); deleting it sends nothing for direct ones", async () => {
        await provisionBoth(true);
        await h.api("POST", `/api/v1/apps/${appId}/users`, { id: ids[11] });
        await h.api("POST", `/api/v1/apps/${appId}/lifecycle/deactivate`);
        await h.locals.provisioning.idle();
        assert.deepStrictEqual(activeInCxone(), [login(11)]);
        const appUsers = (await h.api("GET", `/api/v1/apps/${appId}/users`)).body;
        assert.deepStrictEqual(
            appUsers.map((u: any) => [u.id, u.scope]),
            [[ids[11], "USER"]],
        );
        assert.strictEqual((await h.api("DELETE", `/api/v1/apps/${appId}`)).status, 204);
        await h.locals.provisioning.idle();
        assert.deepStrictEqual(activeInCxone(), [login(11)]);
    });

    it("a deactivated Okta user loses the app and is deactivated in CXone; reactivated, the account comes back", async () => {
        await provisionBoth(true);
        await h.api("POST", `/api/v1/users/${ids[3]}/lifecycle/deactivate`);
        await h.locals.provisioning.idle();
        assert.ok(!activeInCxone().includes(login(3)));
        const listed = (await h.api("GET", `/api/v1/apps/${appId}/users`)).body.map(
            (u: any) => u.id,
        );
        assert.ok(!listed.includes(ids[3]));
        await h.api("POST", `/api/v1/users/${ids[3]}/lifecycle/activate`);
        await h.locals.provisioning.idle();
        assert.deepStrictEqual(activeInCxone(), range(0, 12));
        assert.strictEqual(cx.users.size, 12, "linked again, not duplicated");
    });
});
