// One access-key token request, uncached and not retried: what the connection test needs to see
// exactly how CXone answers. (The provider's cached, retrying sign-in lives in session.ts.)
import axios from "axios";
import { CxoneRequestError, toRequestError } from "./scim";
import { decodeJwtClaims } from "./jwt";

/** An access key pair. The secret is only ever sent in the request body. */
export interface AccessKey {
    accessKeyId: string;
    accessKeySecret: string;
}

/** A token obtained with an access key. Hold it in memory only; never log it. */
export interface AccessKeyToken {
    accessToken: string;
    /** seconds, as CXone reported (default 3600 when absent) */
    expiresIn: number;
    /** tenant id from the token's claims, when it carries one */
    tenantId?: string;
}

/** The access-key token URL of an area host [doc]. */
export function accessKeyTokenUrl(areaUrl: string): string {
    return `${areaUrl.replace(/\/+$/, "")}/authentication/v1/token/access-key`;
}

/**
 * `POST {areaUrl}/authentication/v1/token/access-key` `{accessKeyId, accessKeySecret}` [doc]
 * -> `{access_token, expires_in, ...}`.
 * @throws CxoneRequestError (never contains the secret or a token)
 */
export async function accessKeyToken(areaUrl: string, key: AccessKey, opts: { timeoutMs?: number } = {}): Promise<AccessKeyToken> {
    const url = accessKeyTokenUrl(areaUrl);
    const operation = `obtain a token with access key ${key.accessKeyId}`;
    let data: unknown;
    let status: number;
    try {
        const res = await axios.post(url, { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret }, {
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            timeout: opts.timeoutMs ?? 15_000,
            maxRedirects: 0, // never replay the secret to another host
            transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
        });
        data = res.data;
        status = res.status;
    } catch (err) {
        throw toRequestError(err, operation, url, [key.accessKeySecret]);
    }
    const d = (data ?? {}) as Record<string, unknown>;
    if (typeof d.access_token !== "string" || !d.access_token) {
        throw new CxoneRequestError(operation, "bad-response", new URL(url).host, status, undefined, "no access_token in the response");
    }
    // tenantId: in the access token's claims, else the id_token's [seen]
    const c = { ...decodeJwtClaims(d.id_token), ...decodeJwtClaims(d.access_token) };
    const tenantId = typeof c.tenantId === "string" ? c.tenantId : typeof c.tenant_id === "string" ? c.tenant_id : undefined;
    return {
        accessToken: d.access_token,
        expiresIn: typeof d.expires_in === "number" && d.expires_in > 0 ? d.expires_in : 3600,
        ...(tenantId ? { tenantId } : {}),
    };
}
