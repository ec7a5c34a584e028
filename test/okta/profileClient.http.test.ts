// The app user schema and profile mapping calls on the wire: a recording proxy in front of the
// sandbox's Okta keeps each request's method, path and JSON body, so the bodies are compared with
// the shapes Okta's management spec documents (SchemaApi.updateApplicationUserProfile,
// ProfileMappingApi.updateProfileMapping), and the answers are what the sandbox then holds.
import { strict as assert } from "assert";
import schema from "../../provider/okta/appUserSchemaPropertiesProvider";
import { oktaProfileApi } from "../../provider/okta/profileClient";
import { oktaCustomSchema, oktaTimeZoneProperty } from "../support/oktaSchemaProperties";
import type { Proxy } from "../support/proxy";
import { oktaNewApp } from "../support/oktaApps";
import { sandboxForSuite } from "../support/sandbox";

describe("Okta profile calls on the wire (sandbox behind a recording proxy)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();
    let proxy: Proxy;
    let proxyUrl: string;
    /** what reached Okta through the proxy: method, path with query, JSON body */
    const seen = () =>
        proxy.seen.map(({ method, url, body }) => ({
            method,
            path: url,
            ...(body !== undefined ? { body } : {}),
        }));

    before(async () => {
        proxy = await f.oktaProxy();
        proxyUrl = proxy.url;
    });

    async function newApp(): Promise<string> {
        const id = await oktaNewApp(f, "Wire", true);
        proxy.seen.length = 0;
        return id;
    }
    /** the time zone as Okta holds it: Okta-mastered, no scope */
    const tz = { ...oktaTimeZoneProperty, scope: "NONE", master: { type: "PROFILE_MASTER" } };
    /** the schema update's body for tz alone, as Okta's spec shows it */
    const customDefinition = oktaCustomSchema({ timezone: tz }, []);

    it("the schema update sends the custom definition as the spec shows it; null removes", async () => {
        const appId = await newApp();
        const added = await oktaProfileApi.updateAppUserSchema(proxyUrl, appId, { timezone: tz });
        assert.deepEqual(seen(), [
            {
                method: "POST",
                path: `/api/v1/meta/schemas/apps/${appId}/default`,
                body: customDefinition,
            },
        ]);
        assert.equal(added.definitions.custom.properties.timezone.title, "Time zone");
        const live = await oktaProfileApi.getAppUserSchema(proxyUrl, appId);
        assert.deepEqual(live?.definitions.custom.properties, added.definitions.custom.properties);
        assert.equal(seen()[1].method, "GET");
        assert.equal(seen()[1].path, `/api/v1/meta/schemas/apps/${appId}/default`);
        const removed = await oktaProfileApi.updateAppUserSchema(proxyUrl, appId, {
            timezone: null,
        });
        assert.deepEqual(
            (seen()[2].body as { definitions: { custom: { properties: unknown } } }).definitions
                .custom.properties,
            { timezone: null },
        );
        assert.deepEqual(removed.definitions.custom.properties, {});
    });

    it("AppUserSchemaProperties sends each declared property whole: Okta-mastered, no scope", async () => {
        const appId = await newApp();
        await schema.create({
            orgUrl: proxyUrl,
            appId,
            properties: { timezone: oktaTimeZoneProperty },
        });
        assert.deepEqual(
            seen().map((x) => `${x.method} ${x.path}`),
            [
                `GET /api/v1/meta/schemas/apps/${appId}/default`,
                `POST /api/v1/meta/schemas/apps/${appId}/default`,
            ],
        );
        assert.deepEqual(seen()[1].body, customDefinition);
    });

    it("a refused call names what it was doing, for the operator", async () => {
        const appId = await newApp();
        const mappingId = (await oktaProfileApi.findUserToAppMapping(f.orgUrl, appId))!.id;
        const refused = async (path: string, method: string, call: () => Promise<unknown>) => {
            f.sandbox.setFaults([{ kind: "status", status: 400, server: "okta", method, path }]);
            try {
                await call();
            } catch (e) {
                return (e as Error).message.split(":")[0];
            } finally {
                f.sandbox.clearFaults();
            }
            assert.fail(`${method} ${path} was not refused`);
        };
        const schemaPath = `/meta/schemas/apps/${appId}/default$`;
        assert.deepEqual(
            [
                await refused(schemaPath, "GET", () =>
                    oktaProfileApi.getAppUserSchema(f.orgUrl, appId),
                ),
                await refused(schemaPath, "POST", () =>
                    oktaProfileApi.updateAppUserSchema(f.orgUrl, appId, {}),
                ),
                await refused("/mappings$", "GET", () =>
                    oktaProfileApi.findUserToAppMapping(f.orgUrl, appId),
                ),
                await refused(`/mappings/${mappingId}$`, "GET", () =>
                    oktaProfileApi.getMapping(f.orgUrl, mappingId),
                ),
                await refused(`/mappings/${mappingId}$`, "POST", () =>
                    oktaProfileApi.updateMapping(f.orgUrl, mappingId, {}),
                ),
            ],
            [
                `could not read the user schema of app ${appId}`,
                `could not update the user schema of app ${appId}`,
                `could not find the profile mapping of app ${appId}`,
                `could not read profile mapping ${mappingId}`,
                `could not update profile mapping ${mappingId}`,
            ],
        );
    });

    it("the schema of an app Okta does not have reads as undefined", async () => {
        assert.equal(await oktaProfileApi.getAppUserSchema(proxyUrl, "0oaMissing"), undefined);
    });

    it("the mapping is found by its target app, read, and updated with only the properties sent", async () => {
        const appId = await newApp();
        const found = await oktaProfileApi.findUserToAppMapping(proxyUrl, appId);
        assert.ok(found);
        assert.equal(found.target.id, appId);
        assert.equal(found.source.type, "user");
        assert.deepEqual(seen(), [
            { method: "GET", path: `/api/v1/mappings?targetId=${appId}&limit=200` },
        ]);
        const m = await oktaProfileApi.getMapping(proxyUrl, found.id);
        assert.equal(m?.id, found.id);
        assert.equal(m?.properties.givenName.expression, "user.firstName");
        proxy.seen.length = 0;
        const updated = await oktaProfileApi.updateMapping(proxyUrl, found.id, {
            givenName: { expression: "user.nickName", pushStatus: "PUSH" },
            email: null,
        });
        assert.deepEqual(seen(), [
            {
                method: "POST",
                path: `/api/v1/mappings/${found.id}`,
                body: {
                    properties: {
                        givenName: { expression: "user.nickName", pushStatus: "PUSH" },
                        email: null,
                    },
                },
            },
        ]);
        const { email: _gone, ...others } = m!.properties;
        assert.deepEqual(updated.properties, {
            ...others,
            givenName: { expression: "user.nickName", pushStatus: "PUSH" },
        });
        assert.equal(updated.properties.email, undefined);
    });

    it("no mapping for an app Okta does not have; a mapping id Okta does not have reads as undefined", async () => {
        assert.equal(await oktaProfileApi.findUserToAppMapping(proxyUrl, "0oaMissing"), undefined);
        assert.equal(await oktaProfileApi.getMapping(proxyUrl, "prmMissing"), undefined);
    });
});
