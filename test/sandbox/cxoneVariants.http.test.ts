// The sandbox CXone's other worlds (sandbox/variants/cxone.ts), each shown by the answers that make
// it that world, on the UserHub host the product calls. The product's whole flow in each world:
// test/integration/variants.http and variants.engine.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createPublicKey, createVerify } from "crypto";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { SCIM_ERROR_SCHEMA as SCIM_ERROR } from "../../sandbox/cxone/errors";
import { CORE_USER, NICE_USER as NICE_EXT, PATCH_OP } from "../../sandbox/cxone/scimMapping";
import { discoveryHostFields } from "../../sandbox/cxone/hosts";
import { permissionKey } from "../../sandbox/variants/cxone";
import { scimPerson } from "../support/cxoneScimUser";
import { userHubPerson } from "../support/sandboxUserHub";

interface Answer {
    status: number;
    body: any; // CXone's JSON, read loosely
}

/** A sandbox in the given world, and UserHub as the admin's access key signs in to it. */
async function world(variant: string | string[]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-variant-"));
    const variants = typeof variant === "string" ? [variant] : variant;
    const sb: RunningSandbox = await startSandbox({ dir, variants });
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
    /** any request on any host; `headers` replace the admin's bearer token */
    const call = async (
        url: string,
        method: string,
        body?: unknown,
        headers: Record<string, string> = { Authorization: `Bearer ${token.access_token}` },
    ): Promise<Answer & { type: string }> => {
        const r = await fetch(url, {
            method,
            headers: { "Content-Type": "application/json", ...headers },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await r.text();
        let parsed: unknown = text;
        try {
            parsed = JSON.parse(text);
        } catch {
            /* not JSON: kept as text */
        }
        return { status: r.status, body: parsed, type: r.headers.get("content-type") ?? "" };
    };
    const stop = async () => {
        await sb.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    };
    return { sb, cx, hosts, token: token.access_token, userHub, call, stop };
}
type World = Awaited<ReturnType<typeof world>>;

async function inWorld(variant: string | string[], f: (w: World) => Promise<void>): Promise<void> {
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

    it("deactivate-repeated-refused: deactivating an employee or a role a second time is 409, word for word, nothing changed; unknown ones keep the service's answers", () =>
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
            assert.deepStrictEqual(again.body, {
                code: "USER_ALREADY_INACTIVE",
                details: `Users already deactivated: ${id}`,
                errors: [],
            });
            const unknown = await w.userHub("POST", "/user-management/v1/users/deactivate", {
                userIds: ["no-such-user"],
            });
            assert.strictEqual(unknown.status, 404, JSON.stringify(unknown.body));
            assert.strictEqual(unknown.body.code, "USER_NOT_FOUND");
            await w.userHub("POST", "/authorization/roleByPermissions", {
                displayName: "Twice Off",
            });
            const role = (await searchRoles(w, "Twice Off")).body.roles[0];
            const off = `/authorization/v1/roles/${role.roleId}`;
            assert.strictEqual((await w.userHub("PUT", off, { status: "INACTIVE" })).status, 200);
            // a refused change leaves the role as it was, to its last update
            const stored = w.sb.context.state.cxone.roles[role.roleId];
            stored.lastUpdateDate = "2020-01-01T00:00:00.000Z";
            // with a trailing slash, the role is still the one named
            const offAgain = await w.userHub("PUT", `${off}/`, { status: "INACTIVE" });
            assert.strictEqual(offAgain.status, 409);
            assert.deepStrictEqual(offAgain.body, {
                code: "ROLE_ALREADY_INACTIVE",
                details: `Role ${role.roleId} is already inactive`,
                errors: [],
            });
            assert.strictEqual(stored.lastUpdateDate, "2020-01-01T00:00:00.000Z");
            const noRole = await w.userHub("PUT", "/authorization/v1/roles/no-such-role", {
                status: "INACTIVE",
            });
            assert.strictEqual(noRole.status, 404, JSON.stringify(noRole.body));
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

/** the fields and codes of a UserHub refusal, in order */
const fieldsAndCodes = (r: Answer) =>
    (r.body.errors as { field: string; code: string }[]).map((e) => [e.field, e.code]);
const basicAuth = (id: string, secret: string) => ({
    Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
    "Content-Type": "application/x-www-form-urlencoded",
});
/** the claims of a JWT, after checking its signature against the tenant's JWKS */
async function verifiedClaims(w: World, jwt: string): Promise<Record<string, unknown>> {
    const jwks = (await w.call(`${w.sb.urls.cxone}/auth/jwks`, "GET")).body as {
        keys: Record<string, unknown>[];
    };
    const [h, c, sig] = jwt.split(".");
    const key = createPublicKey({ key: jwks.keys[0] as never, format: "jwk" });
    const ok = createVerify("RSA-SHA256").update(`${h}.${c}`).verify(key, sig, "base64url");
    assert.ok(ok, "signed with the tenant's key");
    return JSON.parse(Buffer.from(c, "base64url").toString("utf8"));
}

describe("sandbox CXone: each other world, answer by answer (variants/cxone.ts)", function () {
    this.timeout(20000);

    it("permissionKey: a console label as an upper-case constant, no stray underscores", () => {
        assert.strictEqual(
            permissionKey("Employees: Create and Edit"),
            "EMPLOYEES_CREATE_AND_EDIT",
        );
        assert.strictEqual(permissionKey("(Security) Access Keys!"), "SECURITY_ACCESS_KEYS");
    });

    it("permission-names-refused: the refusal word for word, labels inside objects too; an error answer passes", () =>
        inWorld("permission-names-refused", async (w) => {
            const r = await w.userHub("POST", "/authorization/roleByPermissions", {
                displayName: "By Label",
                permissions: [{ permission: "Employees: View" }, "EMPLOYEES_VIEW", "Agent: Login"],
            });
            assert.strictEqual(r.status, 400);
            assert.deepStrictEqual(r.body, {
                code: "INVALID_PERMISSION",
                details: "Unknown permission Employees: View, Agent: Login",
                errors: [
                    {
                        field: "permissions",
                        code: "INVALID",
                        message: "unknown: Employees: View, Agent: Login",
                    },
                ],
            });
            // a search refused by the service keeps its own answer
            const bad = await w.userHub("POST", "/authorization/v1/roles/search", {
                filter: { colour: ["red"] },
            });
            assert.strictEqual(bad.status, 400);
            assert.strictEqual(bad.body.errors[0].field, "filter.colour", JSON.stringify(bad.body));
            const agent = (await searchRoles(w, "Agent")).body.roles[0];
            assert.deepStrictEqual(agent.permissions, [{ permission: "AGENT_LOGIN" }]);
        }));

    it("role-search-filter-ignored: a search without a filter answers; a page without a size has 25; the added roles' shape", () =>
        inWorld("role-search-filter-ignored", async (w) => {
            const bare = await w.userHub("POST", "/authorization/v1/roles/search", {});
            assert.strictEqual(bare.status, 200, JSON.stringify(bare.body));
            assert.strictEqual(bare.body.totalRecords, 42);
            const paged = await w.userHub("POST", "/authorization/v1/roles/search", { page: {} });
            assert.strictEqual(paged.body.roles.length, 25);
            const state = w.sb.context.state.cxone.roles["00000000-0000-4000-8000-000000000001"];
            assert.strictEqual(state.displayName, "Team Role 01");
            assert.strictEqual(state.status, "ACTIVE");
            assert.strictEqual(state.description, "");
            assert.deepStrictEqual(state.permissions, [{ permission: "Employees: View" }]);
        }));

    it("role-search-filter-ignored: the added roles are kept across a restart, not made again", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-variant-again-"));
        try {
            const first = await startSandbox({ dir, variants: ["role-search-filter-ignored"] });
            const id = "00000000-0000-4000-8000-000000000007";
            first.context.state.cxone.roles[id].description = "changed by the operator";
            first.context.save();
            await first.stop();
            const second = await startSandbox({ dir, variants: ["role-search-filter-ignored"] });
            try {
                assert.strictEqual(
                    second.context.state.cxone.roles[id].description,
                    "changed by the operator",
                );
            } finally {
                await second.stop();
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("user-search-filter-ignored: top capped at 25, and other filters still apply", () =>
        inWorld("user-search-filter-ignored", async (w) => {
            for (let i = 0; i < 26; i++)
                await w.userHub(
                    "POST",
                    "/user-management/v1/users",
                    userHubPerson("Many", `N${i}`, `many.${i}@example.com`, "Agent"),
                );
            const r = await w.userHub("POST", "/user-management/v2/users/search", { top: 100 });
            assert.strictEqual(r.status, 200, JSON.stringify(r.body));
            assert.strictEqual(r.body.users.length, 25);
            assert.strictEqual(r.body.totalRecords, 27);
            const byName = await w.userHub("POST", "/user-management/v2/users/search", {
                filter: { lastName: ["N3"], emailAddress: ["nobody@example.com"] },
            });
            assert.deepStrictEqual(
                byName.body.users.map((u: { lastName: string }) => u.lastName),
                ["N3"],
            );
        }));

    it("employee-role-takes-id: the refusal word for word, on update too; no role is the service's own refusal; searches answer ids", () =>
        inWorld("employee-role-takes-id", async (w) => {
            const agent = (await searchRoles(w, "Agent")).body.roles[0];
            const refusal = {
                code: "VALIDATION_FAILED",
                details: "role: must be the id of an active role",
                errors: [{ field: "role", code: "INVALID", message: "role must be a role id" }],
            };
            const byName = await w.userHub(
                "POST",
                "/user-management/v1/users",
                userHubPerson("Ro", "Le", "ro.le@example.com", "Agent"),
            );
            assert.deepStrictEqual(byName.body, refusal);
            const made = await w.userHub(
                "POST",
                "/user-management/v1/users",
                userHubPerson("Ro", "Le", "ro.le@example.com", agent.roleId),
            );
            assert.strictEqual(made.status, 201);
            const put = await w.userHub(
                "PUT",
                "/user-management/v1/users",
                userHubPerson("Ro", "Le", "ro.le@example.com", "Agent", { id: made.body.uuid }),
            );
            assert.strictEqual(put.status, 400);
            assert.deepStrictEqual(put.body, refusal);
            const noRole = await w.userHub("POST", "/user-management/v1/users", {
                firstName: "No",
                lastName: "Role",
                emailAddress: "no.role@example.com",
            });
            assert.strictEqual(noRole.status, 400);
            assert.deepStrictEqual(fieldsAndCodes(noRole), [["role", "REQUIRED"]]);
            const found = await w.userHub("POST", "/user-management/v2/users/search", {
                filter: { userIds: [made.body.uuid] },
            });
            assert.strictEqual(found.body.users[0].role, agent.roleId);
        }));

    it("billable-ignored: searches answer no billable either", () =>
        inWorld("billable-ignored", async (w) => {
            const r = await w.userHub("POST", "/user-management/v2/users/search", {});
            assert.ok(r.body.users.length >= 1);
            for (const u of r.body.users) assert.ok(!("billable" in u), JSON.stringify(u));
        }));

    it("employee-name-limit-30: the refusal word for word; a body without a last name is the service's refusal", () =>
        inWorld("employee-name-limit-30", async (w) => {
            const r = await w.userHub(
                "POST",
                "/user-management/v1/users",
                userHubPerson("x".repeat(31), "Short", "long.first@example.com", "Agent"),
            );
            assert.deepStrictEqual(r.body, {
                code: "VALIDATION_FAILED",
                details: "firstName is too long (at most 30 characters)",
                errors: [
                    { field: "firstName", code: "TOO_LONG", message: "at most 30 characters" },
                ],
            });
            const noLast = await w.userHub("POST", "/user-management/v1/users", {
                firstName: "Only",
                emailAddress: "only.first@example.com",
                role: "Agent",
            });
            assert.strictEqual(noLast.status, 400);
            assert.deepStrictEqual(fieldsAndCodes(noLast), [["lastName", "REQUIRED"]]);
        }));

    it("overload-as-500: the first answer word for word", () =>
        inWorld("overload-as-500", async (w) => {
            const first = await w.userHub("POST", "/authorization/v1/roles/search", {});
            assert.deepStrictEqual(first.body, {
                code: "INTERNAL_ERROR",
                details: "Internal error",
                errors: [],
            });
        }));

    it("userhub-on-api-endpoint: UserHub's host answers 404 naming the path; only the ACD host serves /inContactAPI", () =>
        inWorld("userhub-on-api-endpoint", async (w) => {
            const gone = await w.call(
                `${w.hosts.userHub}/user-management/v2/users/search`,
                "POST",
                {},
            );
            assert.strictEqual(gone.status, 404);
            assert.strictEqual(gone.body.message, "No endpoint /user-management/v2/users/search");
            const acd = await w.call(
                `${w.hosts.acd}/inContactAPI/user-management/v2/users/search`,
                "POST",
                {},
            );
            assert.strictEqual(acd.status, 200, JSON.stringify(acd.body));
            const issuer = await w.call(
                `${w.sb.urls.cxone}/inContactAPI/user-management/v2/users/search`,
                "POST",
                {},
            );
            assert.strictEqual(issuer.status, 404);
        }));

    it("area-host-elsewhere: the issuer does not sign in access keys, the area host does", () =>
        inWorld("area-host-elsewhere", async (w) => {
            const body = {
                accessKeyId: w.cx.adminAccessKeyId,
                accessKeySecret: w.cx.adminAccessKeySecret,
            };
            const path = "/authentication/v1/token/access-key";
            const issuer = await w.call(`${w.sb.urls.cxone}${path}`, "POST", body, {});
            assert.strictEqual(issuer.status, 404);
            assert.strictEqual(issuer.body.message, `No endpoint POST ${path}`);
            assert.strictEqual(
                (await w.call(`${w.hosts.area}${path}`, "POST", body, {})).status,
                200,
            );
        }));

    it("login-page-elsewhere: the issuer has no sign-in page at /login, nor /login/", () =>
        inWorld("login-page-elsewhere", async (w) => {
            for (const p of ["/login", "/login/"]) {
                const r = await w.call(`${w.sb.urls.cxone}${p}`, "GET", undefined, {});
                assert.strictEqual(r.status, 404, p);
                assert.strictEqual(r.body.message, `No endpoint GET ${p}`);
            }
        }));

    it("token-camel-case: a refused sign-in keeps its own answer", () =>
        inWorld("token-camel-case", async (w) => {
            const r = await w.call(
                `${w.hosts.area}/authentication/v1/token/access-key`,
                "POST",
                { accessKeyId: w.cx.adminAccessKeyId, accessKeySecret: "wrong" },
                {},
            );
            assert.strictEqual(r.status, 401);
            assert.deepStrictEqual(r.body, {
                error: "invalid_client",
                errorDescription: "Invalid access key or secret",
            });
            const ok = await w.call(
                `${w.hosts.area}/authentication/v1/token/access-key`,
                "POST",
                { accessKeyId: w.cx.adminAccessKeyId, accessKeySecret: w.cx.adminAccessKeySecret },
                {},
            );
            assert.deepStrictEqual(Object.keys(ok.body).sort(), [
                "accessToken",
                "accessTokenExpiry",
                "idToken",
                "refreshToken",
                "tokenType",
            ]);
        }));

    it("token-sub-bare-id: id_tokens re-signed with a bare sub and no userId, in either casing", () =>
        inWorld(["token-sub-bare-id", "token-camel-case"], async (w) => {
            const userId = w.sb.context.state.cxone.seed.adminUserId;
            const form = new URLSearchParams({
                grant_type: "password",
                username: w.cx.adminAccessKeyId,
                password: w.cx.adminAccessKeySecret,
            }).toString();
            const r = await fetch(`${w.sb.urls.cxone}/auth/token`, {
                method: "POST",
                headers: basicAuth(w.cx.adminAccessKeyId, w.cx.adminAccessKeySecret),
                body: form,
            });
            const snake = (await r.json()) as { id_token: string };
            const claims = await verifiedClaims(w, snake.id_token);
            assert.strictEqual(claims.sub, userId);
            assert.ok(!("userId" in claims));
            const camel = await w.call(
                `${w.hosts.area}/authentication/v1/token/access-key`,
                "POST",
                { accessKeyId: w.cx.adminAccessKeyId, accessKeySecret: w.cx.adminAccessKeySecret },
                {},
            );
            const camelClaims = await verifiedClaims(w, camel.body.idToken);
            assert.strictEqual(camelClaims.sub, userId);
            assert.ok(!("userId" in camelClaims));
        }));

    it("scim-refuses-key-token: SCIM refuses an access-key token word for word, takes one from /auth/token; other routes take both", () =>
        inWorld("scim-refuses-key-token", async (w) => {
            const keyToken = w.token;
            const users = `${w.hosts.area}/scim/v2/Users`;
            const refused = await w.call(users, "GET");
            assert.strictEqual(refused.status, 401);
            assert.deepStrictEqual(refused.body, {
                schemas: [SCIM_ERROR],
                status: "401",
                detail: "access-key tokens are not accepted here",
            });
            assert.strictEqual(
                (await w.call(`${w.sb.urls.cxone}/scim/v2/Users`, "GET")).status,
                401,
            );
            assert.strictEqual(
                (await w.userHub("POST", "/authorization/v1/roles/search", {})).status,
                200,
                "UserHub takes the key token",
            );
            const r = await fetch(`${w.sb.urls.cxone}/auth/token`, {
                method: "POST",
                headers: basicAuth(w.cx.adminAccessKeyId, w.cx.adminAccessKeySecret),
                body: new URLSearchParams({
                    grant_type: "password",
                    username: w.cx.adminAccessKeyId,
                    password: w.cx.adminAccessKeySecret,
                }).toString(),
            });
            const oauth = ((await r.json()) as { access_token: string }).access_token;
            assert.notStrictEqual(oauth, keyToken);
            const ok = await w.call(users, "GET", undefined, { Authorization: `Bearer ${oauth}` });
            assert.strictEqual(ok.status, 200, JSON.stringify(ok.body));
        }));

    it("scim-phone-types-capitalised: the schemas list Work and Mobile; lower case refused word for word", () =>
        inWorld("scim-phone-types-capitalised", async (w) => {
            const scim = `${w.hosts.area}/scim/v2`;
            const typeOf = (schema: {
                attributes: {
                    name: string;
                    subAttributes?: { name: string; canonicalValues?: string[] }[];
                }[];
            }) =>
                schema.attributes
                    .find((a) => a.name === "phoneNumbers")!
                    .subAttributes!.find((a) => a.name === "type")!.canonicalValues;
            const list = await w.call(`${scim}/Schemas`, "GET");
            assert.strictEqual(list.status, 200);
            const core = list.body.Resources.find((d: { id: string }) => d.id === CORE_USER);
            assert.deepStrictEqual(typeOf(core), ["Work", "Mobile"]);
            const one = await w.call(`${scim}/Schemas/${CORE_USER}`, "GET");
            assert.deepStrictEqual(typeOf(one.body), ["Work", "Mobile"]);
            const bad = await w.call(
                `${scim}/Users`,
                "POST",
                scimPerson("phone.low@example.com", {
                    phoneNumbers: [{ value: "+1 555", type: "work" }],
                }),
            );
            assert.strictEqual(bad.status, 400);
            assert.deepStrictEqual(bad.body, {
                schemas: [SCIM_ERROR],
                status: "400",
                scimType: "invalidValue",
                detail: 'phoneNumbers.type "work" is not one of Work, Mobile',
            });
            for (const type of ["Work", "Mobile"]) {
                const ok = await w.call(
                    `${scim}/Users`,
                    "POST",
                    scimPerson(`phone.${type}@example.com`, {
                        phoneNumbers: [{ value: "+1 555", type }],
                    }),
                );
                assert.strictEqual(ok.status, 201, JSON.stringify(ok.body));
            }
        }));

    it("scim-timezone-windows-names: an IANA name refused in a body or a PATCH, a Windows name taken", () =>
        inWorld("scim-timezone-windows-names", async (w) => {
            const users = `${w.hosts.area}/scim/v2/Users`;
            const made = await w.call(
                users,
                "POST",
                scimPerson("tz@example.com", { timezone: "Eastern Standard Time" }),
            );
            assert.strictEqual(made.status, 201, JSON.stringify(made.body));
            const id = made.body.id;
            const refusal = (tz: string) => ({
                schemas: [SCIM_ERROR],
                status: "400",
                scimType: "invalidValue",
                detail: `timezone "${tz}" is not a Windows time zone name`,
            });
            const byPath = await w.call(`${users}/${id}`, "PATCH", {
                schemas: [PATCH_OP],
                Operations: [{ op: "replace", path: "timezone", value: "Europe/Paris" }],
            });
            assert.deepStrictEqual(byPath.body, refusal("Europe/Paris"));
            const byValue = await w.call(`${users}/${id}`, "PATCH", {
                schemas: [PATCH_OP],
                Operations: [{ op: "replace", value: { timezone: "America/Chicago" } }],
            });
            assert.deepStrictEqual(byValue.body, refusal("America/Chicago"));
            // refused means nothing changed
            assert.strictEqual(
                (await w.call(`${users}/${id}`, "GET")).body.timezone,
                "Eastern Standard Time",
            );
            // an operation without a value object is left to the service
            const noValue = await w.call(`${users}/${id}`, "PATCH", {
                schemas: [PATCH_OP],
                Operations: [{ op: "replace", value: null }],
            });
            assert.strictEqual(noValue.status, 400, JSON.stringify(noValue.body));
            assert.notStrictEqual(noValue.body.scimType, "invalidValue");
            const windows = await w.call(`${users}/${id}`, "PATCH", {
                schemas: [PATCH_OP],
                Operations: [{ op: "replace", value: { timezone: "Central Standard Time" } }],
            });
            assert.strictEqual(windows.status, 200, JSON.stringify(windows.body));
        }));

    it("scim-team-by-id: a team name refused, by the extension or its full path", () =>
        inWorld("scim-team-by-id", async (w) => {
            const users = `${w.hosts.area}/scim/v2/Users`;
            const made = await w.call(users, "POST", scimPerson("team@example.com"));
            assert.strictEqual(made.status, 201, JSON.stringify(made.body));
            const byPath = await w.call(`${users}/${made.body.id}`, "PATCH", {
                schemas: [PATCH_OP],
                Operations: [{ op: "replace", path: `${NICE_EXT}:team`, value: "Sales" }],
            });
            assert.strictEqual(byPath.status, 400);
            assert.strictEqual(byPath.body.detail, 'team "Sales" is not a team id');
        }));

    it("scim-email-untyped: every SCIM answer's emails come without a type", () =>
        inWorld("scim-email-untyped", async (w) => {
            const users = `${w.hosts.area}/scim/v2/Users`;
            const made = await w.call(users, "POST", scimPerson("untyped@example.com"));
            assert.strictEqual(made.status, 201, JSON.stringify(made.body));
            assert.deepStrictEqual(made.body.emails, [
                { value: "untyped@example.com", primary: true },
            ]);
            const one = await w.call(`${users}/${made.body.id}`, "GET");
            assert.deepStrictEqual(one.body.emails, [
                { value: "untyped@example.com", primary: true },
            ]);
            const list = await w.call(
                `${users}?filter=${encodeURIComponent('userName eq "untyped@example.com"')}`,
                "GET",
            );
            assert.strictEqual(list.body.Resources.length, 1);
            assert.deepStrictEqual(list.body.Resources[0].emails, [
                { value: "untyped@example.com", primary: true },
            ]);
        }));
});

/** the claims of a JWT, unchecked (the access tokens, which the tests above do not verify) */
const claimsOf = (jwt: string): Record<string, unknown> =>
    JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));

/** a new employee's id, made through UserHub */
const newEmployee = async (w: World, first: string, last: string): Promise<string> => {
    const made = await w.userHub(
        "POST",
        "/user-management/v1/users",
        userHubPerson(first, last, `${first}.${last}@example.com`.toLowerCase(), "Agent"),
    );
    assert.strictEqual(made.status, 201, JSON.stringify(made.body));
    return made.body.uuid;
};

/** the employees UserHub finds by one email address */
const byEmail = async (w: World, email: string): Promise<unknown[]> =>
    (
        await w.userHub("POST", "/user-management/v2/users/search", {
            filter: { emailAddress: [email] },
        })
    ).body.users;

describe("sandbox CXone: what each other world leaves as it was (variants/cxone.ts)", function () {
    this.timeout(20000);

    it("token-without-tenant: no tenant claim in the id_token nor the access token, the user still named", () =>
        inWorld("token-without-tenant", async (w) => {
            const r = await w.call(
                `${w.hosts.area}/authentication/v1/token/access-key`,
                "POST",
                { accessKeyId: w.cx.adminAccessKeyId, accessKeySecret: w.cx.adminAccessKeySecret },
                {},
            );
            assert.strictEqual(r.status, 200, JSON.stringify(r.body));
            const userId = w.sb.context.state.cxone.seed.adminUserId;
            for (const claims of [
                await verifiedClaims(w, r.body.id_token),
                claimsOf(r.body.access_token),
            ]) {
                for (const name of ["tenantId", "tenant_id", "tenant"])
                    assert.ok(!(name in claims), `${name} in ${JSON.stringify(claims)}`);
                assert.strictEqual(claims.sub, `user:${userId}`);
            }
        }));

    it("token-sub-bare-id: the access token's sub is bare too", () =>
        inWorld("token-sub-bare-id", async (w) => {
            const claims = claimsOf(w.token);
            assert.strictEqual(claims.sub, w.sb.context.state.cxone.seed.adminUserId);
            assert.ok(!("userId" in claims));
            assert.strictEqual(claims.tenantId, w.sb.context.state.cxone.tenantId);
        }));

    it("opaque-access-tokens: the access token is no JWT yet UserHub takes it; the id_token still names tenant and user", () =>
        inWorld("opaque-access-tokens", async (w) => {
            assert.notStrictEqual(w.token.split(".").length, 3, w.token);
            assert.strictEqual(
                (await w.userHub("POST", "/authorization/v1/roles/search", {})).status,
                200,
            );
            const r = await w.call(
                `${w.hosts.area}/authentication/v1/token/access-key`,
                "POST",
                { accessKeyId: w.cx.adminAccessKeyId, accessKeySecret: w.cx.adminAccessKeySecret },
                {},
            );
            const claims = await verifiedClaims(w, r.body.id_token);
            assert.strictEqual(claims.tenantId, w.sb.context.state.cxone.tenantId);
            assert.strictEqual(claims.userId, w.sb.context.state.cxone.seed.adminUserId);
        }));

    it("discovery-without-acd: no acdDomain nor cluster, the other fields kept", () =>
        inWorld("discovery-without-acd", async (w) => {
            const r = await w.call(
                `${w.sb.urls.cxone}/.well-known/cxone-configuration`,
                "GET",
                undefined,
                {},
            );
            assert.strictEqual(r.status, 200, JSON.stringify(r.body));
            const { acdDomain, cluster, ...rest } = discoveryHostFields(w.hosts);
            assert.ok(acdDomain && cluster, "the default world names both");
            assert.deepStrictEqual(
                Object.keys(r.body).sort(),
                ["private", "tenantId", "tenantName", ...Object.keys(rest)].sort(),
            );
            assert.strictEqual(r.body.area, "na1");
            assert.strictEqual(r.body.tenantId, w.sb.context.state.cxone.tenantId);
        }));

    it("deactivate-repeated-refused: every deactivated one named, the others in the request left active; a malformed list is the service's refusal", () =>
        inWorld("deactivate-repeated-refused", async (w) => {
            const [a, b, c] = [
                await newEmployee(w, "Off", "One"),
                await newEmployee(w, "Off", "Two"),
                await newEmployee(w, "Still", "On"),
            ];
            const off = await w.userHub("POST", "/user-management/v1/users/deactivate", {
                userIds: [a, b],
            });
            assert.strictEqual(off.status, 200, JSON.stringify(off.body));
            const again = await w.userHub("POST", "/user-management/v1/users/deactivate", {
                userIds: [a, c, b],
            });
            assert.strictEqual(again.status, 409);
            assert.strictEqual(again.body.details, `Users already deactivated: ${a}, ${b}`);
            const still = w.sb.context.state.cxone.users[c];
            assert.ok(!["BLOCKED", "DELETED"].includes(still.status), still.status);
            const malformed = await w.userHub("POST", "/user-management/v1/users/deactivate", {
                userIds: [[a]],
            });
            assert.strictEqual(malformed.status, 400, JSON.stringify(malformed.body));
            assert.notStrictEqual(malformed.body.code, "USER_ALREADY_INACTIVE");
        }));

    it("permission-names-refused: a refused role is not made; a role without permissions is", () =>
        inWorld("permission-names-refused", async (w) => {
            const refused = await w.userHub("POST", "/authorization/roleByPermissions", {
                displayName: "Labelled",
                permissions: ["Employees: View"],
            });
            assert.strictEqual(refused.status, 400);
            assert.strictEqual((await searchRoles(w, "Labelled")).body.totalRecords, 0);
            const none = await w.userHub("POST", "/authorization/roleByPermissions", {
                displayName: "Bare",
            });
            assert.strictEqual(none.status, 200, JSON.stringify(none.body));
            assert.deepStrictEqual((await searchRoles(w, "Bare")).body.roles[0].permissions, []);
            const notAPermission = await w.userHub("POST", "/authorization/roleByPermissions", {
                displayName: "Nulls",
                permissions: [null],
            });
            assert.strictEqual(notAPermission.status, 400, JSON.stringify(notAPermission.body));
            assert.strictEqual((await searchRoles(w, "Nulls")).body.totalRecords, 0);
        }));

    it("employee-role-takes-id: a list holding the role id is no role id", () =>
        inWorld("employee-role-takes-id", async (w) => {
            const { roleId } = (await searchRoles(w, "Agent")).body.roles[0];
            const person = userHubPerson("Li", "St", "li.st@example.com", "Agent");
            const r = await w.userHub("POST", "/user-management/v1/users", {
                ...person,
                role: [roleId],
            });
            assert.strictEqual(r.status, 400);
            assert.deepStrictEqual(fieldsAndCodes(r), [["role", "INVALID"]]);
            assert.deepStrictEqual(await byEmail(w, "li.st@example.com"), []);
        }));

    it("employee-name-limit-30: a refused employee is not made", () =>
        inWorld("employee-name-limit-30", async (w) => {
            const r = await w.userHub(
                "POST",
                "/user-management/v1/users",
                userHubPerson("Short", "y".repeat(31), "long.last@example.com", "Agent"),
            );
            assert.strictEqual(r.status, 400);
            assert.deepStrictEqual(await byEmail(w, "long.last@example.com"), []);
        }));

    it("role-search-filter-ignored and user-search-filter-ignored: a null or odd page or filter is the service's to answer", async () => {
        await inWorld("role-search-filter-ignored", async (w) => {
            for (const page of [null, 7]) {
                const r = await w.userHub("POST", "/authorization/v1/roles/search", { page });
                assert.strictEqual(r.status, 200, `${page}: ${JSON.stringify(r.body)}`);
                assert.strictEqual(r.body.totalRecords, 42);
            }
        });
        await inWorld("user-search-filter-ignored", async (w) => {
            const r = await w.userHub("POST", "/user-management/v2/users/search", {
                filter: null,
            });
            assert.strictEqual(r.status, 200, JSON.stringify(r.body));
            assert.ok(r.body.users.length >= 1);
        });
    });

    it("role-update-absent: the role search beside the update route still answers", () =>
        inWorld("role-update-absent", async (w) => {
            const agent = (await searchRoles(w, "Agent")).body.roles[0];
            assert.ok(agent.roleId);
            const put = await w.userHub("PUT", `/authorization/v1/roles/${agent.roleId}`, {
                description: "x",
            });
            assert.strictEqual(put.status, 404);
        }));

    it("scim-phone-types-capitalised and scim-timezone-windows-names: a user without phones or a time zone is taken", async () => {
        for (const variant of ["scim-phone-types-capitalised", "scim-timezone-windows-names"])
            await inWorld(variant, async (w) => {
                const made = await w.call(
                    `${w.hosts.area}/scim/v2/Users`,
                    "POST",
                    scimPerson("plain@example.com"),
                );
                assert.strictEqual(made.status, 201, `${variant}: ${JSON.stringify(made.body)}`);
            });
    });

    it("scim-email-untyped: an answer without emails (an unknown user) passes as it is", () =>
        inWorld("scim-email-untyped", async (w) => {
            const r = await w.call(`${w.hosts.area}/scim/v2/Users/no-such-user`, "GET");
            assert.strictEqual(r.status, 404, JSON.stringify(r.body));
            assert.deepStrictEqual(r.body.schemas, [SCIM_ERROR]);
        }));

    it("scim-refuses-key-token: refused however many spaces follow Bearer; another scheme is the service's own refusal", () =>
        inWorld("scim-refuses-key-token", async (w) => {
            const users = `${w.hosts.area}/scim/v2/Users`;
            const spaced = await w.call(users, "GET", undefined, {
                Authorization: `Bearer   ${w.token}`,
            });
            assert.strictEqual(spaced.status, 401);
            assert.strictEqual(spaced.body.detail, "access-key tokens are not accepted here");
            const other = await w.call(users, "GET", undefined, {
                Authorization: `NotBearer ${w.token}`,
            });
            assert.strictEqual(other.status, 401);
            assert.notStrictEqual(other.body.detail, "access-key tokens are not accepted here");
        }));

    it("login-page-elsewhere: only {issuer}/login is gone; other paths and hosts answer as in the default world", async () => {
        const answers = async (variants: string[]) => {
            const out: number[] = [];
            await inWorld(variants, async (w) => {
                for (const url of [
                    `${w.hosts.area}/login`,
                    `${w.hosts.userHub}/login`,
                    `${w.sb.urls.cxone}/sso/login`,
                    `${w.sb.urls.cxone}/login/help`,
                ])
                    out.push((await w.call(url, "GET", undefined, {})).status);
            });
            return out;
        };
        assert.deepStrictEqual(await answers(["login-page-elsewhere"]), await answers([]));
    });
});
