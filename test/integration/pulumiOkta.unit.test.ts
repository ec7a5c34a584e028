// The `oktaResources: "pulumi-okta"` path of ScimIntegration, with Pulumi's mocks: which @pulumi/okta
// resources it declares, with what inputs and through which provider, and that every one of them
// is declared while the program runs (never inside an `apply`), so `pulumi preview` shows them all.
// (The Okta plugin cannot be built on this project's machines, so this path is checked here and in
// test/sandbox/oktaPlugin.engine.test.ts where a plugin exists.)
import { strict as assert } from "assert";
import { componentArgs, newComponent } from "../support/integrationComponent";
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type {
    ScimIntegration as Integration,
    ScimIntegrationArgs,
} from "../../provider/integration/index";
import { Declared, MockWorld, recordRegistrations, settled } from "../support/pulumiMocks";

const UNKNOWN = pulumi.runtime.unknownValue;
const OKTA_TYPES = [
    "okta:app/autoLogin:AutoLogin",
    "okta:app/groupAssignment:GroupAssignment",
    "okta:app/features:Features",
];

describe("ScimIntegration with oktaResources: pulumi-okta (mocks)", function () {
    const declared: Declared[] = [];
    const world: MockWorld = { connectionStatus: "pending" };

    async function build(
        extra: Partial<ScimIntegrationArgs> = {},
        preview = false,
    ): Promise<{ s: Integration; applied?: boolean }> {
        recordRegistrations(declared, world, preview);
        declared.length = 0;
        const s = await newComponent(
            "cxone-okta",
            componentArgs({
                groupIds: ["00g1", "00g2"],
                oktaResources: "pulumi-okta",
                updateUserAttributes: false,
                ...extra,
            }),
        );
        return { s, applied: await settled(s.provisioningApplied) };
    }
    const ofType = (t: string) => declared.filter((d) => d.type === t);

    it("declares okta.app.AutoLogin (not Swa) at the region's login page and one GroupAssignment per group", async () => {
        await build();
        const apps = ofType("okta:app/autoLogin:AutoLogin");
        assert.equal(apps.length, 1);
        assert.equal(apps[0].inputs.label, "NICE CXone");
        assert.equal(apps[0].inputs.signOnUrl, "https://cxone.niceincontact.com/login");
        // the stack's mark, so the reads before the first write know the app as this stack's
        assert.equal(apps[0].inputs.adminNote, "[pulumi stack: project/stack]");
        assert.equal(ofType("okta:app/swa:Swa").length, 0);
        assert.deepEqual(
            ofType("okta:app/groupAssignment:GroupAssignment").map((d) => d.inputs.groupId),
            ["00g1", "00g2"],
        );
    });

    it("declares okta.app.Features on every run with the chosen switches; applied only once the connection is authorized", async () => {
        for (const [status, applied] of [
            ["pending", false],
            ["authorized", true],
        ] as const) {
            world.connectionStatus = status;
            assert.equal((await build()).applied, applied, status);
            const features = ofType("okta:app/features:Features");
            assert.equal(features.length, 1, status);
            assert.equal(features[0].inputs.name, "USER_PROVISIONING");
            assert.deepEqual(features[0].inputs.capabilities, {
                create: { lifecycleCreate: { status: "ENABLED" } },
                update: {
                    profile: { status: "DISABLED" },
                    lifecycleDeactivate: { status: "ENABLED" },
                },
            });
        }
    });

    it("makes the SCIM connection fail the up until authorized (Okta refuses the feature before), builtin mode does not", async () => {
        await build();
        assert.equal(
            declared.find((d) => d.type.endsWith("okta:ScimConnection"))?.inputs
                .requireAuthorization,
            true,
        );
        await build({ oktaResources: "builtin" });
        assert.equal(
            declared.find((d) => d.type.endsWith("okta:ScimConnection"))?.inputs
                .requireAuthorization,
            false,
        );
    });

    it("preview with the connection status unknown declares the same resources as an up (none waits in an apply)", async () => {
        world.connectionStatus = "authorized";
        await build();
        const up = declared.map((d) => `${d.type} ${d.name}`).sort();
        world.connectionStatus = UNKNOWN;
        const { applied } = await build({}, true);
        assert.equal(applied, undefined, "provisioningApplied is unknown in this preview");
        assert.deepEqual(declared.map((d) => `${d.type} ${d.name}`).sort(), up);
        // the component, role, employee, key, app, 2 groups, connection, profile mapping, features,
        // removal guard
        assert.equal(up.length, 11);
        assert.ok(
            up.some((d) => d.startsWith("okta:profile/mapping:Mapping ")),
            up.join(", "),
        );
    });

    it("exposes every child as soon as the constructor returns: each was declared by it, not later", async () => {
        world.connectionStatus = UNKNOWN;
        recordRegistrations(declared, world, true);
        const s = await newComponent(
            "sync",
            componentArgs({ groupIds: ["00g1"], oktaResources: "pulumi-okta" }),
        );
        assert.ok(s.app instanceof okta.app.AutoLogin);
        assert.ok(s.provisioningActions instanceof okta.app.Features);
        assert.equal(s.groupAssignments.length, 1);
        assert.ok(s.groupAssignments[0] instanceof okta.app.GroupAssignment);
        await settled(s.appId);
    });

    it("composes with the default Okta provider: no explicit provider on any Okta resource", async () => {
        world.connectionStatus = "authorized";
        await build();
        const oktaResources = declared.filter((d) => OKTA_TYPES.includes(d.type));
        assert.equal(oktaResources.length, 4);
        for (const d of oktaResources)
            assert.ok(!d.provider?.includes("explicit-okta"), `${d.name}: ${d.provider}`);
        assert.equal(declared.filter((d) => d.type === "pulumi:providers:okta").length, 0);
    });

    it("composes with an explicit okta.Provider: every Okta resource goes through it, the dynamic ones do not", async () => {
        world.connectionStatus = "authorized";
        recordRegistrations(declared, world, false);
        declared.length = 0;
        const provider = new okta.Provider("explicit-okta", {
            orgName: "dev-1",
            baseUrl: "okta.com",
            apiToken: "not-a-token",
        });
        await build({ oktaProvider: provider });
        const oktaResources = declared.filter((d) => OKTA_TYPES.includes(d.type));
        assert.equal(oktaResources.length, 4);
        for (const d of oktaResources)
            assert.match(d.provider ?? "", /pulumi:providers:okta::explicit-okta::/, d.name);
        const dynamic = declared.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic"));
        assert.equal(dynamic.length, 5); // role, employee, key, connection, removal guard
        for (const d of dynamic) {
            assert.ok(
                !d.provider?.includes("explicit-okta"),
                `${d.name} must not use the Okta provider`,
            );
        }
    });
});
