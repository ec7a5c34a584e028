// The emulated Okta Users API (sandbox/okta/routes/users.ts) as an operator's calls meet it: list
// filters, create and profile updates with Okta's E0000001 causes, every lifecycle operation and its
// refusals, and the two-step DELETE that ends memberships and app assignments.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { autoLoginBody } from "../support/oktaHarness";
import { sandboxForSuite, uniqueEmail } from "../support/sandbox";
import { assertOktaError, sandboxOktaApi, type OktaAnswer } from "../support/sandboxOktaApi";

/** Okta's error body: the code, its summary and the causes' texts. */
const causes = (r: OktaAnswer): string[] =>
    r.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary);

describe("sandbox Okta: Users API (routes/users.ts)", function () {
    this.timeout(20000);
    const f = sandboxForSuite();
    const okta = sandboxOktaApi(() => f.sandbox);
    const filtered = (expr: string) =>
        okta("GET", `/api/v1/users?filter=${encodeURIComponent(expr)}`);
    const ids = (r: OktaAnswer): string[] => r.body.map((u: { id: string }) => u.id);

    /** A new person; `query` is the create's query string (activation). */
    async function newPerson(query = "activate=true", extra: Record<string, unknown> = {}) {
        const login = uniqueEmail("person");
        const r = await okta("POST", `/api/v1/users?${query}`, {
            profile: { firstName: "Pat", lastName: "Person", email: login, login },
            ...extra,
        });
        assert.strictEqual(r.status, 200, JSON.stringify(r.body));
        return r.body as { id: string; status: string; profile: Record<string, string> };
    }
    const statusOf = async (id: string) => (await okta("GET", `/api/v1/users/${id}`)).body.status;
    const lifecycle = (id: string, op: string) =>
        okta("POST", `/api/v1/users/${id}/lifecycle/${op}`);

    describe("list filters", () => {
        it("filters by status, by id and by a profile field (any case); no filter hides deactivated users", async () => {
            const staged = await newPerson("activate=false");
            const active = await newPerson();
            const byStaged = await filtered('status eq "STAGED"');
            assert.strictEqual(byStaged.status, 200);
            assert.ok(ids(byStaged).includes(staged.id));
            assert.ok(!ids(byStaged).includes(active.id));
            assert.ok(byStaged.body.every((u: { status: string }) => u.status === "STAGED"));
            assert.deepStrictEqual(ids(await filtered(`id eq "${active.id}"`)), [active.id]);
            const byLogin = await filtered(
                `profile.login eq "${active.profile.login.toUpperCase()}"`,
            );
            assert.deepStrictEqual(ids(byLogin), [active.id]);
            // both terms must hold
            assert.deepStrictEqual(
                ids(await filtered(`id eq "${active.id}" and status eq "STAGED"`)),
                [],
            );
            assert.strictEqual((await okta("DELETE", `/api/v1/users/${active.id}`)).status, 204);
            assert.ok(!ids(await okta("GET", "/api/v1/users?limit=200")).includes(active.id));
            assert.deepStrictEqual(
                ids(await filtered(`id eq "${active.id}" and status eq "DEPROVISIONED"`)),
                [active.id],
                "a filter on status finds deactivated users",
            );
        });

        it("a filter on a field that is neither status, id nor profile finds no one", async () => {
            const p = await newPerson();
            const r = await filtered(`login eq "${p.profile.login}"`);
            assert.deepStrictEqual([r.status, r.body], [200, []]);
            // "profile_" is no "profile.": the same field under another name
            const typo = await filtered(`profile_login eq "${p.profile.login}"`);
            assert.deepStrictEqual([typo.status, typo.body], [200, []]);
        });

        it("an unreadable filter is 400 E0000001 naming the filter", async () => {
            const r = await filtered("status sw ACT");
            assertOktaError(r, 400, "E0000001", "Api validation failed: filter");
            assert.deepStrictEqual(causes(r), ["filter: Invalid filter expression"]);
        });
    });

    describe("create", () => {
        it("a user created with a password is ACTIVE at once, its password set now", async () => {
            const u = await newPerson("activate=true", {
                credentials: { password: { value: "Abcd1234!x" } },
            });
            assert.strictEqual(u.status, "ACTIVE");
            const read = (await okta("GET", `/api/v1/users/${u.id}`)).body;
            assert.strictEqual(read.status, "ACTIVE");
            assert.ok(read.activated && read.passwordChanged, JSON.stringify(read));
            assert.ok(!JSON.stringify(read).includes("Abcd1234!x"), "the password is never shown");
        });

        it("credentials without a password leave an activated user PROVISIONED", async () => {
            const u = await newPerson("activate=true", { credentials: {} });
            assert.strictEqual(u.status, "PROVISIONED");
        });

        it("a name of blanks, or an email and login that are no text, count as missing", async () => {
            const r = await okta("POST", "/api/v1/users", {
                profile: { firstName: "   ", lastName: "B", email: 42, login: 42 },
            });
            assertOktaError(r, 400, "E0000001", "Api validation failed: firstName, email, login");
            assert.deepStrictEqual(causes(r), [
                "firstName: The field cannot be left blank",
                "email: The field cannot be left blank",
                "login: The field cannot be left blank",
            ]);
        });

        it("refuses an email and a login that are no email addresses, naming both fields", async () => {
            const r = await okta("POST", "/api/v1/users", {
                profile: { firstName: "A", lastName: "B", email: "not-an-email", login: "pat" },
            });
            assertOktaError(r, 400, "E0000001", "Api validation failed: email, login");
            assert.deepStrictEqual(causes(r), [
                "email: Does not match required pattern",
                "login: Username must be in the form of an email address",
            ]);
        });
    });

    describe("profile updates", () => {
        it("PUT replaces the whole profile: a field not sent is gone; POST merges", async () => {
            const p = await newPerson();
            const merged = await okta("POST", `/api/v1/users/${p.id}`, {
                profile: { nickName: "Patty" },
            });
            assert.strictEqual(merged.status, 200);
            assert.strictEqual(merged.body.profile.nickName, "Patty");
            assert.strictEqual(merged.body.profile.firstName, "Pat");
            const { nickName: _dropped, ...rest } = merged.body.profile as Record<string, unknown>;
            const replaced = await okta("PUT", `/api/v1/users/${p.id}`, {
                profile: { ...rest, firstName: "Patricia" },
            });
            assert.strictEqual(replaced.status, 200, JSON.stringify(replaced.body));
            assert.strictEqual(replaced.body.profile.firstName, "Patricia");
            const read = (await okta("GET", `/api/v1/users/${p.id}`)).body.profile;
            assert.ok(!("nickName" in read), JSON.stringify(read));
            assert.strictEqual(read.login, p.profile.login, "its own login is no duplicate");
        });

        it("a PUT that leaves out required fields is refused naming each, and changes nothing", async () => {
            const p = await newPerson();
            const r = await okta("PUT", `/api/v1/users/${p.id}`, { profile: { firstName: "X" } });
            assertOktaError(r, 400, "E0000001", "Api validation failed: lastName, email, login");
            assert.deepStrictEqual(causes(r), [
                "lastName: The field cannot be left blank",
                "email: The field cannot be left blank",
                "login: The field cannot be left blank",
            ]);
            assert.strictEqual(
                (await okta("GET", `/api/v1/users/${p.id}`)).body.profile.firstName,
                "Pat",
            );
        });

        it("an update of an unknown user is 404 E0000007 naming it", async () => {
            for (const m of ["POST", "PUT"]) {
                const r = await okta(m, "/api/v1/users/00unobody", { profile: {} });
                assertOktaError(
                    r,
                    404,
                    "E0000007",
                    "Not found: Resource not found: 00unobody (User)",
                );
            }
        });
    });

    describe("lifecycle", () => {
        it("activating an active user is 403 E0000016; a staged one becomes PROVISIONED", async () => {
            const active = await newPerson();
            const again = await lifecycle(active.id, "activate");
            assertOktaError(
                again,
                403,
                "E0000016",
                "Activation failed because the user is already active",
            );
            const staged = await newPerson("activate=false");
            const r = await lifecycle(staged.id, "activate");
            assert.deepStrictEqual([r.status, r.body], [200, {}]);
            const read = (await okta("GET", `/api/v1/users/${staged.id}`)).body;
            assert.strictEqual(read.status, "PROVISIONED");
            assert.ok(read.activated, "activated is set");
        });

        // Okta documents reactivate for PROVISIONED users only: the sandbox's answer for a deactivated
        // user (it reactivates) is left unasserted, as real Okta may refuse it.
        it("reactivate is accepted for a PROVISIONED user; deactivated twice: 403 E0000038", async () => {
            const p = await newPerson();
            assert.strictEqual(p.status, "PROVISIONED");
            const r = await lifecycle(p.id, "reactivate");
            assert.deepStrictEqual([r.status, r.body], [200, {}]);
            assert.strictEqual(await statusOf(p.id), "PROVISIONED");
            assert.strictEqual((await lifecycle(p.id, "deactivate")).status, 200);
            assertOktaError(
                await lifecycle(p.id, "deactivate"),
                403,
                "E0000038",
                "This operation is not allowed in the user's current status.",
            );
        });

        it("suspends only an active user and unsuspends only a suspended one", async () => {
            const p = await newPerson("activate=true", {
                credentials: { password: { value: "Abcd1234!x" } },
            });
            const before = (await okta("GET", `/api/v1/users/${p.id}`)).body;
            const s = await lifecycle(p.id, "suspend");
            assert.deepStrictEqual([s.status, s.body], [200, {}]);
            const suspended = (await okta("GET", `/api/v1/users/${p.id}`)).body;
            assert.strictEqual(suspended.status, "SUSPENDED");
            assert.ok(suspended.statusChanged >= before.statusChanged);
            const twice = await lifecycle(p.id, "suspend");
            assertOktaError(twice, 400, "E0000001", "Api validation failed: status");
            assert.deepStrictEqual(causes(twice), ["Cannot suspend a user that is not active"]);
            assert.strictEqual(await statusOf(p.id), "SUSPENDED");
            const u = await lifecycle(p.id, "unsuspend");
            assert.deepStrictEqual([u.status, u.body], [200, {}]);
            assert.strictEqual(await statusOf(p.id), "ACTIVE");
            const notSuspended = await lifecycle(p.id, "unsuspend");
            assertOktaError(notSuspended, 400, "E0000001", "Api validation failed: status");
            assert.deepStrictEqual(causes(notSuspended), [
                "Cannot unsuspend a user that is not suspended",
            ]);
            assert.strictEqual(await statusOf(p.id), "ACTIVE");
        });

        it("a PROVISIONED user cannot be suspended", async () => {
            const p = await newPerson();
            const r = await lifecycle(p.id, "suspend");
            assertOktaError(r, 400, "E0000001", "Api validation failed: status");
            assert.strictEqual(await statusOf(p.id), "PROVISIONED");
        });

        it("an unknown operation is 404 E0000008 and changes nothing; an unknown user is 404 E0000007", async () => {
            const p = await newPerson();
            const r = await lifecycle(p.id, "levitate");
            assertOktaError(r, 404, "E0000008", "The requested path was not found");
            assert.strictEqual(await statusOf(p.id), "PROVISIONED");
            const nobody = await lifecycle("00unobody", "suspend");
            assertOktaError(
                nobody,
                404,
                "E0000007",
                "Not found: Resource not found: 00unobody (User)",
            );
        });
    });

    describe("the state file", () => {
        it("every change is saved to the sandbox's state file, so a later run sees it", async () => {
            const saved = (id: string) =>
                JSON.parse(fs.readFileSync(path.join(f.dir, "state.json"), "utf8")).okta.users[id];
            const p = await newPerson("activate=true", {
                credentials: { password: { value: "Abcd1234!x" } },
            });
            assert.strictEqual(saved(p.id).profile.login, p.profile.login, "created");
            await okta("POST", `/api/v1/users/${p.id}`, { profile: { lastName: "Saved" } });
            assert.strictEqual(saved(p.id).profile.lastName, "Saved", "updated");
            await lifecycle(p.id, "suspend");
            assert.strictEqual(saved(p.id).status, "SUSPENDED", "suspended");
            await okta("DELETE", `/api/v1/users/${p.id}`);
            assert.strictEqual(saved(p.id).status, "DEPROVISIONED", "deactivated");
            await okta("DELETE", `/api/v1/users/${p.id}`);
            assert.strictEqual(saved(p.id), undefined, "deleted");
        });
    });

    describe("DELETE", () => {
        it("the first DELETE deactivates, the second deletes the user with its memberships and app assignments", async () => {
            const p = await newPerson();
            const agents = (await okta("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
            const members = async () => ids(await okta("GET", `/api/v1/groups/${agents}/users`));
            const others = await members();
            assert.ok(others.length > 0, "the seeded agents");
            assert.strictEqual(
                (await okta("PUT", `/api/v1/groups/${agents}/users/${p.id}`)).status,
                204,
            );
            const app = await okta("POST", "/api/v1/apps?activate=false", autoLoginBody("Del"));
            assert.strictEqual(
                (await okta("POST", `/api/v1/apps/${app.body.id}/users`, { id: p.id })).status,
                200,
            );
            const appUser = () => okta("GET", `/api/v1/apps/${app.body.id}/users/${p.id}`);
            assert.strictEqual((await appUser()).status, 200);

            const first = await okta("DELETE", `/api/v1/users/${p.id}`);
            assert.deepStrictEqual([first.status, first.body], [204, null]);
            assert.strictEqual(await statusOf(p.id), "DEPROVISIONED");
            assert.ok((await members()).includes(p.id), "still a member while deactivated");

            const second = await okta("DELETE", `/api/v1/users/${p.id}`);
            assert.strictEqual(second.status, 204);
            const gone = await okta("GET", `/api/v1/users/${p.id}`);
            assertOktaError(gone, 404, "E0000007", `Not found: Resource not found: ${p.id} (User)`);
            assert.deepStrictEqual(await members(), others, "the other members stay");
            assert.deepStrictEqual(
                [...f.sandbox.context.state.okta.memberships[agents]].sort(),
                [...others].sort(),
                "the stored membership list lost only this user",
            );
            assert.ok(!(p.id in f.sandbox.context.state.okta.apps[app.body.id].users));
            assert.strictEqual((await appUser()).status, 404);
        });

        it("DELETE of an unknown user is 404 E0000007", async () => {
            const r = await okta("DELETE", "/api/v1/users/00unobody");
            assertOktaError(r, 404, "E0000007", "Not found: Resource not found: 00unobody (User)");
        });
    });
});
