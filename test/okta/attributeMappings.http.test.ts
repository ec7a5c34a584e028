// The two attribute-mapping resources (AppUserSchemaProperties, ProfileMapping) called method by
// method against the sandbox over real HTTP: check's exact refusals, the calls each method makes,
// what Okta holds afterwards (read back over the API), and what is given back on removal and
// destroy. Each test makes its own app.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import mapping from "../../provider/okta/profileMappingProvider";
import schema from "../../provider/okta/appUserSchemaPropertiesProvider";
import { CORE_USER, planMappings } from "../../provider/okta/attributeMappingsLogic";
import {
    oktaDeclaredProperty,
    oktaTeamProperty,
    oktaTimeZoneProperty,
} from "../support/oktaSchemaProperties";
import { oktaNewApp } from "../support/oktaApps";
import { sandboxForSuite } from "../support/sandbox";

type Any = any;
const UNKNOWN = pulumi.runtime.unknownValue;

describe("attribute-mapping providers against the sandbox (HTTP)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();

    const team = oktaTeamProperty;
    const tz = oktaTimeZoneProperty;
    const newApp = () => oktaNewApp(f, "Attrs", false);
    const customOf = async (appId: string): Promise<Record<string, Any>> => {
        const r = await f.api("GET", `/api/v1/meta/schemas/apps/${appId}/default`);
        assert.equal(r.status, 200);
        return r.data.definitions.custom.properties;
    };
    /** Adds custom properties out of band, as a person in the Profile Editor would. */
    async function handAdd(appId: string, properties: Record<string, unknown>) {
        const r = await f.api("POST", `/api/v1/meta/schemas/apps/${appId}/default`, {
            definitions: { custom: { properties } },
        });
        assert.equal(r.status, 200, JSON.stringify(r.data));
    }
    const mappingIdOf = async (appId: string): Promise<string> =>
        (await f.api("GET", `/api/v1/mappings?targetId=${appId}`)).data[0].id;
    const expressionsOf = async (appId: string): Promise<Record<string, string>> => {
        const m = await f.api("GET", `/api/v1/mappings/${await mappingIdOf(appId)}`);
        return Object.fromEntries(
            Object.entries(m.data.properties as Record<string, Any>).map(([k, p]) => [
                k,
                p.expression,
            ]),
        );
    };
    /** The mappings Okta makes for a new app (its base set's defaults). */
    let defaults: Record<string, string> | undefined;
    const oktaDefaults = async () => (defaults ??= await expressionsOf(await newApp()));
    async function handMap(appId: string, properties: Record<string, unknown>) {
        const r = await f.api("POST", `/api/v1/mappings/${await mappingIdOf(appId)}`, {
            properties,
        });
        assert.equal(r.status, 200, JSON.stringify(r.data));
    }
    const reasons = (r: { failures?: { property: string; reason: string }[] }) =>
        (r.failures ?? []).map((x) => `${x.property}: ${x.reason}`);

    /**
     * check of a bad org, a blank app and these properties, before any call: the org's and the
     * app's refusals first, then `entries` refusals of the properties, whose reasons it returns.
     */
    async function entryReasons(
        provider: typeof schema | typeof mapping,
        properties: unknown,
        entries: number,
    ): Promise<string[]> {
        f.sandbox.clearRequests();
        const base = { orgUrl: f.orgUrl, appId: "0oa1" } as Any;
        const r = await provider.check(base, { orgUrl: "ftp://x", appId: "", properties } as Any);
        assert.deepEqual(
            r.failures!.map((x) => x.property),
            ["orgUrl", "appId", ...Array(entries).fill("properties")],
        );
        assert.deepEqual(f.oktaCalls(), []);
        return reasons(r).slice(2);
    }

    /** The state an older version wrote: no record of what Okta held before. */
    const olderState = (outs: unknown) => {
        const { previous: _p, ...old } = outs as Any;
        return old;
    };
    /** A new app whose givenName we map to user.nickName, and that mapping's older state. */
    async function nickNameMappedInOlderState() {
        const appId = await newApp();
        const made = await mapping.create({
            orgUrl: f.orgUrl,
            appId,
            properties: { givenName: "user.nickName" },
        });
        return { appId, made, old: olderState(made.outs) };
    }

    // The input check both resources share (provider/okta/mappingChecks.ts): org, app, and the
    // properties as an object; each resource keeps its own rule for one entry (below).
    for (const { resource, provider, good, partly, notAnObject, orgUrl } of [
        {
            resource: "AppUserSchemaProperties",
            provider: schema,
            good: { niceTeam: team },
            partly: { a: UNKNOWN, b: { ...team, title: UNKNOWN, type: UNKNOWN } },
            notAnObject: "properties must be an object of property name -> definition",
            orgUrl: "https://dev-1.okta.com/?org=1",
        },
        {
            resource: "ProfileMapping",
            provider: mapping,
            good: { givenName: "user.firstName" },
            partly: { givenName: UNKNOWN },
            notAnObject: "properties must be an object of app property -> expression",
            orgUrl: "https://dev-1.okta.com/#org",
        },
    ] as const) {
        describe(`${resource}: the shared input check`, () => {
            it("check passes good input through; an unknown value waits", async () => {
                const news = { orgUrl: f.orgUrl, appId: "0oa1", properties: good } as Any;
                assert.deepEqual(await provider.check(news, news), { inputs: news, failures: [] });
                const later = { ...news, properties: UNKNOWN };
                assert.deepEqual(await provider.check(news, later), {
                    inputs: later,
                    failures: [],
                });
                const part = { ...news, properties: partly };
                assert.deepEqual(await provider.check(news, part), { inputs: part, failures: [] });
            });

            it("check wants the org's base URL: no query or fragment", async () => {
                const r = await provider.check({} as Any, {
                    orgUrl,
                    appId: "0oa1",
                    properties: {},
                });
                assert.deepEqual(reasons(r), [
                    "orgUrl: orgUrl must not contain a query or fragment",
                ]);
            });

            it("check wants the properties as an object, before any call", async () => {
                f.sandbox.clearRequests();
                const base = { orgUrl: f.orgUrl, appId: "0oa1" };
                for (const bad of [null, "x", ["a"]]) {
                    assert.deepEqual(
                        reasons(
                            await provider.check(base as Any, { ...base, properties: bad } as Any),
                        ),
                        [`properties: ${notAnObject}`],
                    );
                }
                assert.deepEqual(f.oktaCalls(), []);
            });
        });
    }

    describe("AppUserSchemaProperties", () => {
        /** An app with a hand-made "timezone", then ours (by default "niceTeam" and a "timezone"). */
        async function oursOverHandMade(
            properties: Record<string, typeof tz> = { niceTeam: team, timezone: tz },
        ) {
            const appId = await newApp();
            await handAdd(appId, { timezone: { title: "Hand-made", type: "string" } });
            const handMade = (await customOf(appId)).timezone;
            const made = await schema.create({ orgUrl: f.orgUrl, appId, properties });
            return { appId, handMade, made };
        }

        it("check takes Okta's property names: a letter, then up to 99 letters, digits or _", async () => {
            const names = [
                "a",
                "nice_Team2",
                `a${"b".repeat(99)}`,
                `a${"b".repeat(100)}`,
                "a-b",
                "_a",
                "2a",
                "a b",
            ];
            const r = await schema.check({} as Any, {
                orgUrl: f.orgUrl,
                appId: "0oa1",
                properties: Object.fromEntries(names.map((n) => [n, team])),
            });
            assert.deepEqual(
                reasons(r).map((x) =>
                    x.replace(
                        /^properties: properties: "(.*)" is not a valid Okta property name$/,
                        "$1",
                    ),
                ),
                names.slice(3),
            );
        });

        it("check names every bad property and entry, before any call", async () => {
            const bad = {
                "1st": team,
                blank: { ...team, title: "", externalName: 5 },
                nothing: null,
                wide: { ...team, type: "number" },
            };
            assert.deepEqual(await entryReasons(schema, bad, 8), [
                'properties: properties: "1st" is not a valid Okta property name',
                'properties: properties["blank"].title must be a non-empty string',
                'properties: properties["blank"].externalName must be a non-empty string',
                'properties: properties["nothing"].title must be a non-empty string',
                'properties: properties["nothing"].externalName must be a non-empty string',
                'properties: properties["nothing"].externalNamespace must be a non-empty string',
                'properties: properties["nothing"].type must be "string"',
                'properties: properties["wide"].type must be "string"',
            ]);
            assert.deepEqual(f.oktaCalls(), []);
        });

        it("create adds the properties (one read, one POST) and records that Okta held none", async () => {
            const appId = await newApp();
            f.sandbox.clearRequests();
            const i = { orgUrl: f.orgUrl, appId, properties: { niceTeam: team, timezone: tz } };
            const r = await schema.create(i);
            assert.deepEqual(f.oktaCalls(), [
                `GET /api/v1/meta/schemas/apps/${appId}/default`,
                `POST /api/v1/meta/schemas/apps/${appId}/default`,
            ]);
            assert.deepEqual(r, {
                id: `${appId}/schema`,
                outs: { ...i, previous: { niceTeam: {}, timezone: {} }, onBase: [] },
            });
            const live = await customOf(appId);
            assert.deepEqual(Object.keys(live).sort(), ["niceTeam", "timezone"]);
            const { title, type, externalName, externalNamespace, scope, master } = live.niceTeam;
            assert.deepEqual(
                { title, type, externalName, externalNamespace, scope, master },
                { ...team, scope: "NONE", master: { type: "PROFILE_MASTER" } },
            );
        });

        it("create over a hand-made property records it whole, for destroy to give back", async () => {
            const { appId, handMade, made } = await oursOverHandMade({ timezone: tz });
            assert.deepEqual(made.outs.previous, { timezone: { value: handMade } });
            assert.equal((await customOf(appId)).timezone.title, "Time zone");
        });

        it("create maps onto what Okta's base set has: never written, listed in onBase", async () => {
            const appId = await newApp();
            const phone = oktaDeclaredProperty(
                "Primary phone",
                "phoneNumbers^[primary==true].value",
                CORE_USER,
            );
            f.sandbox.clearRequests();
            const r = await schema.create({
                orgUrl: f.orgUrl,
                appId,
                properties: { primaryPhone: phone, mobilePhone: phone, timezone: tz },
            });
            assert.deepEqual(r.outs.onBase, ["primaryPhone", "mobilePhone"]);
            assert.deepEqual(r.outs.previous, { timezone: {} });
            assert.deepEqual(Object.keys(await customOf(appId)), ["timezone"]);
            // read and diff: Okta's base properties are there as declared (no perpetual diff)
            const read = await schema.read(r.id, r.outs as Any);
            assert.deepEqual((read.props as Any).properties, r.outs.properties);
            assert.equal(
                (await schema.diff(r.id, read.props as Any, read.inputs as Any)).changes,
                false,
            );
            // only base properties declared: one read, no write; destroy writes nothing either
            const only = await schema.create({
                orgUrl: f.orgUrl,
                appId,
                properties: { primaryPhone: phone },
            });
            await schema.delete(only.id, only.outs as Any);
            assert.deepEqual(
                f.oktaWrites(),
                [`POST /api/v1/meta/schemas/apps/${appId}/default`],
                "the one write is timezone's",
            );
        });

        it("create for an app Okta does not have: the error names the app", async () => {
            await assert.rejects(
                schema.create({ orgUrl: f.orgUrl, appId: "0oaMissing", properties: { t: tz } }),
                { message: "Okta has no user schema for app 0oaMissing (is the app deleted?)" },
            );
        });

        it("read reports the managed properties as Okta holds them; a removed one is left out", async () => {
            const appId = await newApp();
            const made = await schema.create({
                orgUrl: f.orgUrl,
                appId,
                properties: { niceTeam: team, timezone: tz },
            });
            await handAdd(appId, {
                niceTeam: { ...team, title: "Renamed", scope: "SELF" },
                timezone: null,
                other: { title: "Not ours", type: "string" },
            });
            const properties = { niceTeam: { ...team, title: "Renamed" } };
            assert.deepEqual(await schema.read(made.id, made.outs as Any), {
                id: made.id,
                props: { ...made.outs, properties, onBase: [] },
                inputs: { orgUrl: f.orgUrl, appId, properties },
            });
            const d = await schema.diff(made.id, { ...made.outs, properties } as Any, made.outs);
            assert.deepEqual(d, { changes: true, replaces: [], deleteBeforeReplace: true });
        });

        it("read of an app Okta no longer has: gone (empty id)", async () => {
            const appId = await newApp();
            const made = await schema.create({ orgUrl: f.orgUrl, appId, properties: { t: tz } });
            await f.api("DELETE", `/api/v1/apps/${appId}`);
            assert.deepEqual(await schema.read(made.id, made.outs as Any), { id: "" });
        });

        it("update: a property no longer declared is given back, a new one added, the first record kept", async () => {
            const { appId, handMade, made } = await oursOverHandMade();
            const news = {
                orgUrl: f.orgUrl,
                appId,
                properties: { niceSite: { ...team, title: "Site" } },
            };
            const r = await schema.update(made.id, made.outs as Any, news);
            assert.deepEqual(r.outs, { ...news, previous: { niceSite: {} }, onBase: [] });
            const live = await customOf(appId);
            assert.deepEqual(Object.keys(live).sort(), ["niceSite", "timezone"]);
            assert.deepEqual(live.timezone, handMade);
            // a property first recorded keeps its first record through later updates
            const again = await schema.update(made.id, made.outs as Any, {
                ...news,
                properties: { timezone: { ...tz, title: "TZ" } },
            });
            assert.deepEqual(again.outs.previous, { timezone: { value: handMade } });
        });

        it("update with no record of what Okta held (older state) adds without giving anything back", async () => {
            const appId = await newApp();
            const made = await schema.create({ orgUrl: f.orgUrl, appId, properties: { t: tz } });
            const old = olderState(made.outs);
            const r = await schema.update(made.id, old, { ...old, properties: { u: tz } });
            assert.deepEqual(r.outs.previous, { u: {} });
            assert.deepEqual(Object.keys(await customOf(appId)).sort(), ["t", "u"]);
        });

        it("delete gives back what Okta held: ours removed, the hand-made one restored", async () => {
            const { appId, handMade, made } = await oursOverHandMade();
            await schema.delete(made.id, made.outs as Any);
            assert.deepEqual(await customOf(appId), { timezone: handMade });
        });

        it("delete after the app is gone: Okta's 404 to the restore ends it; with no record it writes nothing back", async () => {
            const appId = await newApp();
            const made = await schema.create({ orgUrl: f.orgUrl, appId, properties: { t: tz } });
            const old = olderState(made.outs);
            f.sandbox.clearRequests();
            await schema.delete(made.id, old);
            assert.deepEqual(Object.keys(await customOf(appId)), ["t"]);
            await f.api("DELETE", `/api/v1/apps/${appId}`);
            f.sandbox.clearRequests();
            await schema.delete(made.id, made.outs as Any);
            assert.deepEqual(f.oktaCalls(), [`POST /api/v1/meta/schemas/apps/${appId}/default`]);
        });
    });

    describe("ProfileMapping", () => {
        /** A new app with "niceTeam" added by hand (as in the Profile Editor), then our mapping. */
        async function mappedOverHandAddedTeam(properties: Record<string, string>) {
            const appId = await newApp();
            await handAdd(appId, { niceTeam: team });
            return { appId, made: await mapping.create({ orgUrl: f.orgUrl, appId, properties }) };
        }
        it("check names every bad property and entry, before any call", async () => {
            const bad = { a: 5, b: "user.firstName +", c: "user.lastName" };
            const [a, b] = await entryReasons(mapping, bad, 2);
            assert.equal(a, 'properties: properties["a"] must be an expression string');
            assert.match(
                b,
                /^properties: properties\["b"\]: malformed expression "user\.firstName \+": \S/,
            );
        });

        it("create maps the properties (find, read, one POST) and records what each held", async () => {
            const appId = await newApp();
            await handAdd(appId, { niceTeam: team });
            const mappingId = await mappingIdOf(appId);
            f.sandbox.clearRequests();
            const i = {
                orgUrl: f.orgUrl,
                appId,
                properties: {
                    givenName: "String.toUpperCase(user.firstName)",
                    niceTeam: "user.department",
                },
            };
            const r = await mapping.create(i);
            assert.deepEqual(f.oktaCalls(), [
                `GET /api/v1/mappings?targetId=${appId}&limit=200`,
                `GET /api/v1/mappings/${mappingId}`,
                `POST /api/v1/mappings/${mappingId}`,
            ]);
            assert.deepEqual(r, {
                id: `${appId}/${mappingId}`,
                outs: {
                    ...i,
                    mappingId,
                    previous: { givenName: { value: "user.firstName" }, niceTeam: {} },
                },
            });
            assert.deepEqual(await expressionsOf(appId), {
                ...(await oktaDefaults()),
                givenName: "String.toUpperCase(user.firstName)",
                niceTeam: "user.department",
            });
            const m = await f.api("GET", `/api/v1/mappings/${mappingId}`);
            assert.equal(m.data.properties.niceTeam.pushStatus, "PUSH");
        });

        it("create for an app Okta does not have: the error names the app, after one search", async () => {
            f.sandbox.clearRequests();
            await assert.rejects(
                mapping.create({ orgUrl: f.orgUrl, appId: "0oaMissing", properties: {} }),
                {
                    message:
                        "Okta has no Okta user -> app profile mapping for app 0oaMissing (is the app deleted?)",
                },
            );
            assert.deepEqual(f.oktaCalls(), ["GET /api/v1/mappings?targetId=0oaMissing&limit=200"]);
        });

        it("read reports the managed mappings as Okta holds them; an unmapped one is left out", async () => {
            const { appId, made } = await mappedOverHandAddedTeam({
                givenName: "user.firstName",
                niceTeam: "user.department",
            });
            await handMap(appId, { givenName: { expression: "user.nickName" }, niceTeam: null });
            const properties = { givenName: "user.nickName" };
            assert.deepEqual(await mapping.read(made.id, made.outs as Any), {
                id: made.id,
                props: { ...made.outs, properties },
                inputs: { orgUrl: f.orgUrl, appId, properties },
            });
            const d = await mapping.diff(made.id, { ...made.outs, properties } as Any, made.outs);
            assert.deepEqual(d, { changes: true, replaces: [], deleteBeforeReplace: true });
        });

        it("read of an app Okta no longer has: gone (empty id)", async () => {
            const appId = await newApp();
            const made = await mapping.create({ orgUrl: f.orgUrl, appId, properties: {} });
            await f.api("DELETE", `/api/v1/apps/${appId}`);
            assert.deepEqual(await mapping.read(made.id, made.outs as Any), { id: "" });
        });

        it("update uses the stored mapping id; a mapping no longer declared gets its old expression back", async () => {
            const { appId, made } = await mappedOverHandAddedTeam({
                givenName: "user.nickName",
                niceTeam: "user.department",
            });
            f.sandbox.clearRequests();
            const news = { orgUrl: f.orgUrl, appId, properties: { familyName: '"X"' } };
            const r = await mapping.update(made.id, made.outs as Any, news);
            assert.deepEqual(f.oktaCalls(), [
                `GET /api/v1/mappings/${made.outs.mappingId}`,
                `POST /api/v1/mappings/${made.outs.mappingId}`,
            ]);
            assert.deepEqual(r.outs, {
                ...news,
                mappingId: made.outs.mappingId,
                previous: { familyName: { value: "user.lastName" } },
            });
            assert.deepEqual(await expressionsOf(appId), {
                ...(await oktaDefaults()),
                familyName: '"X"',
            });
        });

        it("update of a mapping Okta no longer has: the error names the app", async () => {
            const appId = await newApp();
            const made = await mapping.create({ orgUrl: f.orgUrl, appId, properties: {} });
            await f.api("DELETE", `/api/v1/apps/${appId}`);
            await assert.rejects(mapping.update(made.id, made.outs as Any, made.outs), {
                message: `Okta has no Okta user -> app profile mapping for app ${appId} (is the app deleted?)`,
            });
        });

        it("update with no record of what Okta held (older state) maps without giving anything back", async () => {
            const { appId, made, old } = await nickNameMappedInOlderState();
            const r = await mapping.update(made.id, old, { ...old, properties: { email: '"e"' } });
            assert.deepEqual(r.outs.previous, { email: { value: "user.email" } });
            assert.equal((await expressionsOf(appId)).givenName, "user.nickName");
        });

        it("delete gives back what each mapping held: the old expression, or unmapped", async () => {
            const { appId, made } = await mappedOverHandAddedTeam({
                givenName: "user.nickName",
                niceTeam: "user.department",
            });
            await mapping.delete(made.id, made.outs as Any);
            assert.deepEqual(await expressionsOf(appId), await oktaDefaults());
        });

        it("delete restores with one write and no read; after the app is gone Okta's 404 ends it; with no record it writes nothing back", async () => {
            const { appId, made, old } = await nickNameMappedInOlderState();
            await mapping.delete(made.id, old);
            assert.equal((await expressionsOf(appId)).givenName, "user.nickName");
            f.sandbox.clearRequests();
            await mapping.delete(made.id, made.outs as Any);
            const restore = `POST /api/v1/mappings/${(made.outs as Any).mappingId}`;
            assert.deepEqual(f.oktaCalls(), [restore]);
            await f.api("DELETE", `/api/v1/apps/${appId}`);
            f.sandbox.clearRequests();
            await mapping.delete(made.id, made.outs as Any);
            assert.deepEqual(f.oktaCalls(), [restore]);
        });
    });
});

