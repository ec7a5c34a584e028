// Link-header pagination (RFC 8288), as Okta pages its lists: `Link: <url>; rel="next"` while
// more items exist [doc: pagination guide]. The SDK's collection follows `next` the same way.

/** The `rel` -> URL map of a Link header (several headers may arrive comma-joined or as an array). */
export function parseLinkHeader(value: unknown): Record<string, string> {
    const parts = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    const out: Record<string, string> = {};
    for (const part of parts.join(",").split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (!m) continue;
        const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2])?.[1];
        if (rel) for (const r of rel.trim().split(/\s+/)) out[r.toLowerCase()] = m[1];
    }
    return out;
}

/**
 * The next page's URL, or undefined on the last page. Refuses a link to another origin: the
 * credentials go only to the vendor's own host.
 */
export function nextPageUrl(linkHeader: unknown, origin: string): string | undefined {
    const next = parseLinkHeader(linkHeader).next;
    if (!next) return undefined;
    const url = new URL(next, origin);
    if (url.origin !== new URL(origin).origin) {
        throw new Error(
            `the next-page link points to ${url.origin}, not to ${new URL(origin).origin}`,
        );
    }
    return url.toString();
}
