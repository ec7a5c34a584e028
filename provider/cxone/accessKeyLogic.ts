// AccessKey: validation, diffing and state mapping. Pure: no I/O, tested without servers.
import type { AccessKeyRecord } from "./client";
import { Diff, diffFields, REPLACE, UPDATE, withEndpoint } from "./diffing";
import { KeyUse, keySchedule, PreviousKey, retirement } from "./keyRotation";
import type { Checked, Unchecked } from "../framework/checks";
import { DEFAULT_ACTIVE } from "../integration/defaults";
import { withDefaults } from "../framework/props";
import type { CxoneEndpoint } from "./session";
import {
    check,
    checkEndpoint,
    CheckFailure,
    containsUnknown,
    optionalBoolean,
    optionalNumber,
    optionalString,
    requiredString,
} from "./validation";

/** AccessKey inputs after check(): defaults applied. */
export type AccessKeyState = {
    endpoint: CxoneEndpoint;
    employeeId: string;
    active: boolean;
    /** any new value starts a phased rotation (see keyRotation.ts) */
    rotation?: string;
    /** start a rotation once the key is this many days old */
    rotateAfterDays?: number;
    /** revoke the previous key this many days after a rotation started, evidence or not */
    maxOverlapDays?: number;
};

/** AccessKey outputs. `secret` is only known from create and is stored as a Pulumi secret. */
export type AccessKeyOutputs = AccessKeyState & {
    /** the current key (after a rotation no longer the resource id, which is the first key's) */
    accessKeyId: string;
    secret: string;
    isActive: boolean;
    lastUsedDate?: string;
    createdDate?: string;
    /** the `rotation` value the current key was created for */
    keyRotation?: string;
    /** the key a rotation replaced, active until Okta uses the new one */
    previousKey?: PreviousKey;
    /** previousKey's id while it is active, else "" (what ScimConnection reads) */
    previousAccessKeyId?: string;
    keyAgeDays?: number;
    nextRotationDate?: string;
    rotationDue?: boolean;
    /** why the last rotation ended without evidence (the maximum overlap passed) */
    rotationNote?: string;
};

/** check(): validates every input (no API call) and applies defaults. */
export function checkAccessKey(news: Unchecked<AccessKeyOutputs>): Checked<AccessKeyState> {
    const failures: CheckFailure[] = [];
    checkEndpoint(failures, news.endpoint);
    check(failures, "employeeId", news.employeeId, requiredString(100));
    check(failures, "active", news.active, optionalBoolean);
    check(failures, "rotation", news.rotation, optionalString(200));
    check(failures, "rotateAfterDays", news.rotateAfterDays, optionalNumber(1, 3650));
    check(failures, "maxOverlapDays", news.maxOverlapDays, optionalNumber(0, 3650));
    const given: Record<string, unknown> = { ...news };
    for (const k of ["secret", "accessKeySecret", "accessKeyId"]) {
        if (given[k] !== undefined)
            failures.push({
                property: k,
                reason: `${k} is an output of AccessKey, not an input: CXone generates the key`,
            });
    }
    // typed by the checks above (the engine ignores the inputs when there are failures)
    return { inputs: withDefaults({ active: DEFAULT_ACTIVE }, news) as AccessKeyState, failures };
}

/** The current key as the rotation rules see it. */
export const currentKeyUse = (o: Partial<AccessKeyOutputs>, id = ""): KeyUse => ({
    accessKeyId: o.accessKeyId ?? id,
    isActive: o.isActive ?? true,
    createdDate: o.createdDate,
    lastUsedDate: o.lastUsedDate,
});

/** A new `rotation` value the current key was not created for (existing state: its input). */
export function rotationRequested(
    olds: Partial<AccessKeyOutputs>,
    news: Record<string, unknown>,
): boolean {
    if (containsUnknown(news.rotation)) return true;
    return (news.rotation ?? undefined) !== (olds.keyRotation ?? olds.rotation ?? undefined);
}

/** Whether an `up` should start a rotation now: asked for, or the key reached its age. */
export function rotationStarts(
    olds: Partial<AccessKeyOutputs>,
    news: Record<string, unknown>,
    now: number,
): boolean {
    const after = typeof news.rotateAfterDays === "number" ? news.rotateAfterDays : undefined;
    return rotationRequested(olds, news) || keySchedule(olds.createdDate, after, now).rotationDue;
}

