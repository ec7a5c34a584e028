// The Okta app, its group assignments and its provisioning actions, declared either with this
// package's dynamic resources (builtin) or with @pulumi/okta (okta.app.AutoLogin, GroupAssignment,
// Features). Both make the same public Okta API calls; the builtin ones run where the Okta
// provider plugin is not available (it cannot be built on this project's CI machines).
//
// Every resource is declared while the program runs, never inside an `apply`, so `pulumi preview`
// shows all of them in both modes.
import * as pulumi from "@pulumi/pulumi";
import type * as okta from "@pulumi/okta";
import { ownerMarker } from "../framework/ownership";
import { AutoLoginApp, AutoLoginAppArgs } from "./autoLoginApp";
import { toCapabilities, ProvisioningSwitches } from "./capabilities";
import { GroupAssignment, GroupAssignmentArgs } from "./groupAssignment";
import { ProvisioningActions, ProvisioningActionsArgs } from "./provisioningActions";
import { OktaResourceKind } from "./resourceKind";

export { OKTA_RESOURCE_KINDS, OktaResourceKind } from "./resourceKind";

/** The Okta app, whichever resource declares it. */
export type OktaApp = AutoLoginApp | okta.app.AutoLogin;
/** One group assignment, whichever resource declares it. */
export type OktaGroupAssignment = GroupAssignment | okta.app.GroupAssignment;
/** The provisioning actions, whichever resource declares them. */
export type OktaProvisioningActions = ProvisioningActions | okta.app.Features;

/** The "To App" switches as the component takes them. */
export type SwitchInputs = { [K in keyof ProvisioningSwitches]: pulumi.Input<boolean> };

/** Shapes one child: called with the arguments and options it is about to be declared with. */
export type ChildTransform<A> = (args: A, opts: pulumi.CustomResourceOptions, name: string) => void;

/** What every Okta child is declared with. */
export interface OktaAppOptions {
    kind: OktaResourceKind;
    /** With `pulumi-okta`: an explicit okta.Provider (else the default provider). */
    provider?: pulumi.ProviderResource;
    orgUrl: pulumi.Input<string>;
    label: pulumi.Input<string>;
    loginUrl: pulumi.Input<string>;
    adoptExisting: boolean;
    /** this stack (`project/stack`): the mark written on the app */
    owner?: string;
    /** adopt exactly this existing app */
    adoptAppId?: pulumi.Input<string>;
    parent: pulumi.Resource;
    /** resources the app waits for (the component: the CXone side, whose facts are unconfirmed) */
    after?: pulumi.Resource[];
}

/** The per-child transforms of the Okta side, in either mode. */
export interface OktaTransforms {
    app?: ChildTransform<AutoLoginAppArgs | okta.app.AutoLoginArgs>;
    groupAssignment?: ChildTransform<GroupAssignmentArgs | okta.app.GroupAssignmentArgs>;
    provisioningActions?: ChildTransform<ProvisioningActionsArgs | okta.app.FeaturesArgs>;
}

/** Declares a child after its transform (if any) has shaped its arguments and options. */
export function shaped<A, R>(
    name: string,
    args: A,
    opts: pulumi.CustomResourceOptions,
    transform: ChildTransform<A> | undefined,
    declare: (name: string, args: A, opts: pulumi.CustomResourceOptions) => R,
): R {
    transform?.(args, opts, name);
    return declare(name, args, opts);
}

// Loaded only on the pulumi-okta path, so stacks using the builtin resources never need the plugin.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- optional, loaded when chosen
export const oktaPackage = (): typeof okta => require("@pulumi/okta");

function childOptions(o: OktaAppOptions): pulumi.CustomResourceOptions {
    return o.kind === "pulumi-okta" && o.provider
        ? { parent: o.parent, provider: o.provider }
        : { parent: o.parent };
}

/** Step 6: the custom SWA app (signOnMode AUTO_LOGIN). */
export function createOktaApp(
    name: string,
    o: OktaAppOptions,
    transform?: OktaTransforms["app"],
): OktaApp {
    const opts = { ...childOptions(o), ...(o.after?.length ? { dependsOn: o.after } : {}) };
    if (o.kind === "pulumi-okta") {
        const args: okta.app.AutoLoginArgs = {
            label: o.label,
            signOnUrl: o.loginUrl,
            // the stack's mark, as the builtin app writes it: this stack's app is known as its own
            ...(o.owner ? { adminNote: ownerMarker(o.owner) } : {}),
        };
        return shaped(
            `${name}-app`,
            args,
            opts,
            transform,
            (n, a, op) => new (oktaPackage().app.AutoLogin)(n, a, op),
        );
    }
    const args: AutoLoginAppArgs = {
        orgUrl: o.orgUrl,
        label: o.label,
        loginUrl: o.loginUrl,
        adoptExisting: o.adoptExisting,
        owner: o.owner,
        adoptAppId: o.adoptAppId,
    };
    return shaped(`${name}-app`, args, opts, transform, (n, a, op) => new AutoLoginApp(n, a, op));
}

