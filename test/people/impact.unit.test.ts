// The arithmetic of every cause, on a world of overlapping groups, and a property over random worlds:
// nobody still in scope is ever counted, and everyone pushed who leaves is counted once.
import * as assert from "assert";
import fc from "fast-check";
import {
    allowed,
    impactOf,
    type AppPerson,
    type PeopleNow,
    type PlannedChange,
} from "../../provider/people/impactLogic";
import { impactLines, named, refusal } from "../../provider/people/messages";

const ON = { createUsers: true, updateUserAttributes: true, deactivateUsers: true };

/** 30 people: 0-9 in A only, 10-19 in A and B, 20-24 in B only, 25-29 in C; 0 and 25 also direct. */
function world(over: Partial<PeopleNow> = {}): PeopleNow {
    const ids = Array.from({ length: 30 }, (_x, i) => `u${String(i).padStart(2, "0")}`);
    const members = {
        A: ids.slice(0, 20),
        B: ids.slice(10, 25),
        C: ids.slice(25, 30),
        D: ["u05", "u40", "u41"],
    };
    const appUsers: AppPerson[] = ids.map((id, i) => ({
        id,
        userName: `${id}@example.com`,
        scope: i === 0 || i === 25 ? "USER" : "GROUP",
        pushed: i !== 29, // u29 not pushed yet
    }));
    return {
        appId: "0oa1",
        groupIds: ["A", "B", "C"],
        appUsers,
        members,
        switches: ON,
        provisioning: true,
        ...over,
    };
}
const change = (over: Partial<PlannedChange> = {}): PlannedChange => ({
    operation: "update",
    groupIds: ["A", "B", "C"],
    switches: ON,
    ...over,
});
const names = (ps: { userName: string }[]) => ps.map((p) => p.userName.slice(0, 3));

