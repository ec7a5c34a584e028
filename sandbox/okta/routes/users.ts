// Users API: /api/v1/users ... [doc] (developer.okta.com Users API)
import { Router } from "express";
import type { SandboxContext } from "../../core/context";
import { notFound, sendOktaError, validation } from "../errors";
import { findUser, nowIso, parseEqFilter } from "../lookup";
import { sendPageByCreation } from "../paging";
import { newUser, type OktaUser, type OktaUserProfile } from "../state";
import { userView } from "../views";
import type { Hooks } from "../hooks";

const REQUIRED = ["firstName", "lastName", "email", "login"] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function profileProblems(
    state: SandboxContext["state"]["okta"],
    p: Record<string, unknown>,
    self?: string,
): string[] {
    const causes: string[] = [];
    for (const f of REQUIRED) {
        const v = p[f];
        if (typeof v !== "string" || v.trim() === "")
            causes.push(`${f}: The field cannot be left blank`);
    }
    if (typeof p.email === "string" && p.email && !EMAIL.test(p.email))
        causes.push("email: Does not match required pattern");
    if (typeof p.login === "string" && p.login) {
        if (!EMAIL.test(p.login))
            causes.push("login: Username must be in the form of an email address");
        const taken = findUser(state, p.login);
        if (taken && taken.id !== self)
            causes.push(
                "login: An object with this field already exists in the current organization",
            );
    }
    return causes;
}

export function usersRouter(ctx: SandboxContext, hooks: Hooks): Router {
    const r = Router();
    const okta = () => ctx.state.okta;
    const base = () => ctx.urls.okta;

    // [doc] the token's owner. The provider calls it twice at start-up.
    r.get("/users/me", (_req, res) => {
        res.json(userView(base(), okta().users[okta().org.adminUserId]));
    });

    // [doc] list; without filter DEPROVISIONED users are left out. q = prefix of name/email. [doc]
    r.get("/users", (req, res) => {
        let list = Object.values(okta().users);
        const filter = typeof req.query.filter === "string" ? req.query.filter : "";
        const q = typeof req.query.q === "string" ? req.query.q.toLowerCase() : "";
        if (filter) {
            const eq = parseEqFilter(filter);
            if (!eq) return validation(res, "filter", ["filter: Invalid filter expression"]);
            list = list.filter((u) =>
                Object.entries(eq).every(([k, v]) => {
                    if (k === "status") return u.status === v;
                    if (k === "id") return u.id === v;
                    if (k.startsWith("profile."))
                        return (
                            String(u.profile[k.slice(8)] ?? "").toLowerCase() === v.toLowerCase()
                        );
                    return false;
                }),
            );
        } else {
            list = list.filter((u) => u.status !== "DEPROVISIONED");
        }
        if (q) {
            list = list.filter((u) =>
                [u.profile.firstName, u.profile.lastName, u.profile.email, u.profile.login].some(
                    (v) => String(v).toLowerCase().startsWith(q),
                ),
            );
        }
        // [spec] limit default 200, maximum 200
        const spec = { base: base(), path: "/api/v1/users", dflt: 200, max: 200 };
        sendPageByCreation(req, res, list, spec, (u) => userView(base(), u));
    });

    r.get("/users/:id", (req, res) => {
        const u = findUser(okta(), req.params.id);
        if (!u) return notFound(res, `${req.params.id} (User)`);
        res.json(userView(base(), u));
    });

    // [doc] create. activate defaults to true; without credentials an activated user is PROVISIONED.
    r.post("/users", (req, res) => {
        const body = (req.body ?? {}) as {
            profile?: Record<string, unknown>;
            credentials?: { password?: { value?: string } };
        };
        const p = body.profile ?? {};
        const causes = profileProblems(okta(), p);
        if (causes.length)
            return validation(res, causes.map((c) => c.split(":")[0]).join(", "), causes);
        const activate = req.query.activate !== "false";
        const hasPassword = typeof body.credentials?.password?.value === "string";
        const status = !activate ? "STAGED" : hasPassword ? "ACTIVE" : "PROVISIONED";
        const u = newUser({ ...(p as OktaUserProfile) }, status);
        okta().users[u.id] = u;
        ctx.save();
        hooks.changed();
        res.status(200).json(userView(base(), u));
    });

    // [doc] POST = partial profile update; PUT = replace the profile.
    const update =
        (partial: boolean) => (req: import("express").Request, res: import("express").Response) => {
            const u = findUser(okta(), String(req.params.id));
            if (!u) return notFound(res, `${req.params.id} (User)`);
            const incoming =
                ((req.body ?? {}) as { profile?: Record<string, unknown> }).profile ?? {};
            const next = partial ? { ...u.profile, ...incoming } : { ...incoming };
            const causes = profileProblems(okta(), next, u.id);
            if (causes.length)
                return validation(res, causes.map((c) => c.split(":")[0]).join(", "), causes);
            u.profile = next as OktaUserProfile;
            u.lastUpdated = nowIso();
            ctx.save();
            hooks.changed();
            res.json(userView(base(), u));
        };
    r.post("/users/:id", update(true));
    r.put("/users/:id", update(false));

    // [doc] lifecycle. Deactivate: any status but DEPROVISIONED -> DEPROVISIONED, 200 {}.
    r.post("/users/:id/lifecycle/:op", (req, res) => {
        const u = findUser(okta(), req.params.id);
        if (!u) return notFound(res, `${req.params.id} (User)`);
        const now = nowIso();
        const op = req.params.op;
        const set = (s: OktaUser["status"]) => {
            u.status = s;
            u.statusChanged = now;
            u.lastUpdated = now;
        };
        if (op === "deactivate") {
            if (u.status === "DEPROVISIONED") {
                return sendOktaError(
                    res,
                    403,
                    "E0000038",
                    "This operation is not allowed in the user's current status.",
                );
            }
            set("DEPROVISIONED");
        } else if (op === "activate" || op === "reactivate") {
            if (u.status !== "STAGED" && u.status !== "DEPROVISIONED" && op === "activate") {
                return sendOktaError(
                    res,
                    403,
                    "E0000016",
                    "Activation failed because the user is already active",
                );
            }
            u.activated = now;
            set("PROVISIONED");
        } else if (op === "suspend") {
            if (u.status !== "ACTIVE")
                return validation(res, "status", ["Cannot suspend a user that is not active"]);
            set("SUSPENDED");
        } else if (op === "unsuspend") {
            if (u.status !== "SUSPENDED")
                return validation(res, "status", ["Cannot unsuspend a user that is not suspended"]);
            set("ACTIVE");
        } else {
            return sendOktaError(res, 404, "E0000008", "The requested path was not found");
        }
        ctx.save();
        hooks.changed();
        res.status(200).json({});
    });

    // [doc] DELETE: first call deactivates, a second call on a DEPROVISIONED user deletes. 204.
    r.delete("/users/:id", (req, res) => {
        const u = findUser(okta(), req.params.id);
        if (!u) return notFound(res, `${req.params.id} (User)`);
        if (u.status !== "DEPROVISIONED") {
            u.status = "DEPROVISIONED";
            u.statusChanged = u.lastUpdated = nowIso();
        } else {
            delete okta().users[u.id];
            for (const gid of Object.keys(okta().memberships)) {
                okta().memberships[gid] = okta().memberships[gid].filter((id) => id !== u.id);
            }
            for (const app of Object.values(okta().apps)) delete app.users[u.id];
        }
        ctx.save();
        hooks.changed();
        res.status(204).end();
    });

    return r;
}
