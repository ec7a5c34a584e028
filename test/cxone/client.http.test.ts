// Every CxoneClient call against the sandbox over HTTP, asserting what CXone holds afterwards and
// every field the client maps back; then the payload shapes NICE's specs allow but the sandbox does
// not send (ids under other names, permissions as strings, billable as "On"), from a loopback server.
import { strict as assert } from "assert";
import { billableOf, CxoneClient } from "../../provider/cxone/client";
import { CxoneCredentialsError, CxoneError } from "../../provider/cxone/errors";
import { ADOPT_ROLE_STEP, newRoleSteps } from "../../provider/cxone/facts";
import { UnconfirmedFactError } from "../../provider/core/unconfirmed";
import { clearSessionCache } from "../../provider/cxone/session";
import { sandboxForSuite, unique, uniqueEmail } from "../support/sandbox";
import { loopbackForSuite } from "../support/cxoneLoopback";
import type { Answer, Seen } from "../support/loopbackServer";
import { jwtWith } from "../support/jwt";

describe("CXone client calls against the sandbox (HTTP)", function () {
    this.timeout(20_000);
    const f = sandboxForSuite({}, { reset: true });

    const cx = () => f.sandbox.context.state.cxone;
    const client = () => new CxoneClient(f.endpoint);
    const newRole = async (c: CxoneClient, status: "ACTIVE" | "INACTIVE" = "ACTIVE") => {
        const name = unique("Calls");
        await c.createRole({ name, description: "d", permissions: ["Agent: Login"], status });
        return Object.values(cx().roles).find((r) => r.displayName === name)!;
    };
    const newEmployee = async (
        c: CxoneClient,
        extra: { loginAuthenticatorId?: string; billable?: boolean } = {},
    ) => {
        const email = uniqueEmail("calls");
        const id = await c.createEmployee({
            emailAddress: email,
            firstName: "Ann",
            lastName: "Lee",
            roleName: "Agent",
            billable: false,
            ...extra,
        });
        return { id, email };
    };

    describe("roles", () => {
        it("createRole makes the role as asked and answers CXone's role name", async () => {
            const c = client();
            const name = unique("Calls Role");
            const got = await c.createRole({
                name,
                description: "for SCIM",
                permissions: ["Employees: View", "Employees: Create and Edit"],
                status: "INACTIVE",
            });
            assert.equal(got, name);
            const r = Object.values(cx().roles).find((x) => x.displayName === name)!;
            assert.equal(r.description, "for SCIM");
            assert.equal(r.status, "INACTIVE");
            assert.equal(r.modifiable, 1);
            assert.deepEqual(
                r.permissions.map((p) => p.permission),
                ["Employees: View", "Employees: Create and Edit"],
            );
        });

        it("findRolesByName matches any case and maps every field", async () => {
            const c = client();
            const r = await newRole(c);
            const found = await c.findRolesByName(r.displayName.toUpperCase());
            assert.deepEqual(found, [
                {
                    roleId: r.roleId,
                    roleName: r.roleName,
                    displayName: r.displayName,
                    description: "d",
                    status: "ACTIVE",
                    permissions: ["Agent: Login"],
                },
            ]);
            assert.deepEqual(await c.findRolesByName(unique("Nobody")), []);
        });

        it("getRole reads one role by id, undefined for an unknown id", async () => {
            const c = client();
            const r = await newRole(c, "INACTIVE");
            const got = await c.getRole(r.roleId);
            assert.equal(got?.roleId, r.roleId);
            assert.equal(got?.status, "INACTIVE");
            assert.equal(await c.getRole("00000000-0000-0000-0000-000000000000"), undefined);
        });

        it("updateRole changes description, permissions and status", async () => {
            const c = client();
            const r = await newRole(c);
            await c.updateRole(r.roleId, {
                description: "new",
                permissions: ["Employees: View"],
            });
            const now = cx().roles[r.roleId];
            assert.equal(now.description, "new");
            assert.deepEqual(now.permissions, [{ permission: "Employees: View" }]);
            await c.updateRole(r.roleId, { status: "INACTIVE" });
            assert.equal(cx().roles[r.roleId].status, "INACTIVE");
            assert.equal(cx().roles[r.roleId].description, "new");
        });

        it("a failed update names the role, and says deactivate for a status-only change", async () => {
            const c = client();
            const id = "00000000-0000-0000-0000-00000000dead";
            await assert.rejects(
                c.updateRole(id, { status: "INACTIVE" }, "SCIM Role"),
                /^CxoneError: could not deactivate CXone role "SCIM Role": CXone answered HTTP 404/,
            );
            await assert.rejects(
                c.updateRole(id, { status: "INACTIVE", description: "x" }, "SCIM Role"),
                /could not update CXone role "SCIM Role"/,
            );
            await assert.rejects(
                c.updateRole(id, { status: "INACTIVE", permissions: [] }),
                new RegExp(`could not update CXone role "${id}"`),
            );
            await assert.rejects(
                c.updateRole(id, { status: "ACTIVE" }),
                /could not update CXone role/,
            );
        });

        it("a duplicate name is CXone's 409, naming the role", async () => {
            await assert.rejects(
                client().createRole({
                    name: "Agent",
                    description: "",
                    permissions: [],
                    status: "ACTIVE",
                }),
                /could not create CXone role "Agent": CXone answered HTTP 409 \(code ROLE_NAME_EXISTS/,
            );
        });
    });

    describe("employees", () => {
        it("createEmployee makes the employee with the email as userName; getEmployee maps it all", async () => {
            const c = client();
            const auth = cx().loginAuthenticators[0].id;
            const { id, email } = await newEmployee(c, {
                billable: true,
                loginAuthenticatorId: auth,
            });
            const agent = Object.values(cx().roles).find((r) => r.displayName === "Agent")!;
            assert.deepEqual(await c.getEmployee(id), {
                id,
                userName: email,
                emailAddress: email,
                firstName: "Ann",
                lastName: "Lee",
                role: "Agent",
                roleId: agent.roleId,
                status: "UNREGISTERED",
                billable: true,
                loginAuthenticatorId: auth,
            });
        });

        it("getEmployee answers undefined for an unknown id", async () => {
            assert.equal(await client().getEmployee("no/such id"), undefined);
            assert.ok(
                f.sandbox
                    .requests()
                    .some((r) => r.path === "/user-management/v1/users/no%2Fsuch%20id"),
            );
        });

        it("findEmployeesByEmail finds by email in any case", async () => {
            const c = client();
            const { id, email } = await newEmployee(c);
            const found = await c.findEmployeesByEmail(email.toUpperCase());
            assert.deepEqual(
                found.map((u) => [u.id, u.emailAddress, u.status]),
                [[id, email, "UNREGISTERED"]],
            );
            assert.deepEqual(await c.findEmployeesByEmail(uniqueEmail("none")), []);
        });

        it("updateEmployee replaces names, role and billable", async () => {
            const c = client();
            const { id, email } = await newEmployee(c);
            const role = await newRole(c);
            const auth = cx().loginAuthenticators[0].id;
            await c.updateEmployee(id, {
                emailAddress: email,
                firstName: "Bo",
                lastName: "Ng",
                roleName: role.displayName,
                billable: true,
                loginAuthenticatorId: auth,
            });
            const u = cx().users[id];
            assert.deepEqual(
                [u.firstName, u.lastName, u.role, u.roleUUID, u.billable, u.loginAuthenticatorId],
                ["Bo", "Ng", role.displayName, role.roleId, true, auth],
            );
        });

        it("deactivate then revive: BLOCKED, then back to the status before", async () => {
            const c = client();
            const { id } = await newEmployee(c);
            await c.deactivateEmployee(id);
            assert.equal(cx().users[id].status, "BLOCKED");
            await c.reviveEmployee(id);
            assert.equal(cx().users[id].status, "UNREGISTERED");
        });

        it("deactivate and revive failures name the employee by label, else by id", async () => {
            const c = client();
            await assert.rejects(
                c.deactivateEmployee("nobody-1", "ann@example.com"),
                /could not deactivate CXone employee ann@example\.com: CXone answered HTTP 404/,
            );
            await assert.rejects(
                c.reviveEmployee("nobody-2"),
                /could not reactivate CXone employee nobody-2: CXone answered HTTP 404/,
            );
            await assert.rejects(
                c.reviveEmployee("nobody-2", "bo@example.com"),
                /could not reactivate CXone employee bo@example\.com/,
            );
            await assert.rejects(
                c.deactivateEmployee("nobody-3"),
                /could not deactivate CXone employee nobody-3/,
            );
        });

        it("inviteEmployee makes the employee PENDING, sent by the admin key's user", async () => {
            const c = client();
            const { id } = await newEmployee(c);
            await c.inviteEmployee(id);
            assert.equal(cx().users[id].status, "PENDING");
            assert.ok(cx().users[id].invitedDate);
            await assert.rejects(
                c.inviteEmployee("nobody-4", "cy@example.com"),
                /could not invite CXone employee cy@example\.com: CXone answered HTTP 404/,
            );
            await assert.rejects(c.inviteEmployee("nobody-5"), /invite CXone employee nobody-5:/);
        });

        it("setLoginAuthenticator sets it; an unknown one is CXone's 404 naming the employee", async () => {
            const c = client();
            const { id } = await newEmployee(c);
            const auth = { ...cx().loginAuthenticators[0], id: "auth-2", isDefault: false };
            cx().loginAuthenticators.push(auth);
            try {
                await c.setLoginAuthenticator(id, "auth-2");
                assert.equal(cx().users[id].loginAuthenticatorId, "auth-2");
            } finally {
                cx().loginAuthenticators.pop();
            }
            await assert.rejects(
                c.setLoginAuthenticator(id, "auth-none", "ann"),
                /could not set the login authenticator of CXone employee ann: CXone answered HTTP 404/,
            );
            await assert.rejects(
                c.setLoginAuthenticator(id, "auth-none"),
                new RegExp(`login authenticator of CXone employee ${id}:`),
            );
        });

        it("defaultLoginAuthenticatorId is the tenant's default", async () => {
            const want = cx().loginAuthenticators.find((a) => a.isDefault)!.id;
            assert.equal(await client().defaultLoginAuthenticatorId(), want);
        });

        it("a create CXone refuses names the email", async () => {
            await assert.rejects(
                client().createEmployee({
                    emailAddress: "bad@example.com",
                    firstName: "A",
                    lastName: "B",
                    roleName: unique("NoSuchRole"),
                    billable: false,
                }),
                /could not create CXone employee bad@example\.com: CXone answered HTTP 400/,
            );
            await assert.rejects(
                client().updateEmployee("nobody-6", {
                    emailAddress: "up@example.com",
                    firstName: "A",
                    lastName: "B",
                    roleName: "Agent",
                    billable: false,
                }),
                /could not update CXone employee up@example\.com: CXone answered HTTP 404/,
            );
        });
    });

    describe("access keys", () => {
        it("create, read, list, deactivate, reactivate, revoke", async () => {
            const c = client();
            const { id: userId } = await newEmployee(c);
            const k = await c.createAccessKey(userId);
            assert.equal(k.userId, userId);
            assert.equal(k.isActive, true);
            assert.equal(k.accessKeySecret.length >= 20, true);
            const stored = cx().accessKeys[k.accessKeyId];
            assert.equal(stored.tenantId, cx().tenantId);
            assert.equal(stored.userId, userId);
            assert.equal(k.createdDate, stored.createdDate);

            const read = await c.getAccessKey(k.accessKeyId);
            assert.deepEqual(read, {
                accessKeyId: k.accessKeyId,
                userId,
                isActive: true,
                createdDate: stored.createdDate,
            });
            assert.deepEqual(await c.listAccessKeys(userId), [read]);

            await c.setAccessKeyActive(k, false);
            assert.equal(cx().accessKeys[k.accessKeyId].isActive, false);
            assert.equal((await c.getAccessKey(k.accessKeyId))?.isActive, false);
            await c.setAccessKeyActive(k, true);
            assert.equal(cx().accessKeys[k.accessKeyId].isActive, true);

            await c.revokeAccessKey(k.accessKeyId);
            assert.equal(cx().accessKeys[k.accessKeyId], undefined);
            assert.equal(await c.getAccessKey(k.accessKeyId), undefined);
            await c.revokeAccessKey(k.accessKeyId); // already gone: done
            assert.deepEqual(await c.listAccessKeys(userId), []);
        });

        it("a key's lastUsedDate is read once it has been used", async () => {
            const c = client();
            const { id: userId } = await newEmployee(c);
            const k = await c.createAccessKey(userId);
            cx().accessKeys[k.accessKeyId].lastUsedDate = "2026-01-02T03:04:05.000Z";
            assert.equal(
                (await c.getAccessKey(k.accessKeyId))?.lastUsedDate,
                "2026-01-02T03:04:05.000Z",
            );
        });

        it("failures name the key or the employee", async () => {
            const c = client();
            await assert.rejects(
                c.createAccessKey("nobody-7"),
                /could not create a CXone access key for employee nobody-7: CXone answered HTTP 404/,
            );
            await assert.rejects(
                c.setAccessKeyActive({ accessKeyId: "AKNONE", userId: "u" }, false),
                /could not deactivate CXone access key AKNONE: CXone answered HTTP 404/,
            );
            await assert.rejects(
                c.setAccessKeyActive({ accessKeyId: "AKNONE", userId: "u" }, true),
                /could not activate CXone access key AKNONE:/,
            );
            f.sandbox.setFaults([{ kind: "status", status: 400, path: "access-keys" }]);
            await assert.rejects(
                c.getAccessKey("AKX"),
                /could not read CXone access key AKX: CXone answered HTTP 400/,
            );
            await assert.rejects(
                c.listAccessKeys("u-9"),
                /could not list CXone access keys of employee u-9: CXone answered HTTP 400/,
            );
            await assert.rejects(
                c.revokeAccessKey("AKY"),
                /could not revoke CXone access key AKY: CXone answered HTTP 400/,
            );
        });
    });

    it("without key variables: the sandbox's key for a loopback API, none for a real one", async () => {
        await f.withoutKeyVariables(async () => {
            const found = await new CxoneClient(f.endpoint).findRolesByName("Agent");
            assert.equal(found.length, 1);
            assert.throws(
                () => new CxoneClient({ ...f.endpoint, apiUrl: "https://api-na1.example.com" }),
                (e: unknown) =>
                    e instanceof CxoneCredentialsError && /administrator$/.test(e.message),
            );
        });
    });

    it("lookups that fail name what was looked up", async () => {
        const c = client();
        await c.findRolesByName("Agent"); // signed in
        f.sandbox.setFaults([{ kind: "status", status: 400 }]);
        await assert.rejects(
            c.findRolesByName("Sup"),
            /could not look up CXone roles named "Sup": CXone answered HTTP 400/,
        );
        await assert.rejects(c.getRole("r-1"), /could not read CXone role r-1: CXone answered/);
        await assert.rejects(c.getEmployee("e-1"), /could not read CXone employee e-1: CXone/);
        await assert.rejects(
            c.findEmployeesByEmail("a@b.co"),
            /could not look up CXone employees with email a@b\.co: CXone/,
        );
        await assert.rejects(
            c.defaultLoginAuthenticatorId(),
            /could not find the tenant's default CXone login authenticator: CXone answered HTTP 400/,
        );
    });
});

describe("CXone client: payload shapes from a loopback CXone", function () {
    this.timeout(20_000);
    const srv = loopbackForSuite();
    const TOKEN_PATH = "/authentication/v1/token/access-key";
    beforeEach(() => clearSessionCache());

    /** serves sign-in (claims as given) and answers the API calls with `rest` */
    const serve = (
        rest: (r: Seen) => Answer,
        claims: Record<string, unknown> = { tenantId: "T-1", userId: "U-admin" },
    ) => {
        srv().answer = (r) =>
            r.path === TOKEN_PATH
                ? { status: 200, body: { access_token: jwtWith(claims), expires_in: 3600 } }
                : rest(r);
    };
    const ok = (body: unknown): Answer => ({ status: 200, body });
    const client = () =>
        new CxoneClient(
            { issuerUrl: srv().url, areaUrl: srv().url, apiUrl: srv().url },
            {
                credentials: { accessKeyId: "AK1", accessKeySecret: "secret-Zx9Yw8" },
                retry: { baseDelayMs: 1, maxDelayMs: 5 },
            },
        );
    const calls = () => srv().seen.filter((r) => r.path !== TOKEN_PATH);
    const last = () => calls()[calls().length - 1];

    it("role searches send CXone's filter and re-check names and ids", async () => {
        serve(() =>
            ok({
                roles: [
                    {
                        id: "r1",
                        roleName: "scim",
                        permissions: ["A", { permission: "B" }, {}, null, 3],
                    },
                    { roleId: "r2", displayName: "Other", roleName: "other" },
                    {
                        roleId: "r3",
                        displayName: "SCIM",
                        roleName: "scim_7",
                        status: "ACTIVE",
                        description: 7,
                    },
                    { roleId: "r4", displayName: "Other 4", roleName: "Scim" },
                ],
            }),
        );
        const c = client();
        const found = await c.findRolesByName("  Scim ");
        assert.deepEqual(last().body, {
            filter: { displayName: ["  Scim "] },
            page: { skip: 0, top: 100 },
        });
        assert.equal(last().method, "POST");
        assert.equal(last().path, "/authorization/v1/roles/search");
        assert.deepEqual(found, [
            {
                roleId: "r1",
                roleName: "scim",
                displayName: "scim",
                description: "",
                status: "",
                permissions: ["A", "B"],
            },
            {
                roleId: "r3",
                roleName: "scim_7",
                displayName: "SCIM",
                description: "7",
                status: "ACTIVE",
                permissions: [],
            },
            {
                roleId: "r4",
                roleName: "Scim",
                displayName: "Other 4",
                description: "",
                status: "",
                permissions: [],
            },
        ]);
        assert.equal((await c.getRole("r2"))?.displayName, "Other");
        assert.deepEqual(last().body, { filter: { roleId: ["r2"] } });
        assert.equal(await c.getRole("r9"), undefined, "an answer for another id is not it");
    });

    it("an answer of JSON null is read as nothing, never a crash", async () => {
        serve(() => ok(null));
        const c = client();
        assert.deepEqual(await c.findRolesByName("x"), []);
        assert.equal(await c.getRole("x"), undefined);
        assert.deepEqual(await c.findEmployeesByEmail("x@y.z"), []);
        assert.equal(await c.getEmployee("u"), undefined);
        assert.deepEqual(await c.listAccessKeys("u"), []);
        assert.equal(await c.getAccessKey("k"), undefined);
        assert.equal(
            await c.createRole({ name: "N", description: "", permissions: [], status: "ACTIVE" }),
            "N",
        );
        await assert.rejects(c.createEmployee(fields), /the response carried no employee id/);
        await assert.rejects(c.createAccessKey("u"), /carried no access key id or secret/);
    });

    it("reads are retried after a gateway error", async () => {
        let n = 0;
        serve(() =>
            n++ % 2 === 0
                ? { status: 502, body: {} }
                : ok({ accessKeyId: "A1", isActive: true, accessKeys: [], user: { id: "u" } }),
        );
        const c = client();
        assert.equal((await c.getAccessKey("A1"))?.accessKeyId, "A1");
        assert.deepEqual(await c.listAccessKeys("u"), []);
        assert.equal((await c.getEmployee("u"))?.id, "u");
        assert.equal(calls().length, 6);
    });

    it("a 404 is no key, whatever its body says", async () => {
        serve(() => ({ status: 404, body: { accessKeyId: "A1", isActive: true } }));
        assert.equal(await client().getAccessKey("A1"), undefined);
        serve(() => ({ status: 404, body: { user: { id: "u1" } } }));
        assert.equal(await client().getEmployee("u1"), undefined);
    });

    it("searches without a list answer nothing", async () => {
        serve(() => ok({ roles: "none", users: null }));
        const c = client();
        assert.deepEqual(await c.findRolesByName("x"), []);
        assert.equal(await c.getRole("x"), undefined);
        assert.deepEqual(await c.findEmployeesByEmail("x@y.z"), []);
    });

    it("createRole sends the role and falls back to its own name", async () => {
        serve(() => ok({ success: true }));
        const name = await client().createRole({
            name: "SCIM",
            description: "d",
            permissions: ["P"],
            status: "ACTIVE",
        });
        assert.equal(name, "SCIM");
        assert.deepEqual(last().body, {
            displayName: "SCIM",
            description: "d",
            modifiable: 1,
            status: "ACTIVE",
            permissions: ["P"],
        });
        assert.equal(last().path, "/authorization/roleByPermissions");
        serve(() => ok({ roleName: "scim_1" }));
        assert.equal(
            await client().createRole({
                name: "S",
                description: "",
                permissions: [],
                status: "INACTIVE",
            }),
            "scim_1",
        );
    });

    it("updateRole PUTs the change to the role's own path", async () => {
        serve(() => ok({}));
        await client().updateRole("r/1", { status: "INACTIVE" });
        assert.equal(last().method, "PUT");
        assert.equal(last().path, "/authorization/v1/roles/r%2F1");
        assert.deepEqual(last().body, { status: "INACTIVE" });
    });

    it("employee reads accept a bare user, uuid, roleId and billable as text", async () => {
        serve(() =>
            ok({
                uuid: "u1",
                userName: "a@b.co",
                emailAddress: "a@b.co",
                firstName: null,
                lastName: 5,
                role: "Agent",
                roleId: "r1",
                status: "ACTIVE",
                billable: "On",
            }),
        );
        assert.deepEqual(await client().getEmployee("u1"), {
            id: "u1",
            userName: "a@b.co",
            emailAddress: "a@b.co",
            firstName: "",
            lastName: "5",
            role: "Agent",
            roleId: "r1",
            status: "ACTIVE",
            billable: true,
            loginAuthenticatorId: "",
        });
        assert.equal(last().method, "GET");
        serve(() => ok(""));
        assert.equal(await client().getEmployee("u1"), undefined, "no user in the answer");
        serve(() => ok(5));
        assert.equal(await client().getEmployee("u1"), undefined, "a number is no user");
    });

    it("employee search sends the email filter and keeps only that email or userName", async () => {
        serve(() =>
            ok({
                users: [
                    { id: "1", emailAddress: "A@B.co", userName: "x" },
                    { id: "2", emailAddress: "other@b.co", userName: "a@b.CO" },
                    { id: "3", emailAddress: "other@b.co", userName: "other" },
                ],
            }),
        );
        const found = await client().findEmployeesByEmail("a@b.co");
        assert.deepEqual(
            found.map((u) => u.id),
            ["1", "2"],
        );
        assert.deepEqual(last().body, { filter: { emailAddress: ["a@b.co"] }, skip: 0, top: 100 });
        assert.equal(last().path, "/user-management/v2/users/search");
    });

    const fields = {
        emailAddress: "e@x.co",
        firstName: "F",
        lastName: "L",
        roleName: "Agent",
        billable: false,
    };

    it("createEmployee sends the employee, and takes the id from uuid, id or user.id", async () => {
        for (const [body, want] of [
            [{ uuid: "u-a" }, "u-a"],
            [{ id: "u-b" }, "u-b"],
            [{ user: { id: "u-c" } }, "u-c"],
        ] as const) {
            serve(() => ({ status: 201, body }));
            assert.equal(await client().createEmployee(fields), want);
        }
        assert.deepEqual(last().body, {
            firstName: "F",
            lastName: "L",
            emailAddress: "e@x.co",
            userName: "e@x.co",
            role: "Agent",
            billable: false,
        });
        await client().createEmployee({ ...fields, loginAuthenticatorId: "auth-1" });
        assert.equal((last().body as Record<string, unknown>).loginAuthenticatorId, "auth-1");
    });

    it("a create answered without an id is an error naming the email", async () => {
        serve(() => ({ status: 201, body: { success: true } }));
        await assert.rejects(client().createEmployee(fields), (e: unknown) => {
            assert.ok(e instanceof CxoneError);
            assert.equal(
                e.message,
                "could not create CXone employee e@x.co: CXone answered HTTP 201 " +
                    "(the response carried no employee id)",
            );
            return true;
        });
        assert.equal(calls().length, 1, "a create is never repeated");
    });

    it("updateEmployee PUTs the whole employee with its id", async () => {
        serve(() => ok({}));
        await client().updateEmployee("u-1", { ...fields, billable: true });
        assert.equal(last().method, "PUT");
        assert.equal(last().path, "/user-management/v1/users");
        assert.deepEqual(last().body, {
            id: "u-1",
            firstName: "F",
            lastName: "L",
            emailAddress: "e@x.co",
            role: "Agent",
            billable: true,
        });
        await client().updateEmployee("u-1", { ...fields, loginAuthenticatorId: "a-2" });
        assert.equal((last().body as Record<string, unknown>).loginAuthenticatorId, "a-2");
    });

    it("deactivate, revive, invite and authenticator calls use CXone's paths and bodies", async () => {
        serve(() => ok({}));
        const c = client();
        await c.deactivateEmployee("u/1");
        assert.deepEqual(
            [last().method, last().path, last().body],
            ["POST", "/user-management/v1/users/deactivate", { userIds: ["u/1"] }],
        );
        await c.reviveEmployee("u/1");
        assert.deepEqual(
            [last().method, last().path],
            ["POST", "/user-management/v1/users/u%2F1/revive"],
        );
        await c.inviteEmployee("u-2");
        assert.deepEqual(
            [last().method, last().path, last().body],
            [
                "POST",
                "/user-management/v2/users/inviteById",
                { inviteUserIds: ["u-2"], senderUserId: "U-admin" },
            ],
        );
        await c.setLoginAuthenticator("u/3", "auth-9");
        assert.deepEqual(
            [last().method, last().path, last().body],
            [
                "PUT",
                "/user-management/v1/users/u%2F3/login-authenticator",
                { authenticatorId: "auth-9" },
            ],
        );
    });

    it("an invite from a key whose token names no user sends no sender", async () => {
        serve(() => ok({}), { tenantId: "T-1" });
        await client().inviteEmployee("u-2");
        assert.deepEqual(last().body, { inviteUserIds: ["u-2"] });
    });

    it("deactivate and revive are retried after a gateway error; invite is not", async () => {
        let fail = true;
        serve(() => {
            const a: Answer = fail ? { status: 502, body: {} } : ok({});
            fail = !fail;
            return a;
        });
        const c = client();
        await c.deactivateEmployee("u-1");
        await c.reviveEmployee("u-1");
        assert.equal(calls().length, 4);
        await assert.rejects(c.inviteEmployee("u-1"), /HTTP 502/);
        fail = true;
        await assert.rejects(
            c.createRole({ name: "R", description: "", permissions: [], status: "ACTIVE" }),
            /HTTP 502/,
        );
        assert.equal(calls().length, 6);
    });

    it("searches are retried after a gateway error", async () => {
        let n = 0;
        serve(() => (n++ % 2 === 0 ? { status: 504, body: {} } : ok({ roles: [], users: [] })));
        const c = client();
        await c.findRolesByName("x");
        await c.getRole("x");
        await c.findEmployeesByEmail("a@b.co");
        await c.setAccessKeyActive({ accessKeyId: "k", userId: "u" }, true);
        assert.equal(calls().length, 8);
        n = 0;
        serve(() =>
            n++ % 2 === 0 ? { status: 504, body: {} } : ok({ loginAuthenticators: [{ id: "a" }] }),
        );
        assert.equal(await c.defaultLoginAuthenticatorId(), "a");
        assert.equal(calls().length, 10);
    });

    describe("role write refusals", () => {
        const refuse = (status: number, body: unknown) => (): Answer => ({ status, body });
        const change = {
            description: "d",
            permissions: ["A", "B"],
            status: "INACTIVE" as const,
        };
        const update = (c: typeof change | { status: "ACTIVE" }) =>
            client()
                .updateRole("r1", c, "L", "pulumi up --yes")
                .then(
                    () => assert.fail("the update was refused"),
                    (e: unknown) => e,
                );

        it("a 400 about the permissions sent stops with the change to make by hand", async () => {
            for (const body of [
                { message: "Unknown Permission EMPLOYEES_VIEW" },
                { code: "InvalidPermission" },
            ]) {
                serve(refuse(400, body));
                const e = await update(change);
                assert.ok(e instanceof UnconfirmedFactError, String(e));
                assert.equal(e.fact.id, "permission-keys");
                assert.match(e.message, /^could not update CXone role "L": /);
                assert.deepEqual(e.wayOn, [
                    'In CXone: Admin > Security > Roles and Permissions > "L" (id r1): ' +
                        'set the description to exactly "d"; Permissions tab: enable exactly "A", "B"; ' +
                        "Deactivate it (once no active employee holds it); Save.",
                    "Run `pulumi up --yes` again: it reads the role and finds nothing left to change.",
                ]);
            }
        });

        it("a refused activation names only that step", async () => {
            serve(refuse(404, {}));
            const e = await update({ status: "ACTIVE" });
            assert.ok(e instanceof UnconfirmedFactError, String(e));
            assert.equal(
                e.wayOn[0],
                'In CXone: Admin > Security > Roles and Permissions > "L" (id r1): Activate it; Save.',
            );
        });

        it("without a command named, the way on is to run `pulumi up` again", async () => {
            serve(refuse(405, {}));
            const e = await client()
                .updateRole("r1", { status: "ACTIVE" })
                .then(
                    () => assert.fail("the update was refused"),
                    (x: unknown) => x,
                );
            assert.ok(e instanceof UnconfirmedFactError, String(e));
            assert.equal(
                e.wayOn[1],
                "Run `pulumi up` again: it reads the role and finds nothing left to change.",
            );
        });

        it("other refusals, or none about permissions sent, are CXone's answer as it is", async () => {
            for (const [status, body, c] of [
                [400, { message: "description too long" }, change],
                [403, { message: "missing permission Roles: Edit" }, change],
                [400, { message: "Unknown permission" }, { status: "ACTIVE" }],
            ] as const) {
                serve(refuse(status, body));
                const e = await update(c);
                assert.ok(
                    e instanceof CxoneError && !(e instanceof UnconfirmedFactError),
                    String(e),
                );
                assert.equal(e.status, status);
            }
        });

        it("a create refused over its permissions says to make the role by hand and adopt it", async () => {
            serve(refuse(400, { message: "permission not found" }));
            const e = await client()
                .createRole({ name: "N", description: "", permissions: ["P"], status: "ACTIVE" })
                .then(
                    () => assert.fail("the create was refused"),
                    (x: unknown) => x,
                );
            assert.ok(e instanceof UnconfirmedFactError, String(e));
            assert.deepEqual(e.wayOn, [newRoleSteps("N", ["P"]), ADOPT_ROLE_STEP]);
        });
    });

    describe("employee write refusals", () => {
        const rejected = (p: Promise<unknown>) =>
            p.then(
                () => assert.fail("the write was refused"),
                (e: unknown) => e,
            );

        it("a 400 about a first or last name's length stops saying to shorten it", async () => {
            for (const message of [
                "firstName is too long",
                "Last name exceeds max length",
                "first name: 60 characters",
            ]) {
                serve(() => ({ status: 400, body: { message } }));
                const e = await rejected(client().createEmployee(fields));
                assert.ok(e instanceof UnconfirmedFactError, String(e));
                assert.equal(e.fact.id, "employee-name-length");
                assert.deepEqual(e.wayOn, [
                    "Choose a shorter name: `pulumi config set cxone:employeeFirstName <name>` and/or " +
                        "`cxone:employeeLastName` (library: employeeFirstName / employeeLastName), as short as CXone's answer asks.",
                    "Run `pulumi up`.",
                ]);
            }
        });

        it("other refusals of a name are CXone's answer as it is", async () => {
            for (const [status, message] of [
                [403, "firstName is too long"],
                [400, "firstName is required"],
                [400, "emailAddress is too long"],
            ] as const) {
                serve(() => ({ status, body: { message } }));
                const e = await rejected(client().createEmployee(fields));
                assert.ok(e instanceof CxoneError, String(e));
                assert.equal(e.status, status);
            }
        });

        it("a role name CXone refuses is sent again as the id, and the id is kept", async () => {
            const withId = { ...fields, roleId: "R-9" };
            // refusals that are not about the role name: no second write
            for (const [status, body, f] of [
                [403, { message: "role not allowed" }, withId],
                [400, { message: "role lacks permission" }, withId],
                [400, { message: "bad email" }, withId],
                [400, { message: "unknown role" }, { ...fields, roleId: "Agent" }],
            ] as const) {
                serve(() => ({ status, body }));
                const before = calls().length;
                const e = await rejected(client().createEmployee(f));
                assert.ok(e instanceof CxoneError, String(e));
                assert.equal(calls().length - before, 1, JSON.stringify(body));
            }
            const c = client();
            assert.equal(c.roleAsSent(withId), "Agent");
            for (const body of [{ message: "unknown role" }, { code: "role", message: "no" }]) {
                serve((r) =>
                    (r.body as { role?: string }).role === "R-9"
                        ? ok({ uuid: "u1" })
                        : { status: 400, body },
                );
                const before = calls().length;
                // a fresh endpoint each time: the choice is kept per endpoint
                const fresh = new CxoneClient(
                    { issuerUrl: srv().url, areaUrl: srv().url, apiUrl: `${srv().url}/${before}` },
                    { credentials: { accessKeyId: "AK1", accessKeySecret: "secret-Zx9Yw8" } },
                );
                assert.equal(await fresh.createEmployee(withId), "u1");
                assert.deepEqual(
                    calls()
                        .slice(before)
                        .map((r) => (r.body as { role?: string }).role),
                    ["Agent", "R-9"],
                );
                assert.equal(fresh.roleAsSent(withId), "R-9");
                assert.equal(fresh.roleAsSent(fields), "Agent", "no id: the name");
                await fresh.createEmployee(withId);
                assert.equal(last().body && (last().body as { role?: string }).role, "R-9");
                assert.equal(calls().length - before, 3, "the id is sent at once");
            }
            assert.equal(c.roleAsSent(withId), "Agent", "another endpoint still sends the name");
        });
    });

    describe("search pages", () => {
        const role = (id: string, name = `other ${id}`) => ({ roleId: id, displayName: name });
        const user = (id: string, email = `${id}@other.co`) => ({ id, emailAddress: email });
        /** both searches, each answered by `pages(skipOf(request), makeItem)` */
        const both = async (
            pages: (
                skip: number,
                item: (id: string, match?: boolean) => unknown,
            ) => { items: unknown[]; total?: unknown } | Answer,
        ) => {
            const out: { found: string[]; skips: number[] }[] = [];
            for (const kind of ["roles", "users"] as const) {
                const item = (id: string, match = false) =>
                    kind === "roles"
                        ? role(id, match ? "Wanted" : undefined)
                        : user(id, match ? "want@x.co" : undefined);
                serve((r) => {
                    const b = r.body as { skip?: number; page?: { skip: number } };
                    const p = pages(b.page?.skip ?? b.skip ?? 0, item);
                    if (typeof p === "string" || !("items" in p)) return p;
                    return ok({ [kind]: p.items, totalRecords: p.total });
                });
                const before = calls().length;
                const found =
                    kind === "roles"
                        ? (await client().findRolesByName("wanted")).map((x) => x.roleId)
                        : (await client().findEmployeesByEmail("want@x.co")).map((x) => x.id);
                const skips = calls()
                    .slice(before)
                    .map((r) => {
                        const b = r.body as { skip?: number; page?: { skip: number } };
                        return b.page?.skip ?? b.skip ?? -1;
                    });
                out.push({ found, skips });
            }
            return out;
        };
        const ids = (from: number, n: number) =>
            Array.from({ length: n }, (_, i) => `i${from + i}`);

        it("reads on while nothing matched and CXone's total says there is more", async () => {
            for (const got of await both((skip, item) => ({
                items: skip < 4 ? ids(skip, 2).map((i) => item(i)) : [item("hit", true)],
                total: 5,
            })))
                assert.deepEqual(got, { found: ["hit"], skips: [0, 2, 4] });
        });

        it("stops where the total is reached", async () => {
            for (const got of await both((skip, item) => ({
                items: ids(skip, 2).map((i) => item(i)),
                total: 4,
            })))
                assert.deepEqual(got, { found: [], skips: [0, 2] });
        });

        it("without a total, reads on after a full page only", async () => {
            for (const got of await both((skip, item) => ({
                items:
                    skip === 0
                        ? ids(0, 100).map((i) => item(i))
                        : skip === 100
                          ? ids(100, 50).map((i) => item(i))
                          : [item("late", true)],
            })))
                assert.deepEqual(got, { found: [], skips: [0, 100] });
            for (const got of await both((skip, item) => ({
                items: skip === 0 ? ids(0, 100).map((i) => item(i)) : [item("hit", true)],
                total: "many",
            })))
                assert.deepEqual(got, { found: ["hit"], skips: [0, 100] });
        });

        it("an infinite total reads on like a missing one", async () => {
            for (const got of await both((skip, item) =>
                skip === 0
                    ? {
                          status: 200,
                          contentType: "application/json",
                          raw: JSON.stringify({
                              roles: [item("a")],
                              users: [item("a")],
                          }).replace(/}$/, ',"totalRecords":1e400}'),
                      }
                    : { items: [item("hit", true)], total: 9 },
            ))
                assert.deepEqual(got, { found: [], skips: [0] });
        });

        it("a server that answers the same page again is read once more, no further", async () => {
            for (const got of await both((_skip, item) => ({
                items: [item("same")],
                total: 1000,
            })))
                assert.deepEqual(got, { found: [], skips: [0, 1] });
        });

        it("reads 100 pages at most", async () => {
            for (const got of await both((skip, item) => ({
                items: [item(`p${skip}`)],
                total: 1_000_000,
            }))) {
                assert.deepEqual(got.found, []);
                assert.equal(got.skips.length, 100);
            }
        });

        it("a filter CXone refuses (400) is asked again without it; other failures stand", async () => {
            for (const got of await both((skip, item) => ({
                items: [item("hit", true)],
                total: 1,
            })))
                assert.deepEqual(got.found, ["hit"]);
            serve((r) =>
                Object.keys((r.body as { filter?: object }).filter ?? {}).length
                    ? { status: 400, body: { message: "unknown filter" } }
                    : ok({ roles: [role("hit", "Wanted")], users: [user("hit", "want@x.co")] }),
            );
            assert.deepEqual(
                (await client().findRolesByName("wanted")).map((x) => x.roleId),
                ["hit"],
            );
            assert.deepEqual(
                (await client().findEmployeesByEmail("want@x.co")).map((x) => x.id),
                ["hit"],
            );
            serve(() => ({ status: 403, body: { message: "no" } }));
            const before = calls().length;
            await assert.rejects(
                client().findRolesByName("wanted"),
                (e: unknown) => e instanceof CxoneError && e.status === 403,
            );
            assert.equal(calls().length - before, 1);
        });
    });

    describe("the default login authenticator", () => {
        const answerWith = (body: unknown) => serve(() => ok(body));
        it("asks for the default one", async () => {
            answerWith({ loginAuthenticators: [{ id: "a1", isDefault: true }] });
            assert.equal(await client().defaultLoginAuthenticatorId(), "a1");
            assert.deepEqual(last().body, { filter: { isDefault: ["true"] } });
            assert.equal(last().path, "/authorization/v1/login-authenticator/search");
        });
        it("where CXone has no such search (404), none: CXone applies its own", async () => {
            serve(() => ({ status: 404, body: {} }));
            assert.equal(await client().defaultLoginAuthenticatorId(), undefined);
        });
        it('picks the one marked default, true or "true"', async () => {
            answerWith({
                authenticators: [
                    { id: "a1", isDefault: false },
                    { loginAuthenticatorId: "a2", isDefault: "true" },
                ],
            });
            assert.equal(await client().defaultLoginAuthenticatorId(), "a2");
            answerWith({
                results: [{ id: "b1" }, { authenticatorId: "b2", isDefault: true }],
            });
            assert.equal(await client().defaultLoginAuthenticatorId(), "b2");
        });
        it("else the first one listed, even as a bare array", async () => {
            answerWith([{ id: "c1", isDefault: "false" }, { id: "c2" }]);
            assert.equal(await client().defaultLoginAuthenticatorId(), "c1");
        });
        for (const body of [{}, [], { loginAuthenticators: [{ name: "no id" }] }]) {
            it(`none usable (${JSON.stringify(body)}): an error saying to set loginAuthenticatorId`, async () => {
                answerWith(body);
                await assert.rejects(client().defaultLoginAuthenticatorId(), (e: unknown) => {
                    assert.ok(e instanceof CxoneError);
                    assert.equal(
                        e.message,
                        "could not find the tenant's default CXone login authenticator: CXone " +
                            "answered HTTP 200 (CXone returned no default login authenticator; " +
                            "set loginAuthenticatorId)",
                    );
                    return true;
                });
            });
        }
    });

    describe("access keys", () => {
        it("createAccessKey posts the user and tenant; reads the key under accessKey too", async () => {
            serve(() => ({
                status: 201,
                body: { accessKey: { accessKeyId: "AK9", accessKeySecret: "s3cr3t-value" } },
            }));
            const k = await client().createAccessKey("u-1");
            assert.deepEqual(k, {
                accessKeyId: "AK9",
                userId: "u-1",
                isActive: true,
                accessKeySecret: "s3cr3t-value",
            });
            assert.deepEqual(last().body, { userId: "u-1", tenantId: "T-1" });
            assert.equal(last().path, "/access-key-management/v1/access-keys");
        });

        it("a key answer that CXone marks inactive, with dates, is read as such", async () => {
            serve(() => ({
                status: 201,
                body: {
                    resultSet: {
                        accessKeyId: "AK8",
                        accessKeySecret: "s3cr3t-value",
                        isActive: false,
                        userId: "u-other",
                        createdDate: "2026-01-01",
                        lastUsedDate: "",
                    },
                },
            }));
            assert.deepEqual(await client().createAccessKey("u-1"), {
                accessKeyId: "AK8",
                userId: "u-other",
                isActive: false,
                createdDate: "2026-01-01",
                accessKeySecret: "s3cr3t-value",
            });
        });

        for (const body of [
            { resultSet: { accessKeyId: "AK7" } },
            { resultSet: { accessKeySecret: "s3cr3t-value" } },
            {},
        ]) {
            it(`a create answered without id or secret (${JSON.stringify(body)}) is an error`, async () => {
                serve(() => ({ status: 201, body }));
                await assert.rejects(client().createAccessKey("u-1"), (e: unknown) => {
                    assert.ok(e instanceof CxoneError);
                    assert.equal(
                        e.message,
                        "could not create a CXone access key for employee u-1: CXone answered " +
                            "HTTP 201 (the response carried no access key id or secret)",
                    );
                    assert.ok(!e.message.includes("s3cr3t-value"));
                    return true;
                });
            });
        }

        it("a key create is never repeated after a gateway error or a reset", async () => {
            serve(() => ({ status: 502, body: {} }));
            await assert.rejects(client().createAccessKey("u-1"), /HTTP 502/);
            assert.equal(calls().length, 1);
            srv().seen = [];
            serve(() => "reset");
            await assert.rejects(client().createAccessKey("u-1"), /no response from CXone/);
            assert.equal(calls().length, 1);
        });

        it("getAccessKey reads resultSet, accessKey or a bare key; no id means none", async () => {
            const c = client();
            for (const body of [
                { resultSet: { accessKeyId: "A1", isActive: true, userId: "u" } },
                { accessKey: { accessKeyId: "A1", isActive: true, userId: "u" } },
                { accessKeyId: "A1", isActive: true, userId: "u" },
            ]) {
                serve(() => ok(body));
                assert.deepEqual(await c.getAccessKey("A1"), {
                    accessKeyId: "A1",
                    userId: "u",
                    isActive: true,
                });
            }
            assert.equal(last().path, "/access-key-management/v1/access-keys/A1");
            serve(() => ok({ resultSet: { isActive: true } }));
            assert.equal(await c.getAccessKey("A1"), undefined);
            serve(() => ok({ resultSet: { accessKeyId: "A1", isActive: "true" } }));
            assert.equal((await c.getAccessKey("A1"))?.isActive, false, "only true is active");
            serve(() =>
                ok({
                    resultSet: { accessKeyId: "A1", userId: "u", createdDate: 5, lastUsedDate: 7 },
                }),
            );
            assert.deepEqual(
                await c.getAccessKey("A1"),
                { accessKeyId: "A1", userId: "u", isActive: false },
                "dates that are not text are left out",
            );
        });

        it("listAccessKeys asks by userId; a missing list is none", async () => {
            serve(() => ok({ accessKeys: [{ accessKeyId: "A", userId: "u", isActive: true }] }));
            assert.equal((await client().listAccessKeys("u 1")).length, 1);
            assert.deepEqual(last().query, { userId: "u 1" });
            assert.equal(last().method, "GET");
            serve(() => ok({ accessKeys: {} }));
            assert.deepEqual(await client().listAccessKeys("u"), []);
        });

        it("setAccessKeyActive PATCHes isActive with tenant, user and key in the query", async () => {
            serve(() => ok({}));
            await client().setAccessKeyActive({ accessKeyId: "A", userId: "u" }, false);
            assert.equal(last().method, "PATCH");
            assert.deepEqual(last().query, { tenantId: "T-1", userId: "u", accessKeyId: "A" });
            assert.deepEqual(last().body, { isActive: false });
        });

        it("revokeAccessKey DELETEs the key's path", async () => {
            serve(() => ({ status: 204 }));
            await client().revokeAccessKey("A/1");
            assert.deepEqual(
                [last().method, last().path],
                ["DELETE", "/access-key-management/v1/access-keys/A%2F1"],
            );
        });
    });
});

describe("billableOf (NICE's boolean parsing)", () => {
    const cases: [unknown, boolean][] = [
        [true, true],
        [false, false],
        ["true", true],
        ["TRUE", true],
        ["on", true],
        ["On", true],
        ["false", false],
        ["yes", false],
        ["", false],
        [1, false],
        [undefined, false],
        [null, false],
    ];
    for (const [v, want] of cases)
        it(`${JSON.stringify(v)} -> ${want}`, () => assert.equal(billableOf(v), want));
});
