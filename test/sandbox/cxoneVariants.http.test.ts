// The sandbox CXone's other worlds (sandbox/variants/cxone.ts), each shown by the answers that make
// it that world, on the UserHub host the product calls. The product's whole flow in each world:
// test/integration/variants.http and variants.engine.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { userHubPerson } from "../support/sandboxUserHub";

interface Answer {
    status: number;
    body: any; // CXone's JSON, read loosely
}

/** A sandbox in the given world, and UserHub as the admin's access key signs in to it. */
async function world(variant: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-variant-"));
    const sb: RunningSandbox = await startSandbox({ dir, variants: [variant] });
    const cx = sb.endpoints.cxone;
    const hosts = sb.urls.cxoneHosts;
    const token = await fetch(`${hosts.area}/authentication/v1/token/access-key`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
            accessKeyId: cx.adminAccessKeyId,
            accessKeySecret: cx.adminAccessKeySecret,
        }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const userHub = async (method: string, p: string, body?: unknown): Promise<Answer> => {
        const r = await fetch(hosts.userHub + p, {
            method,
            headers: {
                Authorization: `Bearer ${token.access_token}`,
                "Content-Type": "application/json",
            },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: r.status, body: await r.json().catch(() => null) };
    };
    const stop = async () => {
        await sb.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    };
    return { sb, cx, userHub, stop };
}
type World = Awaited<ReturnType<typeof world>>;

async function inWorld(variant: string, f: (w: World) => Promise<void>): Promise<void> {
    const w = await world(variant);
    try {
        await f(w);
    } finally {
        await w.stop();
    }
}

const searchRoles = (w: World, displayName: string) =>
    w.userHub("POST", "/authorization/v1/roles/search", { filter: { displayName: [displayName] } });

describe("sandbox CXone: each other world as its answers show it (variants/cxone.ts)", function () {
    this.timeout(20000);

    it("deactivate-repeated-refused: deactivating an employee or a role a second time is 409", () =>
        inWorld("deactivate-repeated-refused", async (w) => {
            const id = (
                await w.userHub(
                    "POST",
                    "/user-management/v1/users",
                    userHubPerson("Re", "Peat", "re.peat@example.com", "Agent"),
                )
            ).body.uuid;
            const first = await w.userHub("POST", "/user-management/v1/users/deactivate", {
                userIds: [id],
            });
            assert.strictEqual(first.status, 200, JSON.stringify(first.body));
            const again = await w.userHub("POST", "/user-management/v1/users/deactivate", {
                userIds: [id],
            });
            assert.strictEqual(again.status, 409);
            assert.strictEqual(again.body.code, "USER_ALREADY_INACTIVE");
            assert.match(again.body.details, new RegExp(id));
            await w.userHub("POST", "/authorization/roleByPermissions", {
                displayName: "Twice Off",
            });
            const role = (await searchRoles(w, "Twice Off")).body.roles[0];
            const off = `/authorization/v1/roles/${role.roleId}`;
            assert.strictEqual((await w.userHub("PUT", off, { status: "INACTIVE" })).status, 200);
            const offAgain = await w.userHub("PUT", off, { status: "INACTIVE" });
            assert.strictEqual(offAgain.status, 409);
            assert.strictEqual(offAgain.body.code, "ROLE_ALREADY_INACTIVE");
            assert.strictEqual(
                (await w.userHub("PUT", off, { status: "ACTIVE" })).status,
                200,
                "other changes pass",
            );
        }));

    it("permission-names-refused: the console's labels are 400 INVALID_PERMISSION, keys pass, roles answer keys", () =>
        inWorld("permission-names-refused", async (w) => {
            const labels = await w.userHub("POST", "/authorization/roleByPermissions", {
                displayName: "By Label",
                permissions: ["Employees: View", { permission: "EMPLOYEES_VIEW" }],
            });
            assert.strictEqual(labels.status, 400);
            assert.strictEqual(labels.body.code, "INVALID_PERMISSION");
            assert.match(labels.body.details, /Employees: View/);
            assert.deepStrictEqual(
                labels.body.errors.map((e: { field: string }) => e.field),
                ["permissions"],
            );
            const keys = await w.userHub("POST", "/authorization/roleByPermissions", {
                displayName: "By Key",
                permissions: ["EMPLOYEES_VIEW"],
            });
            assert.strictEqual(keys.status, 200, JSON.stringify(keys.body));
            const admin = (await searchRoles(w, "Administrator")).body.roles[0];
            for (const p of admin.permissions)
                assert.match(p.permission, /^[A-Z_]+$/, "answered as a key");
        }));

    it("role-search-filter-ignored: every role comes back, 25 a page, among 40 more", () =>
        inWorld("role-search-filter-ignored", async (w) => {
            const r = await w.userHub("POST", "/authorization/v1/roles/search", {
                filter: { displayName: ["Administrator"] },
                page: { top: 100 },
            });
            assert.strictEqual(r.status, 200);
            assert.strictEqual(r.body.roles.length, 25);
            assert.ok(r.body.totalRecords >= 42, String(r.body.totalRecords));
            assert.ok(
                r.body.roles.some((x: { displayName: string }) => x.displayName === "Team Role 01"),
            );
        }));

    it("user-search-filter-ignored: the email filter is dropped, every employee answered", () =>
        inWorld("user-search-filter-ignored", async (w) => {
            await w.userHub(
                "POST",
                "/user-management/v1/users",
                userHubPerson("Fil", "Ter", "fil.ter@example.com", "Agent"),
            );
            const r = await w.userHub("POST", "/user-management/v2/users/search", {
                filter: { emailAddress: ["nobody@example.com"] },
            });
            assert.strictEqual(r.status, 200);
            assert.ok(r.body.users.length >= 2, "the admin and the new employee");
        }));

    it("employee-role-takes-id: a role name is 400, the role id is taken and answered", () =>
        inWorld("employee-role-takes-id", async (w) => {
            const agent = (await searchRoles(w, "Agent")).body.roles[0];
            const byName = await w.userHub(
                "POST",
                "/user-management/v1/users",
                userHubPerson("Ro", "Le", "ro.le@example.com", "Agent"),
            );
            assert.strictEqual(byName.status, 400);
            assert.strictEqual(byName.body.code, "VALIDATION_FAILED");
            assert.deepStrictEqual(
                byName.body.errors.map((e: { field: string }) => e.field),
                ["role"],
            );
            const byId = await w.userHub(
                "POST",
                "/user-management/v1/users",
                userHubPerson("Ro", "Le", "ro.le@example.com", agent.roleId),
            );
            assert.strictEqual(byId.status, 201, JSON.stringify(byId.body));
            const got = await w.userHub("GET", `/user-management/v1/users/${byId.body.uuid}`);
            const user = got.body.user ?? got.body;
            assert.strictEqual(user.role, agent.roleId);
        }));

    it("billable-ignored and billable-as-string: the field dropped, or answered as text", async () => {
        const billable = async (variant: string) => {
            let value: unknown = "unread";
            await inWorld(variant, async (w) => {
                const made = await w.userHub(
                    "POST",
                    "/user-management/v1/users",
                    userHubPerson("Bil", "Lable", "bil.lable@example.com", "Agent", {
                        billable: false,
                    }),
                );
                assert.strictEqual(made.status, 201, JSON.stringify(made.body));
                const got = await w.userHub("GET", `/user-management/v1/users/${made.body.uuid}`);
                value = (got.body.user ?? got.body).billable;
            });
            return value;
        };
        assert.strictEqual(await billable("billable-ignored"), undefined);
        assert.strictEqual(await billable("billable-as-string"), "false");
    });

    it("key-without-created-date: access keys are answered without createdDate", () =>
        inWorld("key-without-created-date", async (w) => {
            const made = await w.userHub("POST", "/access-key-management/v1/access-keys", {
                userId: w.sb.context.state.cxone.seed.adminUserId,
            });
            assert.strictEqual(made.status, 201);
            assert.ok(made.body.resultSet.accessKeyId);
            assert.ok(!("createdDate" in made.body.resultSet));
            const one = await w.userHub(
                "GET",
                `/access-key-management/v1/access-keys/${made.body.resultSet.accessKeyId}`,
            );
            assert.ok(!("createdDate" in one.body.resultSet));
            const list = await w.userHub("GET", "/access-key-management/v1/access-keys");
            for (const k of list.body.accessKeys) assert.ok(!("createdDate" in k));
        }));

    it("overload-as-500: the first UserHub call is 500 INTERNAL_ERROR, the next ones answer", () =>
        inWorld("overload-as-500", async (w) => {
            const first = await w.userHub("POST", "/authorization/v1/roles/search", {});
            assert.strictEqual(first.status, 500);
            assert.strictEqual(first.body.code, "INTERNAL_ERROR");
            assert.strictEqual(
                (await w.userHub("POST", "/authorization/v1/roles/search", {})).status,
                200,
            );
        }));

    it("employee-name-limit-30: a first or last name over 30 characters is 400 TOO_LONG; 30 passes", () =>
        inWorld("employee-name-limit-30", async (w) => {
            for (const [first, last, field] of [
                ["x".repeat(31), "Short", "firstName"],
                ["Short", "y".repeat(31), "lastName"],
            ]) {
                const r = await w.userHub(
                    "POST",
                    "/user-management/v1/users",
                    userHubPerson(first, last, `${field}@example.com`, "Agent"),
                );
                assert.strictEqual(r.status, 400);
                assert.strictEqual(r.body.code, "VALIDATION_FAILED");
                assert.deepStrictEqual(
                    r.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
                    [[field, "TOO_LONG"]],
                );
            }
            const ok = await w.userHub(
                "POST",
                "/user-management/v1/users",
                userHubPerson("x".repeat(30), "y".repeat(30), "thirty@example.com", "Agent"),
            );
            assert.strictEqual(ok.status, 201, JSON.stringify(ok.body));
        }));

    it("employee-notes-field: employees are answered with a notes field", () =>
        inWorld("employee-notes-field", async (w) => {
            const made = await w.userHub(
                "POST",
                "/user-management/v1/users",
                userHubPerson("No", "Tes", "no.tes@example.com", "Agent"),
            );
            const got = await w.userHub("GET", `/user-management/v1/users/${made.body.uuid}`);
            assert.strictEqual((got.body.user ?? got.body).notes, "");
        }));

    it("login-authenticator-search-absent: the search route answers 404", () =>
        inWorld("login-authenticator-search-absent", async (w) => {
            const r = await w.userHub("POST", "/authorization/v1/login-authenticator/search", {});
            assert.strictEqual(r.status, 404);
        }));
});
