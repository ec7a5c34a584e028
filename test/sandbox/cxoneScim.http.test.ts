// The SCIM 2.0 server Okta talks to: same store as UserHub, RFC 7644 behaviour where NICE's spec
// is silent (filter, PATCH Operations, 409 on duplicates, ListResponse paging).
import assert from "assert";
import axios, { type AxiosInstance } from "axios";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { scimPerson } from "../support/cxoneScimUser";

const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

describe("CXone sandbox: SCIM 2.0", function () {
    this.timeout(20000);
    let sb: RunningSandbox;
    let scim: AxiosInstance;
    let api: AxiosInstance;
    let dir: string;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-scim-"));
        sb = await startSandbox({ dir });
        const t = await axios.post(`${sb.urls.cxone}/authentication/v1/token/access-key`, {
            accessKeyId: sb.endpoints.cxone.adminAccessKeyId,
            accessKeySecret: sb.endpoints.cxone.adminAccessKeySecret,
        });
        const headers = { authorization: `Bearer ${t.data.access_token}` };
        scim = axios.create({
            baseURL: `${sb.urls.cxone}/scim/v2`,
            validateStatus: () => true,
            headers: { ...headers, "content-type": "application/scim+json" },
        });
        api = axios.create({ baseURL: sb.urls.cxone, validateStatus: () => true, headers });
    });
    after(() => sb.stop());

    const assertScimError = (
        r: { status: number; data: Record<string, unknown> },
        status: number,
        scimType?: string,
    ) => {
        assert.strictEqual(r.status, status, JSON.stringify(r.data));
        assert.deepStrictEqual(r.data.schemas, [ERROR]);
        assert.strictEqual(r.data.status, String(status));
        if (scimType) assert.strictEqual(r.data.scimType, scimType);
        assert.ok(r.data.detail);
    };

    let id: string;
    it("creates a user with the Agent role, visible through UserHub", async () => {
        const r = await scim.post(
            "/Users",
            scimPerson("ana.agent@example.com", { externalId: "00u1" }),
        );
        assert.strictEqual(r.status, 201, JSON.stringify(r.data));
        assert.match(String(r.headers["content-type"]), /application\/scim\+json/);
        id = r.data.id;
        assert.strictEqual(r.data.userName, "ana.agent@example.com");
        assert.strictEqual(r.data.active, true);
        assert.strictEqual(r.data.externalId, "00u1");
        assert.strictEqual(r.data.meta.resourceType, "User");
        assert.strictEqual(r.headers.location, `${sb.urls.cxone}/scim/v2/Users/${id}`);
        const u = (await api.get(`/user-management/v1/users/${id}`)).data.user;
        assert.strictEqual(u.role, "Agent");
        assert.strictEqual(u.firstName, "Ana");
        assert.strictEqual(u.emailAddress, "ana.agent@example.com");
    });

    it("answers 409 uniqueness on a duplicate userName (any case) and 400 on missing attributes", async () => {
        assertScimError(
            await scim.post("/Users", scimPerson("ANA.agent@example.com")),
            409,
            "uniqueness",
        );
        assertScimError(
            await scim.post("/Users", { schemas: [CORE], userName: "x@example.com" }),
            400,
            "invalidValue",
        );
        assertScimError(
            await scim.post("/Users", { ...scimPerson("y@example.com"), emails: [] }),
            400,
            "invalidValue",
        );
        assertScimError(
            await scim.post("/Users", { ...scimPerson("z@example.com"), name: { givenName: "Z" } }),
            400,
            "invalidValue",
        );
        const bad = await scim.post("/Users", "{oops");
        assert.strictEqual(bad.status, 400);
    });

    it("filters on userName eq (case-insensitively) and returns a ListResponse", async () => {
        const r = await scim.get("/Users", {
            params: { filter: 'userName eq "Ana.Agent@example.com"' },
        });
        assert.strictEqual(r.status, 200);
        assert.deepStrictEqual(r.data.schemas, [LIST]);
        assert.strictEqual(r.data.totalResults, 1);
        assert.strictEqual(r.data.startIndex, 1);
        assert.strictEqual(r.data.itemsPerPage, 1);
        assert.strictEqual(r.data.Resources[0].id, id);
        const none = await scim.get("/Users", {
            params: { filter: 'userName eq "nobody@example.com"' },
        });
        assert.strictEqual(none.data.totalResults, 0);
        assert.deepStrictEqual(none.data.Resources, []);
        assertScimError(
            await scim.get("/Users", { params: { filter: "userName eq" } }),
            400,
            "invalidFilter",
        );
    });

    it("pages with startIndex and count", async () => {
        await scim.post("/Users", scimPerson("ben@example.com"));
        await scim.post("/Users", scimPerson("chloe@example.com"));
        const all = await scim.get("/Users");
        assert.strictEqual(all.data.totalResults, 4); // the admin, Ana, Ben, Chloe
        const page = await scim.get("/Users", { params: { startIndex: 2, count: 2 } });
        assert.strictEqual(page.data.totalResults, 4);
        assert.strictEqual(page.data.startIndex, 2);
        assert.strictEqual(page.data.itemsPerPage, 2);
        assert.deepStrictEqual(
            page.data.Resources.map((u: { id: string }) => u.id),
            all.data.Resources.slice(1, 3).map((u: { id: string }) => u.id),
        );
    });

    it("gets, and 404s in SCIM shape", async () => {
        assert.strictEqual((await scim.get(`/Users/${id}`)).data.id, id);
        assertScimError(await scim.get("/Users/nope"), 404);
    });

    it("replaces with PUT and refuses a userName taken by another user", async () => {
        const cur = (await scim.get(`/Users/${id}`)).data;
        const r = await scim.put(`/Users/${id}`, {
            ...cur,
            name: { givenName: "Anna", familyName: "Agent" },
        });
        assert.strictEqual(r.status, 200);
        assert.strictEqual(r.data.name.givenName, "Anna");
        assertScimError(
            await scim.put(`/Users/${id}`, { ...cur, userName: "ben@example.com" }),
            409,
            "uniqueness",
        );
        assertScimError(await scim.put(`/Users/nope`, cur), 404);
    });

    it("PATCH with Operations: path and path-less replace; active=false deactivates the CXone user", async () => {
        const r = await scim.patch(`/Users/${id}`, {
            schemas: [PATCH],
            Operations: [{ op: "replace", path: "name.familyName", value: "Agentova" }],
        });
        assert.strictEqual(r.status, 200, JSON.stringify(r.data));
        assert.strictEqual(r.data.name.familyName, "Agentova");
        const off = await scim.patch(`/Users/${id}`, {
            schemas: [PATCH],
            Operations: [{ op: "Replace", value: { active: false } }],
        });
        assert.strictEqual(off.status, 200, JSON.stringify(off.data));
        assert.strictEqual(off.data.active, false);
        assert.strictEqual(
            (await api.get(`/user-management/v1/users/${id}`)).data.user.status,
            "BLOCKED",
        );
        const on = await scim.patch(`/Users/${id}`, {
            schemas: [PATCH],
            Operations: [{ op: "replace", path: "active", value: true }],
        });
        assert.strictEqual(on.data.active, true);
        assert.strictEqual(
            (await api.get(`/user-management/v1/users/${id}`)).data.user.status,
            "ACTIVE",
        );
        assertScimError(
            await scim.patch(`/Users/${id}`, {
                schemas: [PATCH],
                Operations: [{ op: "jump", path: "active", value: true }],
            }),
            400,
        );
        assertScimError(await scim.patch(`/Users/${id}`, { Operations: [] }), 400);
        assertScimError(
            await scim.patch(`/Users/${id}`, {
                schemas: [PATCH],
                Operations: [{ op: "replace", path: "userName", value: "ben@example.com" }],
            }),
            409,
            "uniqueness",
        );
    });

    it("serves the Schemas", async () => {
        const r = await scim.get("/Schemas");
        assert.strictEqual(r.status, 200);
        assert.deepStrictEqual(r.data.schemas, [LIST]);
        const ids = r.data.Resources.map((s: { id: string }) => s.id);
        assert.ok(ids.includes(CORE));
        assert.ok(ids.includes("urn:ietf:params:scim:schemas:extension:nice:2.0:User"));
    });

    it("fails creation while no active Agent role exists", async () => {
        const agent = (
            await api.post("/authorization/v1/roles/search", { filter: { roleName: ["Agent"] } })
        ).data.roles[0];
        // Agent holders must go first: a role held by active employees cannot be deactivated
        const holders = (
            await api.post("/user-management/v2/users/search", {
                filter: { roleIds: [agent.roleId], statuses: ["ACTIVE"] },
            })
        ).data.users;
        assert.ok(holders.length > 0);
        assert.strictEqual(
            (await api.put(`/authorization/v1/roles/${agent.roleId}`, { status: "INACTIVE" }))
                .status,
            409,
        );
        await api.post("/user-management/v1/users/deactivate", {
            userIds: holders.map((u: { id: string }) => u.id),
        });
        assert.strictEqual(
            (await api.put(`/authorization/v1/roles/${agent.roleId}`, { status: "INACTIVE" }))
                .status,
            200,
        );
        assertScimError(await scim.post("/Users", scimPerson("dan@example.com")), 400);
        await api.put(`/authorization/v1/roles/${agent.roleId}`, { status: "ACTIVE" });
        assert.strictEqual((await scim.post("/Users", scimPerson("dan@example.com"))).status, 201);
    });

    it("needs a bearer token", async () => {
        const r = await axios.get(`${sb.urls.cxone}/scim/v2/Users`, { validateStatus: () => true });
        assert.strictEqual(r.status, 401);
    });

    it("a userName stored in mixed case is found by userName eq and emails.value eq in any case", async () => {
        // userName and emails are caseExact=false (RFC 7643): the stored spelling must not matter
        const r = await scim.post("/Users", scimPerson("Mixed.Case@Example.COM"));
        assert.strictEqual(r.status, 201, JSON.stringify(r.data));
        assert.strictEqual(r.data.userName, "Mixed.Case@Example.COM", "kept as given");
        for (const filter of [
            'userName eq "mixed.case@example.com"',
            'userName eq "MIXED.CASE@EXAMPLE.COM"',
            'userName eq "Mixed.Case@Example.COM"',
            'emails.value eq "mixed.case@example.com"',
            'emails[value eq "MIXED.case@example.com"]',
        ]) {
            const found = await scim.get("/Users", { params: { filter } });
            assert.deepStrictEqual(
                found.data.Resources.map((u: { id: string }) => u.id),
                [r.data.id],
                filter,
            );
        }
    });
    describe("what the sandbox answers at the edges", () => {
        it("a user POSTed inactive is created deactivated, billable, with no secondary roles", async () => {
            const r = await scim.post(
                "/Users",
                scimPerson("inactive.at.birth@example.com", { active: false }),
            );
            assert.strictEqual(r.status, 201, JSON.stringify(r.data));
            assert.strictEqual(r.data.active, false);
            const stored = sb.context.state.cxone.users[r.data.id];
            assert.strictEqual(stored.status, "BLOCKED");
            assert.strictEqual(stored.billable, true);
            assert.deepStrictEqual(stored.secondaryRoleIds, []);
            const saved = JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8"));
            assert.ok(saved.cxone.users[r.data.id], "saved");
        });
        it("a body it cannot take is invalidValue, naming the problem", async () => {
            const r = await scim.post("/Users", scimPerson("no.name@example.com", { name: {} }));
            assertScimError(r, 400, "invalidValue");
            assert.match(String(r.data.detail), /givenName/);
        });
        it("a repeated filter parameter is invalidFilter", async () => {
            const r = await scim.get(
                "/Users?filter=userName%20eq%20%22a%22&filter=userName%20eq%20%22b%22",
            );
            assertScimError(r, 400, "invalidFilter");
            assert.match(String(r.data.detail), /filter/);
        });
        it("an unknown user is 404 naming its id", async () => {
            const r = await scim.get("/Users/no-such-id");
            assertScimError(r, 404);
            assert.match(String(r.data.detail), /no-such-id/);
        });
        it("each schema is served at its own id; an unknown one is 404", async () => {
            for (const id of [CORE, "urn:ietf:params:scim:schemas:extension:nice:2.0:User"]) {
                const r = await scim.get(`/Schemas/${id}`);
                assert.strictEqual(r.status, 200, id);
                assert.strictEqual(r.data.id, id);
            }
            const none = await scim.get("/Schemas/urn:nope");
            assertScimError(none, 404);
            assert.match(String(none.data.detail), /urn:nope/);
        });
    });
});
