// Attribute mappings end to end on the real engine (integrationFixture, root program).
// The stack maps Okta's department to CXone's team (NICE extension) and the time zone; people's
// profiles are changed in Okta, Okta pushes (console sync), and CXone is read through its own SCIM
// API. Then the mapping is changed and removed in the stack, changed out of band (drift), and
// given bad input. The tests run in order: each builds on the state the previous one left.
import { strict as assert } from "assert";
import axios from "axios";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { completeConsoleSteps } from "../../sandbox/operator";
import { integrationFixture, writes, type IntegrationFixture } from "../support/integrationStack";
import { oktaAdmin, oktaConsole, resultFor } from "../support/scimWorld";

const NICE = "urn:ietf:params:scim:schemas:extension:nice:2.0:User";
const KEY = "cxone-okta-scim:attributeMappings";
const OURS = ["AppUserSchemaProperties", "ProfileMapping"] as const;

interface CxoneScimUser {
    userName: string;
    timezone?: string;
    phoneNumbers?: { type?: string; primary?: boolean; value: string }[];
    [NICE]: { team?: string; loginAuthenticator: string };
}

describe("attribute mappings Okta -> CXone (real engine, sandbox)", function () {
    this.timeout(300_000);
    let f: IntegrationFixture;
    let appId: string;
    let ana: string;
    let okta: ReturnType<typeof oktaAdmin>;
    let con: ReturnType<typeof oktaConsole>;
    const http = axios.create({ validateStatus: () => true, proxy: false });
    const oktaApi = async (method: string, path: string, data?: unknown) => {
        const res = await http.request({
            method,
            url: `${f.sandbox.urls.okta}${path}`,
            data,
            headers: { Authorization: `SSWS ${f.sandbox.endpoints.okta.apiToken}` },
        });
        assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.data)}`);
        return res.data;
    };
    const setProfile = (userId: string, profile: Record<string, string>) =>
        oktaApi("POST", `/api/v1/users/${userId}`, { profile });
    const mapping = async (): Promise<Record<string, { expression: string }>> => {
        const [m] = await oktaApi("GET", `/api/v1/mappings?targetId=${appId}`);
        return (await oktaApi("GET", `/api/v1/mappings/${m.id}`)).properties;
    };
    const customProps = async (): Promise<Record<string, { externalName: string }>> =>
        (await oktaApi("GET", `/api/v1/meta/schemas/apps/${appId}/default`)).definitions.custom
            .properties;
    let cxToken: string | undefined;
    const cxoneUser = async (userName: string): Promise<CxoneScimUser> => {
        const base = f.sandbox.urls.cxone;
        if (!cxToken) {
            const c = f.sandbox.endpoints.cxone;
            cxToken = (
                await http.post(`${base}/authentication/v1/token/access-key`, {
                    accessKeyId: c.adminAccessKeyId,
                    accessKeySecret: c.adminAccessKeySecret,
                })
            ).data.access_token;
        }
        const res = await http.get(`${base}/scim/v2/Users`, {
            params: { filter: `userName eq "${userName}"` },
            headers: { Authorization: `Bearer ${cxToken}` },
        });
        assert.equal(res.status, 200, JSON.stringify(res.data));
        assert.equal(res.data.totalResults, 1, `${userName} in CXone`);
        return res.data.Resources[0];
    };
    const push = async (userId: string) => {
        const { results } = await con.sync(appId);
        assert.notEqual(resultFor(results, userId).action, "failed", JSON.stringify(results));
    };
    /** Planned operation of our two resources in a preview (engine events), "same" when none. */
    const planned = async (refresh = true) => {
        const ops: Record<string, string> = {
            AppUserSchemaProperties: "same",
            ProfileMapping: "same",
        };
        const before = writes(f.sandbox).length;
        const pv = await f.stack.preview({
            refresh,
            diff: true,
            onEvent: (e: EngineEvent) => {
                const m = e.resourcePreEvent?.metadata;
                const type = m?.type.match(/^pulumi-nodejs:dynamic\/okta:(\w+)$/)?.[1];
                if (
                    m &&
                    type &&
                    (OURS as readonly string[]).includes(type) &&
                    !["same", "refresh", "read"].includes(m.op)
                )
                    ops[type] = m.op;
            },
        });
        assert.equal(writes(f.sandbox).length, before, "a preview writes nothing");
        return { ops, stdout: pv.stdout };
    };

    before(async () => {
        f = await integrationFixture("attr-mappings", {
            [KEY]: JSON.stringify({ "nice:team": "user.department", timezone: "user.timezone" }),
        });
        okta = oktaAdmin(f.sandbox);
        con = oktaConsole(f.sandbox);
        const groupId = await okta.groupId("CXone Agents");
        await f.stack.stack.setConfig("cxone-okta-scim:groupIds", {
            value: JSON.stringify([groupId]),
        });
        assert.equal((await f.stack.up()).summary.result, "succeeded");
        const o = await f.outputs();
        appId = o.appId;
        const auth = await completeConsoleSteps(f.sandbox.urls.okta, o, {
            email: f.sandbox.endpoints.cxone.adminEmail,
            password: f.sandbox.endpoints.cxone.adminPassword,
        });
        assert.ok(auth.ok, auth.page);
        await f.stack.up();
        assert.equal((await f.outputs()).connectionStatus, "authorized");
        ana = (await okta.user("ana.agent@example.com")).id;
    });
    after(async () => {
        await f?.sandbox.stop();
    });

    it("up declared the schema properties and the mapping in Okta", async () => {
        const props = await customProps();
        assert.deepEqual(Object.keys(props).sort(), ["niceTeam", "timezone"]);
        assert.equal(props.niceTeam.externalName, "team");
        const m = await mapping();
        assert.equal(m.niceTeam.expression, "user.department");
        assert.equal(m.timezone.expression, "user.timezone");
        assert.equal(m.givenName.expression, "user.firstName", "the seed's mappings are kept");
    });

    it("the mapped attributes reach CXone, the team in NICE's extension", async () => {
        await setProfile(ana, { department: "Sales", timezone: "America/New_York" });
        await push(ana);
        const u = await cxoneUser("ana.agent@example.com");
        assert.equal(u[NICE].team, "Sales");
        assert.equal(u.timezone, "America/New_York");
    });

    it("a department change in Okta changes the CXone user's team", async () => {
        await setProfile(ana, { department: "Support" });
        await push(ana);
        assert.equal((await cxoneUser("ana.agent@example.com"))[NICE].team, "Support");
    });

    it("a changed mapping in the stack: preview shows it, up applies it, the next push uses it", async () => {
        await f.stack.stack.setConfig(KEY, {
            value: JSON.stringify({
                "nice:team": "String.toUpperCase(user.department)",
                timezone: "user.timezone",
                "phoneNumbers.work": "user.primaryPhone",
            }),
        });
        const { ops, stdout } = await planned();
        assert.deepEqual(ops, { AppUserSchemaProperties: "update", ProfileMapping: "update" });
        assert.match(
            stdout,
            /String\.toUpperCase\(user\.department\)/,
            "the preview shows the new expression",
        );
        assert.equal(
            (await mapping()).niceTeam.expression,
            "user.department",
            "nothing applied by the preview",
        );

        assert.equal((await f.stack.up()).summary.result, "succeeded");
        assert.equal((await mapping()).niceTeam.expression, "String.toUpperCase(user.department)");
        // the work phone is Okta's base primaryPhone: mapped onto, never added as our own
        assert.equal((await mapping()).primaryPhone.expression, "user.primaryPhone");
        assert.equal((await customProps()).primaryPhone, undefined);
        await setProfile(ana, { primaryPhone: "+1 555 0100" });
        await push(ana);
        const u = await cxoneUser("ana.agent@example.com");
        assert.equal(u[NICE].team, "SUPPORT");
        assert.deepEqual(
            u.phoneNumbers?.map((p) => [p.primary, p.value]),
            [[true, "+1 555 0100"]],
        );
    });

    it("drift: a mapping edited and a schema property deleted in Okta show in preview and up repairs both", async () => {
        const [m] = await oktaApi("GET", `/api/v1/mappings?targetId=${appId}`);
        await oktaApi("POST", `/api/v1/mappings/${m.id}`, {
            properties: { niceTeam: { expression: "user.title" } },
        });
        await oktaApi("POST", `/api/v1/meta/schemas/apps/${appId}/default`, {
            definitions: { custom: { properties: { timezone: null } } },
        });
        const { ops } = await planned();
        assert.deepEqual(ops, { AppUserSchemaProperties: "update", ProfileMapping: "update" });
        await f.stack.up();
        assert.equal((await mapping()).niceTeam.expression, "String.toUpperCase(user.department)");
        assert.equal((await mapping()).timezone.expression, "user.timezone");
        assert.equal((await customProps()).timezone.externalName, "timezone");
        assert.deepEqual((await planned()).ops, {
            AppUserSchemaProperties: "same",
            ProfileMapping: "same",
        });
    });

    it("a removed mapping: the attribute is no longer pushed (the time zone still is)", async () => {
        await f.stack.stack.setConfig(KEY, {
            value: JSON.stringify({ timezone: "user.timezone" }),
        });
        await f.stack.up();
        assert.deepEqual(
            Object.keys(await customProps()),
            ["timezone"],
            "the properties we added are gone",
        );
        assert.equal((await mapping()).niceTeam, undefined);
        await setProfile(ana, { department: "Billing", timezone: "Europe/Paris" });
        await push(ana);
        const u = await cxoneUser("ana.agent@example.com");
        assert.equal(u.timezone, "Europe/Paris", "a push happened");
        assert.equal(u[NICE].team, "SUPPORT", "the team is no longer pushed");
    });

    it("bad maps are refused naming the key typed, with zero writes (preview and up)", async () => {
        const good = JSON.stringify({ timezone: "user.timezone" });
        const cases: [string, RegExp][] = [
            [
                JSON.stringify({ "nice:teams": "user.department" }),
                /attributeMappings\["nice:teams"\]: unknown CXone attribute "nice:teams" \(did you mean "nice:team"\?\)/,
            ],
            [
                JSON.stringify({ timezone: "user.timezone +" }),
                /attributeMappings\["timezone"\]: "timezone": malformed expression/,
            ],
            ["{not json", /cxone-okta-scim:attributeMappings must be a JSON object/],
        ];
        // each map through one command, up and preview in turn (the same program code refuses
        // them; every bad map's message is proven in integration/attributeMappings.unit and
        // okta/attributeMappings.unit): the engine shows the message and writes nothing
        for (const [i, [value, names]] of cases.entries()) {
            await f.stack.stack.setConfig(KEY, { value });
            const before = writes(f.sandbox).length;
            await assert.rejects(i % 2 === 0 ? f.stack.up() : f.stack.preview(), (e: Error) => {
                assert.match(e.message, names);
                return true;
            });
            assert.equal(writes(f.sandbox).length, before, `no write for ${value}`);
        }
        await f.stack.stack.setConfig(KEY, { value: good });
        assert.deepEqual((await planned()).ops, {
            AppUserSchemaProperties: "same",
            ProfileMapping: "same",
        });
    });

    it("with no map, the seed's fields only: what the stack added goes, the rest of Okta's profile stays", async () => {
        // An admin's own property and mapping, made by hand in Okta: not the stack's to remove.
        const [m] = await oktaApi("GET", `/api/v1/mappings?targetId=${appId}`);
        await oktaApi("POST", `/api/v1/meta/schemas/apps/${appId}/default`, {
            definitions: {
                custom: {
                    properties: {
                        costCenter: {
                            title: "Cost center",
                            type: "string",
                            externalName: "costCenter",
                            externalNamespace: "urn:example:hand-made",
                        },
                    },
                },
            },
        });
        await oktaApi("POST", `/api/v1/mappings/${m.id}`, {
            properties: { costCenter: { expression: "user.costCenter" } },
        });

        await f.stack.stack.removeConfig(KEY);
        await f.stack.up();
        assert.deepEqual(
            Object.keys(await customProps()),
            ["costCenter"],
            "only the stack's timezone went",
        );
        // Okta's own mappings of its base set stay, and so does the admin's
        assert.deepEqual(Object.keys(await mapping()).sort(), [
            "costCenter",
            "email",
            "familyName",
            "givenName",
            "honorificPrefix",
            "honorificSuffix",
            "middleName",
            "mobilePhone",
            "primaryEmailType",
            "primaryPhone",
            "secondEmail",
        ]);
        await setProfile(ana, { firstName: "Anna" });
        await push(ana);
        const u = await cxoneUser("ana.agent@example.com");
        assert.equal(u.timezone, "Europe/Paris", "kept by CXone, no longer pushed");
    });
});
