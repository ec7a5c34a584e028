// One access-key token request, uncached and not retried: what the connection test needs to see
// exactly how CXone answers. It goes through the core's send path once (the host's shared rate
// gate, no redirect). (The provider's cached, retrying sign-in lives in session.ts.)
import { CxoneRequestError, cxoneOnce } from "./scim";
import { decodeJwtClaims, tenantIdFromClaims, userIdFromClaims } from "./jwt";

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
    /** the key's user, from the claims as NICE's SDK derives it (see userIdFromClaims) */
    userId?: string;
}

/** A token response's fields, whichever casing CXone used. */
export interface TokenFields {
    accessToken?: string;
    refreshToken?: string;
    /** seconds */
    expiresIn?: number;
    idToken?: string;
}

/**
 * Reads a CXone token response in snake_case (`access_token`, `expires_in`, ...) or camelCase
 * (`accessToken`, `accessTokenExpiry`, ...): NICE's own parser accepts both [sdk:token-casing] (common-sdk
 * auth-token.js AuthToken.parseData), so at least one CXone token route answers in camelCase.
 */
export function tokenFields(data: unknown): TokenFields {
    const d = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
    const text = (...vs: unknown[]) =>
        vs.find((v): v is string => typeof v === "string" && v.length > 0);
    const seconds = (...vs: unknown[]) => {
        for (const v of vs) {
            const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
            if (typeof n === "number" && Number.isFinite(n) && n > 0) return n;
        }
        return undefined;
    };
    const f: TokenFields = {};
    const access = text(d.access_token, d.accessToken);
    const refresh = text(d.refresh_token, d.refreshToken);
    const expiresIn = seconds(d.expires_in, d.accessTokenExpiry);
    const idToken = text(d.id_token, d.idToken);
    if (access) f.accessToken = access;
    if (refresh) f.refreshToken = refresh;
    if (expiresIn) f.expiresIn = expiresIn;
    if (idToken) f.idToken = idToken;
    return f;
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
export async function accessKeyToken(
    areaUrl: string,
    key: AccessKey,
    opts: { timeoutMs?: number } = {},
): Promise<AccessKeyToken> {
    const url = accessKeyTokenUrl(areaUrl);
    const operation = `obtain a token with access key ${key.accessKeyId}`;
    // a redirect is never followed: it would replay the secret to another host
    const res = await cxoneOnce(
        operation,
        {
            method: "POST",
            url,
            body: { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret },
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            timeoutMs: opts.timeoutMs ?? 15_000,
        },
        [key.accessKeySecret],
    );
    const { data, status } = res;
    const t = tokenFields(data);
    if (!t.accessToken) {
        throw CxoneRequestError.badResponse(
            operation,
            url,
            status,
            "no access_token in the response",
        );
    }
    // tenantId and user id: in the access token's claims, else the id_token's [seen:token-tenant-claim]
    const c = { ...decodeJwtClaims(t.idToken), ...decodeJwtClaims(t.accessToken) };
    const tenantId = tenantIdFromClaims(c);
    const userId =
        userIdFromClaims(decodeJwtClaims(t.accessToken)) ??
        userIdFromClaims(decodeJwtClaims(t.idToken));
    return {
        accessToken: t.accessToken,
        expiresIn: t.expiresIn ?? 3600,
        ...(tenantId ? { tenantId } : {}),
        ...(userId ? { userId } : {}),
    };
}
