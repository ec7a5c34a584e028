// ProvisioningActions' implementation, loaded at call time by the serialized forwarder.
import type * as pulumi from "@pulumi/pulumi";
import { fromCapabilities, ProvisioningSwitches, toCapabilities } from "./capabilities";
import { compact } from "../props";
import { oktaApi } from "./client";
import { Failures, isUnknown, optionalBoolean, requireString, requireUrl } from "./validation";

interface Inputs extends ProvisioningSwitches {
    orgUrl: string;
    appId: string;
    connectionStatus: string;
}
interface Outputs extends Inputs {
    applied: boolean;
    featureStatus?: string;
}

const switchNames = ["createUsers", "updateUserAttributes", "deactivateUsers"] as const;

export async function check(_olds: Inputs, news: Inputs): Promise<pulumi.dynamic.CheckResult> {
    const f: Failures = [];
    const n = news as unknown as Record<string, unknown>;
    requireUrl(f, n, "orgUrl");
    requireString(f, n, "appId");
    for (const k of switchNames) optionalBoolean(f, n, k);
    if (!isUnknown(news.connectionStatus) && typeof news.connectionStatus !== "string") {
        f.push({ property: "connectionStatus", reason: "connectionStatus must be the ScimConnection's status" });
    }
    return f.length ? { failures: f } : { inputs: news };
}

async function apply(i: Inputs): Promise<Outputs> {
    if (i.connectionStatus !== "authorized") return compact({ ...i, applied: false });
    const res = await oktaApi.putProvisioningFeature(i.orgUrl, i.appId, toCapabilities(i));
    return { ...i, applied: true, featureStatus: res.status };
}

export async function create(i: Inputs): Promise<pulumi.dynamic.CreateResult> {
    return { id: `${i.appId}/USER_PROVISIONING`, outs: await apply(i) };
}

export async function read(id: string, props: Outputs): Promise<pulumi.dynamic.ReadResult> {
    const { applied: _a, featureStatus: _f, ...inputs } = props;
    if (!props.applied) return { id, props, inputs };
    const feature = await oktaApi.getProvisioningFeature(props.orgUrl, props.appId);
    if (!feature) return { id: "" };
    const live = { ...inputs, ...fromCapabilities(feature.capabilities) };
    return { id, props: { ...live, applied: true, featureStatus: feature.status }, inputs: live };
}

export async function diff(_id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = olds.appId !== news.appId || olds.orgUrl !== news.orgUrl ? ["appId"] : [];
    const changed = switchNames.some((k) => olds[k] !== news[k]) || olds.connectionStatus !== news.connectionStatus;
    // Still waiting for the connection: keep asking on every up, so the actions land as soon as it is authorized.
    const waiting = !olds.applied && news.connectionStatus === "authorized";
    return { changes: replaces.length > 0 || changed || waiting, replaces };
}

export async function update(_id: string, _olds: Outputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: await apply(news) };
}
