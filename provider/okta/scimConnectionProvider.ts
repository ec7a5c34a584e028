// ScimConnection provider methods, loaded at call time by the serialized forwarder. Okta's public
// API cannot set the connection of a custom app: these methods judge its status from evidence,
// repair a connection deactivated out of band, and wait for the console steps when asked to.
import "../providerProcess";
import type * as pulumi from "@pulumi/pulumi";
import { readResult } from "../forwarder";
import { Props, stored } from "../props";
import { oktaApi } from "./client";
import type { ConnectionEvidence } from "./connectionSteps";
import { forgetKeyReads } from "../cxone/keyReads";
import { accessKeyEvidence } from "./keyEvidence";
import {
    checkScimConnection,
    connectionInputs,
    describeConnection,
    diffScimConnection,
    mustFail,
    provisioningWorks,
    sameSettings,
    scimConnectionId,
    ScimConnectionOutputs,
    ScimConnectionState,
    stillWaitingMessage,
} from "./scimConnectionLogic";
import type { Checked, Unchecked } from "./validation";
import { sleep } from "../core/sleep";

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

/**
 * One GET to Okta and one to CXone (two during a key rotation), at once. CXone is always asked:
 * Okta's ENABLED says nothing about whether the key it holds still works. For a wizard-made app
 * Okta may answer UNKNOWN for ever, or no connection at all (404) [guess:okta-connection-status]:
 * the CXone key's evidence then decides alone.
 */
async function gather(
    s: ScimConnectionState,
    previous?: Pick<ScimConnectionOutputs, "status" | "oktaReportedStatus">,
): Promise<ConnectionEvidence> {
    const prev = previous?.status;
    const previouslyAuthorized =
        prev === "authorized" || prev === "disabled" || prev === "rotating";
    const [conn, key] = await Promise.all([
        oktaApi.getConnection(s.orgUrl, s.appId),
        accessKeyEvidence(s.cxoneEndpoint, s.clientId, s.previousClientId || undefined),
    ]);
    return {
        oktaConnectionStatus: conn?.status,
        previouslyAuthorized,
        ...(previous?.oktaReportedStatus ? { oktaReportedBefore: true } : {}),
        ...key,
    };
}

/** Checks the evidence, repairs a connection deactivated out of band, and waits if asked to. */
async function settle(
    s: ScimConnectionState,
    previous?: Pick<ScimConnectionOutputs, "status" | "oktaReportedStatus">,
): Promise<ScimConnectionOutputs> {
    const deadline = Date.now() + (s.waitForAuthorizationSeconds ?? 0) * 1000;
    let out = describeConnection(s, await gather(s, previous));
    if (out.status === "disabled") {
        await oktaApi.activateConnection(s.orgUrl, s.appId);
        out = describeConnection(s, await gather(s, previous));
    }
    // Stryker disable next-line EqualityOperator: <= differs only in the deadline's millisecond
    while (!provisioningWorks(out.status) && Date.now() < deadline) {
        await sleep(Math.min(s.pollIntervalSeconds * 1000, Math.max(0, deadline - Date.now())));
        forgetKeyReads(); // each poll asks CXone again
        out = describeConnection(s, await gather(s, out));
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
    const evidence = await gather(inputs, old);
    // Okta reports a connection for every app it has (UNKNOWN without provisioning): none means
    // the app may be gone, and the connection with it (a used key must not read as authorized)
    if (!evidence.oktaConnectionStatus && !(await oktaApi.getApp(old.orgUrl, old.appId)))
        return { id: "" };
    return readResult(id, describeConnection(inputs, evidence), inputs);
}

export async function update(
    _id: string,
    olds: Props,
    s: ScimConnectionState,
): Promise<{ outs: ScimConnectionOutputs }> {
    // New credentials or endpoints mean Okta must be told again: the old authorization does not count.
    const old = outputs(olds);
    return { outs: await settle(s, sameSettings(old, s) ? old : undefined) };
}

/** No call: the connection goes with its app. */
export async function destroy(): Promise<void> {
    // nothing to call
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
