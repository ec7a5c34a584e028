// The emulated Okta's app assignments (sandbox/okta/routes/assignments.ts) beyond the basics in
// oktaApi.http: a deactivated user cannot be assigned, an assigned user's credentials are updated in
// place, unknown users and groups are named in the 404, and while lists lag behind writes a direct
// assignment made just now is not yet listed but a group's members are.
import * as assert from "assert";
import { autoLoginBody } from "../support/oktaHarness";
import { sandboxForSuite, uniqueEmail } from "../support/sandbox";
import { assertOktaError, sandboxOktaApi } from "../support/sandboxOktaApi";

describe("sandbox Okta: app assignments (routes/assignments.ts)", function () {
    this.timeout(20000);
    const f = sandboxForSuite({}, { reset: true });
    const okta = sandboxOktaApi(() => f.sandbox);

    async function newApp() {
        const r = await okta("POST", "/api/v1/apps?activate=true", autoLoginBody("Assign"));
        assert.strictEqual(r.status, 200, JSON.stringify(r.body));
        return r.body.id as string;
    }
    async function newPerson() {
        const login = uniqueEmail("assignee");
        const r = await okta("POST", "/api/v1/users?activate=true", {
            profile: { firstName: "Asa", lastName: "Signee", email: login, login },
        });
        assert.strictEqual(r.status, 200, JSON.stringify(r.body));
        return r.body.id as string;
    }

    it("a deactivated user cannot be assigned: 400 E0000001 naming the user, nothing assigned", async () => {
        const app = await newApp();
        const uid = await newPerson();
        await okta("POST", `/api/v1/users/${uid}/lifecycle/deactivate`);
        const r = await okta("POST", `/api/v1/apps/${app}/users`, { id: uid });
        assertOktaError(r, 400, "E0000001", "Api validation failed: user");
        assert.deepStrictEqual(
            r.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary),
            ["user: A deactivated user cannot be assigned to an application"],
        );
        assert.ok(!(uid in f.sandbox.context.state.okta.apps[app].users));
    });

    it("an assigned user's credentials and profile are updated in place; one not assigned is 404 (AppUser), read, updated or removed", async () => {
        const app = await newApp();
        const [a, b] = [await newPerson(), await newPerson()];
        for (const id of [a, b])
            await okta("POST", `/api/v1/apps/${app}/users`, {
                id,
                credentials: { userName: `${id}@cx` },
                profile: { team: "one" },
            });
        const before = (await okta("GET", `/api/v1/apps/${app}/users/${b}`)).body;
        const u = await okta("POST", `/api/v1/apps/${app}/users/${b}`, {
            credentials: { userName: "renamed@cx" },
            profile: { site: "north" },
        });
        assert.strictEqual(u.status, 200, JSON.stringify(u.body));
        assert.strictEqual(u.body.credentials.userName, "renamed@cx");
        const read = (await okta("GET", `/api/v1/apps/${app}/users/${b}`)).body;
        assert.strictEqual(read.credentials.userName, "renamed@cx");
        assert.strictEqual(read.created, before.created, "the same assignment");
        const stored = f.sandbox.context.state.okta.apps[app].users[b];
        assert.deepStrictEqual(stored.profile, { team: "one", site: "north" });
        assert.strictEqual(
            (await okta("GET", `/api/v1/apps/${app}/users/${a}`)).body.credentials.userName,
            `${a}@cx`,
            "the other assignee is untouched",
        );
        const stranger = await newPerson();
        const r = await okta("POST", `/api/v1/apps/${app}/users/${stranger}`, {
            credentials: { userName: "x@cx" },
        });
        assertOktaError(r, 404, "E0000007", `Not found: Resource not found: ${stranger} (AppUser)`);
        assert.ok(!(stranger in f.sandbox.context.state.okta.apps[app].users), "not assigned");
        const g = await okta("GET", `/api/v1/apps/${app}/users/${stranger}`);
        assertOktaError(g, 404, "E0000007", `Not found: Resource not found: ${stranger} (AppUser)`);
        const d = await okta("DELETE", `/api/v1/apps/${app}/users/${stranger}`);
        assertOktaError(d, 404, "E0000007", `Not found: Resource not found: ${stranger} (AppUser)`);
        const noApp = await okta("POST", `/api/v1/apps/0oanope/users/${a}`, {});
        assertOktaError(noApp, 404, "E0000007", "Not found: Resource not found: 0oanope (App)");
    });

    it("assigning an unknown group is 404 E0000007 naming it", async () => {
        const app = await newApp();
        const r = await okta("PUT", `/api/v1/apps/${app}/groups/00gnope`, {});
        assertOktaError(r, 404, "E0000007", "Not found: Resource not found: 00gnope (UserGroup)");
    });

    it("while lists lag, a direct assignment made just now is not listed yet; the group's members are", async () => {
        const app = await newApp();
        const agents = (await okta("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
        const members = (await okta("GET", `/api/v1/groups/${agents}/users`)).body.map(
            (u: { id: string }) => u.id,
        );
        const direct = await newPerson();
        await okta("POST", `/api/v1/apps/${app}/users`, { id: direct });
        await okta("PUT", `/api/v1/apps/${app}/groups/${agents}`, {});
        f.sandbox.setFaults([{ kind: "lag", server: "okta", ms: 60_000 }]);
        const listed = await okta("GET", `/api/v1/apps/${app}/users`);
        assert.strictEqual(listed.status, 200, JSON.stringify(listed.body));
        assert.deepStrictEqual(
            listed.body.map((u: { id: string; scope: string }) => [u.id, u.scope]).sort(),
            members.map((id: string) => [id, "GROUP"]).sort(),
        );
        f.sandbox.clearFaults();
        const all = (await okta("GET", `/api/v1/apps/${app}/users`)).body;
        assert.ok(
            all.some((u: { id: string }) => u.id === direct),
            "listed once the lag is over",
        );
    });
    it("an update with a profile only keeps the assignee's credentials", async () => {
        const app = await newApp();
        const uid = await newPerson();
        await okta("POST", `/api/v1/apps/${app}/users`, {
            id: uid,
            credentials: { userName: "kept@cx" },
        });
        const u = await okta("POST", `/api/v1/apps/${app}/users/${uid}`, {
            profile: { site: "south" },
        });
        assert.strictEqual(u.status, 200, JSON.stringify(u.body));
        assert.strictEqual(u.body.credentials.userName, "kept@cx");
        const read = (await okta("GET", `/api/v1/apps/${app}/users/${uid}`)).body;
        assert.strictEqual(read.credentials.userName, "kept@cx");
    });

    it("a group assignment keeps the priority and profile it was given; read back the same", async () => {
        const app = await newApp();
        const agents = (await okta("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
        const put = await okta("PUT", `/api/v1/apps/${app}/groups/${agents}`, {
            priority: 3,
            profile: { role: "agent" },
        });
        assert.strictEqual(put.status, 200, JSON.stringify(put.body));
        assert.deepStrictEqual(
            [put.body.id, put.body.priority, put.body.profile],
            [agents, 3, { role: "agent" }],
        );
        const read = await okta("GET", `/api/v1/apps/${app}/groups/${agents}`);
        assert.deepStrictEqual(read.body, put.body);
        const listed = (await okta("GET", `/api/v1/apps/${app}/groups`)).body;
        assert.deepStrictEqual(listed, [put.body]);
    });

    it("a group not assigned is 404 E0000007, read or removed", async () => {
        const app = await newApp();
        const agents = (await okta("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
        for (const m of ["GET", "DELETE"]) {
            const r = await okta(m, `/api/v1/apps/${app}/groups/${agents}`);
            assert.strictEqual(r.status, 404, JSON.stringify(r.body));
            assert.strictEqual(r.body.errorCode, "E0000007");
        }
    });
    it("an assignment without an id is 400 naming id; an unknown user is 404 naming the user", async () => {
        const app = await newApp();
        const blank = await okta("POST", `/api/v1/apps/${app}/users`, { scope: "USER" });
        assertOktaError(blank, 400, "E0000001", "Api validation failed: id");
        assert.deepStrictEqual(
            blank.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary),
            ["id: The field cannot be left blank"],
        );
        const unknown = await okta("POST", `/api/v1/apps/${app}/users`, { id: "00unope" });
        assertOktaError(unknown, 404, "E0000007", "Not found: Resource not found: 00unope (User)");
    });

    it("a user assigned through a group cannot be removed directly: 403 E0000006, still assigned", async () => {
        const app = await newApp();
        const agents = (await okta("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
        const member = (await okta("GET", `/api/v1/groups/${agents}/users`)).body[0].id as string;
        await okta("PUT", `/api/v1/apps/${app}/groups/${agents}`, {});
        const r = await okta("DELETE", `/api/v1/apps/${app}/users/${member}`);
        assertOktaError(
            r,
            403,
            "E0000006",
            "You do not have permission to perform the requested action",
        );
        assert.deepStrictEqual(
            r.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary),
            [
                "The user is assigned to the application through a group; remove the group assignment instead.",
            ],
        );
        const still = await okta("GET", `/api/v1/apps/${app}/users/${member}`);
        assert.strictEqual(still.body.scope, "GROUP");
    });
});
