// Conformance: Okta's own Node.js SDK (@okta/okta-sdk-nodejs, generated from Okta's management
// OpenAPI spec) drives the sandbox's app user schema and profile mapping APIs: its models parse
// our answers, its Collection follows our Link headers, and its updates are understood.
import { strict as assert } from "assert";
import * as okta from "@okta/okta-sdk-nodejs";
import { oktaCustomSchema, oktaDeclaredProperty } from "../support/oktaSchemaProperties";
import { autoLoginBody, startOkta, type OktaHarness } from "../support/oktaHarness";

const NICE = "urn:ietf:params:scim:schemas:extension:nice:2.0:User";
const cxoneTeam = oktaDeclaredProperty("CXone team", "team", NICE);

describe("sandbox Okta: schema and mapping APIs driven by Okta's Node.js SDK", function () {
    this.timeout(20000);
    let h: OktaHarness;
    let client: okta.Client;
    const appIds: string[] = [];

    before(async () => {
        h = await startOkta();
        client = new okta.Client({ orgUrl: h.url, token: h.token, cacheMiddleware: null });
        for (const label of ["One", "Two", "Three"]) {
            appIds.push(
                (await h.api("POST", "/api/v1/apps?activate=true", autoLoginBody(label))).body.id,
            );
        }
    });
    after(async () => {
        await h.close();
    });

    it("SchemaApi: reads the app user schema and adds, then removes, a custom property", async () => {
        const appInstanceId = appIds[0];
        const before = await client.schemaApi.getApplicationUserSchema({ appInstanceId });
        // (The SDK's base model holds Okta user fields only, so app base properties are not parsed.)
        assert.equal(before.title, "One User");
        assert.deepEqual(before.definitions?.custom?.properties, {});
        const { custom } = oktaCustomSchema(
            { niceTeam: { ...cxoneTeam, scope: "NONE" } },
            [] as string[],
        ).definitions;
        const added = await client.schemaApi.updateApplicationUserProfile({
            appInstanceId,
            body: { definitions: { custom } } as okta.UserSchema,
        });
        const team = added.definitions?.custom?.properties?.niceTeam;
        assert.equal(team?.externalName, "team");
        assert.equal(team?.externalNamespace, NICE);
        assert.equal(team?.scope, "NONE");
        // null removes a property; the SDK's types have no null, so the body goes through JSON.
        const removal: okta.UserSchema = JSON.parse(
            JSON.stringify({
                definitions: { custom: { ...custom, properties: { niceTeam: null } } },
            }),
        );
        const removed = await client.schemaApi.updateApplicationUserProfile({
            appInstanceId,
            body: removal,
        });
        assert.deepEqual(removed.definitions?.custom?.properties, {});
    });

    it("SchemaApi: permissions, unique, minLength and maxLength come back as written", async () => {
        const appInstanceId = appIds[1];
        const written = await client.schemaApi.updateApplicationUserProfile({
            appInstanceId,
            body: oktaCustomSchema({
                niceTeam: {
                    ...cxoneTeam,
                    permissions: [{ principal: "SELF", action: "READ_ONLY" }],
                    unique: true,
                    minLength: 1,
                    maxLength: 50,
                },
            }) as okta.UserSchema,
        });
        const read = await client.schemaApi.getApplicationUserSchema({ appInstanceId });
        for (const s of [written, read]) {
            const team = s.definitions?.custom?.properties?.niceTeam;
            assert.deepEqual(
                [team?.permissions?.[0]?.action, team?.unique, team?.minLength, team?.maxLength],
                ["READ_ONLY", true, 1, 50],
            );
        }
    });

    it("ProfileMappingApi: lists every page through the Link headers and filters by target", async () => {
        const all: okta.ListProfileMappings[] = [];
        const pages = await client.profileMappingApi.listProfileMappings({ limit: 1 });
        for await (const m of pages) if (m) all.push(m);
        assert.deepEqual(all.map((m) => m.target?.id).sort(), [...appIds].sort());
        assert.ok(all.every((m) => m.source?.type === "user" && m.target?.type === "appuser"));
        const one: okta.ListProfileMappings[] = [];
        for await (const m of await client.profileMappingApi.listProfileMappings({
            targetId: appIds[1],
        }))
            if (m) one.push(m);
        assert.deepEqual(
            one.map((m) => m.target?.id),
            [appIds[1]],
        );
    });

    it("ProfileMappingApi: reads and updates a mapping's properties", async () => {
        let id = "";
        for await (const m of await client.profileMappingApi.listProfileMappings({
            targetId: appIds[2],
        }))
            id = m?.id ?? id;
        const m = await client.profileMappingApi.getProfileMapping({ mappingId: id });
        assert.equal(m.properties?.givenName?.expression, "user.firstName");
        assert.equal(m.properties?.givenName?.pushStatus, "PUSH");
        const updated = await client.profileMappingApi.updateProfileMapping({
            mappingId: id,
            profileMapping: {
                properties: {
                    givenName: {
                        expression: "String.toUpperCase(user.firstName)",
                        pushStatus: "DONT_PUSH",
                    },
                },
            },
        });
        assert.equal(
            updated.properties?.givenName?.expression,
            "String.toUpperCase(user.firstName)",
        );
        assert.equal(updated.properties?.givenName?.pushStatus, "DONT_PUSH");
        assert.equal(
            updated.properties?.familyName?.expression,
            "user.lastName",
            "a partial update keeps the rest",
        );
        await assert.rejects(
            client.profileMappingApi.updateProfileMapping({
                mappingId: id,
                profileMapping: { properties: { nope: { expression: "user.x" } } },
            }),
            (e: Error & { status?: number; errorCode?: string }) => {
                assert.equal(e.status, 400);
                assert.equal(e.errorCode, "E0000001");
                return true;
            },
        );
    });
});
