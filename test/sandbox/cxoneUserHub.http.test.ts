// UserHub employees, roles (with CXone's naming rules) and access keys of the emulated tenant,
// against the documented shapes, including bad requests.
import assert from "assert";
import { userHubPerson } from "../support/sandboxUserHub";
import axios, { type AxiosInstance } from "axios";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";

describe("CXone sandbox: employees, roles, access keys", function () {
    this.timeout(20000);
    let sb: RunningSandbox;
    let api: AxiosInstance;
    let tenantId: string;
    let adminId: string;
    let dir: string;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-uh-"));
        sb = await startSandbox({ dir });
        const t = await axios.post(`${sb.urls.cxone}/authentication/v1/token/access-key`, {
            accessKeyId: sb.endpoints.cxone.adminAccessKeyId,
            accessKeySecret: sb.endpoints.cxone.adminAccessKeySecret,
        });
        api = axios.create({
            baseURL: sb.urls.cxone,
            validateStatus: () => true,
            headers: { authorization: `Bearer ${t.data.access_token}` },
        });
        tenantId = sb.endpoints.cxone.tenantId;
        adminId = sb.context.state.cxone.seed.adminUserId;
    });
    after(() => sb.stop());

    /** UserHub's error body; where given, its code, what its details name, and the fields in error. */
    const assertUserHubError = (
        r: { status: number; data: Record<string, unknown> },
        status: number,
        expect: { code?: string; names?: string; fields?: string[] } = {},
    ) => {
        assert.strictEqual(r.status, status, JSON.stringify(r.data));
        assert.ok(
            typeof r.data.code === "string" &&
                typeof r.data.details === "string" &&
                Array.isArray(r.data.errors),
            JSON.stringify(r.data),
        );
        if (expect.code) assert.strictEqual(r.data.code, expect.code);
        if (expect.names)
            assert.ok((r.data.details as string).includes(expect.names), r.data.details as string);
        if (expect.fields) {
            const errors = r.data.errors as { field: string; code: string; message: string }[];
            assert.deepStrictEqual(
                errors.map((e) => e.field),
                expect.fields,
            );
            for (const e of errors) assert.ok(e.code && e.message, JSON.stringify(e));
        }
    };

    describe("roles", () => {
        it("creates through roleByPermissions and finds by search", async () => {
            const r = await api.post("/authorization/roleByPermissions", {
                displayName: "SCIM Access Key",
                description: "for Okta",
                modifiable: 1,
                status: "ACTIVE",
                permissions: ["Employees: Create and Edit", "Employees: View"],
            });
            assert.strictEqual(r.status, 200);
            assert.deepStrictEqual(r.data, { success: true, roleName: "SCIM Access Key" });
            const s = await api.post("/authorization/v1/roles/search", {
                filter: { roleName: ["scim access key"] },
            });
            assert.strictEqual(s.data.totalRecords, 1);
            const role = s.data.roles[0];
            assert.strictEqual(role.status, "ACTIVE");
            assert.deepStrictEqual(role.permissions, [
                { permission: "Employees: Create and Edit" },
                { permission: "Employees: View" },
            ]);
            assert.ok(role.roleId);
            const active = await api.post("/authorization/v1/roles/search", {
                filter: { status: ["ACTIVE"] },
            });
            assert.strictEqual(active.data.totalRecords, 3);
        });

        it("enforces the naming rules: length, forbidden characters, case-insensitive uniqueness", async () => {
            assertUserHubError(
                await api.post("/authorization/roleByPermissions", { displayName: "x".repeat(51) }),
                400,
            );
            assert.strictEqual(
                (
                    await api.post("/authorization/roleByPermissions", {
                        displayName: "y".repeat(50),
                    })
                ).status,
                200,
            );
            for (const c of ["/", "\\", "+", "!", "?", "<", ">", "#", "&", ",", "%", '"']) {
                const r = await api.post("/authorization/roleByPermissions", {
                    displayName: `Bad${c}Name`,
                });
                assertUserHubError(r, 400);
            }
            assertUserHubError(await api.post("/authorization/roleByPermissions", {}), 400);
            assertUserHubError(
                await api.post("/authorization/roleByPermissions", {
                    displayName: "scim ACCESS key",
                }),
                409,
            );
            assertUserHubError(
                await api.post("/authorization/roleByPermissions", { displayName: "agent" }),
                409,
            );
            assertUserHubError(
                await api.post("/authorization/v1/roles/search", { filter: { colour: ["red"] } }),
                400,
            );
        });

        it("updates, refuses to deactivate a role held by active employees, and never frees the name", async () => {
            await api.post("/authorization/roleByPermissions", {
                displayName: "Temp Role",
                permissions: [],
            });
            const role = (
                await api.post("/authorization/v1/roles/search", {
                    filter: { roleName: ["Temp Role"] },
                })
            ).data.roles[0];
            const up = await api.put(`/authorization/v1/roles/${role.roleId}`, {
                description: "changed",
                permissions: [{ permission: "Employees: View" }],
            });
            assert.strictEqual(up.status, 200);
            assert.strictEqual(up.data.role.description, "changed");
            assertUserHubError(
                await api.put(`/authorization/v1/roles/${role.roleId}`, { displayName: "Other" }),
                400,
            );
            assertUserHubError(
                await api.put(`/authorization/v1/roles/nope`, { status: "INACTIVE" }),
                404,
            );
            assertUserHubError(
                await api.put(`/authorization/v1/roles/${role.roleId}`, { status: "GONE" }),
                400,
            );
            const u = await api.post(
                "/user-management/v1/users",
                userHubPerson("T", "R", "t.r@example.com", "Temp Role"),
            );
            assert.strictEqual(u.status, 201);
            assertUserHubError(
                await api.put(`/authorization/v1/roles/${role.roleId}`, { status: "INACTIVE" }),
                409,
            );
            await api.post("/user-management/v1/users/deactivate", { userIds: [u.data.uuid] });
            const off = await api.put(`/authorization/v1/roles/${role.roleId}`, {
                status: "INACTIVE",
            });
            assert.strictEqual(off.status, 200);
            assert.strictEqual(off.data.role.status, "INACTIVE");
            assertUserHubError(
                await api.post("/authorization/roleByPermissions", { displayName: "temp role" }),
                409,
            );
            // an inactive role cannot be given to a new employee
            assertUserHubError(
                await api.post(
                    "/user-management/v1/users",
                    userHubPerson("N", "O", "n.o@example.com", "Temp Role"),
                ),
                400,
            );
            // nor can the employee come back while the role is inactive
            assertUserHubError(
                await api.post(`/user-management/v1/users/${u.data.uuid}/revive`),
                409,
                { code: "ROLE_INACTIVE", names: "The employee's role Temp Role is not active" },
            );
            assert.strictEqual(
                (await api.put(`/authorization/v1/roles/${role.roleId}`, { status: "ACTIVE" })).data
                    .role.status,
                "ACTIVE",
            );
            assert.strictEqual(
                (await api.post(`/user-management/v1/users/${u.data.uuid}/revive`)).status,
                200,
            );
        });
    });

    describe("roles: what each request may carry", () => {
        const find = async (displayName: string) =>
            (
                await api.post("/authorization/v1/roles/search", {
                    filter: { displayName: [displayName] },
                })
            ).data.roles[0];

        it("permissions as names or {permission}; description and modifiable kept; the name trimmed", async () => {
            const r = await api.post("/authorization/roleByPermissions", {
                displayName: "  Mixed Perms  ",
                description: "two forms",
                modifiable: 0,
                permissions: ["Employees: View", { permission: "Employees: Create and Edit" }],
            });
            assert.strictEqual(r.status, 200, JSON.stringify(r.data));
            assert.strictEqual(r.data.roleName, "Mixed Perms");
            const role = await find("Mixed Perms");
            assert.deepStrictEqual(role.permissions, [
                { permission: "Employees: View" },
                { permission: "Employees: Create and Edit" },
            ]);
            assert.strictEqual(role.description, "two forms");
            assert.strictEqual(role.modifiable, 0);
            assert.strictEqual(role.status, "ACTIVE");
            const saved = JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8"));
            assert.ok(saved.cxone.roles[role.roleId], "saved");
            // a role made unmodifiable keeps its permissions and status, its description may change
            assertUserHubError(
                await api.put(`/authorization/v1/roles/${role.roleId}`, { permissions: [] }),
                403,
                { code: "ROLE_NOT_MODIFIABLE" },
            );
            assertUserHubError(
                await api.put(`/authorization/v1/roles/${role.roleId}`, { status: "DRAFT" }),
                403,
                { code: "ROLE_NOT_MODIFIABLE" },
            );
            const d = await api.put(`/authorization/v1/roles/${role.roleId}`, {
                description: "still two forms",
                status: "ACTIVE",
            });
            assert.strictEqual(d.status, 200, JSON.stringify(d.data));
            assert.strictEqual(d.data.role.description, "still two forms");
            const m = await api.post("/authorization/roleByPermissions", { displayName: "Plain" });
            assert.strictEqual(m.status, 200);
            assert.strictEqual((await find("Plain")).modifiable, 1, "modifiable unless 0");
            assert.deepStrictEqual((await find("Plain")).permissions, []);
        });

        it("refuses bad permissions, status or description on create and update, naming each", async () => {
            const invalid = { code: "INVALID_REQUEST" };
            for (const permissions of ["Employees: View", [7], [{ name: "x" }], [null]])
                assertUserHubError(
                    await api.post("/authorization/roleByPermissions", {
                        displayName: "Bad Perms",
                        permissions,
                    }),
                    400,
                    { ...invalid, names: "permissions", fields: ["permissions"] },
                );
            assertUserHubError(
                await api.post("/authorization/roleByPermissions", {
                    displayName: "Bad Status",
                    status: "DELETED",
                }),
                400,
                { ...invalid, names: "ACTIVE, INACTIVE, DRAFT" },
            );
            assertUserHubError(
                await api.post("/authorization/roleByPermissions", {
                    displayName: "Bad Description",
                    description: 7,
                }),
                400,
                { ...invalid, names: "description" },
            );
            assert.strictEqual(await find("Bad Perms"), undefined, "nothing created");
            const role = await find("Plain");
            for (const [body, names] of [
                [{ permissions: "x" }, "permissions"],
                [{ description: 7 }, "description"],
                [{ status: "DELETED" }, "ACTIVE, INACTIVE, DRAFT"],
            ] as const)
                assertUserHubError(
                    await api.put(`/authorization/v1/roles/${role.roleId}`, body),
                    400,
                    {
                        ...invalid,
                        names,
                    },
                );
            for (const displayName of ["Other", 7])
                assertUserHubError(
                    await api.put(`/authorization/v1/roles/${role.roleId}`, { displayName }),
                    400,
                    { ...invalid, names: "renamed", fields: ["displayName"] },
                );
            const same = await api.put(`/authorization/v1/roles/${role.roleId}`, {
                displayName: " plain ",
            });
            assert.strictEqual(same.status, 200, "its own name, in any case, is no rename");
            assertUserHubError(await api.put("/authorization/v1/roles/nope", {}), 404, {
                code: "ROLE_NOT_FOUND",
                names: "nope",
            });
        });

        it("search: a filter that is not an object or a field that is not a list is refused", async () => {
            for (const filter of [["Plain"], "Plain"])
                assertUserHubError(
                    await api.post("/authorization/v1/roles/search", { filter }),
                    400,
                    {
                        code: "INVALID_REQUEST",
                        names: "filter",
                    },
                );
            assertUserHubError(
                await api.post("/authorization/v1/roles/search", {
                    filter: { displayName: "Plain" },
                }),
                400,
                { code: "INVALID_REQUEST", names: "filter.displayName" },
            );
            const all = await api.post("/authorization/v1/roles/search", {});
            const top = await api.post("/authorization/v1/roles/search", { page: { top: 1 } });
            assert.strictEqual(top.data.roles.length, 1);
            assert.strictEqual(top.data.totalRecords, all.data.totalRecords);
            const none = await api.post("/authorization/v1/roles/search", { page: { top: 0 } });
            assert.strictEqual(none.data.roles.length, 0, "top 0 is none, not all");
        });
    });

    describe("employees", () => {
        let userId: string;
        it("validates the create body", async () => {
            const r = await api.post("/user-management/v1/users", { firstName: "A" });
            assertUserHubError(r, 400);
            const fields = r.data.errors.map((e: { field: string }) => e.field).sort();
            assert.deepStrictEqual(fields, ["emailAddress", "lastName", "role"]);
            // a bad email, an unknown role, billable not a boolean
            const good = { firstName: "A", lastName: "B", emailAddress: "a@b.com", role: "Agent" };
            const cases: [Record<string, unknown>, string, string][] = [
                [{ emailAddress: "not-an-email" }, "emailAddress", "INVALID"],
                [{ firstName: "  " }, "firstName", "REQUIRED"],
                [{ role: "No Such Role" }, "role", "NOT_FOUND"],
                [{ billable: "no" }, "billable", "INVALID"],
                [{ userName: "" }, "userName", "INVALID"],
                [{ userName: 7 }, "userName", "INVALID"],
                [{ teamId: 7 }, "teamId", "INVALID"],
                [{ timeZone: false }, "timeZone", "INVALID"],
                [{ loginAuthenticatorId: "nope" }, "loginAuthenticatorId", "NOT_FOUND"],
                [{ secondaryRoleIds: "x" }, "secondaryRoleIds", "INVALID"],
                [{ secondaryRoleIds: ["no-such-role-id"] }, "secondaryRoleIds", "INVALID"],
                [{ secondaryRoleIds: [7] }, "secondaryRoleIds", "INVALID"],
            ];
            for (const [bad, field, code] of cases) {
                const r = await api.post("/user-management/v1/users", { ...good, ...bad });
                assertUserHubError(r, 400, { code: "VALIDATION_FAILED", fields: [field] });
                assert.strictEqual(r.data.errors[0].code, code, JSON.stringify(bad));
            }
            // null team and time zone are "none", and the tenant's own authenticator is accepted
            const authenticator = sb.context.state.cxone.loginAuthenticators[0].id;
            const ok = await api.post("/user-management/v1/users", {
                ...good,
                emailAddress: "nulls.ok@example.com",
                teamId: null,
                timeZone: null,
                loginAuthenticatorId: authenticator,
            });
            assert.strictEqual(ok.status, 201, JSON.stringify(ok.data));
        });

        it("creates, reads, updates and finds an employee", async () => {
            const c = await api.post(
                "/user-management/v1/users",
                userHubPerson("SCIM", "AccessKey", "scim.key@example.com", "SCIM Access Key", {
                    billable: false,
                }),
            );
            assert.strictEqual(c.status, 201);
            assert.strictEqual(c.data.success, true);
            userId = c.data.uuid;
            const g = await api.get(`/user-management/v1/users/${userId}`);
            assert.strictEqual(g.status, 200);
            const u = g.data.user;
            assert.strictEqual(u.userName, "scim.key@example.com");
            assert.strictEqual(u.role, "SCIM Access Key");
            assert.ok(u.roleUUID);
            assert.strictEqual(u.billable, false);
            assert.strictEqual(u.status, "UNREGISTERED");
            assert.ok(u.loginAuthenticatorId);
            assert.strictEqual(u.passwordHash, undefined);
            assertUserHubError(
                await api.post(
                    "/user-management/v1/users",
                    userHubPerson("X", "Y", "SCIM.KEY@example.com", "Agent"),
                ),
                409,
                {
                    code: "USER_ALREADY_EXISTS",
                    names: "userName SCIM.KEY@example.com already exists",
                    fields: ["userName"],
                },
            );
            const put = await api.put("/user-management/v1/users", { ...u, lastName: "Key" });
            assert.strictEqual(put.status, 200);
            assert.strictEqual(
                (await api.get(`/user-management/v1/users/${userId}`)).data.user.lastName,
                "Key",
            );
            assertUserHubError(
                await api.put("/user-management/v1/users", { ...u, id: "nope" }),
                404,
            );
            assertUserHubError(await api.put("/user-management/v1/users", { firstName: "x" }), 400);
            const s = await api.post("/user-management/v2/users/search", {
                filter: { emailAddresses: ["scim.key@EXAMPLE.com"] },
                fields: ["status"],
            });
            assert.strictEqual(s.status, 200);
            assert.strictEqual(s.data.totalRecords, 1);
            assert.deepStrictEqual(s.data.users[0], { id: userId, status: "UNREGISTERED" });
            const paged = await api.post("/user-management/v2/users/search", {
                filter: {},
                skip: 1,
                top: 1,
            });
            assert.ok(paged.data.totalRecords >= 3);
            assert.strictEqual(paged.data.users.length, 1);
            assertUserHubError(
                await api.post("/user-management/v2/users/search", { filter: { shoeSize: [42] } }),
                400,
            );
            assertUserHubError(await api.get(`/user-management/v1/users/nope`), 404);
        });

        it("sets the login authenticator and lists the default one", async () => {
            const a = await api.post("/authorization/v1/login-authenticator/search", {
                filter: { isDefault: ["true"] },
            });
            assert.strictEqual(a.status, 200);
            assert.strictEqual(a.data.loginAuthenticators.length, 1);
            const id = a.data.loginAuthenticators[0].id;
            // a single value, not in a list, filters the same
            const one = await api.post("/authorization/v1/login-authenticator/search", {
                filter: { isDefault: "TRUE" },
            });
            assert.deepStrictEqual(
                one.data.loginAuthenticators.map((x: { id: string }) => x.id),
                [id],
            );
            assert.strictEqual(
                (
                    await api.put(`/user-management/v1/users/${userId}/login-authenticator`, {
                        authenticatorId: id,
                    })
                ).status,
                200,
            );
            assertUserHubError(
                await api.put(`/user-management/v1/users/${userId}/login-authenticator`, {
                    authenticatorId: "nope",
                }),
                404,
            );
            assertUserHubError(
                await api.put(`/user-management/v1/users/${userId}/login-authenticator`, {}),
                400,
            );
        });

        it("invites (PENDING), deactivates (BLOCKED) and revives", async () => {
            assert.strictEqual(
                (
                    await api.post("/user-management/v2/users/inviteById", {
                        inviteUserIds: [userId],
                        senderUserId: adminId,
                    })
                ).status,
                200,
            );
            assert.strictEqual(
                (await api.get(`/user-management/v1/users/${userId}`)).data.user.status,
                "PENDING",
            );
            assertUserHubError(
                await api.post("/user-management/v2/users/inviteById", { inviteUserIds: [] }),
                400,
            );
            assertUserHubError(
                await api.post("/user-management/v2/users/inviteById", { inviteUserIds: ["nope"] }),
                404,
            );
            assertUserHubError(
                await api.post("/user-management/v1/users/deactivate", {
                    userIds: [userId, "nope"],
                }),
                404,
            );
            assert.strictEqual(
                (await api.get(`/user-management/v1/users/${userId}`)).data.user.status,
                "PENDING",
                "nothing changed on a partial failure",
            );
            assert.strictEqual(
                (await api.post("/user-management/v1/users/deactivate", { userIds: [userId] }))
                    .status,
                200,
            );
            assert.strictEqual(
                (await api.get(`/user-management/v1/users/${userId}`)).data.user.status,
                "BLOCKED",
            );
            assert.strictEqual(
                (await api.post(`/user-management/v1/users/${userId}/revive`)).status,
                200,
            );
            assert.strictEqual(
                (await api.get(`/user-management/v1/users/${userId}`)).data.user.status,
                "PENDING",
            );
            assertUserHubError(await api.post(`/user-management/v1/users/nope/revive`), 404);
        });

        it("lets an invited employee activate (sandbox-only step) and then sign in", async () => {
            const base = sb.urls.cxone;
            const plain = axios.create({ validateStatus: () => true });
            assert.strictEqual(
                (
                    await plain.post(`${base}/sandbox/cxone/activation`, {
                        userId: adminId,
                        password: "long-enough",
                    })
                ).status,
                409,
                "only PENDING employees",
            );
            assert.strictEqual(
                (
                    await plain.post(`${base}/sandbox/cxone/activation`, {
                        userId,
                        password: "short",
                    })
                ).status,
                400,
            );
            const a = await plain.post(`${base}/sandbox/cxone/activation`, {
                userId,
                password: "correct horse battery",
            });
            assert.strictEqual(a.status, 200);
            assert.strictEqual(
                (await api.get(`/user-management/v3/users/${userId}`)).data.user.status,
                "ACTIVE",
            );
            const key = sb.endpoints.cxone;
            const t = await plain.post(
                `${base}/auth/token`,
                new URLSearchParams({
                    grant_type: "password",
                    username: "scim.key@example.com",
                    password: "correct horse battery",
                }).toString(),
                {
                    headers: {
                        "content-type": "application/x-www-form-urlencoded",
                        authorization: `Basic ${Buffer.from(`${key.adminAccessKeyId}:${key.adminAccessKeySecret}`).toString("base64")}`,
                    },
                },
            );
            assert.strictEqual(t.status, 200, JSON.stringify(t.data));
        });
    });

    describe("employees: search order, refusals, and a role gone inactive", () => {
        const create = async (first: string, email: string, role = "Agent") => {
            const r = await api.post(
                "/user-management/v1/users",
                userHubPerson(first, "Sorted", email, role),
            );
            assert.strictEqual(r.status, 201, JSON.stringify(r.data));
            return r.data.uuid as string;
        };
        let ids: string[];
        before(async () => {
            ids = [
                await create("Bea", "bea.sorted@example.com"),
                await create("Abe", "ABE.Sorted@example.com"),
                await create("Cy", "cy.sorted@example.com"),
            ];
        });
        const search = (body: Record<string, unknown>) =>
            api.post("/user-management/v2/users/search", {
                filter: { userIds: ids },
                ...body,
            });
        const names = (r: { data: { users: { firstName: string }[] } }) =>
            r.data.users.map((u) => u.firstName);

        it("orders by a field either way, else by creation; a filter value matches any case", async () => {
            assert.deepStrictEqual(names(await search({})), ["Bea", "Abe", "Cy"]);
            assert.deepStrictEqual(names(await search({ orderBy: "firstName" })), [
                "Abe",
                "Bea",
                "Cy",
            ]);
            assert.deepStrictEqual(names(await search({ orderBy: "firstName DESC" })), [
                "Cy",
                "Bea",
                "Abe",
            ]);
            assert.deepStrictEqual(names(await search({ orderBy: "emails asc" })), [
                "Abe",
                "Bea",
                "Cy",
            ]);
            const one = await api.post("/user-management/v2/users/search", {
                filter: { emailAddress: "abe.sorted@EXAMPLE.com" },
            });
            assert.deepStrictEqual(names(one), ["Abe"], "a single value, any case");
        });
        it("refuses a filter that is not an object, naming it", async () => {
            for (const filter of [[ids[0]], "x"])
                assertUserHubError(
                    await api.post("/user-management/v2/users/search", { filter }),
                    400,
                    {
                        code: "VALIDATION_FAILED",
                        names: "filter",
                    },
                );
        });
        it("deactivate and invite: a list of ids is required, and no id may be unknown or deactivated", async () => {
            for (const userIds of [undefined, [], "x", [7]])
                assertUserHubError(
                    await api.post("/user-management/v1/users/deactivate", { userIds }),
                    400,
                    {
                        names: "userIds",
                    },
                );
            assertUserHubError(
                await api.post("/user-management/v2/users/inviteById", { inviteUserIds: "x" }),
                400,
                { names: "inviteUserIds" },
            );
            assertUserHubError(
                await api.post("/user-management/v2/users/inviteById", {
                    inviteUserIds: [ids[0]],
                    senderUserId: "nobody",
                }),
                404,
                { code: "USER_NOT_FOUND", names: "nobody" },
            );
            await api.post("/user-management/v1/users/deactivate", { userIds: [ids[2]] });
            assertUserHubError(
                await api.post("/user-management/v2/users/inviteById", {
                    inviteUserIds: [ids[1], ids[2]],
                }),
                409,
                { code: "USER_INACTIVE", names: ids[2] },
            );
            const abe = (await api.get(`/user-management/v1/users/${ids[1]}`)).data;
            assert.strictEqual(abe.status ?? abe.user?.status, "UNREGISTERED", "none invited");
        });
        it("an update may keep a role that went inactive, not move to one", async () => {
            const made = await api.post("/authorization/roleByPermissions", {
                displayName: "Fading",
            });
            assert.strictEqual(made.status, 200);
            const role = (
                await api.post("/authorization/v1/roles/search", {
                    filter: { displayName: ["Fading"] },
                })
            ).data.roles[0];
            const holder = await create("Dee", "dee.sorted@example.com", "Fading");
            const other = ids[0];
            await api.post("/user-management/v1/users/deactivate", { userIds: [holder] });
            assert.strictEqual(
                (await api.put(`/authorization/v1/roles/${role.roleId}`, { status: "INACTIVE" }))
                    .status,
                200,
            );
            const keep = await api.put(
                "/user-management/v1/users",
                userHubPerson("Dee", "Renamed", "dee.sorted@example.com", "Fading", { id: holder }),
            );
            assert.strictEqual(keep.status, 200, JSON.stringify(keep.data));
            assertUserHubError(
                await api.put(
                    "/user-management/v1/users",
                    userHubPerson("Bea", "Sorted", "bea.sorted@example.com", "Fading", {
                        id: other,
                    }),
                ),
                400,
            );
        });
    });

    describe("sandbox-only console steps on roles (/sandbox/cxone/console/roles)", () => {
        const consoleApi = () =>
            axios.create({
                baseURL: `${sb.urls.cxone}/sandbox/cxone/console`,
                validateStatus: () => true,
            });
        const stored = (id: string) => sb.context.state.cxone.roles[id];
        const saved = (id: string) =>
            JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8")).cxone.roles[id];

        it("New Role: the name trimmed, active, the permissions ticked, saved", async () => {
            const c = consoleApi();
            const made = await c.post("/roles", {
                name: "  Console Made  ",
                permissions: ["Employees: View"],
                description: "by hand",
            });
            assert.strictEqual(made.status, 201, JSON.stringify(made.data));
            const role = stored(made.data.roleId);
            assert.strictEqual(role.roleName, "Console Made");
            assert.strictEqual(role.displayName, "Console Made");
            assert.strictEqual(role.description, "by hand");
            assert.strictEqual(role.status, "ACTIVE");
            assert.strictEqual(role.modifiable, 1);
            assert.deepStrictEqual(role.permissions, [{ permission: "Employees: View" }]);
            assert.strictEqual(saved(made.data.roleId)?.roleName, "Console Made");
            const bare = await c.post("/roles", { name: "Console Bare", permissions: [] });
            assert.strictEqual(stored(bare.data.roleId).description, "");
            for (const [body, status] of [
                [{ name: "Console Made", permissions: [] }, 400],
                [{ name: "Console Other", permissions: "Employees: View" }, 400],
                [{ name: "Console Other", permissions: [7] }, 400],
            ] as const) {
                const r = await c.post("/roles", body);
                assert.strictEqual(r.status, status, JSON.stringify(body));
                assert.ok(typeof r.data.error === "string" && r.data.error, JSON.stringify(r.data));
            }
        });

        it("Edit: description and permissions, each checked; Deactivate: refused while held", async () => {
            const c = consoleApi();
            const id = (await c.post("/roles", { name: "Console Edit", permissions: [] })).data
                .roleId;
            const e = await c.post(`/roles/${id}`, {
                description: "edited",
                permissions: ["Employees: Create and Edit"],
            });
            assert.deepStrictEqual(e.data, { roleId: id });
            assert.strictEqual(stored(id).description, "edited");
            assert.deepStrictEqual(stored(id).permissions, [
                { permission: "Employees: Create and Edit" },
            ]);
            assert.strictEqual(saved(id).description, "edited");
            const keep = await c.post(`/roles/${id}`, {});
            assert.strictEqual(keep.status, 200);
            assert.strictEqual(stored(id).description, "edited", "nothing given, nothing changed");
            for (const body of [{ description: 7 }, { permissions: "x" }, { permissions: [7] }]) {
                const r = await c.post(`/roles/${id}`, body);
                assert.strictEqual(r.status, 400, JSON.stringify(body));
                assert.ok(r.data.error, JSON.stringify(r.data));
            }
            assert.strictEqual(stored(id).description, "edited");
            for (const path of ["/roles/nope", "/roles/nope/deactivate"]) {
                const r = await c.post(path, {});
                assert.strictEqual(r.status, 404);
                assert.match(r.data.error, /role not found/);
            }
            const holder = await api.post(
                "/user-management/v1/users",
                userHubPerson("Con", "Sole", "con.sole@example.com", "Console Edit"),
            );
            const held = await c.post(`/roles/${id}/deactivate`);
            assert.strictEqual(held.status, 409);
            assert.match(held.data.error, /active employees/);
            assert.strictEqual(stored(id).status, "ACTIVE");
            await api.post("/user-management/v1/users/deactivate", { userIds: [holder.data.uuid] });
            const off = await c.post(`/roles/${id}/deactivate`);
            assert.deepStrictEqual(off.data, { roleId: id, status: "INACTIVE" });
            assert.strictEqual(saved(id).status, "INACTIVE");
        });

        it("activation: only an invited employee, with a password of 8 or more", async () => {
            const c = axios.create({ baseURL: sb.urls.cxone, validateStatus: () => true });
            const unknown = await c.post("/sandbox/cxone/activation", {
                userId: "nope",
                password: "12345678",
            });
            assert.strictEqual(unknown.status, 404);
            assert.match(unknown.data.error, /user not found/);
        });
    });

    describe("access keys", () => {
        let userId: string;
        before(async () => {
            userId = (
                await api.post(
                    "/user-management/v1/users",
                    userHubPerson("K", "Owner", "k.owner@example.com", "Administrator"),
                )
            ).data.uuid;
        });

        it("shows the secret once, at creation, never again", async () => {
            const c = await api.post("/access-key-management/v1/access-keys", { userId, tenantId });
            assert.strictEqual(c.status, 201);
            const k = c.data.resultSet;
            assert.ok(k.accessKeyId && k.accessKeySecret);
            assert.strictEqual(k.userId, userId);
            assert.strictEqual(k.isActive, true);
            const g = await api.get(`/access-key-management/v1/access-keys/${k.accessKeyId}`);
            assert.strictEqual(g.status, 200);
            assert.strictEqual(g.data.resultSet.accessKeySecret, undefined);
            assert.strictEqual(g.data.resultSet.lastUsedDate, null);
            assert.ok(!JSON.stringify(g.data).includes(k.accessKeySecret));
            const list = await api.get("/access-key-management/v1/access-keys", {
                params: { userId },
            });
            assert.strictEqual(list.data.totalRecords, 1);
            assert.ok(!JSON.stringify(list.data).includes(k.accessKeySecret));
            assert.ok(
                !fs.readFileSync(path.join(dir, "state.json"), "utf8").includes(k.accessKeySecret),
                "state keeps only a hash",
            );
        });

        it("lists only the keys of the user asked for; a repeated userId is refused", async () => {
            const mine = (
                await api.post("/access-key-management/v1/access-keys", { userId, tenantId })
            ).data.resultSet.accessKeyId;
            const listed = await api.get("/access-key-management/v1/access-keys", {
                params: { userId },
            });
            const ids = listed.data.accessKeys.map((k: { accessKeyId: string }) => k.accessKeyId);
            assert.ok(ids.includes(mine));
            assert.ok(
                listed.data.accessKeys.every((k: { userId: string }) => k.userId === userId),
                "no other user's key",
            );
            assert.strictEqual(listed.data.totalRecords, ids.length);
            const all = await api.get("/access-key-management/v1/access-keys");
            assert.ok(all.data.totalRecords > ids.length, "without userId: every key");
            assertUserHubError(
                await api.get(
                    `/access-key-management/v1/access-keys?userId=${userId}&userId=${adminId}`,
                ),
                400,
                { code: "VALIDATION_FAILED", names: "userId" },
            );
        });

        it("refuses a key for a deactivated employee", async () => {
            const gone = (
                await api.post(
                    "/user-management/v1/users",
                    userHubPerson("Gone", "Owner", "gone.owner@example.com", "Administrator"),
                )
            ).data.uuid;
            await api.post("/user-management/v1/users/deactivate", { userIds: [gone] });
            assertUserHubError(
                await api.post("/access-key-management/v1/access-keys", { userId: gone, tenantId }),
                409,
                { code: "USER_INACTIVE", names: gone },
            );
        });

        it("sets lastUsedDate when the key obtains a token", async () => {
            const c = (
                await api.post("/access-key-management/v1/access-keys", { userId, tenantId })
            ).data.resultSet;
            const before = Date.now();
            const t = await axios.post(`${sb.urls.cxone}/authentication/v1/token/access-key`, {
                accessKeyId: c.accessKeyId,
                accessKeySecret: c.accessKeySecret,
            });
            assert.strictEqual(t.status, 200);
            const g = await api.get(`/access-key-management/v1/access-keys/${c.accessKeyId}`);
            assert.ok(Date.parse(g.data.resultSet.lastUsedDate) >= before - 1000);
        });

        it("validates create and patch, revokes with DELETE", async () => {
            const invalid = "VALIDATION_FAILED";
            assertUserHubError(await api.post("/access-key-management/v1/access-keys", {}), 400, {
                code: invalid,
                names: "userId",
                fields: ["userId"],
            });
            assertUserHubError(
                await api.post("/access-key-management/v1/access-keys", {
                    userId: "nope",
                    tenantId,
                }),
                404,
                { code: "USER_NOT_FOUND", names: "nope" },
            );
            assertUserHubError(
                await api.post("/access-key-management/v1/access-keys", {
                    userId,
                    tenantId: "other",
                }),
                400,
                { code: invalid, names: "tenantId", fields: ["tenantId"] },
            );
            const k = (
                await api.post("/access-key-management/v1/access-keys", { userId, tenantId })
            ).data.resultSet;
            assertUserHubError(
                await api.patch(
                    "/access-key-management/v1/access-keys",
                    { isActive: false },
                    { params: { tenantId, userId } },
                ),
                400,
                { code: invalid, names: "accessKeyId", fields: ["accessKeyId"] },
            );
            assertUserHubError(
                await api.patch("/access-key-management/v1/access-keys", { isActive: false }),
                400,
                {
                    code: invalid,
                    names: "tenantId, userId, accessKeyId",
                    fields: ["tenantId", "userId", "accessKeyId"],
                },
            );
            assertUserHubError(
                await api.patch(
                    "/access-key-management/v1/access-keys",
                    { isActive: "no" },
                    { params: { tenantId, userId, accessKeyId: k.accessKeyId } },
                ),
                400,
                { code: invalid, names: "isActive", fields: ["isActive"] },
            );
            assertUserHubError(
                await api.patch(
                    "/access-key-management/v1/access-keys",
                    { isActive: false },
                    { params: { tenantId, userId: adminId, accessKeyId: k.accessKeyId } },
                ),
                404,
                { code: "ACCESS_KEY_NOT_FOUND", names: k.accessKeyId },
            );
            const p = await api.patch(
                "/access-key-management/v1/access-keys",
                { isActive: false },
                { params: { tenantId, userId, accessKeyId: k.accessKeyId } },
            );
            assert.strictEqual(p.status, 200);
            assert.strictEqual(
                (await api.get(`/access-key-management/v1/access-keys/${k.accessKeyId}`)).data
                    .resultSet.isActive,
                false,
            );
            const saved = JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8"));
            assert.strictEqual(saved.cxone.accessKeys[k.accessKeyId].isActive, false, "saved");
            assert.strictEqual(
                (await api.delete(`/access-key-management/v1/access-keys/${k.accessKeyId}`)).status,
                204,
            );
            const revoked = JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8"));
            assert.strictEqual(revoked.cxone.accessKeys[k.accessKeyId], undefined, "saved");
            assertUserHubError(
                await api.get(`/access-key-management/v1/access-keys/${k.accessKeyId}`),
                404,
                { code: "ACCESS_KEY_NOT_FOUND", names: k.accessKeyId },
            );
            assertUserHubError(
                await api.delete(`/access-key-management/v1/access-keys/${k.accessKeyId}`),
                404,
                { code: "ACCESS_KEY_NOT_FOUND", names: k.accessKeyId },
            );
            const t = await axios.post(
                `${sb.urls.cxone}/authentication/v1/token/access-key`,
                { accessKeyId: k.accessKeyId, accessKeySecret: k.accessKeySecret },
                { validateStatus: () => true },
            );
            assert.strictEqual(t.status, 401);
        });
    });
});
