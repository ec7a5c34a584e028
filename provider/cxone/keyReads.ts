// One GET per access key per refresh. The AccessKey and the ScimConnection both read the key (its
// isActive and lastUsedDate), and the engine runs every dynamic resource in one provider process,
// so the second read within moments reuses the first answer. Any write through this package
// forgets them (forgetKeyReads), and each `pulumi` command starts a new process.
import { AccessKeyRecord, CxoneClient } from "./client";
import { alreadyReported } from "./errors";
import type { CxoneEndpoint } from "./session";

const REUSE_MS = 5_000;
const recent = new Map<string, { at: number; value: Promise<AccessKeyRecord | undefined> }>();
// Keys this process created, as CXone answered the create. Their secret was first known to this
// deployment, moments ago, so no one can have used them yet: the SCIM connection created right after
// needs no read to learn that lastUsedDate is empty. Forgotten with the reads (a poll, any write).
const created = new Map<string, AccessKeyRecord>();

const keyOf = (endpoint: CxoneEndpoint, accessKeyId: string): string =>
    `${endpoint.apiUrl ?? endpoint.areaUrl}|${endpoint.tenantId ?? ""}|${accessKeyId}`;

/** The key as CXone reports it, shared by the reads of one refresh. */
export function readAccessKey(
    endpoint: CxoneEndpoint,
    accessKeyId: string,
): Promise<AccessKeyRecord | undefined> {
    const k = keyOf(endpoint, accessKeyId);
    const hit = recent.get(k);
    // a second reader of a failed read gets the error's short form: the first reader reports it
    if (hit && Date.now() - hit.at < REUSE_MS)
        return hit.value.catch((e: unknown) => Promise.reject(alreadyReported(e)));
    const value = new CxoneClient(endpoint).getAccessKey(accessKeyId);
    recent.set(k, { at: Date.now(), value });
    value.catch(() => recent.delete(k));
    return value;
}

/**
 * What the SCIM connection needs to know of a key: the key as this process created it (never used),
 * else as CXone reports it. A refresh of the key itself always asks CXone (readAccessKey).
 */
export function keyUseOf(
    endpoint: CxoneEndpoint,
    accessKeyId: string,
): Promise<AccessKeyRecord | undefined> {
    const made = created.get(keyOf(endpoint, accessKeyId));
    return made ? Promise.resolve({ ...made }) : readAccessKey(endpoint, accessKeyId);
}

/** A key this process just created (never used: no lastUsedDate), until the reads are forgotten. */
export function rememberCreatedKey(endpoint: CxoneEndpoint, key: AccessKeyRecord): void {
    // the record's fields only: never the secret the create answered with
    const { accessKeyId, userId, isActive, createdDate } = key;
    const unused = { accessKeyId, userId, isActive, ...(createdDate ? { createdDate } : {}) };
    created.set(keyOf(endpoint, accessKeyId), unused);
}

/**
 * After a write (or before a poll): the next read asks CXone again. A new key's create keeps the
 * other keys this process created (it changed none of them).
 */
export function forgetKeyReads(o: { keepCreated?: boolean } = {}): void {
    recent.clear();
    if (!o.keepCreated) created.clear();
}
