// The `oktaResources: "pulumi-okta"` path of ScimIntegration, with Pulumi's mocks: which @pulumi/okta
// resources it declares and with what inputs. (The Okta plugin cannot be built on this project's
// machines, so this path is checked here and in test/engine/oktaPlugin.test.ts where a plugin exists.)
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";

interface Declared { type: string; name: string; inputs: Record<string, unknown> }

describe("ScimIntegration with oktaResources: pulumi-okta (mocks)", function () {
    const declared: Declared[] = [];
    let connectionStatus = "pending";

    before(() => {
        pulumi.runtime.setMocks({
            newResource(args) {
                declared.push({ type: args.type, name: args.name, inputs: args.inputs });
                const extra: Record<string, unknown> = args.type.endsWith("okta:ScimConnection") ? { status: connectionStatus, remainingSteps: [] } : {};
                return { id: `${args.name}-id`, state: { ...args.inputs, ...extra } };
            },
            call: (args) => args.inputs,
        }, "project", "stack", false);
    });

    async function build(): Promise<boolean> {
        declared.length = 0;
        const { ScimIntegration } = await import("../../provider/integration");
        const s = new ScimIntegration("cxone-okta", {
            cxone: { region: "na1" }, oktaOrgUrl: "https://dev-1.okta.com", employeeEmail: "k@example.com",
            groupIds: ["00g1", "00g2"], oktaResources: "pulumi-okta", updateUserAttributes: false,
        });
        return new Promise((resolve) => s.provisioningApplied.apply((v) => { setTimeout(() => resolve(v), 50); return v; }));
    }

    it("declares okta.app.AutoLogin (not Swa) at the region's login page and one GroupAssignment per group", async () => {
        await build();
        const apps = declared.filter((d) => d.type === "okta:app/autoLogin:AutoLogin");
        assert.equal(apps.length, 1);
        assert.equal(apps[0].inputs.label, "NICE CXone");
        assert.equal(apps[0].inputs.signOnUrl, "https://cxone.niceincontact.com/login");
        assert.equal(declared.filter((d) => d.type === "okta:app/swa:Swa").length, 0);
        assert.deepEqual(declared.filter((d) => d.type === "okta:app/groupAssignment:GroupAssignment").map((d) => d.inputs.groupId), ["00g1", "00g2"]);
    });

    it("declares okta.app.Features only once the connection is authorized, with the chosen switches", async () => {
        connectionStatus = "pending";
        assert.equal(await build(), false);
        assert.equal(declared.filter((d) => d.type === "okta:app/features:Features").length, 0);
        connectionStatus = "authorized";
        assert.equal(await build(), true);
        const features = declared.filter((d) => d.type === "okta:app/features:Features");
        assert.equal(features.length, 1);
        assert.equal(features[0].inputs.name, "USER_PROVISIONING");
        assert.deepEqual(features[0].inputs.capabilities, {
            create: { lifecycleCreate: { status: "ENABLED" } },
            update: { profile: { status: "DISABLED" }, lifecycleDeactivate: { status: "ENABLED" } },
        });
    });
});
