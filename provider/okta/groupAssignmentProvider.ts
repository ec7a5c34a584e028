// GroupAssignment's implementation, loaded at call time by the serialized forwarder.
import type * as pulumi from "@pulumi/pulumi";
import { oktaApi } from "./client";
import { Failures, requireString, requireUrl } from "./validation";

interface Inputs {
    orgUrl: string;
    appId: string;
    groupId: string;
}

export async function check(_olds: Inputs, news: Inputs): Promise<pulumi.dynamic.CheckResult> {
    const f: Failures = [];
    const n = news as unknown as Record<string, unknown>;
    requireUrl(f, n, "orgUrl");
    requireString(f, n, "appId");
    requireString(f, n, "groupId");
    return f.length ? { failures: f } : { inputs: news };
}

export async function create(i: Inputs): Promise<pulumi.dynamic.CreateResult> {
    await oktaApi.assignGroup(i.orgUrl, i.appId, i.groupId);
    return { id: `${i.appId}/${i.groupId}`, outs: i };
}

export async function read(id: string, props: Inputs): Promise<pulumi.dynamic.ReadResult> {
    const found = await oktaApi.getGroupAssignment(props.orgUrl, props.appId, props.groupId);
    return found ? { id, props, inputs: props } : { id: "" };
}

export async function diff(_id: string, olds: Inputs, news: Inputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = (["orgUrl", "appId", "groupId"] as const).filter((k) => olds[k] !== news[k]);
    return { changes: replaces.length > 0, replaces };
}

export async function delete_(_id: string, props: Inputs): Promise<void> {
    await oktaApi.unassignGroup(props.orgUrl, props.appId, props.groupId);
}
export { delete_ as delete };
