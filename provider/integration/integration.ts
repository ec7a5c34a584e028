// ScimIntegration: the whole CXone + Okta SCIM integration (procedure steps 1-14) as one component,
// built from small steps: normalize the arguments (every error at once, argumentChecks.ts), then
// create each child (children.ts).
import * as pulumi from "@pulumi/pulumi";
import type { AccessKey } from "../cxone/accessKey";
import type { Employee } from "../cxone/employee";
import type { Role } from "../cxone/role";
import { DEFAULT_DEACTIVATION_THRESHOLD } from "./defaults";
import {
    createGroupAssignments,
    createOktaApp,
    createProvisioningActions,
    OktaApp,
    OktaAppOptions,
    OktaGroupAssignment,
    OktaProvisioningActions,
} from "../okta/appResources";
import { attributeMappings } from "../okta/attributeMappings";
import type { ScimConnection } from "../okta/scimConnection";
import { RemovalGuard } from "../guard/removalGuard";
import { tellPeople } from "../people/tell";
import { gatedOptions } from "../preflight/gate";
import { integrationGate } from "../preflight/integrationGate";
import {
    anySwitchOn,
    warnAboutRemainingSteps,
    warnAboutRotation,
    warnAboutSettings,
} from "./integrationWarnings";
import type { ResolvedRegion } from "../cxone/discovery/regions";
import type { IntegrationOutputs } from "./integrationInputs";
import {
    IntegrationStart,
    ReadyIntegration,
    ScimIntegrationArgs,
    ScimIntegrationArgsError,
} from "./args";
import { checkScimIntegrationArgs, gateInputsOf } from "./argumentChecks";
import {
    createAccessKey,
    createEmployee,
    createRole,
    createScimConnection,
    switchesOf,
} from "./children";

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
export class ScimIntegration extends pulumi.ComponentResource implements IntegrationOutputs {
    /** Okta "SCIM connector base URL" of the region. */
    readonly scimBaseUrl!: pulumi.Output<string>;
    readonly appId!: pulumi.Output<string>;
    readonly roleId!: pulumi.Output<string>;
    readonly employeeId!: pulumi.Output<string>;
    /** Okta "Client ID". */
    readonly accessKeyId!: pulumi.Output<string>;
    /** Okta "Client secret" (secret). */
    readonly accessKeySecret!: pulumi.Output<string>;
    /** authorized | pending | disabled | key-revoked | rotating */
    readonly connectionStatus!: pulumi.Output<string>;
    /** Whole days since the current access key was created. */
    readonly accessKeyAgeDays!: pulumi.Output<number | undefined>;
    /** When `rotateAfterDays` makes the next rotation due ("" without a schedule). */
    readonly nextKeyRotationDate!: pulumi.Output<string | undefined>;
    /** Console steps still to do, values included, the secret by reference. Empty when done. */
    readonly remainingSteps!: pulumi.Output<string[]>;
    /** Whether Okta will provision: the actions are in effect and at least one is on. */
    readonly provisioningApplied!: pulumi.Output<boolean>;
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
    readonly provisionedUsers!: pulumi.Output<number>;

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
        // every output becomes the field of its name (`implements IntegrationOutputs` types them)
        Object.assign(this, o);
        this.registerOutputs(o);
    }
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
