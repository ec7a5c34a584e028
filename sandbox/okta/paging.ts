// Okta's list pagination: at most `limit` items (default and maximum per endpoint), one
// `Link: <...>; rel="self"` header field, and a second `Link: <...>; rel="next"` field while more
// exist; `after` is an opaque cursor taken from that link [doc: pagination guide]. One field per
// link, never one comma-joined field: okta-sdk-golang v2 (under terraform-provider-okta and so
// @pulumi/okta) reads each field up to its first `;` and would take a joined field's first URL
// (self) as the next page, fetching the same page for ever. A visibility lag (fault rule `lag`) hides objects made less than
// `lagMs` ago from lists and q searches, as Okta's eventually consistent lists may [doc].
import type { Request, Response } from "express";

export interface PageSpec<T> {
    /** org URL (links always use it) and the list's path, e.g. `/api/v1/apps` */
    base: string;
    path: string;
    /** default and maximum `limit` of this endpoint [spec] */
    dflt: number;
    max: number;
    /** a stable sort key; the cursor is made from it */
    keyOf(item: T): string;
    /** creation time (ISO) for the visibility lag; omitted = never lags */
    createdOf?(item: T): string | null | undefined;
}

const encode = (key: string) => Buffer.from(key, "utf8").toString("base64url");
const decode = (cursor: string) => Buffer.from(cursor, "base64url").toString("utf8");

/** `limit` as Okta reads it: default when missing or not a positive number, else at most max. */
export function limitOf(raw: unknown, dflt: number, max: number): number {
    const n = Number(raw);
    if (raw === undefined || !Number.isFinite(n) || n <= 0) return dflt;
    return Math.min(Math.floor(n), max);
}

/** Sorts, applies lag and cursor, sets the Link header; returns this page's items. */
export function page<T>(req: Request, res: Response, all: T[], spec: PageSpec<T>): T[] {
    const lagMs = typeof res.locals.sandboxLagMs === "number" ? res.locals.sandboxLagMs : 0;
    const now = Date.now();
    const visible =
        lagMs > 0 && spec.createdOf
            ? // Stryker disable next-line StringLiteral: any text that is no date parses to NaN, as "" does
              all.filter((t) => !(Date.parse(spec.createdOf!(t) ?? "") > now - lagMs))
            : all;
    const sorted = visible
        .map((t) => ({ t, k: spec.keyOf(t) }))
        .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    const limit = limitOf(req.query.limit, spec.dflt, spec.max);
    const after =
        typeof req.query.after === "string" && req.query.after
            ? decode(req.query.after)
            : undefined;
    const rest = after === undefined ? sorted : sorted.filter((x) => x.k > after);
    const items = rest.slice(0, limit);
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query))
        if (k !== "after" && k !== "limit" && typeof v === "string") query.set(k, v);
    const link = (extra: Record<string, string>) => {
        const q = new URLSearchParams(query);
        for (const [k, v] of Object.entries(extra)) q.set(k, v);
        return `<${spec.base}${spec.path}?${q.toString()}>`;
    };
    const self = link({
        ...(req.query.after ? { after: String(req.query.after) } : {}),
        limit: String(limit),
    });
    const next =
        rest.length > items.length
            ? link({ after: encode(items[items.length - 1].k), limit: String(limit) })
            : undefined;
    setLinks(res, self, next);
    return items.map((x) => x.t);
}

/** The Link header fields of a list answer: `<self>; rel="self"`, then `<next>; rel="next"`. */
export function setLinks(res: Response, self: string, next: string | undefined): void {
    res.append("Link", `${self}; rel="self"`);
    if (next) res.append("Link", `${next}; rel="next"`);
}

/** Okta's objects with an id and a creation time, listed in order of creation. */
export function pageByCreation<T extends { id: string; created: string }>(
    req: Request,
    res: Response,
    all: T[],
    spec: Omit<PageSpec<T>, "keyOf" | "createdOf">,
): T[] {
    return page(req, res, all, {
        ...spec,
        keyOf: (t) => `${t.created}|${t.id}`,
        createdOf: (t) => t.created,
    });
}

/** Answers one page of `all` in order of creation, each item as `view` shows it. */
export function sendPageByCreation<T extends { id: string; created: string }>(
    req: Request,
    res: Response,
    all: T[],
    spec: Omit<PageSpec<T>, "keyOf" | "createdOf">,
    view: (item: T) => unknown,
): void {
    res.json(pageByCreation(req, res, all, spec).map(view));
}
