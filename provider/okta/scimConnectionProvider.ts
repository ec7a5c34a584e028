// ScimConnection provider methods, loaded at call time by the serialized forwarder. Okta's public
// API cannot set the connection of a custom app: these methods judge its status from evidence,
// repair a connection deactivated out of band, and wait for the console steps when asked to.
import { defineProvider, type ReadResult } from "../framework/defineProvider";
import { readResult } from "../framework/forwarder";
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
import { sleep } from "../core/sleep";

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

async function create(
    s: ScimConnectionState,
): Promise<{ id: string; outs: ScimConnectionOutputs }> {
    return { id: scimConnectionId(s), outs: await settle(s) };
}

/** Refresh: the status judged again from the evidence (the settings live only in the console). */
async function read(
    id: string,
    old: ScimConnectionOutputs,
): Promise<ReadResult<ScimConnectionOutputs>> {
    const inputs = connectionInputs(old);
    const evidence = await gather(inputs, old);
    // Okta reports a connection for every app it has (UNKNOWN without provisioning): none means
    // the app may be gone, and the connection with it (a used key must not read as authorized)
    if (!evidence.oktaConnectionStatus && !(await oktaApi.getApp(old.orgUrl, old.appId)))
        return { id: "" };
    return readResult(id, describeConnection(inputs, evidence), inputs);
}

async function update(
    _id: string,
    old: ScimConnectionOutputs,
    s: ScimConnectionState,
): Promise<{ outs: ScimConnectionOutputs }> {
    // New credentials or endpoints mean Okta must be told again: the old authorization does not count.
    return { outs: await settle(s, sameSettings(old, s) ? old : undefined) };
}

export = defineProvider<ScimConnectionState, ScimConnectionOutputs>({
    noun: "SCIM connection",
    check: checkScimConnection,
    diff: diffScimConnection,
    create,
    read,
    update,
    // delete: no call, the connection goes with its app
});
