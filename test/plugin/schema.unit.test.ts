// The package schema other languages see (what `pulumi package get-schema plugin` prints; the YAML
// engine test checks the CLI prints this same schema), derived by the SDK's analyzer from
// ScimIntegrationInputs and the component's outputs: every argument with its type, description,
// default and secretness, and every output. A change to the arguments changes this pin on purpose.
import { strict as assert } from "assert";
import * as path from "path";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { ScimIntegration } from "../../provider/integration/componentPackage";
import * as defaults from "../../provider/integration/defaults";
import { repoRoot } from "../../scripts/lib/engine";

interface Property {
    type?: string;
    $ref?: string;
    plain?: boolean;
    secret?: boolean;
    description?: string;
    items?: Property;
    additionalProperties?: Property;
}
interface Resource {
    isComponent: boolean;
    inputProperties: Record<string, Property>;
    requiredInputs: string[];
    properties: Record<string, Property>;
    required: string[];
}
interface Schema {
    name: string;
    version: string;
    resources: Record<string, Resource>;
    types: Record<string, { properties?: Record<string, Property>; enum?: { value: string }[] }>;
}

const TOKEN = "cxone-okta-scim:index:ScimIntegration";
const ref = (t: string) => `#/types/cxone-okta-scim:index:${t}`;

