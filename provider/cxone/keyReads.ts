// One GET per access key per refresh. The AccessKey and the ScimConnection both read the key (its
// isActive and lastUsedDate), and the engine runs every dynamic resource in one provider process,
// so the second read within moments reuses the first answer. Any write through this package
// forgets them (forgetKeyReads), and each `pulumi` command starts a new process.
import { AccessKeyRecord, CxoneClient } from "./client";
import { alreadyReported } from "./errors";
import type { CxoneEndpoint } from "./session";

const REUSE_MS = 5_000;
const recent = new Map<string, { at: number; value: Promise<AccessKeyRecord | undefined> }>();

/** The key as CXone reports it, shared by the reads of one refresh. */
export function readAccessKey(
    endpoint: CxoneEndpoint,
    accessKeyId: string,
): Promise<AccessKeyRecord | undefined> {
    const k = `${endpoint.apiUrl ?? endpoint.areaUrl}|${endpoint.tenantId ?? ""}|${accessKeyId}`;
    const hit = recent.get(k);
    // a second reader of a failed read gets the error's short form: the first reader reports it
    if (hit && Date.now() - hit.at < REUSE_MS)
        return hit.value.catch((e: unknown) => Promise.reject(alreadyReported(e)));
    const value = new CxoneClient(endpoint).getAccessKey(accessKeyId);
    recent.set(k, { at: Date.now(), value });
    value.catch(() => recent.delete(k));
    return value;
}

/** After a write (or before a poll): the next read asks CXone again. */
export function forgetKeyReads(): void {
    recent.clear();
}
