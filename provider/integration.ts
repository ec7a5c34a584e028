// ScimIntegration: the whole CXone + Okta SCIM integration (procedure steps 1-14) as one component,
// built from small steps: normalize the arguments (every error at once), then create each child.
import * as pulumi from "@pulumi/pulumi";
import { AccessKey, AccessKeyArgs } from "./cxone/accessKey";
import { Employee, EmployeeArgs } from "./cxone/employee";
import { Role, RoleArgs } from "./cxone/role";
import {
    DEFAULT_ADOPT_EXISTING,
    DEFAULT_APP_LABEL,
    DEFAULT_EMPLOYEE_FIRST_NAME,
    DEFAULT_EMPLOYEE_LAST_NAME,
    DEFAULT_INVITE,
    DEFAULT_OKTA_RESOURCES,
    DEFAULT_PROVISIONING_SWITCHES,
    DEFAULT_ROLE_DESCRIPTION,
    DEFAULT_ROLE_NAME,
    DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS,
    DEFAULT_ROTATE_AFTER_DAYS,
    DEFAULT_MAX_ROTATION_OVERLAP_DAYS,
    DEFAULT_DEACTIVATION_THRESHOLD,
} from "./defaults";
import {
    ChildTransform,
    createGroupAssignments,
    createOktaApp,
    createProvisioningActions,
    OKTA_RESOURCE_KINDS,
    OktaApp,
    OktaAppOptions,
    OktaGroupAssignment,
    OktaProvisioningActions,
    OktaResourceKind,
    OktaTransforms,
    shaped,
} from "./okta/appResources";
import { attributeMappings } from "./okta/attributeMappings";
import { formatProblems, validateMappings } from "./okta/attributeMappingsLogic";
import { ScimConnection, ScimConnectionArgs } from "./okta/scimConnection";
import { dotSegments, UNKNOWN } from "./checks";
import { isLoopbackUrl } from "./core/loopback";
import { ChildInputs, childChecks, childProblems } from "./componentChecks";
import { ownerMarker, withMarker } from "./ownership";
import { ROLE_DESCRIPTION_MAX } from "./cxone/roleLogic";
import { secretLike } from "./secretness";
import { RemovalGuard } from "./guard/removalGuard";
import { tellPeople } from "./people/tell";
import { gatedOptions } from "./preflight/gate";
import { GateInputs, integrationGate } from "./preflight/integrationGate";
import { anySwitchOn, warnAboutSettings } from "./integrationWarnings";
import {
    cxoneEndpointFor,
    CxoneEndpoint,
    RegionError,
    resolveRegion,
    ResolvedRegion,
    sandboxRegion,
} from "./regions";

export { ChildTransform } from "./okta/appResources";

/** Where the CXone tenant is: a region (and FedRAMP flag), or the local sandbox. */
export interface CxoneTarget {
    /** CXone region, e.g. `na1`. Required unless `sandboxUrl` is set. */
    region?: string;
    /** FedRAMP tenant (region na2). @default false */
    fedramp?: boolean;
    /** Base URL of the local sandbox's CXone server (every CXone API on one host). */
    sandboxUrl?: string;
    /** Tenant id, when discovery needs it. */
    tenantId?: string;
}

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

