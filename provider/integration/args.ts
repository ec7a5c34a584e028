// The component's arguments: what a program gives (ScimIntegrationArgs), the one error that lists
// every bad one, and the arguments once normalized.
import * as pulumi from "@pulumi/pulumi";
import type { AccessKeyArgs } from "../cxone/accessKey";
import type { EmployeeArgs } from "../cxone/employee";
import type { RoleArgs } from "../cxone/role";
import type { ChildTransform, OktaResourceKind, OktaTransforms } from "../okta/appResources";
import type { ScimConnectionArgs } from "../okta/scimConnection";
import type { GateReport } from "../preflight/gate";
import type { CxoneEndpoint, ResolvedRegion } from "../cxone/discovery/regions";
import type { ArgumentProblem, ScimIntegrationInputs } from "./integrationInputs";

export { ChildTransform } from "../okta/appResources";
export {
    ArgumentProblem,
    CxoneTarget,
    IntegrationOutputs,
    ScimIntegrationInputs,
} from "./integrationInputs";

/**
 * Per-child transforms: each is called with the arguments and resource options a child is about
 * to be declared with, and may change them (e.g. `protect`, `dependsOn`, `ignoreChanges`). Okta
 * children get the arguments of the resource the `oktaResources` mode declares.
 *
 * @example
 * ```ts
 * new ScimIntegration("scim", {
 *     ...args,
 *     transform: {
 *         role: (_args, opts) => { opts.protect = true; },
 *         scimConnection: (args) => { args.cxoneSignInHint = "ops@example.com"; },
 *     },
 * });
 * ```
 */
export interface ScimIntegrationTransforms extends OktaTransforms {
    role?: ChildTransform<RoleArgs>;
    employee?: ChildTransform<EmployeeArgs>;
    accessKey?: ChildTransform<AccessKeyArgs>;
    scimConnection?: ChildTransform<ScimConnectionArgs>;
}

/**
 * Inputs of {@link ScimIntegration}: the {@link ScimIntegrationInputs} every language can give, and
 * what only a TypeScript program can (an okta.Provider object, functions).
 */
export interface ScimIntegrationArgs extends ScimIntegrationInputs {
    /** With `pulumi-okta`: an explicit okta.Provider. @default the default provider and `okta:*` config */
    oktaProvider?: pulumi.ProviderResource;
    /** Per-child transforms: see {@link ScimIntegrationTransforms}. */
    transform?: ScimIntegrationTransforms;
}

/**
 * Every bad argument of a {@link ScimIntegration}, reported at once. It carries the same
 * `errors` list as the SDK's InputPropertiesError, but is a ResourceError that hides the stack:
 * a Pulumi program prints it once, in the operator's words (InputPropertiesError is pretty-printed
 * only by component providers).
 */
export class ScimIntegrationArgsError extends pulumi.ResourceError {
    constructor(
        readonly errors: ArgumentProblem[],
        owner: pulumi.Resource,
    ) {
        super(errors.map((e) => e.reason).join("\n"), owner, true);
    }
}

/** The arguments after normalizing: defaults applied, the CXone target resolved. */
export interface NormalizedArgs {
    region: ResolvedRegion;
    endpoint: CxoneEndpoint;
    oktaResources: OktaResourceKind;
    adoptExisting: boolean;
    appLabel: pulumi.Input<string>;
    groupIds: pulumi.Input<string>[];
    /** this stack, `project/stack`: the ownership mark written on the role and the app */
    owner: string;
}

/** Good arguments, normalized, and the reads before the first write they started. */
export interface ReadyIntegration {
    normalized: NormalizedArgs;
    gate: pulumi.Output<GateReport>;
}

/** A ScimIntegration about to register: its arguments checked, the reads started. */
export interface IntegrationStart {
    /** every bad argument, at once (empty when `ready`) */
    problems: ArgumentProblem[];
    ready?: ReadyIntegration;
    /** the component's options: with good arguments its registration waits for the reads */
    options?: pulumi.ComponentResourceOptions;
}
