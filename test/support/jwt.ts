// The tests' one JWT maker: an unsigned token carrying the given claims (the product reads a
// token's claims, it never verifies them).
export function jwtWith(claims: Record<string, unknown>): string {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
}
