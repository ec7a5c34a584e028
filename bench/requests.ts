// Counts what a stack operation asked of the sandbox, split the way docs/design.md states its figures.
// Same classification as test/support/integrationStack.ts (searches are reads, sign-ins apart).
import type { RequestLogEntry } from "../sandbox/index";

export interface CallCounts {
    writes: number;
    reads: number;
    tokens: number;
    /** answered 429 by the sandbox's rate limit (the client retried them) */
    rateLimited: number;
    total: number;
}

const isToken = (p: string) =>
    p.startsWith("/authentication/v1/token/access-key") || p.startsWith("/auth/token");
const isSearch = (p: string) => /\/search(\?|$)/.test(p);
/** The program's own "is the sandbox up" probe: not a resource call, reported apart. */
export const isProgramProbe = (r: RequestLogEntry) =>
    r.path.startsWith("/.well-known/openid-configuration");

export function classify(r: RequestLogEntry): "write" | "read" | "token" {
    if (isToken(r.path)) return "token";
    if (r.method === "GET" || isSearch(r.path)) return "read";
    return "write";
}

/** Counts product calls (program probe excluded); a rate-limited attempt counts in rateLimited only. */
export function countCalls(entries: RequestLogEntry[]): CallCounts {
    const c: CallCounts = { writes: 0, reads: 0, tokens: 0, rateLimited: 0, total: 0 };
    for (const r of entries) {
        if (isProgramProbe(r)) continue;
        if (r.fault === "rateLimit") {
            c.rateLimited++;
            continue;
        }
        const k = classify(r);
        if (k === "write") c.writes++;
        else if (k === "read") c.reads++;
        else c.tokens++;
        c.total++;
    }
    return c;
}

/** "METHOD path" lines, for the detail in results.json. */
export const describeCalls = (entries: RequestLogEntry[]) =>
    entries
        .filter((r) => !isProgramProbe(r))
        .map(
            (r) => `${r.method} ${r.path.split("?")[0]} ${r.status}${r.fault ? " " + r.fault : ""}`,
        );
