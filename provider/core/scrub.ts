// Removes secrets from text taken from a vendor's answer before it reaches an error message.

// A value may start with its scheme (`Authorization: Bearer <token>`, Okta's `SSWS <token>`): the
// credential after the scheme word is what must go.
const SECRET_WORDS =
    /(secret|token|password|authorization|bearer|access_key|accesskeysecret|ssws)\s*["']?\s*[:=]\s*["']?(?:(?:bearer|ssws|basic)\s+)?[^\s"',}]+/gi;
// the same credentials quoted without a key (`... header was Bearer <token>`)
const SCHEME_CREDENTIAL = /\b(bearer|ssws)\s+[^\s"',}]+/gi;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

/**
 * Removes anything secret-looking from text taken from a response body, plus any of the
 * `knownSecrets` verbatim (the caller passes the credentials and token it holds). At most 300
 * characters are kept.
 */
export function scrub(text: string, knownSecrets: readonly string[] = []): string {
    let out = text;
    for (const s of knownSecrets) if (s && s.length >= 4) out = out.split(s).join("***");
    return out
        .replace(JWT, "***")
        .replace(SECRET_WORDS, (m) => m.replace(/[:=][\s\S]*/, ": ***"))
        .replace(SCHEME_CREDENTIAL, "$1 ***")
        .slice(0, 300);
}
