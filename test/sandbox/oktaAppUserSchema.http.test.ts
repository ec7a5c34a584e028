// The sandbox's app user schema of a SCIM app as Okta has it: the larger base set Okta documents
// (and the smaller, seed-only world as an option), a custom property named like a base one
// refused as Okta refuses it, and schema writes that keep permissions, unique, minLength and
// maxLength as sent, and reads that return them; each other refusal named, Okta's defaults for a
// new property, a property removed by null.
import { strict as assert } from "assert";
import { NICE_USER } from "../../provider/okta/attributeMappingsLogic";
import { oktaDeclaredProperty } from "../support/oktaSchemaProperties";
import { appProfile, baseProperties } from "../../sandbox/okta/appProfile";
import type { OktaApp } from "../../sandbox/okta/state";
import {
    autoLoginBody,
    SCIM_APP_BASE_SET,
    startOkta,
    type OktaHarness,
} from "../support/oktaHarness";

const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

describe("sandbox Okta: the app user schema of a SCIM app", function () {
    this.timeout(20000);
    let h: OktaHarness;
    let appId: string;
    const schemaPath = () => `/api/v1/meta/schemas/apps/${appId}/default`;
    const add = (properties: Record<string, unknown>) =>
        h.api("POST", schemaPath(), { definitions: { custom: { properties } } });

    before(async () => {
        h = await startOkta();
        appId = (await h.api("POST", "/api/v1/apps?activate=true", autoLoginBody("Schema"))).body
            .id;
    });
    after(() => h?.close());

    it("the base set holds the names Okta documents for SCIM apps; email is the primary email", async () => {
        const base = (await h.api("GET", schemaPath())).body.definitions.base.properties;
        for (const name of SCIM_APP_BASE_SET) assert.ok(base[name], name);
        assert.equal(base.email.externalName, "emails^[primary==true].value");
        assert.equal(base.mobilePhone.externalName, "phoneNumbers^[type=='mobile'].value");
        assert.equal(base.primaryPhone.externalNamespace, CORE);
    });

    it("a custom property named like a base one is refused (E0000001, the name in the cause); nothing changes", async () => {
        const before = (await h.api("GET", schemaPath())).body.definitions;
        const r = await add({
            mobilePhone: { title: "Mobile", type: "string", externalName: "phoneNumbers" },
            niceTeam: { title: "Team", type: "string", externalName: "team" },
        });
        assert.equal(r.status, 400);
        assert.equal(r.body.errorCode, "E0000001");
        assert.deepEqual(
            r.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary),
            ["mobilePhone: A base property with this name already exists"],
        );
        assert.deepEqual((await h.api("GET", schemaPath())).body.definitions, before);
    });

    it("a write keeps permissions, unique, minLength and maxLength as sent; a read returns them", async () => {
        const sent = {
            ...oktaDeclaredProperty("CXone team", "team", NICE_USER),
            permissions: [{ principal: "SELF", action: "READ_ONLY" }],
            unique: "UNIQUE_VALIDATED",
            minLength: 1,
            maxLength: 50,
        };
        const hidden = {
            title: "Badge",
            type: "string",
            permissions: [{ principal: "SELF", action: "HIDE" }],
            unique: false,
            minLength: null,
            maxLength: null,
        };
        const r = await add({ niceTeam: sent, badge: hidden });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const read = (await h.api("GET", schemaPath())).body.definitions.custom.properties;
        for (const [name, want] of [
            ["niceTeam", sent],
            ["badge", hidden],
        ] as const) {
            const got = read[name];
            for (const k of ["permissions", "unique", "minLength", "maxLength"] as const)
                assert.deepEqual(got[k], want[k], `${name}.${k}`);
        }
        // unsent: Okta's defaults, and no invented constraint
        await add({ plain: { title: "Plain", type: "string" } });
        const plain = (await h.api("GET", schemaPath())).body.definitions.custom.properties.plain;
        assert.deepEqual(plain.permissions, [{ principal: "SELF", action: "READ_WRITE" }]);
        assert.deepEqual(
            ["unique", "minLength", "maxLength"].filter((k) => k in plain),
            [],
        );
        await add({ niceTeam: null, badge: null, plain: null });
    });

    it("bad permissions, unique and lengths are refused, each named", async () => {
        const r = await add({
            x: {
                title: "X",
                type: "string",
                permissions: [{ principal: "SELF", action: "WRITE_ONLY" }],
                unique: "YES",
                minLength: -1,
                maxLength: 2.5,
            },
            y: { title: "Y", type: "string", minLength: 5, maxLength: 2 },
        });
        assert.equal(r.status, 400);
        assert.deepEqual(
            r.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary),
            [
                "x: permissions: each needs a principal and an action of READ_ONLY, READ_WRITE or HIDE",
                "x: unique: must be UNIQUE_VALIDATED or NOT_UNIQUE",
                "x: minLength: must be a whole number of 0 or more",
                "x: maxLength: must be a whole number of 0 or more",
                "y: minLength: cannot be greater than maxLength",
            ],
        );
    });

    it("a property with a bad name, title, type, text field or scope is refused, each named; nothing changes", async () => {
        const before = (await h.api("GET", schemaPath())).body.definitions;
        const r = await add({
            "1team": { title: "T", type: "string" },
            blank: { title: "  ", type: "object" },
            texts: { title: "T", type: "string", externalName: 1, description: false },
            scoped: { title: "T", type: "string", scope: "ALL", externalNamespace: [] },
            listed: ["string"],
        });
        const { status, body } = r;
        assert.deepEqual(
            [status, body.errorCode, body.errorSummary],
            [400, "E0000001", "Api validation failed: 1team, blank, texts, scoped, listed"],
        );
        assert.deepEqual(
            new Set(body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary)),
            new Set([
                "1team: Variable name is not valid",
                "blank: title: The field cannot be left blank",
                "blank: type: Invalid value for type",
                "texts: externalName: must be a string",
                "texts: description: must be a string",
                "scoped: externalNamespace: must be a string",
                "scoped: scope: must be NONE or SELF",
                "listed: The property must be an object",
            ]),
        );
        assert.deepEqual((await h.api("GET", schemaPath())).body.definitions, before);
    });

    it("a new property gets Okta's defaults; one sent as null is removed, an unknown null is ignored", async () => {
        const r = await add({
            niceSite: { title: "Site", type: "string", description: "the site" },
            niceRegion: { title: "Region", type: "string", scope: "NONE" },
            niceOwn: { title: "Own", type: "string", scope: "SELF" },
            nobody: null,
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const custom = r.body.definitions.custom.properties;
        assert.deepEqual([custom.niceRegion.scope, custom.niceOwn.scope], ["NONE", "SELF"]);
        assert.deepEqual(custom.niceSite, {
            title: "Site",
            type: "string",
            description: "the site",
            scope: "NONE",
            master: { type: "PROFILE_MASTER" },
            mutability: "READ_WRITE",
            required: false,
            permissions: [{ principal: "SELF", action: "READ_WRITE" }],
        });
        assert.ok(!("nobody" in custom));
        const gone = await add({ niceSite: null });
        assert.equal(gone.status, 200);
        assert.ok(!("niceSite" in gone.body.definitions.custom.properties));
    });

    it("base properties cannot be written: 400 E0000001 naming definitions.base", async () => {
        const r = await h.api("POST", schemaPath(), {
            definitions: { base: { properties: {} } },
        });
        assert.equal(r.status, 400);
        assert.equal(r.body.errorSummary, "Api validation failed: definitions.base");
    });
    it("the schema of an unknown app is 404 E0000007 naming the app, read or written", async () => {
        for (const m of ["GET", "POST"]) {
            const r = await h.api(
                m,
                "/api/v1/meta/schemas/apps/0oanope/default",
                m === "POST" ? {} : undefined,
            );
            assert.equal(r.status, 404);
            assert.equal(r.body.errorSummary, "Not found: Resource not found: 0oanope (App)");
        }
    });
});

