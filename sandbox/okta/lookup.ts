// Finders shared by the route files, and the app-assignment rules (direct or via a group).
import type { Request, Response } from "express";
import { notFound, validation } from "./errors";
import type { OktaApp, OktaGroup, OktaState, OktaUser } from "./state";
import type { AppUserRow } from "./views";

/** Okta accepts a user id or a login (or a login's short name) wherever it takes {id}. [doc] */
export function findUser(state: OktaState, idOrLogin: string): OktaUser | undefined {
    const byId = state.users[idOrLogin];
    if (byId) return byId;
    const wanted = idOrLogin.toLowerCase();
    return Object.values(state.users).find((u) => u.profile.login.toLowerCase() === wanted);
}

/** The app the route's `:id` names, else undefined with Okta's 404 answered. */
export function appOfRoute(state: OktaState, req: Request, res: Response): OktaApp | undefined {
    const app = state.apps[String(req.params.id)];
    if (!app) notFound(res, `${req.params.id} (App)`);
    return app;
}

export function groupMembers(state: OktaState, g: OktaGroup): string[] {
    if (g.type === "BUILT_IN") return Object.keys(state.users);
    return (state.memberships[g.id] ?? []).filter((id) => state.users[id]);
}

/**
 * Every user the app is assigned to, directly (scope USER) or through a group (scope GROUP). A
 * direct assignment keeps scope USER when the person is also in an assigned group [guess: the
 * console's "Convert assignments" turns USER into GROUP, so both exist side by side].
 * - A deactivated user loses the assignments of active apps [doc: support article "Deprovisioning
 *   behavior when an app is inactive"]; they come back on reactivation [doc: "Deprovision a user"].
 * - Deactivating an app removes its group-based assignments (a reconciliation) [doc: Apps API,
 *   deactivate]; direct ones, and deactivated users' ones, are left untouched [doc: same article].
 */
export function appAssignees(state: OktaState, app: OktaApp): AppUserRow[] {
    const rows = new Map<string, AppUserRow>();
    const active = app.status === "ACTIVE";
    const counts = (id: string) =>
        !!state.users[id] && (!active || state.users[id].status !== "DEPROVISIONED");
    for (const id of Object.keys(app.users))
        if (counts(id)) rows.set(id, { userId: id, scope: "USER" });
    if (!active) return [...rows.values()];
    for (const gid of Object.keys(app.groups)) {
        const g = state.groups[gid];
        if (!g) continue;
        for (const uid of groupMembers(state, g))
            if (!rows.has(uid) && counts(uid)) rows.set(uid, { userId: uid, scope: "GROUP" });
    }
    return [...rows.values()];
}

export function nowIso(): string {
    return new Date().toISOString();
}

/** Tiny reader for Okta `filter` expressions of the form `a eq "x" and b eq "y"` (the minimum we need). */
export function parseEqFilter(filter: string): Record<string, string> | null {
    const out: Record<string, string> = {};
    // Stryker disable next-line Regex: splitting at fewer spaces leaves spaces on a part, which the pattern below allows at both ends
    for (const part of filter.split(/\s+and\s+/i)) {
        const m = /^\s*\(?\s*([\w.]+)\s+eq\s+"([^"]*)"\s*\)?\s*$/i.exec(part);
        if (!m) return null;
        out[m[1]] = m[2];
    }
    return out;
}

/**
 * The items a request's `filter` (eq only) keeps, on the fields `fields` reads (a filter on any
 * other field keeps none); all without a filter; undefined, with Okta's 400 answered, when the
 * filter cannot be read.
 */
export function eqFiltered<T>(
    req: Request,
    res: Response,
    items: T[],
    fields: Record<string, (item: T) => string>,
): T[] | undefined {
    const filter = req.query.filter;
    if (typeof filter !== "string" || !filter) return items;
    const eq = parseEqFilter(filter);
    if (!eq) {
        validation(res, "filter", ["filter: Invalid filter expression"]);
        return undefined;
    }
    return items.filter((t) =>
        Object.entries(eq).every(([k, v]) => Object.hasOwn(fields, k) && fields[k](t) === v),
    );
}
