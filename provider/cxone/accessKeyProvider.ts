// AccessKey provider methods, loaded at call time by the serialized forwarder. The secret exists
// only in create's result (stored as a Pulumi secret); destroy revokes the key.
import "../providerProcess";
import type * as pulumi from "@pulumi/pulumi";
import type { Checked, Unchecked } from "../checks";
import { readResult } from "../forwarder";
import { Props, stored } from "../props";
import { CxoneClient } from "./client";
import { PartialCreateError } from "./errors";
import {
    accessKeyFromLive,
    AccessKeyOutputs,
    accessKeyOutputs,
    AccessKeyState,
    checkAccessKey,
    diffAccessKey,
} from "./accessKeyLogic";

// Stored properties are what this module's check() and create() made them: typed back here.
const outputs = (props: Props): AccessKeyOutputs => props as AccessKeyOutputs;

export async function check(
    _olds: Unchecked<AccessKeyOutputs>,
    news: Unchecked<AccessKeyOutputs>,
): Promise<Checked<AccessKeyState>> {
    return checkAccessKey(news);
}

export async function diff(
    _id: string,
    olds: Props,
    news: AccessKeyState,
): Promise<pulumi.dynamic.DiffResult> {
    const d = diffAccessKey(olds, news);
    return { changes: d.changes, replaces: d.replaces };
}

// A POST that fails without a response is not retried and not adopted: the secret of a key created
// by a lost response is unknowable, so such a key is useless; the next `up` makes a new one.
export async function create(s: AccessKeyState): Promise<{ id: string; outs: AccessKeyOutputs }> {
    const client = new CxoneClient(s.endpoint);
    const key = await client.createAccessKey(s.employeeId);
    const outs = accessKeyOutputs(s, key, key.accessKeySecret);
    if (!s.active) {
        try {
            await client.setAccessKeyActive(
                { accessKeyId: key.accessKeyId, userId: s.employeeId },
                false,
            );
            outs.isActive = false;
        } catch (e) {
            throw new PartialCreateError(key.accessKeyId, outs, e as Error);
        }
    }
    return { id: key.accessKeyId, outs };
}

/** Refresh: live isActive and lastUsedDate; a revoked key is gone (empty id). */
export async function read(
    id: string,
    props?: Props,
): Promise<pulumi.dynamic.ReadResult<AccessKeyOutputs>> {
    const old = outputs(stored(props, `access key ${id}`));
    const live = await new CxoneClient(old.endpoint).getAccessKey(id);
    if (!live) return { id: "" };
    const r = accessKeyFromLive(old, live);
    return readResult(id, r.props, r.inputs);
}

export async function update(
    id: string,
    olds: Props,
    s: AccessKeyState,
): Promise<{ outs: AccessKeyOutputs }> {
    const old = outputs(olds);
    if (old.isActive !== s.active) {
        const key = { accessKeyId: id, userId: old.employeeId };
        await new CxoneClient(s.endpoint).setAccessKeyActive(key, s.active);
    }
    return { outs: { ...old, ...s, accessKeyId: id, isActive: s.active } };
}

/** Destroy revokes the key; one already revoked counts as done. */
export async function destroy(id: string, props: Props): Promise<void> {
    await new CxoneClient(outputs(props).endpoint).revokeAccessKey(id);
}
export { destroy as delete };

/** This module as the SDK's provider type: the compiler checks every signature above. */
export const provider: pulumi.dynamic.ResourceProvider<AccessKeyState, AccessKeyOutputs> = {
    check,
    diff,
    create,
    read,
    update,
    delete: destroy,
};
