// The impact's reads against the sandbox's Okta over HTTP: one page walk per list (counted in the
// request log), nothing written, and the world they return gives the exact count.
import * as assert from "assert";
import { impactOf } from "../../provider/people/impactLogic";
import { readPeopleNow } from "../../provider/people/reads";
import { addPeople } from "../../sandbox/okta/population";
import { sandboxForSuite, uniqueLabel } from "../support/sandbox";

const ON = { createUsers: true, updateUserAttributes: true, deactivateUsers: true };

describe("people impact: the reads", function () {
    this.timeout(30000);
    const f = sandboxForSuite();
    let appId: string;
    let g: Record<string, string>;
    let login: (i: number) => string;

    before(async () => {
        const state = f.sandbox.context.state.okta;
        // 1,200 people: G1 0-699, G2 500-1099, G3 1100-1199; person 0 also assigned directly
        const pop = addPeople(state, 1200, [
            { name: "G1", has: (i) => i < 700 },
            { name: "G2", has: (i) => i >= 500 && i < 1100 },
            { name: "G3", has: (i) => i >= 1100 },
        ]);
        g = pop.groupIds;
        login = pop.login;
        f.sandbox.context.save();
        const app = await f.api("POST", "/api/v1/apps?activate=true", {
            label: uniqueLabel("People"),
            signOnMode: "AUTO_LOGIN",
            settings: { signOn: { loginUrl: f.loginUrl } },
        });
        appId = app.data.id;
        await f.api("PUT", `/api/v1/apps/${appId}/groups/${g.G1}`, {});
        await f.api("PUT", `/api/v1/apps/${appId}/groups/${g.G2}`, {});
        await f.api("POST", `/api/v1/apps/${appId}/users`, { id: pop.userIds[0] });
        // Okta has pushed everyone assigned (0-1099)
        const pushed = state.apps[appId].provisioning.pushed;
        pop.userIds.slice(0, 1100).forEach((id, i) => {
            pushed[id] = {
                externalId: `cx-${i}`,
                userName: login(i),
                active: true,
                lastSync: new Date().toISOString(),
                profileHash: "",
            };
        });
    });

    it("reads each list in one page walk and writes nothing", async () => {
        f.sandbox.clearRequests();
        const now = await readPeopleNow(f.orgUrl, appId, [g.G2, g.G3]);
        const calls = f.oktaCalls().map((c) => c.replace(/\?.*$/, ""));
        const count = (path: string) => calls.filter((c) => c === `GET ${path}`).length;
        assert.strictEqual(count(`/api/v1/apps/${appId}/users`), 3, "1,100 app users, 500 a page");
        assert.strictEqual(count(`/api/v1/apps/${appId}/groups`), 1);
        assert.strictEqual(count(`/api/v1/groups/${g.G2}/users`), 1, "600 members, 1,000 a page");
        assert.strictEqual(count(`/api/v1/groups/${g.G3}/users`), 1);
        assert.strictEqual(count(`/api/v1/apps/${appId}/features/USER_PROVISIONING`), 1);
        assert.strictEqual(calls.length, 7, calls.join("\n"));
        assert.deepStrictEqual(f.oktaWrites(), []);
        assert.strictEqual(now.appUsers.length, 1100);
        assert.deepStrictEqual(
            now.appUsers.filter((p) => p.scope === "USER").map((p) => p.userName),
            [login(0)],
        );
        assert.strictEqual(now.appUsers.find((p) => p.userName === login(1))?.scope, "GROUP");
        assert.deepStrictEqual(new Set(now.groupIds), new Set([g.G1, g.G2]));
        assert.strictEqual(now.members[g.G2].length, 600);
        assert.strictEqual(now.provisioning, false, "no SCIM provisioning on this app");
    });

    it("gives the exact count: G1 replaced by G3 cuts off G1's members outside G2, not the direct one", async () => {
        const now = await readPeopleNow(f.orgUrl, appId, [g.G3, g.G2]);
        const i = impactOf(now, { operation: "update", groupIds: [g.G3, g.G2], switches: ON });
        assert.strictEqual(i.deactivated.length, 499, "persons 1-499");
        assert.strictEqual(i.deactivated[0].userName, login(1));
        assert.strictEqual(i.created, 0, "G3's members wait: this app has no SCIM connection");
    });

    it("an app Okta no longer has reads as no app", async () => {
        const now = await readPeopleNow(f.orgUrl, "0oamissing", [g.G3]);
        assert.strictEqual(now.appId, undefined);
        assert.deepStrictEqual(
            { ...now, members: {} },
            { groupIds: [], appUsers: [], members: {}, provisioning: false },
        );
        assert.strictEqual(now.members[g.G3].length, 100);
    });

    /** The app's `path` answered `status`, the next `times` times. */
    const fault = (path: string, status: number, times = 1) =>
        f.sandbox.setFaults([
            {
                kind: "status",
                server: "okta",
                status,
                times,
                path: `^/api/v1/apps/${appId}${path}$`,
            },
        ]);
    it("no provisioning feature (404) or not enabled (400): not provisioning, no switches", async () => {
        for (const status of [404, 400]) {
            fault("/features/USER_PROVISIONING", status);
            const now = await readPeopleNow(f.orgUrl, appId, []);
            assert.strictEqual(now.provisioning, false, String(status));
            assert.strictEqual(now.switches, undefined, String(status));
            assert.strictEqual(now.appUsers.length, 1100);
        }
    });
    it("any other refusal of a read is not taken for no app or no provisioning", async () => {
        // every answer refused until cleared: the failed call's other reads may still be running
        for (const path of ["/features/USER_PROVISIONING", "/users"]) {
            fault(path, 403, 1000);
            await assert.rejects(readPeopleNow(f.orgUrl, appId, []), { status: 403 }, path);
            f.sandbox.clearFaults();
        }
    });
    it("reads group members four at a time, each group once", async () => {
        const more = addPeople(f.sandbox.context.state.okta, 10, [
            { name: "G4", has: (i) => i < 5 },
            { name: "G5", has: (i) => i >= 5 },
        ]).groupIds;
        f.sandbox.context.save();
        const groups = [g.G1, g.G2, g.G3, more.G4, more.G5, g.G1];
        f.sandbox.clearRequests();
        const now = await readPeopleNow(f.orgUrl, undefined, groups);
        const reads = f.oktaCalls().filter((c) => /^GET \/api\/v1\/groups\/[^/]+\/users/.test(c));
        assert.strictEqual(reads.length, 5, reads.join("\n"));
        assert.deepStrictEqual(
            Object.fromEntries(Object.entries(now.members).map(([k, v]) => [k, v.length])),
            { [g.G1]: 700, [g.G2]: 600, [g.G3]: 100, [more.G4]: 5, [more.G5]: 5 },
        );
    });
});
