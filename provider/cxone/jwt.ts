// Reading a token's claims, only to learn the tenant id: no signature check, no trust decision.

/** The claims of a JWT, unverified (only used to learn the tenant id), or undefined. */
export function decodeJwtClaims(token: unknown): Record<string, unknown> | undefined {
    if (typeof token !== "string") return undefined;
    const parts = token.split(".");
    if (parts.length !== 3) return undefined;
    try {
        const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
        return claims && typeof claims === "object" ? claims : undefined;
    } catch {
        return undefined;
    }
}

/**
 * The CXone user id in a token's claims, as NICE's SDK derives it: the `userId` claim, else `sub`
 * without its first 5 characters (a prefix such as `user:`) [sdk: auth-sdk cxone-user.js
 * setUserDetails]. Never the raw `sub`.
 */
export function userIdFromClaims(claims: Record<string, unknown> | undefined): string | undefined {
    if (!claims) return undefined;
    if (typeof claims.userId === "string" && claims.userId) return claims.userId;
    return typeof claims.sub === "string" && claims.sub.length > 5
        ? claims.sub.slice(5)
        : undefined;
}

/** The tenant id in a token's claims (`tenantId`, or `tenant_id`) [seen]. */
export function tenantIdFromClaims(
    claims: Record<string, unknown> | undefined,
): string | undefined {
    const v = claims?.tenantId ?? claims?.tenant_id;
    return typeof v === "string" && v ? v : undefined;
}
