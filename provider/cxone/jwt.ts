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