/** Inputs of {@link ScimIntegration}. Only `cxone`, `oktaOrgUrl` and `employeeEmail` are required. */
export interface ScimIntegrationArgs {
    /** Where the CXone tenant is. */
    cxone: CxoneTarget;
    /** Okta org URL, e.g. https://example.okta.com */
    oktaOrgUrl: pulumi.Input<string>;
    /**
     * Step 1: the role for the key. Role names can never be reused in CXone.
     * @default "SCIM Access Key"
     */
    roleName?: pulumi.Input<string>;
    /** @default "Okta SCIM provisioning (managed by Pulumi)" */
    roleDescription?: pulumi.Input<string>;
    /** Step 2: an email address the operator owns (CXone sends the activation email there). */
    employeeEmail: pulumi.Input<string>;
    /** @default "SCIM" */
    employeeFirstName?: pulumi.Input<string>;
    /** @default "AccessKey" */
    employeeLastName?: pulumi.Input<string>;
    /** Login authenticator of the employee. @default the tenant's default authenticator */
    loginAuthenticatorId?: pulumi.Input<string>;
    /** Step 4: send the activation email on create. @default true */
    inviteEmployee?: pulumi.Input<boolean>;
    /** Step 6: the Okta app's label. @default "NICE CXone" */
    appLabel?: pulumi.Input<string>;
    /** Okta groups assigned to the app: whose members Okta provisions into CXone. @default [] */
    groupIds?: pulumi.Input<string>[];
    /**
     * Allow Okta's built-in "Everyone" group in `groupIds`: every user of the Okta org,
     * administrators included, is then provisioned into CXone. Without it such a group is refused
     * before anything is written. @default false
     */
    allowEveryoneGroup?: pulumi.Input<boolean>;
    /**
     * Let the next `pulumi up` that no longer declares this integration remove it (revoke the key,
     * deactivate the employee and the role, delete the Okta app). Without it such an `up` is
     * refused before anything is deleted; `pulumi destroy` always removes it. Set it, run
     * `pulumi up`, then remove the integration from the program. @default false
     */
    allowRemoval?: pulumi.Input<boolean>;
    /** Step 14: "Create Users". @default true */
    createUsers?: pulumi.Input<boolean>;
    /** Step 14: "Update User Attributes". @default true */
    updateUserAttributes?: pulumi.Input<boolean>;
    /** Step 14: "Deactivate Users". @default true */
    deactivateUsers?: pulumi.Input<boolean>;
    /**
     * How many CXone users a change of this stack may make Okta deactivate without asking: an
     * `up` (or `destroy`) over it is refused before anything is written, with the count, the
     * cause and the first logins. @default 0
     */
    deactivationThreshold?: pulumi.Input<number>;
    /**
     * Allow exactly this many deactivations for the next change over the threshold (the count its
     * refusal names). A different count is refused: a stale allowance lets no other cut through.
     * @default none
     */
    allowDeactivations?: pulumi.Input<number>;
    /**
     * Any new value starts a phased key rotation: the `up` creates a new key and keeps the old
     * one working (status `rotating`); a person enters the new client id and secret in Okta; the
     * first `up` after CXone shows Okta using the new key revokes the old one.
     */
    accessKeyRotation?: pulumi.Input<string>;
    /** Rotate the access key once it is this many days old (same phases). @default none */
    rotateAfterDays?: pulumi.Input<number>;
    /**
     * Revoke the previous key this many days after a rotation started even without evidence that
     * Okta uses the new one (with a warning). @default none: wait for the evidence
     */
    maxRotationOverlapDays?: pulumi.Input<number>;
    /** Wait this long during `pulumi up` for the console steps (0 = report and move on). @default 0 */
    waitForAuthorizationSeconds?: pulumi.Input<number>;
    /**
     * Adopt an existing role, employee and Okta app of the same name instead of failing, but only
     * those that are demonstrably this stack's: the role's description and the app's admin notes
     * carry this stack's mark (`[pulumi stack: project/stack]`, written on create), and the
     * employee holds that role. Anything else is refused, naming why. @default false
     */
    adoptExisting?: boolean;
    /** Adopt exactly this existing CXone role (made by hand, carrying no stack's mark). */
    adoptRoleId?: pulumi.Input<string>;
    /** Adopt exactly this existing CXone employee (made by hand, not another stack's). */
    adoptEmployeeId?: pulumi.Input<string>;
    /** Adopt exactly this existing Okta app (made by hand, carrying no stack's mark). */
    adoptAppId?: pulumi.Input<string>;
    /**
     * How the operator reads the client secret.
     * @default "pulumi stack output accessKeySecret --show-secrets"
     */
    secretReference?: pulumi.Input<string>;
    /**
     * Which resources declare the Okta app and its provisioning actions: `builtin` (this package's
     * dynamic resources, calling the same public Okta API) or `pulumi-okta` (okta.app.AutoLogin,
     * GroupAssignment and Features of @pulumi/okta; needs the Okta provider plugin). With
     * `pulumi-okta`, `pulumi up` fails with the remaining console steps until the SCIM connection
     * is authorized, because Okta refuses okta.app.Features before then.
     * @default "builtin"
     */
    oktaResources?: OktaResourceKind;
    /** With `pulumi-okta`: an explicit okta.Provider. @default the default provider and `okta:*` config */
    oktaProvider?: pulumi.ProviderResource;
    /** Per-child transforms: see {@link ScimIntegrationTransforms}. */
    transform?: ScimIntegrationTransforms;
    /**
     * CXone attribute -> Okta Expression Language value, over the seed's defaults (first and last
     * name, email; userName is the app username). Keys: see README "Attribute mappings".
     * @default the seed's fields only
     * @example { "nice:team": "user.department", timezone: "user.timezone" }
     */
    attributeMappings?: Record<string, string>;
}