/** The default a description states: "Default: `X`." (a value) or "Default: words." */
function statedDefault(p: Property): string | undefined {
    const m = /Default: (?:`([^`]*)`|([^.]+))/.exec(p.description ?? "");
    return m ? (m[1] ?? m[2]) : undefined;
}

// name -> [type or $ref, plain, the default the code applies (as text), or undefined: none stated]
const ARGUMENTS: Record<string, [string, boolean, string | undefined]> = {
    cxone: [ref("CxoneTarget"), true, undefined],
    oktaOrgUrl: ["string", false, undefined],
    roleName: ["string", false, defaults.DEFAULT_ROLE_NAME],
    roleDescription: ["string", false, defaults.DEFAULT_ROLE_DESCRIPTION],
    employeeEmail: ["string", false, undefined],
    employeeFirstName: ["string", false, defaults.DEFAULT_EMPLOYEE_FIRST_NAME],
    employeeLastName: ["string", false, defaults.DEFAULT_EMPLOYEE_LAST_NAME],
    loginAuthenticatorId: ["string", false, "the tenant's default authenticator"],
    inviteEmployee: ["boolean", false, String(defaults.DEFAULT_INVITE)],
    appLabel: ["string", false, defaults.DEFAULT_APP_LABEL],
    groupIds: ["array", true, "none"],
    // the code's `=== true` and `?? false`: nothing is allowed unless asked for
    allowEveryoneGroup: ["boolean", false, "false"],
    allowRemoval: ["boolean", false, "false"],
    createUsers: ["boolean", false, String(defaults.DEFAULT_PROVISIONING_SWITCHES.createUsers)],
    updateUserAttributes: [
        "boolean",
        false,
        String(defaults.DEFAULT_PROVISIONING_SWITCHES.updateUserAttributes),
    ],
    deactivateUsers: [
        "boolean",
        false,
        String(defaults.DEFAULT_PROVISIONING_SWITCHES.deactivateUsers),
    ],
    deactivationThreshold: ["number", false, String(defaults.DEFAULT_DEACTIVATION_THRESHOLD)],
    allowDeactivations: ["number", false, "none"],
    accessKeyRotation: ["string", false, "none"],
    rotateAfterDays: ["number", false, "none"],
    maxRotationOverlapDays: ["number", false, "none (wait for the evidence)"],
    waitForAuthorizationSeconds: [
        "number",
        false,
        String(defaults.DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS),
    ],
    adoptExisting: ["boolean", true, String(defaults.DEFAULT_ADOPT_EXISTING)],
    adoptRoleId: ["string", false, undefined],
    adoptEmployeeId: ["string", false, undefined],
    adoptAppId: ["string", false, undefined],
    secretReference: ["string", false, defaults.DEFAULT_SECRET_REFERENCE],
    oktaResources: [ref("OktaResourceKind"), true, defaults.DEFAULT_OKTA_RESOURCES],
    attributeMappings: ["object", true, "the seed's fields only"],
};

// name -> [type, always set]
const OUTPUTS: Record<string, [string, boolean]> = {
    scimBaseUrl: ["string", true],
    appId: ["string", true],
    roleId: ["string", true],
    employeeId: ["string", true],
    accessKeyId: ["string", true],
    accessKeySecret: ["string", true],
    connectionStatus: ["string", true],
    accessKeyAgeDays: ["number", false],
    nextKeyRotationDate: ["string", false],
    remainingSteps: ["array", true],
    provisioningApplied: ["boolean", true],
    provisionedUsers: ["number", true],
};

describe("package schema: ScimIntegration for every language", function () {
    this.timeout(60_000);
    let schema: Schema;
    let component: Resource;
    before(async () => {
        const provider = new ComponentProvider({
            name: "cxone-okta-scim",
            components: [ScimIntegration],
            dirname: path.join(repoRoot, "plugin"),
        });
        schema = JSON.parse(await provider.getSchema()) as Schema;
        component = schema.resources[TOKEN];
    });

    it("one component, named by the TypeScript class's type token, versioned like the npm package", () => {
        assert.deepEqual(Object.keys(schema.resources), [TOKEN]);
        assert.equal(component.isComponent, true);
        assert.equal(schema.name, "cxone-okta-scim");
        assert.equal(schema.version, require("../../../package.json").version);
    });

    it("every argument: its type, whether it takes outputs, its description and its default", () => {
        assert.deepEqual(
            Object.keys(component.inputProperties).sort(),
            Object.keys(ARGUMENTS).sort(),
        );
        for (const [name, [type, plain, stated]] of Object.entries(ARGUMENTS)) {
            const p = component.inputProperties[name];
            assert.equal(p.$ref ?? p.type, type, name);
            assert.equal(p.plain === true, plain, `${name}: plain`);
            assert.ok((p.description ?? "").length > 20, `${name} is described`);
            assert.equal(statedDefault(p), stated, `${name}: the default its description states`);
        }
        assert.deepEqual(component.requiredInputs, ["cxone", "employeeEmail", "oktaOrgUrl"]);
    });

    it("no argument is a secret (credentials come from the environment), none is TypeScript-only", () => {
        for (const [name, p] of Object.entries(component.inputProperties))
            assert.equal(p.secret, undefined, name);
        assert.equal(component.inputProperties.transform, undefined);
        assert.equal(component.inputProperties.oktaProvider, undefined);
    });

    it("the nested types: the CXone target and the Okta resources mode (an enum of what YAML writes)", () => {
        const target = schema.types["cxone-okta-scim:index:CxoneTarget"].properties!;
        assert.deepEqual(Object.keys(target).sort(), [
            "fedramp",
            "region",
            "sandboxUrl",
            "tenantId",
        ]);
        assert.equal(statedDefault(target.fedramp), "false");
        const kinds = schema.types["cxone-okta-scim:index:OktaResourceKind"].enum!.map(
            (e) => e.value,
        );
        assert.deepEqual(kinds, ["builtin", "pulumi-okta"]);
    });

    it("every output, with its type and whether it is always set", () => {
        assert.deepEqual(Object.keys(component.properties).sort(), Object.keys(OUTPUTS).sort());
        for (const [name, [type, always]] of Object.entries(OUTPUTS)) {
            const p = component.properties[name];
            assert.equal(p.type, type, name);
            assert.equal(component.required.includes(name), always, `${name}: required`);
            assert.ok((p.description ?? "").length > 10, `${name} is described`);
        }
        // The analyzer cannot mark an output secret; the value is one at run time in every
        // language (examples/yaml's engine test reads it back as [secret]), and it says so.
        assert.match(component.properties.accessKeySecret.description!, /secret output/);
    });
});