/**
 * diff(): another employee or tenant needs a new key (create-before-delete). A rotation is an
 * in-place update in phases: the rotating `up` adds the new key and keeps the old one, a later
 * `up` revokes the old one (keyRotation.ts). `active` toggles in place, also when switched off in
 * CXone.
 */
export function diffAccessKey(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    now = Date.now(),
): Diff {
    const o = olds as Partial<AccessKeyOutputs>;
    const d = diffFields(olds, news, {
        employeeId: REPLACE,
        rotateAfterDays: UPDATE,
        maxOverlapDays: UPDATE,
    });
    if (rotationStarts(o, news, now) && !o.previousKey) d.changed.push("rotation");
    if (o.previousKey) {
        const max = typeof news.maxOverlapDays === "number" ? news.maxOverlapDays : undefined;
        const r = retirement(currentKeyUse(o), o.previousKey, now, max);
        if (r.action !== "keep") d.changed.push("previousKey");
    }
    const wantActive = news.active ?? DEFAULT_ACTIVE;
    if (containsUnknown(wantActive) || wantActive !== (olds.isActive ?? olds.active)) {
        d.changed.push("active");
    }
    d.changes = d.changed.length > 0;
    return withEndpoint(d, olds, news);
}

/** The age and schedule outputs, and previousAccessKeyId, from the rest of the outputs. */
export function withSchedule(o: AccessKeyOutputs, now: number): AccessKeyOutputs {
    const sch = keySchedule(o.createdDate, o.rotateAfterDays, now);
    // Always set ("" for none): an absent output reads as unknown in a preview, which would make
    // the SCIM connection (which takes previousAccessKeyId) look changed in every preview.
    const active = o.previousKey?.isActive ? o.previousKey.accessKeyId : "";
    return compactOutputs({
        ...o,
        ...sch,
        nextRotationDate: sch.nextRotationDate ?? "",
        previousAccessKeyId: active,
        rotationNote: o.rotationNote ?? "",
    });
}

const compactOutputs = (o: AccessKeyOutputs): AccessKeyOutputs =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as AccessKeyOutputs;

export function accessKeyOutputs(
    s: AccessKeyState,
    live: AccessKeyRecord,
    secret: string,
    now = Date.now(),
): AccessKeyOutputs {
    return withSchedule(
        {
            ...s,
            accessKeyId: live.accessKeyId,
            secret,
            isActive: live.isActive,
            lastUsedDate: live.lastUsedDate,
            createdDate: live.createdDate ?? new Date(now).toISOString(),
            keyRotation: s.rotation,
        },
        now,
    );
}

/** The previous key as CXone reports it now (gone counts as inactive). */
export const previousFromLive = (
    p: PreviousKey,
    live: AccessKeyRecord | undefined,
): PreviousKey => ({
    accessKeyId: p.accessKeyId,
    rotationStartedAt: p.rotationStartedAt,
    isActive: live?.isActive ?? false,
    ...(live?.lastUsedDate ? { lastUsedDate: live.lastUsedDate } : {}),
});

/**
 * read(): live isActive / lastUsedDate of the current key (and of the previous key during a
 * rotation); the secret is kept from state (CXone never returns it again).
 */
export function accessKeyFromLive(
    old: AccessKeyOutputs,
    live: AccessKeyRecord,
    previous?: AccessKeyRecord,
    now = Date.now(),
): { props: AccessKeyOutputs; inputs: AccessKeyState } {
    const inputs: AccessKeyState = {
        endpoint: old.endpoint,
        employeeId: live.userId || old.employeeId,
        active: live.isActive,
        ...(old.rotation !== undefined ? { rotation: old.rotation } : {}),
        ...(old.rotateAfterDays !== undefined ? { rotateAfterDays: old.rotateAfterDays } : {}),
        ...(old.maxOverlapDays !== undefined ? { maxOverlapDays: old.maxOverlapDays } : {}),
    };
    const props = withSchedule(
        {
            ...old,
            ...inputs,
            active: old.active,
            accessKeyId: live.accessKeyId,
            isActive: live.isActive,
            lastUsedDate: live.lastUsedDate,
            createdDate: live.createdDate ?? old.createdDate,
            keyRotation: old.keyRotation ?? old.rotation,
            previousKey: old.previousKey ? previousFromLive(old.previousKey, previous) : undefined,
            // the warning belongs to the `up` that revoked without evidence, not to every later one
            rotationNote: "",
        },
        now,
    );
    return { props, inputs };
}
