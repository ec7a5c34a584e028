// ScimConnection's implementation, loaded at call time by the serialized forwarder.
import type * as pulumi from "@pulumi/pulumi";
import type { CxoneEndpoint } from "../regions";
import { compact } from "../props";
import { oktaApi } from "./client";
import { ConnectionEvidence, connectionStatus, ConnectionStatus, remainingSteps, ScimSettings } from "./connectionSteps";
import { accessKeyEvidence } from "./keyEvidence";
import { Failures, isUnknown, optionalNumber, requireString, requireUrl } from "./validation";

interface Inputs extends ScimSettings {
    orgUrl: string;
    appId: string;
    appLabel: string;
    clientSecret: string;
    cxoneEndpoint: CxoneEndpoint;
    secretReference: string;
    cxoneSignInHint?: string;
    waitForAuthorizationSeconds: number;
    pollIntervalSeconds: number;
}
interface Outputs extends Inputs {
    status: ConnectionStatus;
    oktaConnectionStatus?: string;
    keyLastUsedDate?: string;
    remainingSteps: string[];
}

const knownActions = ["pushNewUsers", "pushProfileUpdates"];
const settingKeys = ["scimBaseUrl", "uniqueIdentifierField", "authMode", "tokenEndpoint", "authorizeEndpoint", "clientId", "clientSecret"] as const;

export async function check(_olds: Inputs, news: Inputs): Promise<pulumi.dynamic.CheckResult> {
    const f: Failures = [];
    const n = news as unknown as Record<string, unknown>;
    requireUrl(f, n, "orgUrl");
    requireString(f, n, "appId");
    requireString(f, n, "appLabel");
    for (const k of ["scimBaseUrl", "tokenEndpoint", "authorizeEndpoint"]) requireUrl(f, n, k);
    requireString(f, n, "clientId");
    if (!isUnknown(news.clientSecret) && (typeof news.clientSecret !== "string" || news.clientSecret === "")) {
        f.push({ property: "clientSecret", reason: "clientSecret is required (the CXone secret access key)" });
    }
    if (!isUnknown(news.uniqueIdentifierField) && news.uniqueIdentifierField !== "userName") {
        f.push({ property: "uniqueIdentifierField", reason: `uniqueIdentifierField must be "userName" (CXone's SCIM server matches users on userName)` });
    }
    if (!isUnknown(news.authMode) && news.authMode !== "oauth2") {
        f.push({ property: "authMode", reason: `authMode must be "oauth2" (the method NICE documents for Okta)` });
    }
    if (!isUnknown(news.supportedActions)) {
        const a = news.supportedActions;
        if (!Array.isArray(a) || a.length === 0 || a.some((x) => !isUnknown(x) && !knownActions.includes(x))) {
            f.push({ property: "supportedActions", reason: `supportedActions must be a non-empty list of ${knownActions.join(", ")}` });
        }
    }
    if (!isUnknown(news.cxoneEndpoint) && (typeof news.cxoneEndpoint !== "object" || !news.cxoneEndpoint?.issuerUrl)) {
        f.push({ property: "cxoneEndpoint", reason: "cxoneEndpoint must be the CXone endpoint (issuerUrl, areaUrl)" });
    }
    optionalNumber(f, n, "waitForAuthorizationSeconds", 0, 86_400);
    optionalNumber(f, n, "pollIntervalSeconds", 1, 3_600);
    return f.length ? { failures: f } : { inputs: news };
}

/** One GET to Okta; CXone is asked only where Okta reports no status for the app. */
async function gather(i: Inputs, previous?: ConnectionStatus): Promise<ConnectionEvidence> {
    const previouslyAuthorized = previous === "authorized" || previous === "disabled";
    // Not authorized before: CXone's key evidence will almost surely be needed, so ask both at once
    // (one round trip on up's critical path instead of two). Authorized: Okta's word is enough.
    const key = previouslyAuthorized ? undefined : accessKeyEvidence(i.cxoneEndpoint, i.clientId);
    key?.catch(() => undefined); // awaited below when needed; never an unhandled rejection
    const conn = await oktaApi.getConnection(i.orgUrl, i.appId);
    const okta = conn?.status;
    if ((okta === "ENABLED" && previouslyAuthorized) || okta === "DISABLED") return { oktaConnectionStatus: okta, previouslyAuthorized };
    return { oktaConnectionStatus: okta, previouslyAuthorized, ...(await (key ?? accessKeyEvidence(i.cxoneEndpoint, i.clientId))) };
}

function describe(i: Inputs, e: ConnectionEvidence): Outputs {
    const status = connectionStatus(e);
    return compact({
        ...i,
        status,
        oktaConnectionStatus: e.oktaConnectionStatus,
        keyLastUsedDate: e.keyLastUsedDate ?? undefined,
        remainingSteps: remainingSteps(status, {
            appLabel: i.appLabel, appId: i.appId, settings: i, secretReference: i.secretReference, cxoneSignInHint: i.cxoneSignInHint,
        }),
    });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Checks the evidence, repairs a connection deactivated out of band, and waits if asked to. */
async function settle(i: Inputs, previous?: ConnectionStatus): Promise<Outputs> {
    const deadline = Date.now() + (i.waitForAuthorizationSeconds ?? 0) * 1000;
    let out = describe(i, await gather(i, previous));
    if (out.status === "disabled") {
        await oktaApi.activateConnection(i.orgUrl, i.appId);
        out = describe(i, await gather(i, previous));
    }
    while (out.status !== "authorized" && Date.now() < deadline) {
        await sleep(Math.min(i.pollIntervalSeconds * 1000, Math.max(0, deadline - Date.now())));
        out = describe(i, await gather(i));
    }
    if (out.status !== "authorized" && i.waitForAuthorizationSeconds > 0) {
        throw new Error(`the SCIM connection of Okta app "${i.appLabel}" is still ${out.status} after waiting ${i.waitForAuthorizationSeconds}s. Remaining steps:\n${out.remainingSteps.join("\n")}`);
    }
    return out;
}

export async function create(i: Inputs): Promise<pulumi.dynamic.CreateResult> {
    return { id: `${i.appId}/scim`, outs: await settle(i) };
}

export async function read(id: string, props: Outputs): Promise<pulumi.dynamic.ReadResult> {
    const { status: _s, oktaConnectionStatus: _o, keyLastUsedDate: _k, remainingSteps: _r, ...inputs } = props;
    return { id, props: describe(inputs, await gather(inputs, props.status)), inputs };
}

export async function diff(_id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = olds.appId !== news.appId || olds.orgUrl !== news.orgUrl ? ["appId"] : [];
    const changed = settingKeys.some((k) => olds[k] !== news[k])
        || JSON.stringify(olds.supportedActions) !== JSON.stringify(news.supportedActions)
        || olds.appLabel !== news.appLabel || olds.secretReference !== news.secretReference;
    // Not authorized yet: every `up` checks again, so provisioning actions follow as soon as it is.
    return { changes: replaces.length > 0 || changed || olds.status !== "authorized", replaces };
}

export async function update(_id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult> {
    // New credentials or endpoints mean Okta must be told again: the old authorization does not count.
    const sameSettings = settingKeys.every((k) => olds[k] === news[k]);
    return { outs: await settle(news, sameSettings ? olds.status : undefined) };
}