/**
 * The name of one group's assignment. Keyed by the group's id, so removing or reordering a group
 * in `groupIds` touches only that group: numbered names shifted, and replacing "group 1" from B to
 * C unassigned B after "group 0" had just been moved to B, cutting off people still listed.
 * An id known only after deployment (an output) keeps its position.
 */
export const groupAssignmentName = (
    name: string,
    groupId: pulumi.Input<string>,
    position: number,
): string => `${name}-group-${typeof groupId === "string" ? groupId : position}`;

/** The groups whose members Okta provisions: one assignment per group. */
export function createGroupAssignments(
    name: string,
    o: OktaAppOptions,
    appId: pulumi.Input<string>,
    groupIds: pulumi.Input<string>[],
    transform?: OktaTransforms["groupAssignment"],
    /** the groups as the program's reads found them, by id: no assignment reads them again */
    known?: pulumi.Input<Record<string, { name?: string; type?: string }>>,
): OktaGroupAssignment[] {
    return groupIds.map((groupId, i) => {
        const child = groupAssignmentName(name, groupId, i);
        // stacks made before the names were keyed hold `<name>-group-<position>`: adopted in place
        const numbered = `${name}-group-${i}`;
        const opts = {
            ...childOptions(o),
            ...(child === numbered ? {} : { aliases: [{ name: numbered }] }),
        };
        if (o.kind === "pulumi-okta") {
            const args: okta.app.GroupAssignmentArgs = { appId, groupId };
            return shaped(
                child,
                args,
                opts,
                transform,
                (n, a, op) => new (oktaPackage().app.GroupAssignment)(n, a, op),
            );
        }
        // the group's name and type as the reads before the first write found it: the create
        // reads no group. Hints only: never a change, and a refresh keeps them (groupAssignment.ts)
        const found = pulumi.all([known ?? {}, groupId]).apply(([k, id]) => k[id]);
        const args: GroupAssignmentArgs = {
            orgUrl: o.orgUrl,
            appId,
            groupId,
            ...(known
                ? { groupName: found.apply((g) => g?.name), groupType: found.apply((g) => g?.type) }
                : {}),
        };
        return shaped(child, args, opts, transform, (n, a, op) => new GroupAssignment(n, a, op));
    });
}

/**
 * Step 14: the "To App" switches. Okta refuses them until the SCIM connection is authorized:
 * - builtin: ProvisioningActions takes the connection status and applies the switches once it
 *   is "authorized" (before that it records that it waits and makes no call);
 * - pulumi-okta: okta.app.Features is declared on every run and depends on the connection,
 *   which then fails the `up` with the remaining console steps until they are done (its
 *   `requireAuthorization` input), so Okta is never sent a feature it would refuse.
 */
export function createProvisioningActions(
    name: string,
    o: OktaAppOptions,
    appId: pulumi.Input<string>,
    /** the SCIM connection, and resources that must exist before the actions (attribute mappings) */
    connection: {
        status: pulumi.Output<string>;
        resource: pulumi.Resource;
        after?: pulumi.Resource[];
    },
    switches: SwitchInputs,
    transform?: OktaTransforms["provisioningActions"],
): { resource: OktaProvisioningActions; applied: pulumi.Output<boolean> } {
    const opts: pulumi.CustomResourceOptions = {
        ...childOptions(o),
        dependsOn: [connection.resource, ...(connection.after ?? [])],
    };
    if (o.kind === "pulumi-okta") {
        const capabilities = pulumi
            .all([switches.createUsers, switches.updateUserAttributes, switches.deactivateUsers])
            .apply(([createUsers, updateUserAttributes, deactivateUsers]) =>
                toCapabilities({ createUsers, updateUserAttributes, deactivateUsers }),
            );
        const args: okta.app.FeaturesArgs = { appId, name: "USER_PROVISIONING", capabilities };
        const features = shaped(
            `${name}-provisioning`,
            args,
            opts,
            transform,
            (n, a, op) => new (oktaPackage().app.Features)(n, a, op),
        );
        // declared, so applied once the engine made it: the connection was authorized by then
        const applied = pulumi
            .all([features.id, connection.status])
            .apply(([, status]) => status === "authorized" || status === "rotating");
        return { resource: features, applied };
    }
    const args: ProvisioningActionsArgs = {
        orgUrl: o.orgUrl,
        appId,
        connectionStatus: connection.status,
        ...switches,
    };
    const actions = shaped(
        `${name}-provisioning`,
        args,
        opts,
        transform,
        (n, a, op) => new ProvisioningActions(n, a, op),
    );
    return { resource: actions, applied: actions.applied };
}
