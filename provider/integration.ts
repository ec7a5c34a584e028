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
import { gatedOptions, GateReport } from "./preflight/gate";
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

import {
    ArgumentProblem,
    CxoneTarget,
    IntegrationOutputs,
    ScimIntegrationInputs,
} from "./integrationInputs";

export { ChildTransform } from "./okta/appResources";
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
        const start = startIntegration(name, args, opts);
        super("cxone-okta-scim:index:ScimIntegration", name, {}, start.options);
        if (!start.ready) throw new ScimIntegrationArgsError(start.problems, this);
        this.region = start.ready.normalized.region;
        const parts = declareIntegration(this, name, args, start.ready);
        this.role = parts.role;
        this.employee = parts.employee;
        this.accessKey = parts.accessKey;
        this.app = parts.app;
        this.groupAssignments = parts.groupAssignments;
        this.scimConnection = parts.scimConnection;
        this.provisioningActions = parts.provisioningActions;
        this.removalGuard = parts.removalGuard;
        const o = parts.outputs;
        this.scimBaseUrl = o.scimBaseUrl;
        this.appId = o.appId;
        this.roleId = o.roleId;
        this.employeeId = o.employeeId;
        this.accessKeyId = o.accessKeyId;
        this.accessKeySecret = o.accessKeySecret;
        this.connectionStatus = o.connectionStatus;
        this.accessKeyAgeDays = o.accessKeyAgeDays;
        this.nextKeyRotationDate = o.nextKeyRotationDate;
        this.remainingSteps = o.remainingSteps;
        this.provisioningApplied = o.provisioningApplied;
        this.provisionedUsers = o.provisionedUsers;
        this.registerOutputs(o);
    }
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

/**
 * What a ScimIntegration does before it registers: checks the arguments (every problem at once)
 * and starts the reads before the first write, which its registration, and so every child's,
 * waits for. The TypeScript class and the package's component (componentPackage.ts) both call it,
 * so a program in any language gets the same refusals.
 */
export function startIntegration(
    name: string,
    args: ScimIntegrationArgs,
    opts?: pulumi.ComponentResourceOptions,
): IntegrationStart {
    const checked = checkScimIntegrationArgs(args);
    if (!checked.normalized) return { problems: checked.problems, options: opts };
    const n = checked.normalized;
    const gate = integrationGate(name, gateInputsOf(args, n), n);
    return { problems: [], ready: { normalized: n, gate }, options: gatedOptions(opts, gate) };
}

/** What {@link declareIntegration} declares: the children and the outputs. */
export interface IntegrationParts {
    role: Role;
    employee: Employee;
    accessKey: AccessKey;
    app: OktaApp;
    groupAssignments: OktaGroupAssignment[];
    scimConnection: ScimConnection;
    provisioningActions: OktaProvisioningActions;
    removalGuard: RemovalGuard;
    outputs: IntegrationOutputs;
}

/**
 * Declares the whole integration under `owner` (registered with {@link startIntegration}'s
 * options), with its warnings and what the change does to people. The TypeScript class and the
 * package's component (componentPackage.ts) both call it, so a program in any language gets the
 * same children, guard, outputs and warnings.
 */
