// The emulated Okta Groups API's refusals (sandbox/okta/routes/groups.ts): each 404 names the object
// it did not find, group or user, in Okta's E0000007 words, and a refused membership changes nothing;
// a filter it cannot read is E0000001. Its lists: a filter on type or id, q as a name prefix; a
// membership change moves lastMembershipUpdated, a repeated one does not.
import * as assert from "assert";
import { sandboxForSuite } from "../support/sandbox";
import { sandboxOktaApi, type OktaAnswer } from "../support/sandboxOktaApi";
import { startOkta } from "../support/oktaHarness";

describe("sandbox Okta: Groups API refusals (routes/groups.ts)", function () {
    this.timeout(20000);
    const f = sandboxForSuite();
    const okta = sandboxOktaApi(() => f.sandbox);
    const notFound = (r: OktaAnswer, what: string) => {
        assert.strictEqual(r.status, 404, JSON.stringify(r.body));
        assert.strictEqual(r.body.errorCode, "E0000007");
        assert.strictEqual(r.body.errorSummary, `Not found: Resource not found: ${what}`);
    };

    it("an unknown group's members and an unknown group are 404 naming the group", async () => {
        notFound(await okta("GET", "/api/v1/groups/00gnope/users"), "00gnope (UserGroup)");
        notFound(await okta("GET", "/api/v1/groups/00gnope"), "00gnope (UserGroup)");
    });

    it("a filter that cannot be read is 400 E0000001 naming the filter", async () => {
        const r = await okta("GET", `/api/v1/groups?filter=${encodeURIComponent("type sw OKTA")}`);
        assert.strictEqual(r.status, 400);
        assert.strictEqual(r.body.errorCode, "E0000001");
        assert.strictEqual(r.body.errorSummary, "Api validation failed: filter");
        assert.deepStrictEqual(
            r.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary),
            ["filter: Invalid filter expression"],
        );
    });

    it("adding or removing an unknown user is 404 naming the user; the members stay", async () => {
        const agents = (await okta("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
        const members = async () =>
            (await okta("GET", `/api/v1/groups/${agents}/users`)).body.map(
                (u: { id: string }) => u.id,
            );
        const before = await members();
        for (const m of ["PUT", "DELETE"])
            notFound(await okta(m, `/api/v1/groups/${agents}/users/00unope`), "00unope (User)");
        assert.deepStrictEqual(await members(), before);
    });
});

describe("sandbox Okta: Groups API lists and memberships (routes/groups.ts)", function () {
    this.timeout(20000);
    const f = sandboxForSuite();
    const okta = sandboxOktaApi(() => f.sandbox);
    const names = (r: OktaAnswer) =>
        r.body.map((g: { profile: { name: string } }) => g.profile.name);
    const filtered = (expr: string) =>
        okta("GET", `/api/v1/groups?filter=${encodeURIComponent(expr)}`);

    it("a filter on type or id keeps the groups it names, and only those", async () => {
        assert.deepStrictEqual(names(await filtered('type eq "BUILT_IN"')), ["Everyone"]);
        assert.deepStrictEqual(names(await filtered('type eq "OKTA_GROUP"')), ["CXone Agents"]);
        const agents = (await okta("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
        assert.deepStrictEqual(names(await filtered(`id eq "${agents}"`)), ["CXone Agents"]);
        assert.deepStrictEqual(names(await filtered('type eq "APP_GROUP"')), []);
    });

    it("a filter's conditions must all hold; spaces and parentheses around one are read", async () => {
        const agents = (await okta("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
        assert.deepStrictEqual(
            names(await filtered(`type eq "OKTA_GROUP" and id eq "${agents}"`)),
            ["CXone Agents"],
        );
        assert.deepStrictEqual(
            names(await filtered('type eq "OKTA_GROUP" and id eq "00gnope"')),
            [],
        );
        assert.deepStrictEqual(names(await filtered('(type  eq  "BUILT_IN" ) ')), ["Everyone"]);
        assert.deepStrictEqual(names(await filtered('(type eq "BUILT_IN") ')), ["Everyone"]);
        for (const bad of ['then type eq "BUILT_IN"', 'type eq "BUILT_IN" then'])
            assert.strictEqual((await filtered(bad)).status, 400, bad);
    });

    it("q is a case-insensitive prefix of the group's name", async () => {
        assert.deepStrictEqual(names(await okta("GET", "/api/v1/groups?q=EVERY")), ["Everyone"]);
        assert.deepStrictEqual(names(await okta("GET", "/api/v1/groups?q=agents")), []);
    });

    it("a membership change moves the group's lastMembershipUpdated; a repeated one does not", async () => {
        const group = async () => (await okta("GET", "/api/v1/groups?q=CXone")).body[0];
        const users = (await okta("GET", "/api/v1/users")).body as { id: string }[];
        const agents = await group();
        const members = (await okta("GET", `/api/v1/groups/${agents.id}/users`)).body.map(
            (u: { id: string }) => u.id,
        );
        const outsider = users.find((u) => !members.includes(u.id))!.id;
        const path = `/api/v1/groups/${agents.id}/users/${outsider}`;
        const later = () => new Promise((r) => setTimeout(r, 5)); // a new millisecond
        await later();
        assert.strictEqual((await okta("PUT", path)).status, 204);
        const added = (await group()).lastMembershipUpdated;
        assert.ok(
            added > agents.lastMembershipUpdated,
            `${added} after ${agents.lastMembershipUpdated}`,
        );
        await later();
        assert.strictEqual((await okta("PUT", path)).status, 204);
        assert.strictEqual((await group()).lastMembershipUpdated, added, "already a member");
        await later();
        assert.strictEqual((await okta("DELETE", path)).status, 204);
        const removed = (await group()).lastMembershipUpdated;
        assert.ok(removed > added);
        await later();
        assert.strictEqual((await okta("DELETE", path)).status, 204);
        assert.strictEqual((await group()).lastMembershipUpdated, removed, "no longer a member");
    });
    it("a membership of an unknown group is 404 naming the group; of Everyone, 403 E0000006", async () => {
        const users = (await okta("GET", "/api/v1/users")).body as { id: string }[];
        const everyone = (await filtered('type eq "BUILT_IN"')).body[0].id as string;
        const unknown = await okta("PUT", `/api/v1/groups/00gnope/users/${users[0].id}`);
        assert.strictEqual(unknown.status, 404);
        assert.strictEqual(
            unknown.body.errorSummary,
            "Not found: Resource not found: 00gnope (UserGroup)",
        );
        const builtIn = await okta("DELETE", `/api/v1/groups/${everyone}/users/${users[0].id}`);
        assert.strictEqual(builtIn.status, 403);
        assert.strictEqual(builtIn.body.errorCode, "E0000006");
        assert.strictEqual(
            builtIn.body.errorSummary,
            "You do not have permission to perform the requested action",
        );
    });

    it("a membership change is saved; a repeated one is not", async () => {
        const h = await startOkta();
        try {
            const agents = (await h.api("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
            const members = (await h.api("GET", `/api/v1/groups/${agents}/users`)).body.map(
                (u: { id: string }) => u.id,
            );
            const users = (await h.api("GET", "/api/v1/users")).body as { id: string }[];
            const outsider = users.find((u) => !members.includes(u.id))!.id;
            const path = `/api/v1/groups/${agents}/users/${outsider}`;
            const saves = h.saves;
            assert.strictEqual((await h.api("PUT", path)).status, 204);
            assert.strictEqual(h.saves, saves + 1, "saved");
            assert.strictEqual((await h.api("PUT", path)).status, 204);
            assert.strictEqual(h.saves, saves + 1, "nothing to save");
        } finally {
            await h.close();
        }
    });
});