describe("attribute-mapping providers where Okta's base set is smaller than documented (HTTP)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite({ okta: { appUserBaseSet: "seed" } });

    it("the phones the base lacks are added as custom properties and mapped; destroy removes them", async () => {
        const appId = await oktaNewApp(f, "Small base", false);
        const plan = planMappings({
            "phoneNumbers.work": "user.primaryPhone",
            "phoneNumbers.mobile": "user.mobilePhone",
        });
        const made = await schema.create({
            orgUrl: f.orgUrl,
            appId,
            properties: plan.schemaProperties,
        });
        assert.deepEqual(made.outs.onBase, []);
        const live = (await f.api("GET", `/api/v1/meta/schemas/apps/${appId}/default`)).data
            .definitions.custom.properties;
        assert.deepEqual(Object.keys(live).sort(), ["mobilePhone", "primaryPhone"]);
        assert.equal(live.primaryPhone.externalName, "phoneNumbers^[primary==true].value");
        const mapped = await mapping.create({ orgUrl: f.orgUrl, appId, properties: plan.mappings });
        assert.equal(mapped.outs.properties.mobilePhone, "user.mobilePhone");
        await mapping.delete(mapped.id, mapped.outs as Any);
        await schema.delete(made.id, made.outs as Any);
        assert.deepEqual(
            (await f.api("GET", `/api/v1/meta/schemas/apps/${appId}/default`)).data.definitions
                .custom.properties,
            {},
        );
    });
});
