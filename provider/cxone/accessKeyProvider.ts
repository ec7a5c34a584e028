// AccessKey provider methods, loaded at call time by the serialized forwarder. The secret exists
// only in create's result (stored as a Pulumi secret); destroy revokes the key.
import { defineProvider, type ReadResult } from "../framework/defineProvider";
import { readResult } from "../framework/forwarder";
import { CxoneClient } from "./client";
import { PartialCreateError } from "./errors";
import {
    accessKeyFromLive,
    AccessKeyOutputs,
    accessKeyOutputs,
    AccessKeyState,
    checkAccessKey,
    currentKeyUse,
    diffAccessKey,
    previousFromLive,
    rotationStarts,
    withSchedule,
} from "./accessKeyLogic";
import { forgetKeyReads, readAccessKey, rememberCreatedKey } from "./keyReads";
import { keptDuringRotation, retirement } from "./keyRotation";

// A POST that fails without a response is not retried and not adopted: the secret of a key created
// by a lost response is unknowable, so such a key is useless; the next `up` makes a new one.
async function create(s: AccessKeyState): Promise<{ id: string; outs: AccessKeyOutputs }> {
    // Stryker disable next-line CallExpression: a new key's id was never read; every write forgets
    forgetKeyReads({ keepCreated: true });
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
    rememberCreatedKey(s.endpoint, { ...key, isActive: outs.isActive });
    return { id: key.accessKeyId, outs };
}

/** Refresh: the current key (and the previous one during a rotation); a revoked key is gone. */
async function read(id: string, old: AccessKeyOutputs): Promise<ReadResult<AccessKeyOutputs>> {
    const [live, previous] = await Promise.all([
        readAccessKey(old.endpoint, old.accessKeyId ?? id),
        old.previousKey ? readAccessKey(old.endpoint, old.previousKey.accessKeyId) : undefined,
    ]);
    if (!live) return { id: "" };
    const r = accessKeyFromLive(old, live, previous);
    return readResult(id, r.props, r.inputs);
}

/**
 * In place: switches the key on or off, ends a rotation (revokes the previous key once Okta uses
 * the new one, or after maxOverlapDays), and starts one (a new key; the old one stays active).
 */
async function update(
    id: string,
    old: AccessKeyOutputs,
    s: AccessKeyState,
): Promise<{ outs: AccessKeyOutputs }> {
    const client = new CxoneClient(s.endpoint);
    const now = Date.now();
    forgetKeyReads();
    // the note belongs to the `up` that revoked without evidence, not to every later one
    let out: AccessKeyOutputs = {
        ...old,
        ...s,
        accessKeyId: old.accessKeyId ?? id,
        rotationNote: "",
    };
    out.keyRotation = old.keyRotation ?? old.rotation;
    if (old.isActive !== s.active) {
        await client.setAccessKeyActive(
            { accessKeyId: out.accessKeyId, userId: old.employeeId },
            s.active,
        );
        out.isActive = s.active;
    }
    if (old.previousKey) {
        // Judged on what CXone says now, not on the state the diff saw.
        const [cur, prev] = await Promise.all([
            client.getAccessKey(out.accessKeyId),
            client.getAccessKey(old.previousKey.accessKeyId),
        ]);
        if (cur) out = { ...out, lastUsedDate: cur.lastUsedDate, isActive: cur.isActive };
        const previous = previousFromLive(old.previousKey, prev);
        const r = retirement(currentKeyUse(out), previous, now, s.maxOverlapDays);
        if (r.action === "revoke") await client.revokeAccessKey(previous.accessKeyId);
        out.previousKey = r.action === "keep" ? previous : undefined;
        if (r.action === "revoke" && r.reason === "overlap-expired") out.rotationNote = r.warning;
    }
    // A rotation asked for while one is still in progress waits for it (keyRotation unchanged).
    if (rotationStarts(old, s, now) && !out.previousKey) {
        // what CXone says now: a key nothing ever signed in with is not in use, by Okta or anyone
        const live = await client.getAccessKey(out.accessKeyId);
        const key = await client.createAccessKey(s.employeeId);
        let kept = true;
        if (live && !keptDuringRotation(live)) {
            try {
                await client.revokeAccessKey(out.accessKeyId);
                kept = false;
            } catch {
                // not revoked now: kept as the previous key, revoked once Okta uses the new one
            }
        }
        const lastUsedDate = live ? live.lastUsedDate : out.lastUsedDate;
        out = {
            ...out,
            previousKey: kept
                ? {
                      accessKeyId: out.accessKeyId,
                      rotationStartedAt: new Date(now).toISOString(),
                      isActive: live?.isActive ?? out.isActive,
                      ...(lastUsedDate ? { lastUsedDate } : {}),
                  }
                : undefined,
            accessKeyId: key.accessKeyId,
            secret: key.accessKeySecret,
            isActive: key.isActive,
            lastUsedDate: undefined,
            createdDate: key.createdDate ?? new Date(now).toISOString(),
            keyRotation: s.rotation,
        };
    }
    forgetKeyReads();
    return { outs: withSchedule(out, now) };
}

/** Destroy revokes the key, and the previous one of an unfinished rotation; revoked counts as done. */
async function destroy(id: string, o: AccessKeyOutputs): Promise<void> {
    const client = new CxoneClient(o.endpoint);
    forgetKeyReads();
    if (o.previousKey) await client.revokeAccessKey(o.previousKey.accessKeyId);
    await client.revokeAccessKey(o.accessKeyId ?? id);
}
export = defineProvider<AccessKeyState, AccessKeyOutputs>({
    noun: "access key",
    check: checkAccessKey,
    diff: diffAccessKey,
    create,
    read,
    update,
    delete: destroy,
});
