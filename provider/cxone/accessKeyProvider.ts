// AccessKey provider methods, loaded at call time by the serialized forwarder. The secret exists
// only in create's result (stored as a Pulumi secret); destroy revokes the key.
import type * as pulumi from "@pulumi/pulumi";
import { CxoneClient } from "./client";
import { PartialCreateError } from "./errors";
import { accessKeyFromLive, AccessKeyOutputs, accessKeyOutputs, AccessKeyState, checkAccessKey, diffAccessKey } from "./accessKeyLogic";

type Inputs = Record<string, unknown>;

export async function check(_olds: Inputs, news: Inputs): Promise<pulumi.dynamic.CheckResult> {
    return checkAccessKey(news);
}

export async function diff(_id: string, olds: Inputs, news: Inputs): Promise<pulumi.dynamic.DiffResult> {
    const d = diffAccessKey(olds, news);
    return { changes: d.changes, replaces: d.replaces };
}

// A POST that fails without a response is not retried and not adopted: the secret of a key created
// by a lost response is unknowable, so such a key is useless; the next `up` makes a new one.
export async function create(inputs: Inputs): Promise<pulumi.dynamic.CreateResult> {
    const s = inputs as unknown as AccessKeyState;
    const client = new CxoneClient(s.endpoint);
    const key = await client.createAccessKey(s.employeeId);
    const outs = accessKeyOutputs(s, key, key.accessKeySecret);
    if (!s.active) {
        try {
            await client.setAccessKeyActive({ accessKeyId: key.accessKeyId, userId: s.employeeId }, false);
            outs.isActive = false;
        } catch (e) {
            throw new PartialCreateError(key.accessKeyId, outs as unknown as Inputs, e as Error);
        }
    }
    return { id: key.accessKeyId, outs };
}

/** Refresh: live isActive and lastUsedDate; a revoked key is gone (empty id). */
export async function read(id: string, props: Inputs): Promise<pulumi.dynamic.ReadResult> {
    const old = props as unknown as AccessKeyOutputs;
    const live = await new CxoneClient(old.endpoint).getAccessKey(id);
    if (!live) return { id: "" };
    const r = accessKeyFromLive(old, live);
    return { id, props: r.props, inputs: r.inputs as unknown as Inputs };
}

export async function update(id: string, olds: Inputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult> {
    const old = olds as unknown as AccessKeyOutputs;
    const s = news as unknown as AccessKeyState;
    if (old.isActive !== s.active) await new CxoneClient(s.endpoint).setAccessKeyActive({ accessKeyId: id, userId: old.employeeId }, s.active);
    return { outs: { ...old, ...s, accessKeyId: id, isActive: s.active } };
}

/** Destroy revokes the key; one already revoked counts as done. */
export async function deleteAccessKey(id: string, props: Inputs): Promise<void> {
    const old = props as unknown as AccessKeyOutputs;
    await new CxoneClient(old.endpoint).revokeAccessKey(id);
}
export { deleteAccessKey as delete };
