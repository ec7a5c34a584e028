// Sandbox-only operations on the CXone world (under /sandbox/cxone/): steps a person does
// outside any API, such as following the activation email. Never part of CXone's public API.
import express from "express";
import type { SandboxContext } from "../core/context";
import { employeeView } from "./employees";
import { hashSecret, own } from "./ids";

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
    return r;
}
