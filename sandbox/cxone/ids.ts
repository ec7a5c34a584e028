// Identifiers and secrets of the emulated tenant, and how secrets are stored (salted hash).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "crypto";

export const newUuid = (): string => randomUUID();

/** Access key ids look like long upper-case base32-ish strings. */
export function newAccessKeyId(): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const bytes = randomBytes(40);
    let s = "";
    for (const b of bytes) s += alphabet[b % 32];
    return s;
}

export const newSecret = (bytes: number): string => randomBytes(bytes).toString("base64url");

export function hashSecret(secret: string, salt = randomBytes(12).toString("base64url")): string {
    return `${salt}$${createHash("sha256")
        .update(salt + "\0" + secret)
        .digest("base64url")}`;
}

export function secretMatches(secret: string, stored: string | undefined): boolean {
    if (!stored) return false;
    const [salt] = stored.split("$");
    const a = Buffer.from(hashSecret(secret, salt));
    const b = Buffer.from(stored);
    return a.length === b.length && timingSafeEqual(a, b);
}

/** Own-property lookup, so ids like "__proto__" or "constructor" never reach Object.prototype. */
export function own<T>(map: Record<string, T>, key: unknown): T | undefined {
    return typeof key === "string" && Object.prototype.hasOwnProperty.call(map, key)
        ? map[key]
        : undefined;
}
