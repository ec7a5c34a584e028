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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The CXone user id in a token's claims, as NICE's SDK derives it: the `userId` claim, else `sub`
 * without its first 5 characters (a prefix such as `user:`) [sdk:token-user-id] (auth-sdk
 * cxone-user.js setUserDetails). A `sub` that is itself a bare id (a UUID) is taken as it is: cutting
 * it would name no user.
 */
export function userIdFromClaims(claims: Record<string, unknown> | undefined): string | undefined {
    if (!claims) return undefined;
    if (typeof claims.userId === "string" && claims.userId) return claims.userId;
    const sub = claims.sub;
    if (typeof sub !== "string") return undefined;
    if (UUID.test(sub)) return sub;
    return sub.length > 5 ? sub.slice(5) : undefined;
}

/** The tenant id in a token's claims (`tenantId`, or `tenant_id`) [seen:token-tenant-claim]. */
export function tenantIdFromClaims(
    claims: Record<string, unknown> | undefined,
): string | undefined {
    const v = claims?.tenantId ?? claims?.tenant_id;
    return typeof v === "string" && v ? v : undefined;
}
