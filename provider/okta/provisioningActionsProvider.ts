// ProvisioningActions provider methods, loaded at call time by the serialized forwarder. Like
// okta.app.Features, delete makes no call (the app's deletion takes its features with it).
import { defineProvider, type ReadResult } from "../framework/defineProvider";
import { readResult } from "../framework/forwarder";
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

/** Applies the switches once the connection is authorized; before that, records that it waits. */
async function apply(s: ProvisioningActionsState): Promise<ProvisioningActionsOutputs> {
    if (!canApply(s)) return waitingOutputs(s);
    const res = await oktaApi.putProvisioningFeature(s.orgUrl, s.appId, toCapabilities(s));
    return { ...s, applied: true, featureStatus: res.status };
}

async function create(
    s: ProvisioningActionsState,
): Promise<{ id: string; outs: ProvisioningActionsOutputs }> {
    return { id: provisioningActionsId(s), outs: await apply(s) };
}

/** Refresh: the live switches once applied; a feature Okta no longer has is gone (empty id). */
async function read(
    id: string,
    old: ProvisioningActionsOutputs,
): Promise<ReadResult<ProvisioningActionsOutputs>> {
    const { applied: _a, featureStatus: _f, ...inputs } = old;
    if (!old.applied) return readResult(id, old, inputs);
    const feature = await oktaApi.getProvisioningFeature(old.orgUrl, old.appId);
    if (!feature) return { id: "" };
    const r = actionsFromLive(inputs, feature);
    return readResult(id, r.props, r.inputs);
}

async function update(
    _id: string,
    old: ProvisioningActionsOutputs,
    s: ProvisioningActionsState,
): Promise<{ outs: ProvisioningActionsOutputs }> {
    // During a key rotation Okta goes on provisioning with the key it holds: what was applied
    // stays applied (no call; the connection may be between "Save" and "Authenticate").
    if (s.connectionStatus === "rotating" && old.applied && sameSwitches(old, s)) {
        return { outs: { ...old, ...s, applied: true } };
    }
    return { outs: await apply(s) };
}

export = defineProvider<ProvisioningActionsState, ProvisioningActionsOutputs>({
    noun: "provisioning actions",
    check: checkProvisioningActions,
    diff: diffProvisioningActions,
    create,
    read,
    update,
    // delete: no call, like okta.app.Features: the app's deletion takes the feature with it
});