/** One bad argument of the component, by its path (e.g. `cxone.region`). */
export interface ArgumentProblem {
    propertyPath: string;
    reason: string;
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

/**
 * The NICE CXone + Okta SCIM integration: in CXone the role, the employee and its access key; in
 * Okta the SWA app, its group assignments, its SCIM connection (declared; finished by a person in
 * the Admin Console where Okta has no API) and its provisioning actions.
 *
 * @example
 * ```ts
 * const scim = new ScimIntegration("cxone-okta", {
 *     cxone: { region: "na1" },
 *     oktaOrgUrl: "https://example.okta.com",
 *     employeeEmail: "scim-key@example.com",
 *     groupIds: ["00g1abcd"],
 *     transform: { role: (_args, opts) => { opts.protect = true; } },
 * });
 * export const remainingSteps = scim.remainingSteps;
 * ```
 */
export class ScimIntegration extends pulumi.ComponentResource {
    /** Okta "SCIM connector base URL" of the region. */
    readonly scimBaseUrl: pulumi.Output<string>;
    readonly appId: pulumi.Output<string>;
    readonly roleId: pulumi.Output<string>;
    readonly employeeId: pulumi.Output<string>;
    /** Okta "Client ID". */
    readonly accessKeyId: pulumi.Output<string>;
    /** Okta "Client secret" (secret). */
    readonly accessKeySecret: pulumi.Output<string>;
    /** authorized | pending | disabled | key-revoked | rotating */
    readonly connectionStatus: pulumi.Output<string>;
    /** Whole days since the current access key was created. */
    readonly accessKeyAgeDays: pulumi.Output<number | undefined>;
    /** When `rotateAfterDays` makes the next rotation due ("" without a schedule). */
    readonly nextKeyRotationDate: pulumi.Output<string | undefined>;
    /** Console steps still to do, values included, the secret by reference. Empty when done. */
    readonly remainingSteps: pulumi.Output<string[]>;
    /** Whether Okta will provision: the actions are in effect and at least one is on. */
    readonly provisioningApplied: pulumi.Output<boolean>;
    /** The resolved region: every URL used, with confidence marks. */
    readonly region: ResolvedRegion;

    /** Step 1: the CXone role the key runs as. */
    readonly role: Role;
    /** Steps 2 and 4: the CXone employee the key belongs to. */
    readonly employee: Employee;
    /** Step 3: the access key (Okta's client id and secret). */
    readonly accessKey: AccessKey;
    /** Step 6: the Okta app (AutoLoginApp, or okta.app.AutoLogin with `pulumi-okta`). */
    readonly app: OktaApp;
    /** The app's group assignments, one per `groupIds` entry. */
    readonly groupAssignments: OktaGroupAssignment[];
    /** Steps 7-12: the SCIM connection. */
    readonly scimConnection: ScimConnection;
    /** Step 14: ProvisioningActions, or okta.app.Features with `pulumi-okta`. */
    readonly provisioningActions: OktaProvisioningActions;
    /** Refuses the integration's removal unless asked for (`pulumi destroy`, `allowRemoval`). */
    readonly removalGuard: RemovalGuard;
    /**
     * CXone users Okta manages through the app (assigned and pushed), as this run read them
     * before its changes.
     */
    readonly provisionedUsers: pulumi.Output<number>;

