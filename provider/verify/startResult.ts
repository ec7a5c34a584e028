// The result both variants of the connection test start from (not part of the public API).
import type { ResolvedRegion } from "../cxone/discovery/regions";
import type { VerifyResult } from "./steps";

/** A result before any step: not ok yet, for this region and key, with the notes given. */
export function startResult(r: ResolvedRegion, accessKeyId: string, notes: string[]): VerifyResult {
    return {
        ok: false,
        region: r.region,
        accessKeyId,
        scimBaseUrl: r.scimBaseUrl,
        steps: [],
        notes,
    };
}
