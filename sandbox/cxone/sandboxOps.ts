// Sandbox-only operations on the CXone world (under /sandbox/cxone/): steps a person does
// outside any API, such as following the activation email. Never part of CXone's public API.
import express from "express";
import type { SandboxContext } from "../core/context";
import { employeeView } from "./employees";
import { hashSecret, newUuid, own } from "./ids";
import { activeHolders, roleNameProblem } from "./roleRules";

export function sandboxCxoneRoutes(ctx: SandboxContext): express.Router {
    const r = express.Router();
    r.use(express.json());
    // The invited employee follows the activation link and chooses a password.
    r.post("/sandbox/cxone/activation", (req, res) => {
        const { userId, password } = (req.body ?? {}) as Record<string, unknown>;
        const u = own(ctx.state.cxone.users, userId);
        if (!u) return void res.status(404).json({ error: "user not found" });
        if (typeof password !== "string" || password.length < 8)
            return void res
                .status(400)
                .json({ error: "password of at least 8 characters required" });
        if (u.status !== "PENDING")
            return void res.status(409).json({
                error: `user is ${u.status}; only an invited (PENDING) user can activate`,
            });
        u.passwordHash = hashSecret(password);
        u.status = "ACTIVE";
        u.modifiedDate = new Date().toISOString();
        ctx.save();
        res.json({ user: employeeView(u) });
    });
    // A person in Admin > Security > Roles and Permissions: New Role, with the permissions ticked
    // as the tenant stores them; Save and Activate (procedure step 1, by hand).
    r.post("/sandbox/cxone/console/roles", (req, res) => {
        const { name, permissions, description } = (req.body ?? {}) as Record<string, unknown>;
        const problem = roleNameProblem(name, Object.values(ctx.state.cxone.roles));
        if (problem) return void res.status(400).json({ error: problem });
        if (!Array.isArray(permissions) || !permissions.every((p) => typeof p === "string"))
            return void res.status(400).json({ error: "permissions: a list of names" });
        const now = new Date().toISOString();
        const roleId = newUuid();
        ctx.state.cxone.roles[roleId] = {
            roleId,
            roleName: (name as string).trim(),
            displayName: (name as string).trim(),
            description: typeof description === "string" ? description : "",
            status: "ACTIVE",
            permissions: (permissions as string[]).map((permission) => ({ permission })),
            modifiable: 1,
            createdDate: now,
            lastUpdateDate: now,
        };
        ctx.save();
        res.status(201).json({ roleId });
    });
    // The same page: Edit, the role's description (and its permissions, as the tenant stores them).
    r.post("/sandbox/cxone/console/roles/:id", (req, res) => {
        const role = own(ctx.state.cxone.roles, req.params.id);
        if (!role) return void res.status(404).json({ error: "role not found" });
        const { description, permissions } = (req.body ?? {}) as Record<string, unknown>;
        if (description !== undefined && typeof description !== "string")
            return void res.status(400).json({ error: "description: text" });
        if (
            permissions !== undefined &&
            !(Array.isArray(permissions) && permissions.every((p) => typeof p === "string"))
        )
            return void res.status(400).json({ error: "permissions: a list of names" });
        if (typeof description === "string") role.description = description;
        if (Array.isArray(permissions))
            role.permissions = (permissions as string[]).map((permission) => ({ permission }));
        role.lastUpdateDate = new Date().toISOString();
        ctx.save();
        res.json({ roleId: role.roleId });
    });
    // The same page: the role's Deactivate button (refused while active employees hold it).
    r.post("/sandbox/cxone/console/roles/:id/deactivate", (req, res) => {
        const role = own(ctx.state.cxone.roles, req.params.id);
        if (!role) return void res.status(404).json({ error: "role not found" });
        if (activeHolders(role, Object.values(ctx.state.cxone.users)).length)
            return void res.status(409).json({ error: "active employees hold this role" });
        role.status = "INACTIVE";
        role.lastUpdateDate = new Date().toISOString();
        ctx.save();
        res.json({ roleId: role.roleId, status: role.status });
    });
    return r;
}