    constructor(name: string, args: ScimIntegrationArgs, opts?: pulumi.ComponentResourceOptions) {
        const checked = checkScimIntegrationArgs(args);
        // reads before the first write: the component, and so every child, waits for them
        const gate = checked.normalized
            ? integrationGate(name, gateInputsOf(args, checked.normalized), checked.normalized)
            : undefined;
        super(
            "cxone-okta-scim:index:ScimIntegration",
            name,
            {},
            gate ? gatedOptions(opts, gate) : opts,
        );
        if (!checked.normalized) throw new ScimIntegrationArgsError(checked.problems, this);
        const n = checked.normalized;
        gate?.apply((r) => {
            r.warnings.forEach((w) => void pulumi.log.warn(w, this));
            tellPeople(r.people, this);
        });
        const t = args.transform ?? {};
        this.region = n.region;

        this.role = createRole(name, args, n, this);
        this.employee = createEmployee(name, args, n, this.role, this);
        this.accessKey = createAccessKey(name, args, n, this.employee, this);

        const oktaOpts: OktaAppOptions = {
            kind: n.oktaResources,
            provider: args.oktaProvider,
            orgUrl: args.oktaOrgUrl,
            label: n.appLabel,
            loginUrl: n.region.loginUrl,
            adoptExisting: n.adoptExisting,
            owner: n.owner,
            adoptAppId: args.adoptAppId,
            parent: this,
        };
        // Okta is written only once the CXone side exists: CXone's writes rest on facts no real
        // tenant has confirmed (docs/vendor-facts/unconfirmed.md), and a stop on one of them must
        // come before any write in Okta
        this.app = createOktaApp(name, { ...oktaOpts, after: [this.accessKey] }, t.app);
        this.groupAssignments = createGroupAssignments(
            name,
            oktaOpts,
            this.app.id,
            n.groupIds,
            t.groupAssignment,
        );
        this.scimConnection = createScimConnection(
            name,
            args,
            n,
            this.app.id,
            this.accessKey,
            this,
        );
        const mapped = attributeMappings(
            name,
            {
                kind: n.oktaResources,
                provider: args.oktaProvider,
                orgUrl: args.oktaOrgUrl,
                appId: this.app.id,
                mappings: args.attributeMappings,
            },
            this,
        );
        const actions = createProvisioningActions(
            name,
            oktaOpts,
            this.app.id,
            { status: this.scimConnection.status, resource: this.scimConnection, after: mapped },
            switchesOf(args),
            t.provisioningActions,
        );
        this.provisioningActions = actions.resource;
        // last, depending on every part: the engine deletes it first, and it refuses unless asked
        this.removalGuard = new RemovalGuard(
            `${name}-guard`,
            {
                integration: name,
                roleId: this.role.roleId,
                employeeId: this.employee.employeeId,
                accessKeyId: this.accessKey.accessKeyId,
                appId: this.app.id,
                allowRemoval: args.allowRemoval ?? false,
                // the people check of a destroy: the app's people, read when it is removed
                orgUrl: args.oktaOrgUrl,
                deactivationThreshold: args.deactivationThreshold ?? DEFAULT_DEACTIVATION_THRESHOLD,
                allowDeactivations: args.allowDeactivations,
            },
            {
                parent: this,
                dependsOn: [
                    this.role,
                    this.employee,
                    this.accessKey,
                    this.app,
                    ...this.groupAssignments,
                    this.scimConnection,
                    ...mapped,
                    this.provisioningActions,
                ],
            },
        );

        this.scimBaseUrl = pulumi.output(n.region.scimBaseUrl);
        this.appId = this.app.id;
        this.roleId = this.role.roleId;
        this.employeeId = this.employee.employeeId;
        this.accessKeyId = this.accessKey.accessKeyId;
        this.accessKeySecret = this.accessKey.secret;
        this.connectionStatus = this.scimConnection.status;
        this.accessKeyAgeDays = this.accessKey.keyAgeDays;
        this.nextKeyRotationDate = this.accessKey.nextRotationDate;
        this.remainingSteps = this.scimConnection.remainingSteps;
        this.provisionedUsers = gate
            ? gate.apply((r) => r.people?.impact.provisionedNow ?? 0)
            : pulumi.output(0);
        // what Okta will actually do: nothing while every switch is off
        this.provisioningApplied = pulumi
            .all([actions.applied, anySwitchOn(switchesOf(args))])
            .apply(([applied, on]) => applied && on);

        warnAboutRemainingSteps(this.scimConnection, this);
        warnAboutRotation(this.accessKey, this);
        warnAboutSettings(this, switchesOf(args), n.groupIds);
        this.registerOutputs({
            scimBaseUrl: this.scimBaseUrl,
            appId: this.appId,
            roleId: this.roleId,
            employeeId: this.employeeId,
            accessKeyId: this.accessKeyId,
            accessKeySecret: this.accessKeySecret,
            connectionStatus: this.connectionStatus,
            accessKeyAgeDays: this.accessKeyAgeDays,
            nextKeyRotationDate: this.nextKeyRotationDate,
            remainingSteps: this.remainingSteps,
            provisioningApplied: this.provisioningApplied,
            provisionedUsers: this.provisionedUsers,
        });
    }
}

/**
 * Checks the arguments the component itself resolves (the CXone target, the Okta mode) and applies
 * the defaults. Every problem is reported at once; the children's own inputs are checked by their
 * resources' check() during preview, naming the property there.
 */
export function normalizeArgs(args: ScimIntegrationArgs, owner: pulumi.Resource): NormalizedArgs {
    const r = checkScimIntegrationArgs(args);
    if (!r.normalized) throw new ScimIntegrationArgsError(r.problems, owner);
    return r.normalized;
}

/**
 * Every problem of the arguments (the component's own and its children's plain inputs), or the
 * normalized arguments. Pure: a program may call it before declaring the component, so that a bad
 * input leaves not even the component's record in the stack.
 */
export function checkScimIntegrationArgs(args: ScimIntegrationArgs): {
    problems: ArgumentProblem[];
    normalized?: NormalizedArgs;
} {
    const problems: ArgumentProblem[] = [];
    const region = resolveTarget(args.cxone ?? {}, problems);
    const oktaResources = args.oktaResources ?? DEFAULT_OKTA_RESOURCES;
    if (!OKTA_RESOURCE_KINDS.includes(oktaResources)) {
        problems.push({
            propertyPath: "oktaResources",
            reason: `oktaResources: must be ${OKTA_RESOURCE_KINDS.map((k) => `"${k}"`).join(" or ")} (got ${JSON.stringify(oktaResources)})`,
        });
    }
    if (args.oktaProvider !== undefined && oktaResources !== "pulumi-okta") {
        problems.push({
            propertyPath: "oktaProvider",
            reason: `oktaProvider: is used only with oktaResources "pulumi-okta" (got ${JSON.stringify(oktaResources)})`,
        });
    }
    if (args.groupIds !== undefined && !Array.isArray(args.groupIds)) {
        problems.push({
            propertyPath: "groupIds",
            reason: "groupIds: must be a list of Okta group ids",
        });
    }
    if (
        args.allowEveryoneGroup !== undefined &&
        !pulumi.Output.isInstance(args.allowEveryoneGroup) &&
        typeof args.allowEveryoneGroup !== "boolean"
    ) {
        problems.push({
            propertyPath: "allowEveryoneGroup",
            reason: "allowEveryoneGroup: must be true or false",
        });
    }
    for (const input of ["deactivationThreshold", "allowDeactivations"] as const) {
        const v = args[input];
        if (v === undefined || pulumi.Output.isInstance(v)) continue;
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
            problems.push({
                propertyPath: input,
                reason: `${input}: must be a whole number of people, 0 or more (got ${JSON.stringify(v)})`,
            });
    }
    if (args.adoptExisting !== undefined && typeof args.adoptExisting !== "boolean") {
        problems.push({
            propertyPath: "adoptExisting",
            reason: "adoptExisting: must be true or false",
        });
    }
    const description = descriptionProblem(args.roleDescription);
    if (description) problems.push({ propertyPath: "roleDescription", reason: description });
    const mappingProblems = validateMappings(args.attributeMappings);
    if (mappingProblems.length > 0) {
        problems.push({
            propertyPath: "attributeMappings",
            reason: formatProblems(mappingProblems),
        });
    }
    if (problems.length > 0 || !region) return { problems };
    const n: NormalizedArgs = {
        region,
        endpoint: cxoneEndpointFor(region, args.cxone.tenantId),
        oktaResources,
        adoptExisting: args.adoptExisting ?? DEFAULT_ADOPT_EXISTING,
        appLabel: args.appLabel ?? DEFAULT_APP_LABEL,
        groupIds: Array.isArray(args.groupIds) ? args.groupIds : [],
        owner: `${pulumi.getProject()}/${pulumi.getStack()}`,
    };
    // every child's plain inputs, before any child is registered (see componentChecks.ts)
    const childErrors = childProblems(childInputs(args, n));
    return childErrors.length > 0 ? { problems: childErrors } : { problems: [], normalized: n };
}

/** The inputs the reads before the first write ask about, as the component declares them. */
export function gateInputsOf(args: ScimIntegrationArgs, n: NormalizedArgs): GateInputs {
    return {
        oktaOrgUrl: args.oktaOrgUrl,
        roleName: args.roleName ?? DEFAULT_ROLE_NAME,
        employeeEmail: args.employeeEmail,
        appLabel: n.appLabel,
        groupIds: n.groupIds,
        adoptRoleId: args.adoptRoleId,
        adoptEmployeeId: args.adoptEmployeeId,
        adoptAppId: args.adoptAppId,
        allowEveryoneGroup: args.allowEveryoneGroup,
        ...switchesOf(args),
        deactivationThreshold: args.deactivationThreshold ?? DEFAULT_DEACTIVATION_THRESHOLD,
        allowDeactivations: args.allowDeactivations,
    };
}

/**
 * The role description the user typed, counted alone: the stack's mark is added after it, and
 * CXone keeps ROLE_DESCRIPTION_MAX characters in all.
 */
function descriptionProblem(description: unknown): string | undefined {
    if (description === undefined || pulumi.Output.isInstance(description)) return undefined;
    if (typeof description !== "string") return "roleDescription: must be a string";
    const mark = ownerMarker(`${pulumi.getProject()}/${pulumi.getStack()}`);
    const max = ROLE_DESCRIPTION_MAX - mark.length - 1;
    return description.trim().length > max
        ? `roleDescription: must be at most ${max} characters (got ${description.trim().length}): CXone keeps ${ROLE_DESCRIPTION_MAX}, and the stack's mark "${mark}" is added after it`
        : undefined;
}

/** Where the CXone target came from, for messages: the input the user typed. */
const targetName = (args: ScimIntegrationArgs): string =>
    args.cxone?.sandboxUrl !== undefined ? "cxone.sandboxUrl" : "cxone.region";

/** The children's inputs as the create functions below declare them (ids not known yet). */
function childInputs(args: ScimIntegrationArgs, n: NormalizedArgs): ChildInputs[] {
    const target = targetName(args);
    const unknownId = UNKNOWN;
    return [
        {
            check: childChecks.role,
            inputs: { ...roleArgsOf(args, n) },
            names: {
                endpoint: target,
                name: "roleName",
                adoptRoleId: "adoptRoleId",
            },
        },
        {
            check: childChecks.employee,
            inputs: { ...employeeArgsOf(args, n, unknownId) },
            names: {
                email: "employeeEmail",
                firstName: "employeeFirstName",
                lastName: "employeeLastName",
                loginAuthenticatorId: "loginAuthenticatorId",
                invite: "inviteEmployee",
                adoptEmployeeId: "adoptEmployeeId",
            },
        },
        {
            check: childChecks.accessKey,
            inputs: { ...accessKeyArgsOf(args, n, unknownId) },
            names: {
                rotation: "accessKeyRotation",
                rotateAfterDays: "rotateAfterDays",
                maxOverlapDays: "maxRotationOverlapDays",
            },
        },
        {
            check: childChecks.app,
            inputs: {
                orgUrl: args.oktaOrgUrl,
                label: n.appLabel,
                loginUrl: n.region.loginUrl,
                adoptAppId: args.adoptAppId,
            },
            names: {
                orgUrl: "oktaOrgUrl",
                label: "appLabel",
                loginUrl: target,
                adoptAppId: "adoptAppId",
            },
        },
        ...n.groupIds.map((groupId, i) => ({
            check: childChecks.group,
            inputs: { orgUrl: args.oktaOrgUrl, appId: unknownId, groupId },
            names: { groupId: `groupIds[${i}]` },
        })),
        {
            check: childChecks.actions,
            inputs: {
                orgUrl: args.oktaOrgUrl,
                appId: unknownId,
                connectionStatus: unknownId,
                ...switchesOf(args),
            },
            names: {
                createUsers: "createUsers",
                updateUserAttributes: "updateUserAttributes",
                deactivateUsers: "deactivateUsers",
            },
        },
        {
            check: childChecks.scim,
            inputs: {
                ...scimArgsOf(args, n, unknownId),
                clientId: unknownId,
                clientSecret: unknownId,
            },
            names: {
                scimBaseUrl: target,
                tokenEndpoint: target,
                authorizeEndpoint: target,
                cxoneEndpoint: target,
                secretReference: "secretReference",
                waitForAuthorizationSeconds: "waitForAuthorizationSeconds",
            },
        },
    ];
}

/** The CXone target as a region, or undefined after recording the problem (naming the input). */
function resolveTarget(t: CxoneTarget, problems: ArgumentProblem[]): ResolvedRegion | undefined {
    if (t.sandboxUrl !== undefined && t.region !== undefined) {
        problems.push({
            propertyPath: "cxone",
            reason: "cxone: set either region (a real tenant) or sandboxUrl (the local sandbox), not both",
        });
        return undefined;
    }
    if (
        typeof t.sandboxUrl === "string" &&
        /^https?:/.test(t.sandboxUrl) &&
        !isLoopbackUrl(t.sandboxUrl)
    ) {
        // the access key and the admin token would travel there: the sandbox runs on this machine
        problems.push({
            propertyPath: "cxone.sandboxUrl",
            reason: `cxone.sandboxUrl: "${t.sandboxUrl}" is not on loopback; the local sandbox runs on this machine (e.g. http://127.0.0.1:4610); for a real tenant set cxone.region`,
        });
        return undefined;
    }
    if (typeof t.sandboxUrl === "string" && dotSegments(t.sandboxUrl)) {
        // the steps would print it as typed while every call goes to the normalized path
        problems.push({
            propertyPath: "cxone.sandboxUrl",
            reason: `cxone.sandboxUrl: must not contain "." or ".." path segments (got "${t.sandboxUrl}")`,
        });
        return undefined;
    }
    try {
        return t.sandboxUrl !== undefined
            ? sandboxRegion(t.sandboxUrl)
            : resolveRegion({ region: t.region ?? "", fedramp: t.fedramp });
    } catch (e) {
        // Stryker disable next-line ConditionalExpression: both resolvers throw only RegionError
        if (!(e instanceof RegionError)) throw e;
        const input = e.property === "cxoneBaseUrl" ? "sandboxUrl" : e.property;
        problems.push({ propertyPath: `cxone.${input}`, reason: `cxone.${input}: ${e.message}` });
        return undefined;
    }
}

/** Declares a CXone child in the component, shaped by its transform. */
function child<A, R>(
    name: string,
    args: A,
    owner: pulumi.Resource,
    transform: ChildTransform<A> | undefined,
    declare: (name: string, args: A, opts: pulumi.CustomResourceOptions) => R,
    opts: pulumi.CustomResourceOptions = {},
): R {
    return shaped(name, args, { ...opts, parent: owner }, transform, declare);
}

function roleArgsOf(args: ScimIntegrationArgs, n: NormalizedArgs): RoleArgs {
    const description = args.roleDescription ?? DEFAULT_ROLE_DESCRIPTION;
    return {
        endpoint: n.endpoint,
        name: args.roleName ?? DEFAULT_ROLE_NAME,
        // the stack's mark: only a role carrying it is ever adopted by this stack
        description:
            typeof description === "string"
                ? withMarker(description, n.owner)
                : pulumi.output(description).apply((d) => withMarker(d, n.owner)),
        adoptExisting: n.adoptExisting,
        adoptRoleId: args.adoptRoleId,
    };
}

function employeeArgsOf(
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    roleId: pulumi.Input<string>,
): EmployeeArgs {
    return {
        endpoint: n.endpoint,
        email: args.employeeEmail,
        firstName: args.employeeFirstName ?? DEFAULT_EMPLOYEE_FIRST_NAME,
        lastName: args.employeeLastName ?? DEFAULT_EMPLOYEE_LAST_NAME,
        roleId,
        loginAuthenticatorId: args.loginAuthenticatorId,
        invite: args.inviteEmployee ?? DEFAULT_INVITE,
        adoptExisting: n.adoptExisting,
        adoptEmployeeId: args.adoptEmployeeId,
    };
}

function accessKeyArgsOf(
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    employeeId: pulumi.Input<string>,
): AccessKeyArgs {
    return {
        endpoint: n.endpoint,
        employeeId,
        rotation: args.accessKeyRotation,
        rotateAfterDays: args.rotateAfterDays ?? DEFAULT_ROTATE_AFTER_DAYS,
        maxOverlapDays: args.maxRotationOverlapDays ?? DEFAULT_MAX_ROTATION_OVERLAP_DAYS,
    };
}

function createRole(
    name: string,
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    owner: pulumi.Resource,
): Role {
    const roleArgs = roleArgsOf(args, n);
    return child(
        `${name}-role`,
        roleArgs,
        owner,
        args.transform?.role,
        (c, a, o) => new Role(c, a, o),
    );
}

function createEmployee(
    name: string,
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    role: Role,
    owner: pulumi.Resource,
): Employee {
    const employeeArgs = employeeArgsOf(args, n, role.roleId);
    return child(
        `${name}-employee`,
        employeeArgs,
        owner,
        args.transform?.employee,
        (c, a, o) => new Employee(c, a, o),
        // the name of the role it holds comes back from CXone: secret when the role's name is
        secretLike({}, args.roleName, ["roleName"]),
    );
}

function createAccessKey(
    name: string,
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    employee: Employee,
    owner: pulumi.Resource,
): AccessKey {
    const keyArgs = accessKeyArgsOf(args, n, employee.employeeId);
    return child(
        `${name}-key`,
        keyArgs,
        owner,
        args.transform?.accessKey,
        (c, a, o) => new AccessKey(c, a, o),
    );
}

function createScimConnection(
    name: string,
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    appId: pulumi.Input<string>,
    key: AccessKey,
    owner: pulumi.Resource,
): ScimConnection {
    const connectionArgs: ScimConnectionArgs = {
        ...scimArgsOf(args, n, appId),
        clientId: key.accessKeyId,
        clientSecret: key.secret,
        previousClientId: key.previousAccessKeyId,
    };
    return child(
        `${name}-scim`,
        connectionArgs,
        owner,
        args.transform?.scimConnection,
        (c, a, o) => new ScimConnection(c, a, o),
    );
}

function scimArgsOf(
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    appId: pulumi.Input<string>,
): Omit<ScimConnectionArgs, "clientId" | "clientSecret"> {
    return {
        orgUrl: args.oktaOrgUrl,
        appId,
        appLabel: unlessSecret(n.appLabel),
        scimBaseUrl: n.region.scimBaseUrl,
        tokenEndpoint: n.region.tokenEndpoint,
        authorizeEndpoint: n.region.authorizeEndpoint,
        cxoneEndpoint: n.endpoint,
        secretReference: args.secretReference,
        waitForAuthorizationSeconds:
            args.waitForAuthorizationSeconds ?? DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS,
        // okta.app.Features is refused before authorization: fail with the steps instead
        requireAuthorization: n.oktaResources === "pulumi-okta",
    };
}

/**
 * A value for a plain output (the console steps), or "" when it is a secret: an output built from
 * a secret input would otherwise carry it in plain text.
 */
function unlessSecret(value: pulumi.Input<string>): pulumi.Input<string> {
    if (!pulumi.Output.isInstance(value)) return value;
    const shown: Promise<pulumi.Input<string>> = pulumi
        .isSecret(pulumi.output(value))
        .then((secret) => (secret ? "" : value));
    return pulumi.output(shown);
}

function switchesOf(args: ScimIntegrationArgs) {
    return {
        createUsers: args.createUsers ?? DEFAULT_PROVISIONING_SWITCHES.createUsers,
        updateUserAttributes:
            args.updateUserAttributes ?? DEFAULT_PROVISIONING_SWITCHES.updateUserAttributes,
        deactivateUsers: args.deactivateUsers ?? DEFAULT_PROVISIONING_SWITCHES.deactivateUsers,
    };
}

/** The one log line of the SCIM connection (docs/design.md): what is left for a person, values included, secret by reference. */
function warnAboutRemainingSteps(connection: ScimConnection, owner: pulumi.Resource): void {
    pulumi.all([connection.status, connection.remainingSteps]).apply(([status, steps]) => {
        if (status !== "authorized" && steps?.length) {
            const text = `SCIM connection ${status}: finish these steps in the Okta Admin Console:\n${steps.join("\n")}`;
            void pulumi.log.warn(text, owner);
        }
    });
}

/** A scheduled rotation that is due (preview says the next `up` starts it), or one that was cut short. */
function warnAboutRotation(key: AccessKey, owner: pulumi.Resource): void {
    pulumi
        .all([key.rotationDue, key.nextRotationDate, key.rotationNote])
        .apply(([due, date, note]) => {
            if (due) {
                const text = `access key rotation due since ${date}: \`pulumi up\` starts it (a new key; the old one keeps working until Okta uses the new one)`;
                void pulumi.log.warn(text, owner);
            }
            if (note) void pulumi.log.warn(note, owner);
        });
}
