// ScimConnection provider methods, loaded at call time by the serialized forwarder. Okta's public
// API cannot set the connection of a custom app: these methods judge its status from evidence,
// repair a connection deactivated out of band, and wait for the console steps when asked to.
import "../providerProcess";
import type * as pulumi from "@pulumi/pulumi";
import { readResult } from "../forwarder";
import { Props, stored } from "../props";
import { oktaApi } from "./client";
import type { ConnectionEvidence, ConnectionStatus } from "./connectionSteps";
import { accessKeyEvidence } from "./keyEvidence";
import {
    checkScimConnection,
    connectionInputs,
    describeConnection,
    diffScimConnection,
    mustFail,
    sameSettings,
    scimConnectionId,
    ScimConnectionOutputs,
    ScimConnectionState,
    stillWaitingMessage,
} from "./scimConnectionLogic";
import type { Checked, Unchecked } from "./validation";

// Stored properties are what this module's check() and create() made them: typed back here.
const outputs = (props: Props): ScimConnectionOutputs => props as ScimConnectionOutputs;

export async function check(
    _olds: Unchecked<ScimConnectionState>,
    news: Unchecked<ScimConnectionState>,
): Promise<Checked<ScimConnectionState>> {
    return checkScimConnection(news);
}

export async function diff(
    _id: string,
    olds: Props,
    news: ScimConnectionState,
): Promise<pulumi.dynamic.DiffResult> {
    return diffScimConnection(outputs(olds), news);
}

/** One GET to Okta; CXone is asked only where Okta reports no status for the app. */
async function gather(
    s: ScimConnectionState,
    previous?: ConnectionStatus,
): Promise<ConnectionEvidence> {
    const previouslyAuthorized = previous === "authorized" || previous === "disabled";
    // Not authorized before: CXone's key evidence will almost surely be needed, so ask both at once
    // (one round trip on up's critical path instead of two). Authorized: Okta's word is enough.
    const key = previouslyAuthorized ? undefined : accessKeyEvidence(s.cxoneEndpoint, s.clientId);
    key?.catch(() => undefined); // awaited below when needed; never an unhandled rejection
    const conn = await oktaApi.getConnection(s.orgUrl, s.appId);
    const okta = conn?.status;
    if ((okta === "ENABLED" && previouslyAuthorized) || okta === "DISABLED") {
        return { oktaConnectionStatus: okta, previouslyAuthorized };
    }
    const evidence = await (key ?? accessKeyEvidence(s.cxoneEndpoint, s.clientId));
    return { oktaConnectionStatus: okta, previouslyAuthorized, ...evidence };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Checks the evidence, repairs a connection deactivated out of band, and waits if asked to. */
async function settle(
    s: ScimConnectionState,
    previous?: ConnectionStatus,
): Promise<ScimConnectionOutputs> {
    const deadline = Date.now() + (s.waitForAuthorizationSeconds ?? 0) * 1000;
    let out = describeConnection(s, await gather(s, previous));
    if (out.status === "disabled") {
        await oktaApi.activateConnection(s.orgUrl, s.appId);
        out = describeConnection(s, await gather(s, previous));
    }
    while (out.status !== "authorized" && Date.now() < deadline) {
        await sleep(Math.min(s.pollIntervalSeconds * 1000, Math.max(0, deadline - Date.now())));
        out = describeConnection(s, await gather(s));
    }
    if (mustFail(s, out)) throw new Error(stillWaitingMessage(s, out));
    return out;
}

export async function create(
    s: ScimConnectionState,
): Promise<{ id: string; outs: ScimConnectionOutputs }> {
    return { id: scimConnectionId(s), outs: await settle(s) };
}

/** Refresh: the status judged again from the evidence (the settings live only in the console). */
export async function read(
    id: string,
    props?: Props,
): Promise<pulumi.dynamic.ReadResult<ScimConnectionOutputs>> {
    const old = outputs(stored(props, `SCIM connection ${id}`));
    const inputs = connectionInputs(old);
    return readResult(id, describeConnection(inputs, await gather(inputs, old.status)), inputs);
}

export async function update(
    _id: string,
    olds: Props,
    s: ScimConnectionState,
): Promise<{ outs: ScimConnectionOutputs }> {
    // New credentials or endpoints mean Okta must be told again: the old authorization does not count.
    const old = outputs(olds);
    return { outs: await settle(s, sameSettings(old, s) ? old.status : undefined) };
}

/** No call: the connection goes with its app. */
export async function destroy(): Promise<void> {
    return;
}
export { destroy as delete };

/** This module as the SDK's provider type: the compiler checks every signature above. */
export const provider: pulumi.dynamic.ResourceProvider<ScimConnectionState, ScimConnectionOutputs> =
    {
        check,
        diff,
        create,
        read,
        update,
        delete: destroy,
    };
