// The arithmetic of every cause, on a world of overlapping groups, and a property over random worlds:
// nobody still in scope is ever counted, and everyone pushed who leaves is counted once.
import * as assert from "assert";
import fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import {
    allowed,
    impactOf,
    type AppPerson,
    type PeopleNow,
    type PlannedChange,
} from "../../provider/people/impactLogic";
import { impactLines, named, refusal } from "../../provider/people/messages";
import { tellPeople } from "../../provider/people/tell";
import { impactCause, peopleImpact } from "../support/peopleImpact";

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

describe("people impact: the edges", () => {
    const OFF = { createUsers: false, updateUserAttributes: false, deactivateUsers: false };
    it("a destroy ignores the groups it is given: nobody created, nothing added", () => {
        const i = impactOf(world(), change({ operation: "destroy", groupIds: ["A", "D"] }));
        assert.strictEqual(i.created, 0);
        assert.deepStrictEqual(i.cause.groupsAdded, []);
        assert.deepStrictEqual(i.cause.groupsRemoved, ["A", "B", "C"]);
        assert.strictEqual(i.deactivated.length, 27);
    });
    it("no switches yet (not authorized): a destroy deactivates no one; nothing switched", () => {
        const now = world({ switches: undefined });
        const d = impactOf(now, change({ operation: "destroy", groupIds: [] }));
        assert.strictEqual(d.deactivated.length, 0);
        assert.strictEqual(d.unmanaged.length, 29);
        const u = impactOf(now, change({ groupIds: ["A", "B", "C", "D"], switches: OFF }));
        assert.strictEqual(u.notCreated, 0, "nothing was being created");
        assert.strictEqual(u.cause.deactivateUsers, undefined);
        assert.deepStrictEqual(
            [u.cause.updatesSwitchedOff, u.cause.createsSwitchedOff],
            [false, false],
        );
    });
    it("each switch turned off is named in the cause, and only on an update", () => {
        const cause = (
            was: typeof ON | undefined,
            will: typeof ON,
            operation = "update" as const,
        ) => impactOf(world({ switches: was }), change({ switches: will, operation })).cause;
        const off = cause(ON, OFF);
        assert.deepStrictEqual(
            [off.updatesSwitchedOff, off.createsSwitchedOff, off.deactivateUsers],
            [true, true, "off"],
        );
        const on = cause(OFF, ON);
        assert.deepStrictEqual([on.updatesSwitchedOff, on.createsSwitchedOff], [false, false]);
        const d = impactOf(world(), change({ operation: "destroy", groupIds: [], switches: OFF }));
        assert.deepStrictEqual(
            [d.cause.updatesSwitchedOff, d.cause.createsSwitchedOff, d.cause.deactivateUsers],
            [false, false, undefined],
        );
        const upd = cause(
            { ...ON, createUsers: false },
            { ...ON, createUsers: false, updateUserAttributes: false },
        );
        assert.deepStrictEqual([upd.updatesSwitchedOff, upd.createsSwitchedOff], [true, false]);
        const cre = cause(
            { ...ON, updateUserAttributes: false },
            { ...ON, updateUserAttributes: false, createUsers: false },
        );
        assert.deepStrictEqual([cre.updatesSwitchedOff, cre.createsSwitchedOff], [false, true]);
    });
    it("a group Okta told no members of counts none", () => {
        const i = impactOf(world(), change({ groupIds: ["A", "B", "C", "Z"] }));
        assert.strictEqual(i.created, 0);
        assert.deepStrictEqual(i.cause.groupsAdded, ["Z"]);
    });
    it("every list sorted by userName, whatever Okta's order", () => {
        const now = world();
        now.appUsers.reverse();
        const unsorted = (xs: { userName: string }[]) =>
            assert.deepStrictEqual(
                xs.map((x) => x.userName),
                xs.map((x) => x.userName).sort(),
            );
        const d = impactOf(now, change({ operation: "destroy", groupIds: [] }));
        unsorted(d.deactivated);
        unsorted(d.unmanaged);
        unsorted(d.atRisk);
        assert.deepStrictEqual(names(d.atRisk), ["u00", "u25"]);
        const u = impactOf(now, change({ switches: { ...ON, updateUserAttributes: false } }));
        assert.strictEqual(u.updatesStop[0].userName, "u00@example.com");
        unsorted(u.updatesStop);
    });
    it("the newly in scope count after the change only where Okta provisions with the same key", () => {
        const add = change({ groupIds: ["A", "B", "C", "D"] });
        assert.strictEqual(impactOf(world(), add).provisionedAfter, 29 + 2);
        const stops = impactOf(world(), { ...add, newKey: "employee" });
        assert.strictEqual(stops.provisionedAfter, 29, "Okta's key stops working: no one created");
        const noApp = impactOf(world({ appId: undefined }), { ...add, newKey: "employee" });
        assert.strictEqual(noApp.stops, undefined, "no app of this stack: nothing stops");
        assert.strictEqual(noApp.provisionedAfter, 29);
        const waiting = impactOf(world({ provisioning: false }), add);
        assert.strictEqual(waiting.provisionedAfter, 29);
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

// The words themselves, on impacts built by hand: each sentence, each count's singular and plural.
describe("people messages: the operator's words", () => {
    const p = (n: number, k = "p") =>
        Array.from({ length: n }, (_x, i) => ({ id: `${k}${i}`, userName: `${k}${i}@x` }));
    const cause = impactCause;
    const impact = peopleImpact;

    it("nobody affected: one person, or people, and how many will be created", () => {
        assert.deepStrictEqual(impactLines(impact()), [
            "No one loses CXone access: Okta provisions 1 person through the app.",
        ]);
        assert.deepStrictEqual(impactLines(impact({ provisionedNow: 0, created: 3 })), [
            "No one loses CXone access: Okta provisions 0 people through the app, and will create or link 3 more now in scope.",
        ]);
    });
    it("an update deactivating one person, groups removed, deactivateUsers switched on", () => {
        const i = impactOf(world(), change({ groupIds: ["B", "C"] }));
        assert.deepStrictEqual(impactLines(i), [
            "People: 29 CXone users provisioned through the app now, 20 after this update.",
            "this update makes Okta deactivate 9 CXone users: u01@example.com, u02@example.com, " +
                "u03@example.com, u04@example.com, u05@example.com, u06@example.com, u07@example.com, " +
                "u08@example.com, u09@example.com. Why: groupIds no longer lists A, and they are in " +
                "no other assigned group and not assigned directly.",
        ]);
        const one = impact({
            deactivated: p(1),
            cause: cause({ groupsRemoved: ["G1", "G2"], deactivateUsers: "on" }),
        });
        assert.deepStrictEqual(impactLines(one), [
            "People: 1 CXone user provisioned through the app now, 1 after this update.",
            "this update makes Okta deactivate 1 CXone user: p0@x. Why: groupIds no longer lists " +
                "G1, G2, and they are in no other assigned group and not assigned directly; " +
                "deactivateUsers is switched on.",
        ]);
        assert.match(
            impactLines(impact({ deactivated: p(2) }))[1],
            /: p0@x, p1@x\. Why: their assignment ends, and they are in no other assigned group and not assigned directly\.$/,
        );
    });
    it("unmanaged by an update (deactivateUsers off) and by a destroy (direct assignees)", () => {
        assert.deepStrictEqual(
            impactLines(impact({ unmanaged: p(1), cause: cause({ groupsRemoved: ["A"] }) })),
            [
                "People: 1 CXone user provisioned through the app now, 1 after this update.",
                "Okta stops managing 1 CXone user, who keeps their CXone access with no more updates or " +
                    "deactivation from Okta: p0@x. Why: groupIds no longer lists A, and they are in no " +
                    "other assigned group and not assigned directly, and deactivateUsers is off.",
            ],
        );
        const destroy = impactOf(world(), change({ operation: "destroy", groupIds: [] }));
        const lines = impactLines(destroy);
        assert.deepStrictEqual(lines.slice(2), [
            "Okta stops managing 2 CXone users, who keep their CXone access with no more updates or " +
                "deactivation from Okta: u00@example.com, u25@example.com. Why: the Okta app is " +
                "deleted; they are assigned to it directly (Okta sends CXone nothing for them).",
            "Okta does not document whether deleting the app deactivates the 2 CXone users assigned " +
                "to it directly: the safeguard counts them as deactivated.",
            "The CXone access key is revoked: CXone keeps every user as they are (users change only " +
                "through the identity provider).",
        ]);
        assert.strictEqual(
            lines[0],
            "People: 29 CXone users provisioned through the app now, 0 after `pulumi destroy`.",
        );
        assert.match(
            lines[1],
            /^`pulumi destroy` makes Okta deactivate 27 CXone users: u01@example\.com, .* u10@example\.com and 17 more\. Why: the Okta app is deleted with its group assignments\.$/,
        );
        assert.strictEqual(
            impactLines(
                impact({ atRisk: p(1), unmanaged: p(1), cause: cause({ appDeleted: true }) }),
            )[2],
            "Okta does not document whether deleting the app deactivates the 1 CXone user assigned " +
                "to it directly: the safeguard counts them as deactivated.",
        );
    });
    it("updates and creations switched off, one and many", () => {
        assert.deepStrictEqual(impactLines(impact({ updatesStop: p(1), notCreated: 1 })).slice(1), [
            "Okta stops pushing profile changes for 1 CXone user (p0@x). Why: updateUserAttributes is switched off.",
            "Okta will not create 1 person in scope who has no CXone account yet. Why: createUsers is switched off.",
        ]);
        assert.deepStrictEqual(impactLines(impact({ updatesStop: p(2), notCreated: 3 })).slice(1), [
            "Okta stops pushing profile changes for 2 CXone users (p0@x, p1@x). Why: updateUserAttributes is switched off.",
            "Okta will not create 3 people in scope who have no CXone account yet. Why: createUsers is switched off.",
        ]);
    });
    it("deactivateUsers switched off, or on with nobody deactivated", () => {
        assert.deepStrictEqual(impactLines(impact({ cause: cause({ deactivateUsers: "off" }) })), [
            "People: 1 CXone user provisioned through the app now, 1 after this update.",
            "deactivateUsers is switched off: from now on, people removed from the app keep their " +
                "CXone access, no longer managed by Okta.",
        ]);
        assert.deepStrictEqual(impactLines(impact({ cause: cause({ deactivateUsers: "on" }) })), [
            "People: 1 CXone user provisioned through the app now, 1 after this update.",
            "deactivateUsers is switched on: Okta deactivates people whose assignment ends from now " +
                "on; it deactivates no one who was unassigned before.",
        ]);
        const on = impact({ deactivated: p(1), cause: cause({ deactivateUsers: "on" }) });
        assert.strictEqual(
            impactLines(on).length,
            2,
            "switched on and someone deactivated: one line",
        );
    });
    it("a new key: provisioning stops, for another employee or another tenant", () => {
        const stop = (stops: "employee" | "tenant") =>
            "Provisioning stops until a person acts: this update makes a new CXone access key " +
            `(${stops === "tenant" ? "another CXone tenant" : "another employee for the key"}), and ` +
            "Okta keeps using the old one, which stops working when it is revoked. Until the console " +
            'steps are done again (the new client id and secret in Okta, then "Authenticate with ' +
            'CXone"; see `pulumi stack output remainingSteps`), Okta creates, updates and ' +
            "deactivates no one: 2 CXone users get no updates.";
        for (const stops of ["employee", "tenant"] as const)
            assert.deepStrictEqual(impactLines(impact({ stops, provisionedNow: 2 })), [
                "People: 2 CXone users provisioned through the app now, 1 after this update.",
                stop(stops),
            ]);
    });
    it("the refusal, word for word: an update, then a destroy with direct assignees at risk", () => {
        const i = impact({
            deactivated: p(2),
            cause: cause({ groupsRemoved: ["A"], deactivateUsers: "on" }),
        });
        assert.strictEqual(
            refusal(i, { threshold: 1, allowDeactivations: 5 }),
            "refused: this update would make Okta deactivate 2 CXone users: p0@x, p1@x. That is more " +
                "than deactivationThreshold (1) allows without asking (allowDeactivations is 5, not 2: " +
                "an allowance lets exactly its count through). Why: groupIds no longer lists A, and " +
                "they are in no other assigned group and not assigned directly; deactivateUsers is " +
                "switched on. Nothing was changed. If this is what you mean, allow exactly this " +
                "count: set allowDeactivations to 2 (`pulumi config set allowDeactivations 2`), then " +
                "run `pulumi up` again.",
        );
        const d = impact({
            deactivated: p(1),
            atRisk: p(1, "d"),
            unmanaged: p(1, "d"),
            cause: cause({ appDeleted: true }),
        });
        const text = refusal(d, { threshold: 0, allowDeactivations: 0 });
        const start =
            "refused: `pulumi destroy` would make Okta deactivate 2 CXone users (1, and 1 assigned " +
            "directly whom deleting the app may deactivate: d0@x): p0@x. That is more than " +
            "deactivationThreshold (0) allows without asking (allowDeactivations is 0, not 2: ";
        assert.strictEqual(text.slice(0, start.length), start);
        assert.match(text, / Why: the Okta app is deleted with its group assignments\. Nothing /);
        assert.match(
            text,
            /\(`pulumi config set allowDeactivations 2`\), then run `pulumi up` to record it, then `pulumi destroy` again\.$/,
        );
        assert.strictEqual(
            refusal(impact({ deactivated: p(1) }), { threshold: 0 }),
            "refused: this update would make Okta deactivate 1 CXone user: p0@x. That is more than " +
                "deactivationThreshold (0) allows without asking. Why: their assignment ends, and they " +
                "are in no other assigned group and not assigned directly. Nothing was changed. If " +
                "this is what you mean, allow exactly this count: set allowDeactivations to 1 " +
                "(`pulumi config set allowDeactivations 1`), then run `pulumi up` again.",
        );
    });
});

describe("people lines told on the component", () => {
    const told: string[] = [];
    const real = { info: pulumi.log.info, warn: pulumi.log.warn };
    before(() => {
        Object.assign(pulumi.log, {
            info: async (m: string) => void told.push(`info ${m}`),
            warn: async (m: string) => void told.push(`warn ${m}`),
        });
    });
    after(() => Object.assign(pulumi.log, real));
    beforeEach(() => told.splice(0));
    const report = (lines: string[]) => ({ impact: impactOf(world(), change()), lines });

    it("no one affected: the summary as an info line", () => {
        tellPeople(report(["No one loses CXone access."]));
        assert.deepStrictEqual(told, ["info No one loses CXone access."]);
    });
    it("someone affected: every line a warning, the summary first", () => {
        tellPeople(report(["People: 2", "deactivate 1", "stops 1"]));
        assert.deepStrictEqual(told, ["warn People: 2", "warn deactivate 1", "warn stops 1"]);
    });
    it("no report (no reads): nothing told", () => {
        tellPeople(undefined);
        assert.deepStrictEqual(told, []);
    });
});
