// AccessKey: validation, diffing and state mapping. Pure: no I/O, tested without servers.
import type { AccessKeyRecord } from "./client";
import { Diff, diffFields, withEndpoint } from "./diffing";
import type { Checked, Unchecked } from "../checks";
import { DEFAULT_ACTIVE } from "../defaults";
import { withDefaults } from "../props";
import type { CxoneEndpoint } from "./session";
import {
    check,
    checkEndpoint,
    CheckFailure,
    containsUnknown,
    optionalBoolean,
    optionalString,
    requiredString,
} from "./validation";

/** AccessKey inputs after check(): defaults applied. */
export type AccessKeyState = {
    endpoint: CxoneEndpoint;
    employeeId: string;
    active: boolean;
    /** any new value rotates the key (new key first, then the old one is revoked) */
    rotation?: string;
};

/** AccessKey outputs. `secret` is only known from create and is stored as a Pulumi secret. */
export type AccessKeyOutputs = AccessKeyState & {
    accessKeyId: string;
    secret: string;
    isActive: boolean;
    lastUsedDate?: string;
};

/** check(): validates every input (no API call) and applies defaults. */
export function checkAccessKey(news: Unchecked<AccessKeyOutputs>): Checked<AccessKeyState> {
    const failures: CheckFailure[] = [];
    checkEndpoint(failures, news.endpoint);
    check(failures, "employeeId", news.employeeId, requiredString(100));
    check(failures, "active", news.active, optionalBoolean);
    check(failures, "rotation", news.rotation, optionalString(200));
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

/**
 * diff(): another employee, tenant or rotation value needs a new key (create-before-delete, so
 * rotation has no downtime); `active` toggles in place, also when the key was switched off in CXone.
 */
export function diffAccessKey(olds: Record<string, unknown>, news: Record<string, unknown>): Diff {
    const d = diffFields(olds, news, {
        employeeId: { kind: "replace" },
        rotation: { kind: "replace" },
    });
    const wantActive = news.active ?? DEFAULT_ACTIVE;
    if (containsUnknown(wantActive) || wantActive !== (olds.isActive ?? olds.active)) {
        d.changed.push("active");
        d.changes = true;
    }
    return withEndpoint(d, olds, news);
}

export function accessKeyOutputs(
    s: AccessKeyState,
    live: AccessKeyRecord,
    secret: string,
): AccessKeyOutputs {
    return {
        ...s,
        accessKeyId: live.accessKeyId,
        secret,
        isActive: live.isActive,
        ...(live.lastUsedDate ? { lastUsedDate: live.lastUsedDate } : {}),
    };
}

/** read(): live isActive / lastUsedDate; the secret is kept from state (CXone never returns it again). */
export function accessKeyFromLive(
    old: AccessKeyOutputs,
    live: AccessKeyRecord,
): { props: AccessKeyOutputs; inputs: AccessKeyState } {
    const inputs: AccessKeyState = {
        endpoint: old.endpoint,
        employeeId: live.userId || old.employeeId,
        active: live.isActive,
        ...(old.rotation !== undefined ? { rotation: old.rotation } : {}),
    };
    return { props: accessKeyOutputs({ ...inputs, active: old.active }, live, old.secret), inputs };
}
