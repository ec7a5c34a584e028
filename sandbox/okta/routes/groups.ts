// Groups API: list, read, members, add/remove a member. [doc]
import { Router } from "express";
import type { SandboxContext } from "../../core/context";
import { notFound, sendOktaError } from "../errors";
import { eqFiltered, groupMembers, nowIso } from "../lookup";
import { page, sendPageByCreation } from "../paging";
import { groupView, userView } from "../views";
import type { Hooks } from "../hooks";

export function groupsRouter(ctx: SandboxContext, hooks: Hooks): Router {
    const r = Router();
    const okta = () => ctx.state.okta;
    const base = () => ctx.urls.okta;

    // [doc] q = prefix of the group name; filter supports type/id eq (minimal).
    r.get("/groups", (req, res) => {
        let list = eqFiltered(req, res, Object.values(okta().groups), {
            type: (g) => g.type,
            id: (g) => g.id,
            "profile.name": (g) => g.profile.name,
        });
        if (!list) return;
        const q = typeof req.query.q === "string" ? req.query.q.toLowerCase() : "";
        if (q) list = list.filter((g) => g.profile.name.toLowerCase().startsWith(q));
        // [spec] limit default 10000, maximum 10000
        const spec = { base: base(), path: "/api/v1/groups", dflt: 10000, max: 10000 };
        sendPageByCreation(req, res, list, spec, (g) => groupView(base(), g));
    });

    r.get("/groups/:gid", (req, res) => {
        const g = okta().groups[req.params.gid];
        if (!g) return notFound(res, `${req.params.gid} (UserGroup)`);
        res.json(groupView(base(), g));
    });

    r.get("/groups/:gid/users", (req, res) => {
        const g = okta().groups[req.params.gid];
        if (!g) return notFound(res, `${req.params.gid} (UserGroup)`);
        // [spec] limit default 1000, maximum 1000
        const ids = page(req, res, groupMembers(okta(), g), {
            base: base(),
            path: `/api/v1/groups/${g.id}/users`,
            dflt: 1000,
            max: 1000,
            keyOf: (id) => id,
        });
        res.json(ids.map((id) => userView(base(), okta().users[id])));
    });

    // [doc] PUT/DELETE membership -> 204. "Everyone" (BUILT_IN) cannot be edited. [guess: error code]
    const member =
        (add: boolean) => (req: import("express").Request, res: import("express").Response) => {
            const gid = String(req.params.gid);
            const uid = String(req.params.uid);
            const g = okta().groups[gid];
            if (!g) return notFound(res, `${gid} (UserGroup)`);
            if (!okta().users[uid]) return notFound(res, `${uid} (User)`);
            if (g.type !== "OKTA_GROUP") {
                return sendOktaError(
                    res,
                    403,
                    "E0000006",
                    "You do not have permission to perform the requested action",
                );
            }
            const members = new Set(okta().memberships[gid] ?? []);
            const had = members.has(uid);
            if (add) members.add(uid);
            else members.delete(uid);
            okta().memberships[gid] = [...members];
            if (had !== add) {
                g.lastMembershipUpdated = nowIso();
                ctx.save();
                hooks.changed();
            }
            res.status(204).end();
        };
    r.put("/groups/:gid/users/:uid", member(true));
    r.delete("/groups/:gid/users/:uid", member(false));

    return r;
}