describe("sandbox Okta: the seed-only base set (the other world: a smaller base than documented)", function () {
    this.timeout(20000);
    let h: OktaHarness;
    after(() => h?.close());

    it("holds the seed's four fields; mobilePhone can then be added as a custom property", async () => {
        h = await startOkta(undefined, { appUserBaseSet: "seed" });
        const appId = (await h.api("POST", "/api/v1/apps", autoLoginBody("Small"))).body.id;
        const path = `/api/v1/meta/schemas/apps/${appId}/default`;
        const base = (await h.api("GET", path)).body.definitions.base.properties;
        assert.deepEqual(Object.keys(base), ["userName", "givenName", "familyName", "email"]);
        const r = await h.api("POST", path, {
            definitions: {
                custom: {
                    properties: {
                        mobilePhone: {
                            title: "Mobile",
                            type: "string",
                            externalName: "phoneNumbers^[type=='mobile'].value",
                        },
                    },
                },
            },
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
    });

    it("an app whose profile was made before base sets existed keeps the seed's four", () => {
        const app = { profileEditor: { custom: {}, mapping: {} } } as unknown as OktaApp;
        assert.deepEqual(Object.keys(baseProperties(appProfile(app))), [
            "userName",
            "givenName",
            "familyName",
            "email",
        ]);
    });
});
