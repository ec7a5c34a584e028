// ScimIntegration's attributeMappings input, with Pulumi's mocks: which resources each Okta mode
// declares and with what inputs, and that a bad map is refused before any resource is declared.
import { strict as assert } from "assert";
import { componentArgs, newComponent } from "../support/integrationComponent";
import { installMocks } from "../support/pulumiMocks";

interface Declared {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

describe("ScimIntegration attributeMappings (mocks)", function () {
    const declared: Declared[] = [];
    const invoked: string[] = [];

    before(() => {
        installMocks({
            onRegister: (args) =>
                declared.push({ type: args.type, name: args.name, inputs: args.inputs }),
            call(args) {
                invoked.push(args.token);
                return args.token === "okta:user/getUserType:getUserType"
                    ? { id: "oty-default", name: "user" }
                    : args.inputs;
            },
        });
    });

    async function build(
        oktaResources: "builtin" | "pulumi-okta",
        attributeMappings?: Record<string, string>,
    ) {
        declared.length = 0;
        const s = await newComponent(
            "cxone-okta",
            componentArgs({ oktaResources, attributeMappings }),
        );
        await new Promise((resolve) =>
            s.appId.apply((v) => {
                setTimeout(() => resolve(v), 50);
                return v;
            }),
        );
    }
    const dynamicInputs = (name: string) => declared.find((d) => d.name === name)?.inputs;

    it("builtin: the schema properties and the mapping, defaults included", async () => {
        await build("builtin", {
            "nice:team": "user.department",
            "phoneNumbers.work": "user.primaryPhone",
        });
        const schema = dynamicInputs("cxone-okta-app-user-schema");
        const mapping = dynamicInputs("cxone-okta-profile-mapping");
        assert.ok(schema && mapping, JSON.stringify(declared.map((d) => d.name)));
        // primaryPhone is in a SCIM app's documented base set: declared, for the resource to add
        // only where the live base set lacks it
        assert.deepEqual(Object.keys(schema.properties as object).sort(), [
            "niceTeam",
            "primaryPhone",
        ]);
        assert.deepEqual(mapping.properties, {
            email: "user.email",
            familyName: "user.lastName",
            givenName: "user.firstName",
            niceTeam: "user.department",
            primaryPhone: "user.primaryPhone",
        });
    });

    it("builtin with no map: only the seed's mappings, no schema property", async () => {
        await build("builtin");
        assert.deepEqual(dynamicInputs("cxone-okta-app-user-schema")?.properties, {});
        assert.deepEqual(
            Object.keys(dynamicInputs("cxone-okta-profile-mapping")?.properties as object).sort(),
            ["email", "familyName", "givenName"],
        );
    });

    it("pulumi-okta: one okta.AppUserSchemaProperty per added attribute and okta.profile.Mapping from the default user type", async () => {
        await build("pulumi-okta", {
            "nice:team": "user.department",
            timezone: "user.timezone",
            "phoneNumbers.mobile": "user.mobilePhone",
        });
        const props = declared.filter(
            (d) => d.type === "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
        );
        // mobilePhone is Okta's (a SCIM app's base set): mapped onto, never declared
        assert.deepEqual(props.map((p) => p.inputs.index).sort(), ["niceTeam", "timezone"]);
        const team = props.find((p) => p.inputs.index === "niceTeam")!.inputs;
        assert.equal(team.externalName, "team");
        assert.equal(
            team.externalNamespace,
            "urn:ietf:params:scim:schemas:extension:nice:2.0:User",
        );
        const [mapping] = declared.filter((d) => d.type === "okta:profile/mapping:Mapping");
        assert.ok(mapping, JSON.stringify(declared.map((d) => d.type)));
        assert.equal(mapping.inputs.sourceId, "oty-default");
        assert.equal(mapping.inputs.deleteWhenAbsent, false);
        for (const [id, expression] of [
            ["niceTeam", "user.department"],
            ["mobilePhone", "user.mobilePhone"],
        ])
            assert.ok(
                (mapping.inputs.mappings as { id: string; expression: string }[]).some(
                    (m) => m.id === id && m.expression === expression,
                ),
                id,
            );
        assert.ok(invoked.includes("okta:user/getUserType:getUserType"));
    });

    it("a bad map fails naming every bad key, before any resource is declared", async () => {
        await assert.rejects(
            build("builtin", { "nice:teem": "user.department", timezone: "user.timezone +" }),
            (e: Error) => {
                assert.match(
                    e.message,
                    /attributeMappings\["nice:teem"\]: unknown CXone attribute "nice:teem" \(did you mean "nice:team"\?\)/,
                );
                assert.match(
                    e.message,
                    /attributeMappings\["timezone"\]: "timezone": malformed expression/,
                );
                return true;
            },
        );
        assert.deepEqual(
            declared.filter((d) => !d.type.startsWith("cxone-okta-scim:index")),
            [],
        );
    });
});

describe("program setting cxone-okta-scim:attributeMappings", () => {
    const sandbox = {
        cxone: { baseUrl: "http://127.0.0.1:1" },
        okta: { orgUrl: "http://127.0.0.1:2" },
    };
    const KEY = "cxone-okta-scim:attributeMappings";
    const args = async (value?: string) => {
        const { integrationArgs } = await import("../../program/settings");
        return integrationArgs((k) => (k === KEY ? value : undefined), sandbox);
    };

    it("unset: no map (the seed's defaults)", async () =>
        assert.equal((await args()).attributeMappings, undefined));
    it("a JSON object becomes the component's map", async () => {
        assert.deepEqual((await args('{"nice:team":"user.department"}')).attributeMappings, {
            "nice:team": "user.department",
        });
    });
    it("bad JSON and bad keys are refused naming the setting and the key", async () => {
        await assert.rejects(args("{nice:team}"), new RegExp(`${KEY} must be a JSON object`));
        await assert.rejects(
            args('{"team":"user.department"}'),
            /cxone-okta-scim:attributeMappings\["team"\]: unknown CXone attribute "team"/,
        );
        await assert.rejects(
            args('{"timezone":"user.time zone"}'),
            /attributeMappings\["timezone"\]: "timezone": malformed expression "user\.time zone"/,
        );
    });
});
