// ProvisioningActions: validation, diffing and state mapping. Pure: no I/O, tested without servers.
import { DEFAULT_PROVISIONING_SWITCHES } from "../integration/defaults";
import { compact, withDefaults } from "../framework/props";
import { fromCapabilities, ProvisioningSwitches } from "./capabilities";
import type { ProvisioningCapabilities } from "./client";
import {
    check,
    CheckFailure,
    Checked,
    checkOrgAndIds,
    isUnknown,
    optionalBoolean,
    Unchecked,
} from "./validation";

/** ProvisioningActions inputs after check(): defaults applied. */
export type ProvisioningActionsState = ProvisioningSwitches & {
    orgUrl: string;
    appId: string;
    /** the ScimConnection's status: the switches are applied only once it is "authorized" */
    connectionStatus: string;
};

/** ProvisioningActions outputs: whether the switches are in effect, and Okta's feature status. */
export type ProvisioningActionsOutputs = ProvisioningActionsState & {
    applied: boolean;
    featureStatus?: string;
};

/** The "To App" switch names. */
export const SWITCH_NAMES = ["createUsers", "updateUserAttributes", "deactivateUsers"] as const;

/** The feature's id: one USER_PROVISIONING feature per app. */
export const provisioningActionsId = (s: ProvisioningActionsState): string =>
    `${s.appId}/USER_PROVISIONING`;

/** check(): validates every input (no API call) and applies defaults. */
export function checkProvisioningActions(
    news: Unchecked<ProvisioningActionsState>,
): Checked<ProvisioningActionsState> {
    const failures: CheckFailure[] = [];
    checkOrgAndIds(failures, news, ["appId"]);
    for (const k of SWITCH_NAMES) check(failures, k, news[k], optionalBoolean);
    check(failures, "connectionStatus", news.connectionStatus, (v, p) =>
        typeof v === "string" ? undefined : `${p} must be the ScimConnection's status`,
    );
    // typed by the checks above (the engine ignores the inputs when there are failures)
    return {
        inputs: withDefaults(
            { ...DEFAULT_PROVISIONING_SWITCHES },
            news,
        ) as ProvisioningActionsState,
        failures,
    };
}

/**
 * diff(): another app or org replaces; a switch or the connection status changes in place. While
 * the switches wait for the connection, every `up` whose status is "authorized" applies them.
 */
export function diffProvisioningActions(
    olds: Partial<ProvisioningActionsOutputs>,
    news: ProvisioningActionsState,
): { changes: boolean; replaces: string[] } {
    const replaces = olds.appId !== news.appId || olds.orgUrl !== news.orgUrl ? ["appId"] : [];
    const changed =
        SWITCH_NAMES.some((k) => olds[k] !== news[k]) ||
        olds.connectionStatus !== news.connectionStatus;
    const waiting = !olds.applied && news.connectionStatus === "authorized";
    return { changes: replaces.length > 0 || changed || waiting, replaces };
}

/** Whether the "To App" switches of two states are the same. */
export const sameSwitches = (
    a: Partial<ProvisioningActionsState>,
    b: Partial<ProvisioningActionsState>,
): boolean => SWITCH_NAMES.every((k) => a[k] === b[k]);

/** Whether the switches can be applied now: Okta refuses them until the connection is authorized. */
export const canApply = (s: ProvisioningActionsState): boolean =>
    !isUnknown(s.connectionStatus) && s.connectionStatus === "authorized";

/** Outputs while waiting for the connection: nothing applied, no call made. */
export const waitingOutputs = (s: ProvisioningActionsState): ProvisioningActionsOutputs =>
    compact({ ...s, applied: false });

/** read(): the live switches as outputs and inputs, so the next diff shows out-of-band changes. */
export function actionsFromLive(
    old: ProvisioningActionsState,
    feature: { status: string; capabilities?: ProvisioningCapabilities },
): { props: ProvisioningActionsOutputs; inputs: ProvisioningActionsState } {
    const inputs: ProvisioningActionsState = {
        orgUrl: old.orgUrl,
        appId: old.appId,
        connectionStatus: old.connectionStatus,
        ...fromCapabilities(feature.capabilities),
    };
    return { props: { ...inputs, applied: true, featureStatus: feature.status }, inputs };
}
