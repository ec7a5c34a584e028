// ProvisioningActions provider methods, loaded at call time by the serialized forwarder. Like
// okta.app.Features, delete makes no call (the app's deletion takes its features with it).
import "../providerProcess";
import type * as pulumi from "@pulumi/pulumi";
import { readResult } from "../forwarder";
import { Props, stored } from "../props";
import { toCapabilities } from "./capabilities";
import { oktaApi } from "./client";
import {
    actionsFromLive,
    canApply,
    checkProvisioningActions,
    diffProvisioningActions,
    provisioningActionsId,
    ProvisioningActionsOutputs,
    ProvisioningActionsState,
    sameSwitches,
    waitingOutputs,
} from "./provisioningActionsLogic";
import type { Checked, Unchecked } from "./validation";

// Stored properties are what this module's check() and create() made them: typed back here.
const outputs = (props: Props): ProvisioningActionsOutputs => props as ProvisioningActionsOutputs;

export async function check(
    _olds: Unchecked<ProvisioningActionsState>,
    news: Unchecked<ProvisioningActionsState>,
): Promise<Checked<ProvisioningActionsState>> {
    return checkProvisioningActions(news);
}

export async function diff(
    _id: string,
    olds: Props,
    news: ProvisioningActionsState,
): Promise<pulumi.dynamic.DiffResult> {
    return diffProvisioningActions(outputs(olds), news);
}

/** Applies the switches once the connection is authorized; before that, records that it waits. */
async function apply(s: ProvisioningActionsState): Promise<ProvisioningActionsOutputs> {
    if (!canApply(s)) return waitingOutputs(s);
    const res = await oktaApi.putProvisioningFeature(s.orgUrl, s.appId, toCapabilities(s));
    return { ...s, applied: true, featureStatus: res.status };
}

export async function create(
    s: ProvisioningActionsState,
): Promise<{ id: string; outs: ProvisioningActionsOutputs }> {
    return { id: provisioningActionsId(s), outs: await apply(s) };
}

/** Refresh: the live switches once applied; a feature Okta no longer has is gone (empty id). */
export async function read(
    id: string,
    props?: Props,
): Promise<pulumi.dynamic.ReadResult<ProvisioningActionsOutputs>> {
    const old = outputs(stored(props, `provisioning actions ${id}`));
    const { applied: _a, featureStatus: _f, ...inputs } = old;
    if (!old.applied) return readResult(id, old, inputs);
    const feature = await oktaApi.getProvisioningFeature(old.orgUrl, old.appId);
    if (!feature) return { id: "" };
    const r = actionsFromLive(inputs, feature);
    return readResult(id, r.props, r.inputs);
}

export async function update(
    _id: string,
    olds: Props,
    s: ProvisioningActionsState,
): Promise<{ outs: ProvisioningActionsOutputs }> {
    const old = outputs(olds);
    // During a key rotation Okta goes on provisioning with the key it holds: what was applied
    // stays applied (no call; the connection may be between "Save" and "Authenticate").
    if (s.connectionStatus === "rotating" && old.applied && sameSwitches(old, s)) {
        return { outs: { ...old, ...s, applied: true } };
    }
    return { outs: await apply(s) };
}

/** No call, like okta.app.Features: the app's deletion takes the feature with it. */
export async function destroy(): Promise<void> {
    // nothing to call
}
export { destroy as delete };

/** This module as the SDK's provider type: the compiler checks every signature above. */
export const provider: pulumi.dynamic.ResourceProvider<
    ProvisioningActionsState,
    ProvisioningActionsOutputs
> = {
    check,
    diff,
    create,
    read,
    update,
    delete: destroy,
};
