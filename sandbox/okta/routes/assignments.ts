// App assignments: users (direct, scope USER; or through a group, scope GROUP) and groups. [doc]
// Okta assigns a user with POST /apps/{id}/users (body {id, scope, credentials}) and updates one
// with POST /apps/{id}/users/{uid}; there is no PUT on /apps/{id}/users/{uid} (405 here, as in Okta).
// Groups: PUT /apps/{id}/groups/{gid} assigns (body {priority?, profile?}).
import { Router, type Request, type Response } from "express";
import type { SandboxContext } from "../../core/context";
import { methodNotAllowed, notFound, sendOktaError, validation } from "../errors";
import { appAssignees, appOfRoute, findUser, nowIso } from "../lookup";
import { page } from "../paging";
import { appUserView, groupAssignmentView } from "../views";
import type { Hooks } from "../hooks";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
    v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};

export function assignmentsRouter(ctx: SandboxContext, hooks: Hooks): Router {
    const r = Router();
    const okta = () => ctx.state.okta;
    const base = () => ctx.urls.okta;
    const findApp = (req: Request, res: Response) => appOfRoute(okta(), req, res);
    const changed = () => {
        ctx.save();
        hooks.changed();
    };

    r.get("/apps/:id/users", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        // [spec] limit default 50, maximum 500
        const rows = page(req, res, appAssignees(okta(), app), {
            base: base(),
            path: `/api/v1/apps/${app.id}/users`,
            dflt: 50,
            max: 500,
            keyOf: (row) => row.userId,
            createdOf: (row) => app.users[row.userId]?.created,
        });
        res.json(rows.map((row) => appUserView(base(), okta(), app, row)));
    });

    const assignUser = (req: Request, res: Response, uid: string) => {
        const app = findApp(req, res);
        if (!app) return;
        const body = obj(req.body);
        const user = findUser(okta(), uid);
        if (!user) return notFound(res, `${uid} (User)`);
        if (user.status === "DEPROVISIONED") {
            return validation(res, "user", [
                "user: A deactivated user cannot be assigned to an application",
            ]);
        }
        const now = nowIso();
        const creds = obj(body.credentials);
        const existing = app.users[user.id];
        app.users[user.id] = {
            userId: user.id,
            created: existing?.created ?? now,
            lastUpdated: now,
            credentials:
                typeof creds.userName === "string"
                    ? { userName: creds.userName }
                    : (existing?.credentials ?? null),
            profile: { ...(existing?.profile ?? {}), ...obj(body.profile) },
        };
        changed();
        res.status(200).json(appUserView(base(), okta(), app, { userId: user.id, scope: "USER" }));
    };
    // [doc] assign: POST /apps/{id}/users with {id}
    r.post("/apps/:id/users", (req, res) => {
        const id = obj(req.body).id;
        if (typeof id !== "string" || !id)
            return validation(res, "id", ["id: The field cannot be left blank"]);
        assignUser(req, res, id);
    });
    // [doc] update an assigned user (credentials/profile): POST /apps/{id}/users/{uid}
    r.post("/apps/:id/users/:uid", (req, res) => {
        const app = findApp(req, res);
        // Stryker disable next-line ConditionalExpression: findApp has answered the 404; going on throws after that answer, which the error handler leaves alone
        if (!app) return;
        if (!appAssignees(okta(), app).some((a) => a.userId === req.params.uid)) {
            return notFound(res, `${req.params.uid} (AppUser)`);
        }
        assignUser(req, res, req.params.uid);
    });
    r.put("/apps/:id/users/:uid", (_req, res) => methodNotAllowed(res));

    r.get("/apps/:id/users/:uid", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        const row = appAssignees(okta(), app).find((a) => a.userId === req.params.uid);
        if (!row) return notFound(res, `${req.params.uid} (AppUser)`);
        res.json(appUserView(base(), okta(), app, row));
    });

    // [doc] unassign; 204. A user assigned only through a group cannot be unassigned directly. [guess: error]
    r.delete("/apps/:id/users/:uid", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        const row = appAssignees(okta(), app).find((a) => a.userId === req.params.uid);
        if (!row) return notFound(res, `${req.params.uid} (AppUser)`);
        if (row.scope === "GROUP") {
            return sendOktaError(
                res,
                403,
                "E0000006",
                "You do not have permission to perform the requested action",
                [
                    "The user is assigned to the application through a group; remove the group assignment instead.",
                ],
            );
        }
        delete app.users[row.userId];
        changed();
        res.status(204).end();
    });

    r.get("/apps/:id/groups", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        // [spec] limit default 20, maximum 200
        const ids = page(
            req,
            res,
            Object.keys(app.groups).filter((g) => okta().groups[g]),
            {
                base: base(),
                path: `/api/v1/apps/${app.id}/groups`,
                dflt: 20,
                max: 200,
                keyOf: (g) => g,
                createdOf: (g) => app.groups[g].lastUpdated,
            },
        );
        res.json(ids.map((g) => groupAssignmentView(base(), app, g)));
    });

    r.get("/apps/:id/groups/:gid", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        if (!app.groups[req.params.gid])
            return notFound(res, `${req.params.gid} (ApplicationGroupAssignment)`);
        res.json(groupAssignmentView(base(), app, req.params.gid));
    });

    r.put("/apps/:id/groups/:gid", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        const gid = req.params.gid;
        if (!okta().groups[gid]) return notFound(res, `${gid} (UserGroup)`);
        const body = obj(req.body);
        const existing = app.groups[gid];
        const priority =
            typeof body.priority === "number"
                ? body.priority
                : (existing?.priority ?? Object.keys(app.groups).length);
        app.groups[gid] = {
            groupId: gid,
            lastUpdated: nowIso(),
            priority,
            profile: { ...obj(body.profile) },
        };
        changed();
        res.status(200).json(groupAssignmentView(base(), app, gid));
    });

    r.delete("/apps/:id/groups/:gid", (req, res) => {
        const app = findApp(req, res);
        if (!app) return;
        if (!app.groups[req.params.gid])
            return notFound(res, `${req.params.gid} (ApplicationGroupAssignment)`);
        delete app.groups[req.params.gid];
        changed();
        res.status(204).end();
    });

    return r;
}
