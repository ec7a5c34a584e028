// Settings that would silently do nothing, or more than the operator meant: each gets an engine
// warning on the component, in the operator's words (decision: no silent no-ops).
import * as pulumi from "@pulumi/pulumi";
import type { AccessKey } from "../cxone/accessKey";
import { looksLikeGroupId } from "../okta/groupAssignmentLogic";
import type { ScimConnection } from "../okta/scimConnection";

/** The three "To App" switches as the component declares them. */
export interface Switches {
    createUsers: pulumi.Input<boolean>;
    updateUserAttributes: pulumi.Input<boolean>;
    deactivateUsers: pulumi.Input<boolean>;
}

/** Whether at least one switch is on: otherwise Okta provisions nothing. */
export const anySwitchOn = (s: Switches): pulumi.Output<boolean> =>
    pulumi
        .all([s.createUsers, s.updateUserAttributes, s.deactivateUsers])
        .apply((v) => v.some((x) => x === true));

export const ALL_OFF_WARNING =
    "createUsers, updateUserAttributes and deactivateUsers are all false: Okta will create, " +
    "update and deactivate nobody in CXone (provisioningApplied stays false); turn on at least one";

export const NO_GROUP_WARNING =
    "groupIds is empty: no Okta group is assigned to the app, so nobody will be provisioned into " +
    "CXone; set groupIds to the ids of the groups whose members need CXone";

export const notAnIdWarning = (i: number, groupId: string): string =>
    `groupIds[${i}] "${groupId}" does not look like an Okta group id (00g followed by 17 letters ` +
    "and digits): give the group's id, not its name (Admin Console > Directory > Groups, the " +
    "last part of the group's URL)";

export const broadGroupWarning = (i: number, name: string | undefined): string =>
    `groupIds[${i}] is Okta's built-in group "${name ?? "Everyone"}": every user of the Okta ` +
    "org, administrators included, will be provisioned into CXone (allowEveryoneGroup is true)";

/** Warns about every setting that would do nothing, or more than meant. */
export function warnAboutSettings(
    owner: pulumi.Resource,
    switches: Switches,
    groupIds: pulumi.Input<string>[],
): void {
    anySwitchOn(switches).apply((on) => {
        if (!on) void pulumi.log.warn(ALL_OFF_WARNING, owner);
    });
    if (groupIds.length === 0) void pulumi.log.warn(NO_GROUP_WARNING, owner);
    groupIds.forEach((id, i) =>
        pulumi.output(id).apply((g) => {
            if (typeof g === "string" && g !== "" && !looksLikeGroupId(g)) {
                void pulumi.log.warn(notAnIdWarning(i, g), owner);
            }
        }),
    );
}

/** The one log line of the SCIM connection (docs/design.md): what is left for a person, values included, secret by reference. */
export function warnAboutRemainingSteps(connection: ScimConnection, owner: pulumi.Resource): void {
    pulumi.all([connection.status, connection.remainingSteps]).apply(([status, steps]) => {
        if (status !== "authorized" && steps?.length) {
            const text = `SCIM connection ${status}: finish these steps in the Okta Admin Console:\n${steps.join("\n")}`;
            void pulumi.log.warn(text, owner);
        }
    });
}

/** A scheduled rotation that is due (preview says the next `up` starts it), or one that was cut short. */
export function warnAboutRotation(key: AccessKey, owner: pulumi.Resource): void {
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
