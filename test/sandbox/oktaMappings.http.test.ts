// Okta's app user schema and profile mapping APIs in the sandbox, the SCIM body the provisioning
// engine builds from them, and the AppUserSchemaProperties / ProfileMapping providers over real
// HTTP: create, read (drift), update (repair), delete (Okta given back what it held).
import { strict as assert } from "assert";
import {
    oktaCustomSchema,
    oktaDeclaredProperty,
    oktaTeamProperty,
} from "../support/oktaSchemaProperties";
import schemaProvider from "../../provider/okta/appUserSchemaPropertiesProvider";
import mappingProvider from "../../provider/okta/profileMappingProvider";
import { planMappings } from "../../provider/okta/attributeMappingsLogic";
import { compileExpression } from "../../sandbox/okta/expressions";
import { mappedScimUser } from "../../sandbox/okta/scimBody";
import { DEFAULT_USER_TYPE_ID } from "../../sandbox/okta/appProfile";
import {
    autoLoginBody,
    SCIM_APP_BASE_SET,
    startOkta,
    type OktaHarness,
} from "../support/oktaHarness";

const NICE = "urn:ietf:params:scim:schemas:extension:nice:2.0:User";
const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

describe("sandbox Okta: app user schema and profile mappings", function () {
    this.timeout(20000);
    let h: OktaHarness;
    let appId: string;
    const savedToken = process.env.OKTA_API_TOKEN;
    const schema = () => h.api("GET", `/api/v1/meta/schemas/apps/${appId}/default`);
    const mappingOf = async () => {
        const list = await h.api("GET", `/api/v1/mappings?targetId=${appId}`);
        assert.equal(list.status, 200);
        assert.equal(list.body.length, 1);
        return (await h.api("GET", `/api/v1/mappings/${list.body[0].id}`)).body;
    };

    before(async () => {
        h = await startOkta();
        process.env.OKTA_API_TOKEN = h.token;
        appId = (await h.api("POST", "/api/v1/apps?activate=true", autoLoginBody("Mapped"))).body
            .id;
    });
    after(async () => {
        if (savedToken === undefined) delete process.env.OKTA_API_TOKEN;
        else process.env.OKTA_API_TOKEN = savedToken;
        await h.close();
    });

    it("GET schema: base holds a SCIM app's base set with their SCIM names; custom is empty", async () => {
        const r = await schema();
        assert.equal(r.status, 200);
        assert.equal(r.body.$schema, "http://json-schema.org/draft-04/schema#");
        assert.deepEqual(Object.keys(r.body.definitions.base.properties), SCIM_APP_BASE_SET);
        assert.equal(
            r.body.definitions.base.properties.email.externalName,
            "emails^[primary==true].value",
        );
        assert.deepEqual(r.body.definitions.custom.properties, {});
        assert.deepEqual(r.body.properties.profile.allOf, [
            { $ref: "#/definitions/custom" },
            { $ref: "#/definitions/base" },
        ]);
        assert.equal(
            (await h.api("GET", "/api/v1/meta/schemas/apps/0oaNOPE/default")).body.errorCode,
            "E0000007",
        );
    });

    it("GET mappings: the Okta user -> app mapping maps the base set, primaryEmailType by a ternary", async () => {
        const m = await mappingOf();
        assert.equal(m.source.type, "user");
        assert.equal(m.target.type, "appuser");
        assert.equal(m.target.id, appId);
        const push = (expression: string) => ({ expression, pushStatus: "PUSH" });
        assert.deepEqual(m.properties, {
            givenName: push("user.firstName"),
            familyName: push("user.lastName"),
            middleName: push("user.middleName"),
            honorificPrefix: push("user.honorificPrefix"),
            honorificSuffix: push("user.honorificSuffix"),
            email: push("user.email"),
            primaryEmailType: push("(user.email != null && user.email != '') ? 'work' : ''"),
            secondEmail: push("user.secondEmail"),
            primaryPhone: push("user.primaryPhone"),
            mobilePhone: push("user.mobilePhone"),
        });
    });

    it("GET mappings pages with limit and a Link to the next page", async () => {
        await h.api("POST", "/api/v1/apps?activate=true", autoLoginBody("Second"));
        const first = await h.api("GET", "/api/v1/mappings?limit=1");
        assert.equal(first.body.length, 1);
        const link = first.headers.get("link") ?? "";
        const next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
        assert.ok(next, link);
        const second = await h.api("GET", next.slice(h.url.length));
        assert.equal(second.body.length, 1);
        assert.notEqual(second.body[0].id, first.body[0].id);
    });

    it("POST schema and mapping refuse bad input with Okta's E0000001 and change nothing", async () => {
        const bad = await h.api("POST", `/api/v1/meta/schemas/apps/${appId}/default`, {
            definitions: { custom: { properties: { "9bad": { title: "", type: "nope" } } } },
        });
        assert.equal(bad.status, 400);
        assert.equal(bad.body.errorCode, "E0000001");
        assert.ok(bad.body.errorCauses.length >= 2);
        const m = await mappingOf();
        const unknownTarget = await h.api("POST", `/api/v1/mappings/${m.id}`, {
            properties: { niceTeam: { expression: "user.department" } },
        });
        assert.equal(unknownTarget.status, 400);
        assert.match(
            unknownTarget.body.errorCauses[0].errorSummary,
            /does not exist in the target schema/,
        );
        const badExpr = await h.api("POST", `/api/v1/mappings/${m.id}`, {
            properties: { givenName: { expression: "String.reverse(user.firstName)" } },
        });
        assert.equal(badExpr.status, 400);
        assert.match(badExpr.body.errorCauses[0].errorSummary, /Unknown function String\.reverse/);
        assert.deepEqual((await mappingOf()).properties, m.properties);
    });

    it("GET mappings by source: Okta's default user type lists every app's mapping, keeping the source in the Link; another source lists none", async () => {
        const all = (await h.api("GET", "/api/v1/mappings")).body.map((m: any) => m.id);
        assert.ok(all.length >= 1);
        const bySource = await h.api("GET", `/api/v1/mappings?sourceId=${DEFAULT_USER_TYPE_ID}`);
        assert.equal(bySource.status, 200);
        assert.deepEqual(
            bySource.body.map((m: any) => m.id),
            all,
        );
        assert.match(
            bySource.headers.get("link") ?? "",
            new RegExp(`sourceId=${DEFAULT_USER_TYPE_ID}`),
        );
        const other = await h.api("GET", "/api/v1/mappings?sourceId=oty0000000000000other");
        assert.deepEqual([other.status, other.body], [200, []]);
    });

    it("POST mapping: missing properties, a missing expression and an unknown pushStatus are each refused naming the field", async () => {
        const m = await mappingOf();
        for (const body of [{}, { properties: ["givenName"] }]) {
            const r = await h.api("POST", `/api/v1/mappings/${m.id}`, body);
            assert.equal(r.status, 400);
            assert.equal(r.body.errorSummary, "Api validation failed: properties");
            assert.deepEqual(
                r.body.errorCauses.map((c: any) => c.errorSummary),
                ["properties: The field cannot be left blank"],
            );
        }
        const r = await h.api("POST", `/api/v1/mappings/${m.id}`, {
            properties: {
                givenName: { pushStatus: "PUSH" },
                familyName: { expression: "user.lastName", pushStatus: "ALWAYS" },
            },
        });
        assert.equal(r.status, 400);
        assert.equal(r.body.errorSummary, "Api validation failed: givenName, familyName");
        assert.deepEqual(
            r.body.errorCauses.map((c: any) => c.errorSummary),
            [
                "givenName: expression: The field cannot be left blank",
                "familyName: pushStatus: must be PUSH or DONT_PUSH",
            ],
        );
        assert.deepEqual((await mappingOf()).properties, m.properties);
    });

    it("an unknown mapping id is 404 E0000007, read or written; a mapping sent without pushStatus is PUSH", async () => {
        for (const m of ["GET", "POST"]) {
            const r = await h.api(
                m,
                "/api/v1/mappings/prmnope",
                m === "POST" ? { properties: {} } : undefined,
            );
            assert.equal(r.status, 404, JSON.stringify(r.body));
            assert.equal(r.body.errorCode, "E0000007");
        }
        const m = await mappingOf();
        const r = await h.api("POST", `/api/v1/mappings/${m.id}`, {
            properties: { givenName: { expression: "user.firstName" } },
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.deepEqual((await mappingOf()).properties.givenName, {
            expression: "user.firstName",
            pushStatus: "PUSH",
        });
    });

    it("POST schema: base untouchable, properties and each property must be objects, field types checked; a description is kept", async () => {
        const app = (await h.api("POST", "/api/v1/apps?activate=true", autoLoginBody("Described")))
            .body.id;
        const post = (definitions: unknown) =>
            h.api("POST", `/api/v1/meta/schemas/apps/${app}/default`, { definitions });
        const causesOf = (r: { body: any }) => r.body.errorCauses.map((c: any) => c.errorSummary);
        const base = await post({ base: { properties: {} } });
        assert.equal(base.status, 400);
        assert.equal(base.body.errorSummary, "Api validation failed: definitions.base");
        assert.deepEqual(causesOf(base), [
            "definitions.base: Base properties of this app cannot be changed",
        ]);
        const notObject = await post({ custom: { properties: "team" } });
        assert.equal(notObject.status, 400);
        assert.equal(notObject.body.errorSummary, "Api validation failed: properties");
        assert.deepEqual(causesOf(notObject), ["properties: must be an object"]);
        const bad = await post({
            custom: {
                properties: {
                    team: "text",
                    site: { title: "Site", type: "string", externalName: 7, scope: "ALL" },
                },
            },
        });
        assert.equal(bad.status, 400);
        assert.deepEqual(causesOf(bad), [
            "team: The property must be an object",
            "site: externalName: must be a string",
            "site: scope: must be NONE or SELF",
        ]);
        const ok = await post({
            custom: {
                properties: {
                    site: { title: "Site", type: "string", description: "Where they sit" },
                },
            },
        });
        assert.equal(ok.status, 200, JSON.stringify(ok.body));
        const read = await h.api("GET", `/api/v1/meta/schemas/apps/${app}/default`);
        assert.equal(read.body.definitions.custom.properties.site.description, "Where they sit");
    });

    it("the provisioning engine's SCIM body follows the schema's external names and the mapping", async () => {
        const m = await mappingOf();
        await h.api(
            "POST",
            `/api/v1/meta/schemas/apps/${appId}/default`,
            oktaCustomSchema({
                niceTeam: oktaTeamProperty,
                workPhone: oktaDeclaredProperty("Phone", "phoneNumbers^[type=='work'].value", CORE),
                timezone: oktaDeclaredProperty("TZ", "timezone", CORE),
            }),
        );
        const r = await h.api("POST", `/api/v1/mappings/${m.id}`, {
            properties: {
                niceTeam: { expression: "String.toUpperCase(user.department)", pushStatus: "PUSH" },
                workPhone: { expression: "user.primaryPhone" },
                timezone: { expression: "user.timezone" },
            },
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const app = h.ctx.state.okta.apps[appId];
        const user = {
            id: "00u1",
            profile: {
                firstName: "Ana",
                lastName: "Agent",
                email: "ana@example.com",
                login: "ana@example.com",
                department: "Sales",
                primaryPhone: "+1 555 0100",
            },
        } as never;
        const body = mappedScimUser(app, "ana@example.com", user, true);
        assert.deepEqual(body, {
            schemas: [CORE, NICE],
            userName: "ana@example.com",
            // the base email is the primary one; its type comes from the ternary mapping
            emails: [{ primary: true, value: "ana@example.com", type: "work" }],
            name: { familyName: "Agent", givenName: "Ana" },
            [NICE]: { team: "SALES" },
            // Okta's base primaryPhone pushes the primary entry; the custom one adds a work entry
            phoneNumbers: [
                { primary: true, value: "+1 555 0100" },
                { type: "work", primary: false, value: "+1 555 0100" },
            ],
            displayName: "Ana Agent",
            active: true,
        });
        // Removing a schema property removes its mapping: the attribute is no longer pushed.
        await h.api("POST", `/api/v1/meta/schemas/apps/${appId}/default`, {
            definitions: { custom: { properties: { niceTeam: null } } },
        });
        assert.equal((await mappingOf()).properties.niceTeam, undefined);
        assert.equal(mappedScimUser(app, "ana@example.com", user, true)[NICE], undefined);
        await h.api("POST", `/api/v1/meta/schemas/apps/${appId}/default`, {
            definitions: { custom: { properties: { workPhone: null, timezone: null } } },
        });
    });

    it("evaluates the documented Expression Language subset", () => {
        const p = {
            firstName: "Ana",
            lastName: "Agent",
            email: "ana.agent@example.com",
            costCenter: "CC1",
        };
        const cases: [string, string | null][] = [
            ["user.firstName", "Ana"],
            ["user.missing", null],
            ['"lit"', "lit"],
            ['user.firstName + " " + user.lastName', "Ana Agent"],
            ["String.toLowerCase(user.lastName)", "agent"],
            ['String.substringBefore(user.email, "@")', "ana.agent"],
            ['String.substringAfter(user.email, "@")', "example.com"],
            ['String.join("/", user.costCenter, user.lastName)', "CC1/Agent"],
        ];
        for (const [src, want] of cases) assert.equal(compileExpression(src)(p), want, src);
        assert.throws(() => compileExpression("appuser.x"), /Unknown identifier/);
    });

    describe("providers over HTTP", () => {
        const plan = planMappings({ "nice:team": "user.department", timezone: "user.timezone" });
        const orgUrl = () => h.url;
        // what the integration declares for the plan, as each provider takes it
        const schemaInputs = () => ({ orgUrl: orgUrl(), appId, properties: plan.schemaProperties });
        const mappingInputs = () => ({ orgUrl: orgUrl(), appId, properties: plan.mappings });
        let schemaOuts: any;
        let mappingOuts: any;

        it("check refuses a malformed expression naming the property, before any call", async () => {
            const before = h.saves;
            const r = await mappingProvider.check({} as never, {
                orgUrl: orgUrl(),
                appId,
                properties: { niceTeam: "user.department +" },
            });
            assert.match(
                r.failures?.[0].reason ?? "",
                /properties\["niceTeam"\]: malformed expression/,
            );
            assert.equal(h.saves, before);
        });

        it("create adds the properties and mappings, recording what was there", async () => {
            // Someone mapped timezone by hand before: destroy must give that back.
            await h.api("POST", `/api/v1/meta/schemas/apps/${appId}/default`, {
                definitions: {
                    custom: {
                        properties: {
                            timezone: {
                                title: "Hand-made",
                                type: "string",
                                externalName: "timezone",
                                externalNamespace: CORE,
                            },
                        },
                    },
                },
            });
            const m = await mappingOf();
            await h.api("POST", `/api/v1/mappings/${m.id}`, {
                properties: { timezone: { expression: '"UTC"' } },
            });

            schemaOuts = (await schemaProvider.create(schemaInputs())).outs;
            mappingOuts = (await mappingProvider.create(mappingInputs())).outs;
            const live = (await schema()).body.definitions.custom.properties;
            assert.equal(live.niceTeam.externalNamespace, NICE);
            assert.equal(live.timezone.title, "Time zone");
            assert.deepEqual(mappingOuts.previous.timezone, { value: '"UTC"' });
            assert.deepEqual(mappingOuts.previous.niceTeam, {});
            assert.equal((await mappingOf()).properties.niceTeam.expression, "user.department");
        });

        it("read shows an out-of-band change; diff reports it; update repairs it", async () => {
            const m = await mappingOf();
            await h.api("POST", `/api/v1/mappings/${m.id}`, {
                properties: { niceTeam: { expression: "user.title" } },
            });
            await h.api("POST", `/api/v1/meta/schemas/apps/${appId}/default`, {
                definitions: { custom: { properties: { niceTeam: null } } },
            });
            const rm = await mappingProvider.read("x", mappingOuts);
            const rs = await schemaProvider.read("x", schemaOuts);
            assert.equal(
                (rs.props as any).properties.niceTeam,
                undefined,
                "the deleted property shows as missing",
            );
            assert.equal(
                (rm.props as any).properties.niceTeam,
                undefined,
                "its mapping went with it",
            );
            assert.equal(
                (await schemaProvider.diff("x", rs.props as never, schemaInputs())).changes,
                true,
            );
            assert.equal(
                (await mappingProvider.diff("x", rm.props as never, mappingInputs())).changes,
                true,
            );
            schemaOuts = (await schemaProvider.update("x", rs.props as never, schemaInputs())).outs;
            mappingOuts = (await mappingProvider.update("x", rm.props as never, mappingInputs()))
                .outs;
            assert.equal((await mappingOf()).properties.niceTeam.expression, "user.department");
            const again = await mappingProvider.read("x", mappingOuts);
            assert.equal(
                (await mappingProvider.diff("x", again.props as never, mappingInputs())).changes,
                false,
            );
        });

        it("delete gives Okta back what it held: the hand-made timezone stays, niceTeam goes", async () => {
            await mappingProvider.delete("x", mappingOuts);
            await schemaProvider.delete("x", schemaOuts);
            const live = (await schema()).body.definitions.custom.properties;
            assert.deepEqual(Object.keys(live), ["timezone"]);
            assert.equal(live.timezone.title, "Hand-made");
            const m = await mappingOf();
            assert.equal(m.properties.timezone.expression, '"UTC"');
            assert.equal(m.properties.niceTeam, undefined);
            assert.equal(m.properties.givenName.expression, "user.firstName");
        });
    });
});