export function declareIntegration(
    owner: pulumi.ComponentResource,
    name: string,
    args: ScimIntegrationArgs,
    ready: ReadyIntegration,
): IntegrationParts {
    const { normalized: n, gate } = ready;
    gate.apply((r) => {
        r.warnings.forEach((w) => void pulumi.log.warn(w, owner));
        tellPeople(r.people, owner);
    });
    const t = args.transform ?? {};
    const role = createRole(name, args, n, owner);
    const employee = createEmployee(name, args, n, role, owner);
    const accessKey = createAccessKey(name, args, n, employee, owner);

    const oktaOpts: OktaAppOptions = {
        kind: n.oktaResources,
        provider: args.oktaProvider,
        orgUrl: args.oktaOrgUrl,
        label: n.appLabel,
        loginUrl: n.region.loginUrl,
        adoptExisting: n.adoptExisting,
        owner: n.owner,
        adoptAppId: args.adoptAppId,
        parent: owner,
    };
    // Okta is written only once the CXone side exists: CXone's writes rest on facts no real
    // tenant has confirmed (docs/vendor-facts/unconfirmed.md), and a stop on one of them must
    // come before any write in Okta
    const app = createOktaApp(name, { ...oktaOpts, after: [accessKey] }, t.app);
    const groupAssignments = createGroupAssignments(
        name,
        oktaOpts,
        app.id,
        n.groupIds,
        t.groupAssignment,
        gate.apply((r) => r.groups ?? {}),
    );
    const scimConnection = createScimConnection(name, args, n, app.id, accessKey, owner);
    const mapped = attributeMappings(
        name,
        {
            kind: n.oktaResources,
            provider: args.oktaProvider,
            orgUrl: args.oktaOrgUrl,
            appId: app.id,
            mappings: args.attributeMappings,
        },
        owner,
    );
    const actions = createProvisioningActions(
        name,
        oktaOpts,
        app.id,
        { status: scimConnection.status, resource: scimConnection, after: mapped },
        switchesOf(args),
        t.provisioningActions,
    );
    // last, depending on every part: the engine deletes it first, and it refuses unless asked
    const removalGuard = new RemovalGuard(
        `${name}-guard`,
        {
            integration: name,
            roleId: role.roleId,
            employeeId: employee.employeeId,
            accessKeyId: accessKey.accessKeyId,
            appId: app.id,
            allowRemoval: args.allowRemoval ?? false,
            // the people check of a destroy: the app's people, read when it is removed
            orgUrl: args.oktaOrgUrl,
            deactivationThreshold: args.deactivationThreshold ?? DEFAULT_DEACTIVATION_THRESHOLD,
            allowDeactivations: args.allowDeactivations,
        },
        {
            parent: owner,
            dependsOn: [
                role,
                employee,
                accessKey,
                app,
                ...groupAssignments,
                scimConnection,
                ...mapped,
                actions.resource,
            ],
        },
    );

    warnAboutRemainingSteps(scimConnection, owner);
    warnAboutRotation(accessKey, owner);
    warnAboutSettings(owner, switchesOf(args), n.groupIds);
    return {
        role,
        employee,
        accessKey,
        app,
        groupAssignments,
        scimConnection,
        provisioningActions: actions.resource,
        removalGuard,
        outputs: {
            scimBaseUrl: pulumi.output(n.region.scimBaseUrl),
            appId: app.id,
            roleId: role.roleId,
            employeeId: employee.employeeId,
            accessKeyId: accessKey.accessKeyId,
            accessKeySecret: accessKey.secret,
            connectionStatus: scimConnection.status,
            accessKeyAgeDays: accessKey.keyAgeDays,
            nextKeyRotationDate: accessKey.nextRotationDate,
            remainingSteps: scimConnection.remainingSteps,
            // what Okta will actually do: nothing while every switch is off
            provisioningApplied: pulumi
                .all([actions.applied, anySwitchOn(switchesOf(args))])
                .apply(([applied, on]) => applied && on),
            provisionedUsers: gate.apply((r) => r.people?.impact.provisionedNow ?? 0),
        },
    };
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
            inputs: { ...employeeArgsOf(args, n, { roleId: unknownId, roleName: unknownId }) },
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
    role: { roleId: pulumi.Input<string>; roleName: pulumi.Input<string> },
): EmployeeArgs {
    return {
        endpoint: n.endpoint,
        email: args.employeeEmail,
        firstName: args.employeeFirstName ?? DEFAULT_EMPLOYEE_FIRST_NAME,
        lastName: args.employeeLastName ?? DEFAULT_EMPLOYEE_LAST_NAME,
        roleId: role.roleId,
        // not the Role's name: the employee's refresh reads inputs from CXone, which has no such
        // input, so passing it would change the state on every refresh
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
    const employeeArgs = employeeArgsOf(args, n, role);
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
