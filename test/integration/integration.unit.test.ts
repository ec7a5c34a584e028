// ScimIntegration's wiring in the builtin mode, with Pulumi's mocks: which resources it declares
// and how they are connected, the per-child transforms, and every argument error at once.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import type {
    ScimIntegration as Integration,
    ScimIntegrationArgs,
} from "../../provider/integration";
import { Declared, MockWorld, recordRegistrations, settled } from "../support/pulumiMocks";

const base: ScimIntegrationArgs = {
    cxone: { region: "na1" },
    oktaOrgUrl: "https://dev-1.okta.com",
    employeeEmail: "k@example.com",
    groupIds: ["00g1", "00g2"],
};

describe("ScimIntegration wiring, builtin Okta resources (mocks)", function () {
    const declared: Declared[] = [];
    const world: MockWorld = { connectionStatus: "pending" };
    // "-group" finds scim-group-0 and scim-group-1; "-app" finds scim-app, not scim-app-user-schema
    const find = (part: string) =>
        declared.filter(
            (d) => d.name === `scim${part}` || new RegExp(`^scim${part}-\\d+$`).test(d.name),
        );
    const one = (suffix: string) => {
        const found = find(suffix);
        assert.equal(found.length, 1, suffix);
        return found[0];
    };

    async function build(
        args: Partial<ScimIntegrationArgs> = {},
        preview = false,
    ): Promise<Integration> {
        recordRegistrations(declared, world, preview);
        declared.length = 0;
        const { ScimIntegration } = await import("../../provider/integration");
        const s = new ScimIntegration("scim", { ...base, ...args });
        await settled(s.provisioningApplied);
        return s;
    }

    it("declares the 11 children under the component with the package defaults", async () => {
        await build();
        const dynamic = declared.filter((d) => d.type.startsWith("pulumi-nodejs:dynamic"));
        assert.deepEqual(dynamic.map((d) => d.name).sort(), [
            "scim-app",
            "scim-app-user-schema",
            "scim-employee",
            "scim-group-0",
            "scim-group-1",
            "scim-guard",
            "scim-key",
            "scim-profile-mapping",
            "scim-provisioning",
            "scim-role",
            "scim-scim",
        ]);
        assert.equal(one("-role").inputs.name, "SCIM Access Key");
        // the default description, with this stack's ownership mark (provider/ownership.ts)
        assert.equal(
            one("-role").inputs.description,
            "Okta SCIM provisioning (managed by Pulumi) [pulumi stack: project/stack]",
        );
        assert.equal(one("-app").inputs.owner, "project/stack");
        assert.deepEqual(
            [one("-employee").inputs.firstName, one("-employee").inputs.lastName],
            ["SCIM", "AccessKey"],
        );
        assert.equal(one("-app").inputs.label, "NICE CXone");
        assert.equal(one("-scim").inputs.appLabel, "NICE CXone");
        assert.deepEqual(
            [
                one("-provisioning").inputs.createUsers,
                one("-provisioning").inputs.updateUserAttributes,
                one("-provisioning").inputs.deactivateUsers,
            ],
            [true, true, true],
        );
    });

    it("wires ids: employee <- role, key <- employee, groups/connection/actions <- app, connection <- key", async () => {
        await build();
        assert.equal(one("-employee").inputs.roleId, "scim-role-id");
        assert.equal(one("-key").inputs.employeeId, "scim-employee-id");
        for (const d of [
            ...find("-group-0"),
            ...find("-group-1"),
            one("-scim"),
            one("-provisioning"),
        ]) {
            assert.equal(d.inputs.appId, "scim-app-id", d.name);
        }
        assert.equal(one("-scim").inputs.clientId, "scim-key-id");
        assert.equal(one("-provisioning").inputs.connectionStatus, "pending");
        assert.deepEqual(
            find("-group").map((d) => d.inputs.groupId),
            ["00g1", "00g2"],
        );
    });

    it("the same resources are declared in a preview where the connection status is unknown", async () => {
        await build();
        const up = declared.map((d) => d.name).sort();
        world.connectionStatus = pulumi.runtime.unknownValue;
        await build({}, true);
        world.connectionStatus = "pending";
        assert.deepEqual(declared.map((d) => d.name).sort(), up);
    });

    it("exposes its children as readonly properties", async () => {
        const s = await build();
        const urns = await Promise.all(
            [
                s.role,
                s.employee,
                s.accessKey,
                s.app,
                ...s.groupAssignments,
                s.scimConnection,
                s.provisioningActions,
            ].map((r) => settled(r.urn)),
        );
        assert.deepEqual(
            urns.map((u) => u?.split("::").pop()),
            [
                "scim-role",
                "scim-employee",
                "scim-key",
                "scim-app",
                "scim-group-0",
                "scim-group-1",
                "scim-scim",
                "scim-provisioning",
            ],
        );
    });

    it("per-child transforms change arguments and options: protect the role, a dependsOn, a label", async () => {
        const seen: string[] = [];
        const s = await build({
            transform: {
                role: (args, opts, name) => {
                    seen.push(name);
                    opts.protect = true;
                    args.description = "shaped";
                },
                employee: (_args, opts) => {
                    opts.ignoreChanges = ["firstName"];
                },
                app: (args) => {
                    args.label = "CXone (shaped)";
                },
                groupAssignment: (_args, _opts, name) => seen.push(name),
            },
        });
        assert.deepEqual(seen, ["scim-role", "scim-group-0", "scim-group-1"]);
        assert.equal(one("-role").inputs.description, "shaped");
        assert.equal(one("-app").inputs.label, "CXone (shaped)");
        // protect is an option, not an input: read it from the resource the component built
        assert.equal(Reflect.get(s.role, "__protect"), true);
        assert.notEqual(Reflect.get(s.employee, "__protect"), true);
    });

    it("reports every argument error at once, naming each input", async () => {
        recordRegistrations(declared, world, true);
        const { ScimIntegration, ScimIntegrationArgsError } =
            await import("../../provider/integration");
        const bad = {
            ...base,
            cxone: { region: "mars1" },
            oktaResources: "terraform" as never,
            oktaProvider: new (class extends pulumi.ProviderResource {})("okta", "p", {}),
            adoptExisting: "yes" as never,
        };
        let caught: unknown;
        try {
            new ScimIntegration("bad", bad);
        } catch (e) {
            caught = e;
        }
        assert.ok(caught instanceof ScimIntegrationArgsError, String(caught));
        assert.deepEqual(
            caught.errors.map((e) => e.propertyPath),
            ["cxone.region", "oktaResources", "oktaProvider", "adoptExisting"],
        );
        assert.match(caught.message, /^cxone\.region: region "mars1" is not a known CXone region/);
        assert.match(
            caught.message,
            /oktaResources: must be "builtin" or "pulumi-okta" \(got "terraform"\)/,
        );
        assert.ok(
            pulumi.ResourceError.isInstance(caught) && caught.hideStack,
            "printed once, without a stack trace",
        );
    });

    it("one argument error reads as before: 'cxone.<input>: <reason>'", async () => {
        recordRegistrations(declared, world, true);
        const { ScimIntegration } = await import("../../provider/integration");
        assert.throws(
            () => new ScimIntegration("bad", { ...base, cxone: { region: "na1", fedramp: true } }),
            (e: Error) =>
                e.message.startsWith(
                    `cxone.fedramp: fedramp is true but region "na1" is not a FedRAMP region`,
                ),
        );
    });
});