describe("people impact: every cause", () => {
    it("no change: nobody affected, the summary says so", () => {
        const i = impactOf(world(), change());
        assert.deepStrictEqual([i.deactivated, i.unmanaged, i.updatesStop], [[], [], []]);
        assert.strictEqual(i.provisionedNow, 29);
        assert.strictEqual(i.provisionedAfter, 29);
        assert.deepStrictEqual(impactLines(i), [
            "No one loses CXone access: Okta provisions 29 people through the app.",
        ]);
    });
    it("a group removed: only its members in no other group and not direct are deactivated", () => {
        const i = impactOf(world(), change({ groupIds: ["B", "C"] }));
        // A's 20: 10-19 stay through B, u00 is direct
        assert.deepStrictEqual(names(i.deactivated), [
            "u01",
            "u02",
            "u03",
            "u04",
            "u05",
            "u06",
            "u07",
            "u08",
            "u09",
        ]);
        assert.deepStrictEqual(i.cause.groupsRemoved, ["A"]);
        assert.strictEqual(i.provisionedAfter, 20);
    });
    it("a group id replaced: members of the new group stay, the rest of the old one goes", () => {
        const i = impactOf(world(), change({ groupIds: ["D", "B", "C"] }));
        assert.strictEqual(i.deactivated.length, 8, "u05 is in D");
        assert.ok(!names(i.deactivated).includes("u05"));
        assert.deepStrictEqual(i.cause.groupsAdded, ["D"]);
        assert.strictEqual(i.created, 2, "u40 and u41 are new");
        assert.strictEqual(i.provisionedAfter, 29 - 8 + 2);
    });
    it("two overlapping groups removed at once: each person counted once", () => {
        const i = impactOf(world(), change({ groupIds: ["C"] }));
        assert.strictEqual(i.deactivated.length, 25 - 1, "u00-u24 minus direct u00");
        assert.strictEqual(new Set(names(i.deactivated)).size, i.deactivated.length);
    });
    it("deactivateUsers off: people leaving keep their account, unmanaged", () => {
        const now = world({ switches: { ...ON, deactivateUsers: false } });
        const i = impactOf(now, change({ groupIds: ["B", "C"], switches: now.switches }));
        assert.strictEqual(i.deactivated.length, 0);
        assert.strictEqual(i.unmanaged.length, 9);
        assert.match(impactLines(i)[1], /^Okta stops managing 9 CXone users, who keep/);
    });
    it("deactivateUsers switched on with a group removed: they are deactivated, not left", () => {
        const now = world({ switches: { ...ON, deactivateUsers: false } });
        const i = impactOf(now, change({ groupIds: ["B", "C"] }));
        assert.strictEqual(i.deactivated.length, 9);
        assert.strictEqual(i.cause.deactivateUsers, "on");
        assert.match(impactLines(i)[1], /deactivateUsers is switched on\.$/);
    });
    it("deactivateUsers switched on alone: nobody deactivated (Okta is not retroactive)", () => {
        const now = world({ switches: { ...ON, deactivateUsers: false } });
        const i = impactOf(now, change());
        assert.strictEqual(i.deactivated.length, 0);
        assert.ok(
            impactLines(i).some((l) => /deactivates no one who was unassigned before/.test(l)),
        );
    });
    it("deactivateUsers switched off alone: told, nobody affected now", () => {
        const i = impactOf(world(), change({ switches: { ...ON, deactivateUsers: false } }));
        assert.strictEqual(i.cause.deactivateUsers, "off");
        assert.strictEqual(i.deactivated.length + i.unmanaged.length, 0);
        assert.match(impactLines(i).join("\n"), /keep their CXone access, no longer managed/);
    });
    it("updateUserAttributes switched off: every pushed person in scope stops getting updates", () => {
        const i = impactOf(world(), change({ switches: { ...ON, updateUserAttributes: false } }));
        assert.strictEqual(i.updatesStop.length, 29);
        assert.strictEqual(i.deactivated.length, 0);
    });
    it("createUsers switched off: the assigned but not yet created, and the newly in scope, are not created", () => {
        const i = impactOf(
            world(),
            change({ groupIds: ["A", "B", "C", "D"], switches: { ...ON, createUsers: false } }),
        );
        assert.strictEqual(i.notCreated, 1 + 2, "u29, and u40 u41 of D");
        assert.strictEqual(i.created, 0);
    });
    it("a new key (employee or tenant): provisioning stops, nobody deactivated", () => {
        const i = impactOf(world(), change({ newKey: "employee" }));
        assert.strictEqual(i.stops, "employee");
        assert.strictEqual(i.deactivated.length, 0);
        assert.match(impactLines(i).join("\n"), /Provisioning stops until a person acts/);
        const t = impactOf(world(), change({ newKey: "tenant" }));
        assert.match(impactLines(t).join("\n"), /another CXone tenant/);
        const pending = impactOf(world({ provisioning: false }), change({ newKey: "tenant" }));
        assert.strictEqual(pending.stops, undefined, "not provisioning yet: nothing stops");
    });
    it("destroy: group-assigned pushed people deactivated, direct ones left unmanaged", () => {
        const i = impactOf(world(), change({ operation: "destroy", groupIds: [] }));
        assert.strictEqual(i.deactivated.length, 27, "29 pushed minus u00 and u25 (direct)");
        assert.deepStrictEqual(names(i.unmanaged), ["u00", "u25"]);
        // what deleting the app does to them is not documented: the safeguard counts them
        assert.deepStrictEqual(names(i.atRisk), ["u00", "u25"]);
        assert.strictEqual(allowed(i, { threshold: 0, allowDeactivations: 27 }), false);
        assert.strictEqual(allowed(i, { threshold: 0, allowDeactivations: 29 }), true);
        assert.match(
            refusal(i, { threshold: 0 }),
            /deactivate 29 CXone users \(27, and 2 assigned directly/,
        );
        assert.strictEqual(i.provisionedAfter, 0);
        const text = impactLines(i).join("\n");
        assert.match(text, /`pulumi destroy` makes Okta deactivate 27 CXone users/);
        assert.match(text, /CXone keeps every user as they are/);
        const off = impactOf(world({ switches: { ...ON, deactivateUsers: false } }), {
            ...change({ operation: "destroy", groupIds: [] }),
        });
        assert.strictEqual(off.deactivated.length, 0);
        assert.strictEqual(off.unmanaged.length, 29);
        assert.strictEqual(off.atRisk.length, 0, "Deactivate Users off: Okta sends nothing");
    });
    it("no app of this stack yet: nothing at stake", () => {
        const i = impactOf(
            { groupIds: [], appUsers: [], members: { A: ["x"] }, provisioning: false },
            change({ groupIds: ["A"] }),
        );
        assert.strictEqual(i.deactivated.length, 0);
        assert.strictEqual(i.created, 0, "no one is created before the connection works");
    });
});

describe("people safeguard and refusal", () => {
    const cut = impactOf(world(), change({ groupIds: ["B", "C"] })); // 9 deactivated
    it("passes at or under the threshold, or with exactly the allowed count", () => {
        assert.strictEqual(allowed(cut, { threshold: 9 }), true);
        assert.strictEqual(allowed(cut, { threshold: 8 }), false);
        assert.strictEqual(allowed(cut, { threshold: 0, allowDeactivations: 9 }), true);
        assert.strictEqual(allowed(cut, { threshold: 0, allowDeactivations: 10 }), false);
        assert.strictEqual(allowed(cut, { threshold: 0, allowDeactivations: 8 }), false);
    });
    it("names the count, the cause, the first logins and the way to allow it", () => {
        const text = refusal(cut, { threshold: 0 });
        assert.match(text, /^refused: this update would make Okta deactivate 9 CXone users: u01@/);
        assert.match(text, /more than deactivationThreshold \(0\)/);
        assert.match(text, /groupIds no longer lists A/);
        assert.match(text, /Nothing was changed/);
        assert.match(text, /`pulumi config set allowDeactivations 9`/);
        assert.match(
            refusal(cut, { threshold: 0, allowDeactivations: 3 }),
            /allowDeactivations is 3, not 9/,
        );
        const destroy = impactOf(world(), change({ operation: "destroy", groupIds: [] }));
        assert.match(refusal(destroy, { threshold: 5 }), /then `pulumi destroy` again/);
    });
    it("lists 10 logins, then how many more", () => {
        const people = Array.from({ length: 12 }, (_x, i) => ({ id: `${i}`, userName: `p${i}` }));
        assert.strictEqual(named(people), "p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 2 more");
        assert.strictEqual(named(people.slice(0, 2)), "p0, p1");
    });
});

describe("people impact: properties", () => {
    const worlds = fc
        .record({
            n: fc.integer({ min: 0, max: 40 }),
            groups: fc.array(fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), {
                minLength: 1,
                maxLength: 4,
            }),
            direct: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
            keep: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
            deactivate: fc.boolean(),
        })
        .map(({ n, groups, direct, keep, deactivate }) => {
            const ids = Array.from({ length: n }, (_x, i) => `u${i}`);
            const gids = groups.map((_g, k) => `G${k}`);
            const members = Object.fromEntries(
                groups.map((g, k) => [gids[k], ids.filter((_u, i) => g[i])]),
            );
            const inAny = (i: number) => groups.some((g) => g[i]);
            const appUsers: AppPerson[] = ids
                .map((id, i) => ({ id, i }))
                .filter(({ i }) => direct[i] || inAny(i))
                .map(({ id, i }) => ({
                    id,
                    userName: id,
                    scope: direct[i] ? ("USER" as const) : ("GROUP" as const),
                    pushed: true,
                }));
            const sw = { ...ON, deactivateUsers: deactivate };
            const now: PeopleNow = {
                appId: "a",
                groupIds: gids,
                appUsers,
                members,
                switches: sw,
                provisioning: true,
            };
            const after = gids.filter((_g, k) => keep[k]);
            return { now, after, direct, groups, ids, sw };
        });
    it("counts exactly the pushed people who end up in no kept group and not direct, once each", () => {
        fc.assert(
            fc.property(worlds, ({ now, after, sw }) => {
                const i = impactOf(now, change({ groupIds: after, switches: sw }));
                const kept = new Set(after.flatMap((g) => now.members[g]));
                const leaving = now.appUsers
                    .filter((p) => p.scope === "GROUP" && !kept.has(p.id))
                    .map((p) => p.id)
                    .sort();
                const counted = [...i.deactivated, ...i.unmanaged].map((p) => p.id).sort();
                assert.deepStrictEqual(counted, leaving);
                assert.strictEqual(i.deactivated.length, sw.deactivateUsers ? leaving.length : 0);
                assert.strictEqual(i.provisionedAfter, now.appUsers.length - leaving.length);
            }),
        );
    });
});
