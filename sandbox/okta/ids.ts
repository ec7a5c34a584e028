// Okta-shaped identifiers: a 3-character type prefix (00u user, 00g group, 0oa app, ...) and
// 17 base62 characters, 20 in all.
import { randomBytes } from "crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function randomBase62(length: number): string {
    const bytes = randomBytes(length);
    let out = "";
    for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
    return out;
}

export function oktaId(prefix: string): string {
    return prefix + randomBase62(20 - prefix.length);
}
