// A larger org added to the emulated Okta's state (sandbox/okta/population.ts) the way an
// administrator's imports leave it: ACTIVE people with zero-padded logins, OKTA_GROUP groups with
// the planned members, nothing else touched.
import * as assert from "assert";
import { addPeople } from "../../sandbox/okta/population";
import { seedOkta } from "../../sandbox/okta/state";

describe("sandbox Okta: a larger org (population.ts)", () => {
    it("people: ACTIVE, their logins zero-padded to the widest index, in order, person 0 first", () => {
        const state = seedOkta();
        const before = Object.keys(state.users).length;
        const pop = addPeople(state, 11, []);
        assert.strictEqual(pop.userIds.length, 11);
        assert.strictEqual(Object.keys(state.users).length, before + 11);
        const logins = pop.userIds.map((id) => state.users[id].profile.login);
        assert.strictEqual(logins[0], "agent.00@example.com");
        assert.strictEqual(logins[10], "agent.10@example.com");
        assert.deepStrictEqual(
            logins,
            Array.from({ length: 11 }, (_x, i) => pop.login(i)),
        );
        const u = state.users[pop.userIds[3]];
        assert.deepStrictEqual(u.profile, {
            firstName: "Agent",
            lastName: "agent03",
            email: "agent.03@example.com",
            login: "agent.03@example.com",
        });
        assert.strictEqual(u.status, "ACTIVE");
        assert.strictEqual(u.id, pop.userIds[3]);
        assert.match(u.id, /^00u[0-9A-Za-z]{17}$/);
        assert.deepStrictEqual(pop.groupIds, {});
    });

    it("ten people need one digit; one person and none need one too; a prefix replaces 'agent'", () => {
        const ten = addPeople(seedOkta(), 10, []);
        assert.deepStrictEqual(
            [ten.login(0), ten.login(9)],
            ["agent.0@example.com", "agent.9@example.com"],
        );
        const state = seedOkta();
        const one = addPeople(state, 1, [], "bench");
        assert.strictEqual(one.login(0), "bench.0@example.com");
        assert.strictEqual(state.users[one.userIds[0]].profile.lastName, "bench0");
        const none = addPeople(seedOkta(), 0, [{ name: "Empty", has: () => true }]);
        assert.deepStrictEqual(none.userIds, []);
        assert.strictEqual(none.login(3), "agent.3@example.com");
    });

    it("groups: OKTA_GROUP with no description, the planned members in person order", () => {
        const state = seedOkta();
        const pop = addPeople(state, 5, [
            { name: "Even", has: (i) => i % 2 === 0 },
            { name: "Nobody", has: () => false },
        ]);
        assert.deepStrictEqual(Object.keys(pop.groupIds), ["Even", "Nobody"]);
        const even = pop.groupIds.Even;
        assert.match(even, /^00g[0-9A-Za-z]{17}$/);
        const g = state.groups[even];
        assert.deepStrictEqual(
            { id: g.id, type: g.type, profile: g.profile },
            { id: even, type: "OKTA_GROUP", profile: { name: "Even", description: null } },
        );
        for (const t of [g.created, g.lastUpdated, g.lastMembershipUpdated])
            assert.strictEqual(t, state.users[pop.userIds[0]].created);
        assert.deepStrictEqual(state.memberships[even], [
            pop.userIds[0],
            pop.userIds[2],
            pop.userIds[4],
        ]);
        assert.deepStrictEqual(state.memberships[pop.groupIds.Nobody], []);
        assert.notStrictEqual(pop.groupIds.Nobody, even);
    });
});
