// ScimIntegration as the package's component for every Pulumi language (YAML, Python, Go, .NET):
// the component provider (plugin/index.ts) serves this class, and the package schema is derived
// from its argument type and its output fields. It declares exactly what the TypeScript class
// declares (declareIntegration, integration.ts), under the same type token.
//
// The SDK's analyzer reads this file and everything it imports each time the provider starts, so
// it imports only types and small SDK modules; the implementation is loaded when a component is
// constructed (test/integration/componentPackage.unit.test.ts checks that the two agree).
import { InputPropertiesError } from "@pulumi/pulumi/errors";
import { Output } from "@pulumi/pulumi/output";
import { ComponentResource, ComponentResourceOptions } from "@pulumi/pulumi/resource";
import type {
    ArgumentProblem,
    IntegrationOutputs,
    ScimIntegrationInputs,
} from "./integrationInputs";

/** What this class needs of integration.ts, typed here so the analyzer need not read that module. */
export interface Implementation {
    startIntegration(
        name: string,
        args: ScimIntegrationInputs,
        opts?: ComponentResourceOptions,
    ): { problems: ArgumentProblem[]; ready?: object; options?: ComponentResourceOptions };
    declareIntegration(
        owner: ComponentResource,
        name: string,
        args: ScimIntegrationInputs,
        ready: object,
    ): { outputs: IntegrationOutputs };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at construct time, see above
const implementation = (): Implementation => require("./integration");

/** The message above the list of bad arguments; the engine lists each one under it. */
export const BAD_ARGUMENTS_MESSAGE =
    "ScimIntegration: these arguments are not valid (nothing was created or changed)";

/**
 * The bad arguments as the engine prints them for a component provider: each under the property
 * path the program wrote (`cxone.region`, `groupIds[0]`), the reason without repeating it.
 */
export function argumentsError(problems: ArgumentProblem[]): InputPropertiesError {
    return new InputPropertiesError({
        message: BAD_ARGUMENTS_MESSAGE,
        errors: problems.map((p) => ({
            propertyPath: p.propertyPath,
            reason: p.reason.startsWith(`${p.propertyPath}: `)
                ? p.reason.slice(p.propertyPath.length + 2)
                : p.reason,
        })),
    });
}

/**
 * The NICE CXone + Okta SCIM integration: in CXone the role, the employee and its access key; in
 * Okta the SWA app, its group assignments, its SCIM connection (declared; finished by a person in
 * the Admin Console, where Okta has no API) and its provisioning actions.
 */
export class ScimIntegration extends ComponentResource implements IntegrationOutputs {
    /** Okta "SCIM connector base URL" of the region. */
    readonly scimBaseUrl!: Output<string>;
    /** The Okta app's id. */
    readonly appId!: Output<string>;
    /** The CXone role's id. */
    readonly roleId!: Output<string>;
    /** The CXone employee's id. */
    readonly employeeId!: Output<string>;
    /** Okta "Client ID": the CXone access key's id. */
    readonly accessKeyId!: Output<string>;
    /** Okta "Client secret": the CXone access key's secret, always a secret output. */
    readonly accessKeySecret!: Output<string>;
    /** authorized | pending | disabled | key-revoked | rotating */
    readonly connectionStatus!: Output<string>;
    /** Whole days since the current access key was created. */
    readonly accessKeyAgeDays!: Output<number | undefined>;
    /** When `rotateAfterDays` makes the next rotation due (empty without a schedule). */
    readonly nextKeyRotationDate!: Output<string | undefined>;
    /** Console steps still to do, values included, the secret by reference. Empty when done. */
    readonly remainingSteps!: Output<string[]>;
    /** Whether Okta will provision: the actions are in effect and at least one is on. */
    readonly provisioningApplied!: Output<boolean>;
    /** CXone users Okta manages through the app (assigned and pushed), read before this run's changes. */
    readonly provisionedUsers!: Output<number>;

    constructor(name: string, args: ScimIntegrationInputs, opts?: ComponentResourceOptions) {
        const integration = implementation();
        // Checked before the component registers: a refused argument leaves nothing in the stack.
        // With good arguments its registration, and so every child's, waits for the reads before
        // the first write, as the TypeScript class's does.
        const start = integration.startIntegration(name, args, opts);
        if (!start.ready) throw argumentsError(start.problems);
        super("cxone-okta-scim:index:ScimIntegration", name, {}, start.options);
        const o = integration.declareIntegration(this, name, args, start.ready).outputs;
        // every output becomes the field of its name (`implements IntegrationOutputs` types them)
        Object.assign(this, o);
        this.registerOutputs(o);
    }
}
