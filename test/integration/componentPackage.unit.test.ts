// The package's component (what YAML, Python, Go and .NET programs declare through the component
// provider) against the TypeScript class, with Pulumi's mocks: the same children from the same
// arguments, bad arguments refused as an InputPropertiesError before anything registers, each
// named by the property path the program wrote. The lazily loaded implementation matches the
// interface the component declares for it (checked by the compiler here).
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    argumentsError,
    BAD_ARGUMENTS_MESSAGE,
    Implementation,
    ScimIntegration as PackageComponent,
} from "../../provider/integration/componentPackage";
import * as integration from "../../provider/integration/index";
import type { ScimIntegrationInputs } from "../../provider/integration/integrationInputs";

// The compiler checks that integration.ts provides what componentPackage.ts loads from it.
const implementation: Implementation = integration;

const args: ScimIntegrationInputs = {
    cxone: { sandboxUrl: "http://127.0.0.1:4610" },
    oktaOrgUrl: "http://127.0.0.1:4620",
    employeeEmail: "scim.key@example.com",
    groupIds: ["00g1abcdefghijklmnop"],
};

/** Every registration (type and name) the construction makes, once its outputs are known. */
async function registrations(
    construct: () => { appId: pulumi.Output<string>; provisioningApplied: pulumi.Output<boolean> },
): Promise<string[]> {
    const seen: string[] = [];
    pulumi.runtime.setMocks(
        {
            newResource(a) {
                seen.push(`${a.type} ${a.name}`);
                const extra: Record<string, unknown> = a.type.endsWith("okta:ScimConnection")
                    ? { status: "authorized", remainingSteps: [] }
                    : a.type.endsWith("cxone:AccessKey")
                      ? { accessKeyId: `${a.name}-id`, previousAccessKeyId: "" }
                      : {};
                return { id: `${a.name}-id`, state: { ...a.inputs, ...extra } };
            },
            call: (a) => a.inputs,
        },
        "project",
        "stack",
        false,
    );
    const c = construct();
    await new Promise((resolve) => pulumi.all([c.appId, c.provisioningApplied]).apply(resolve));
    return seen.sort();
}

describe("the package's ScimIntegration (component provider) and the TypeScript class", () => {
    it("the implementation it loads at construct time is integration.ts's", () => {
        assert.equal(implementation.declareIntegration, integration.declareIntegration);
        assert.equal(implementation.startIntegration, integration.startIntegration);
    });

    it("declares the same children, under the same type token, from the same arguments", async () => {
        const viaPackage = await registrations(() => new PackageComponent("scim", args));
        const viaClass = await registrations(() => new integration.ScimIntegration("scim", args));
        assert.deepEqual(viaPackage, viaClass);
        assert.ok(viaPackage.includes("cxone-okta-scim:index:ScimIntegration scim"));
        assert.ok(viaPackage.length >= 9, viaPackage.join("\n"));
    });

    it("a bad argument: an InputPropertiesError under the property path, before anything registers", async () => {
        let error: unknown;
        const seen = await registrations(() => {
            try {
                new PackageComponent("scim", {
                    ...args,
                    cxone: { sandboxUrl: "http://cxone.example.com:4610" },
                });
            } catch (e) {
                error = e;
            }
            return { appId: pulumi.output(""), provisioningApplied: pulumi.output(false) };
        });
        assert.deepEqual(seen, [], "nothing registered");
        assert.ok(pulumi.InputPropertiesError.isInstance(error), String(error));
        const e = error as pulumi.InputPropertiesError;
        assert.equal(e.message, BAD_ARGUMENTS_MESSAGE);
        assert.deepEqual(
            e.errors.map((x) => x.propertyPath),
            ["cxone.sandboxUrl"],
        );
        assert.match(e.errors[0].reason, /^"http:\/\/cxone\.example\.com:4610" is not on loopback/);
    });

    it("the reason is not repeated after the path the engine already prints; other reasons stay whole", () => {
        const e = argumentsError([
            {
                propertyPath: "employeeEmail",
                reason: "employeeEmail: email must be an email address",
            },
            { propertyPath: "groupIds[1]", reason: "a reason in other words" },
        ]);
        assert.deepEqual(e.errors, [
            { propertyPath: "employeeEmail", reason: "email must be an email address" },
            { propertyPath: "groupIds[1]", reason: "a reason in other words" },
        ]);
    });
});
