// Roles. Search [spec]; create through roleByPermissions [seen]; update/activate/deactivate
// through PUT /authorization/v1/roles/{roleId} [guess: no public endpoint is documented].
// Roles are never deleted.
import express from "express";
import type { SandboxContext } from "../core/context";
import { userHubError } from "./errors";
import { newUuid, own } from "./ids";
import { activeHolders, roleNameProblem } from "./roleRules";
import type { CxoneRole, RoleStatus } from "./state";

const SETTABLE_STATUS: RoleStatus[] = ["ACTIVE", "INACTIVE", "DRAFT"];

function permissionsFrom(v: unknown): { permission: string }[] | undefined {
    if (!Array.isArray(v)) return undefined;
    const out: { permission: string }[] = [];
    for (const p of v) {
        if (typeof p === "string") out.push({ permission: p });
        else if (
            p &&
            typeof p === "object" &&
            typeof (p as { permission?: unknown }).permission === "string"
        )
            out.push({ permission: (p as { permission: string }).permission });
        else return undefined;
    }
    return out;
}

function view(r: CxoneRole) {
    return { ...r, permissions: r.permissions.map((p) => ({ ...p })) };
}

export function roleRoutes(ctx: SandboxContext): express.Router {
    const r = express.Router();
    r.use(express.json());
    const roles = () => Object.values(ctx.state.cxone.roles);

    // [spec] {filter:{roleId|roleName|displayName|status: [...]}, page?:{skip?,top?}} -> {totalRecords, roles}
    r.post("/authorization/v1/roles/search", (req, res) => {
        const body = (req.body ?? {}) as {
            filter?: Record<string, unknown>;
            page?: { skip?: number; top?: number };
        };
        const filter = body.filter ?? {};
        if (typeof filter !== "object" || Array.isArray(filter))
            return userHubError(res, 400, "INVALID_REQUEST", "filter must be an object");
        const known = ["roleId", "roleName", "displayName", "status"] as const;
        for (const [k, v] of Object.entries(filter)) {
            if (!(known as readonly string[]).includes(k))
                return userHubError(res, 400, "INVALID_REQUEST", `Unknown filter field ${k}`, [
                    {
                        field: `filter.${k}`,
                        code: "UNKNOWN_FIELD",
                        message: `supported: ${known.join(", ")}`,
                    },
                ]);
            if (!Array.isArray(v))
                return userHubError(res, 400, "INVALID_REQUEST", `filter.${k} must be an array`);
        }
        let found = roles().filter((role) =>
            known.every((k) => {
                const want = filter[k] as unknown[] | undefined;
                return (
                    !want ||
                    want.some((w) => String(w).toLowerCase() === String(role[k]).toLowerCase())
                );
            }),
        );
        const totalRecords = found.length;
        const skip = Math.max(0, Number(body.page?.skip ?? 0) || 0);
        const top =
            body.page?.top !== undefined ? Math.max(0, Number(body.page.top) || 0) : undefined;
        found = found.slice(skip, top !== undefined ? skip + top : undefined);
        res.json({ totalRecords, roles: found.map(view) });
    });

    // [seen] {displayName, description, modifiable, status, permissions} -> {success, roleName}
    r.post("/authorization/roleByPermissions", (req, res) => {
        const b = (req.body ?? {}) as Record<string, unknown>;
        const problem = roleNameProblem(b.displayName, roles());
        if (problem) {
            const exists = problem.includes("cannot be reused");
            return userHubError(
                res,
                exists ? 409 : 400,
                exists ? "ROLE_NAME_EXISTS" : "INVALID_ROLE_NAME",
                problem,
                [
                    {
                        field: "displayName",
                        code: exists ? "DUPLICATE" : "INVALID",
                        message: problem,
                    },
                ],
            );
        }
        const permissions = b.permissions === undefined ? [] : permissionsFrom(b.permissions);
        if (!permissions)
            return userHubError(
                res,
                400,
                "INVALID_REQUEST",
                "permissions must be an array of strings or {permission}",
                [{ field: "permissions", code: "INVALID", message: "bad permissions" }],
            );
        const status = (b.status ?? "ACTIVE") as RoleStatus;
        if (!SETTABLE_STATUS.includes(status))
            return userHubError(
                res,
                400,
                "INVALID_REQUEST",
                `status must be one of ${SETTABLE_STATUS.join(", ")}`,
            );
        if (b.description !== undefined && typeof b.description !== "string")
            return userHubError(res, 400, "INVALID_REQUEST", "description must be a string");
        const now = new Date().toISOString();
        const name = (b.displayName as string).trim();
        const role: CxoneRole = {
            roleId: newUuid(),
            roleName: name,
            displayName: name,
            description: (b.description as string | undefined) ?? "",
            status,
            permissions,
            modifiable: b.modifiable === 0 ? 0 : 1,
            createdDate: now,
            lastUpdateDate: now,
        };
        ctx.state.cxone.roles[role.roleId] = role;
        ctx.save();
        res.json({ success: true, roleName: role.roleName });
    });

    // [guess] {displayName?, description?, permissions?, status?: ACTIVE|INACTIVE} -> {success, role}
    r.put("/authorization/v1/roles/:roleId", (req, res) => {
        const role = own(ctx.state.cxone.roles, req.params.roleId);
        if (!role)
            return userHubError(res, 404, "ROLE_NOT_FOUND", `Role ${req.params.roleId} not found`);
        const b = (req.body ?? {}) as Record<string, unknown>;
        if (
            b.displayName !== undefined &&
            (typeof b.displayName !== "string" ||
                b.displayName.trim().toLowerCase() !== role.displayName.toLowerCase())
        ) {
            return userHubError(res, 400, "INVALID_REQUEST", "A role cannot be renamed", [
                { field: "displayName", code: "IMMUTABLE", message: "role names are permanent" },
            ]);
        }
        if (b.description !== undefined && typeof b.description !== "string")
            return userHubError(res, 400, "INVALID_REQUEST", "description must be a string");
        const permissions =
            b.permissions === undefined ? undefined : permissionsFrom(b.permissions);
        if (b.permissions !== undefined && !permissions)
            return userHubError(
                res,
                400,
                "INVALID_REQUEST",
                "permissions must be an array of strings or {permission}",
            );
        const status = b.status as RoleStatus | undefined;
        if (status !== undefined && !SETTABLE_STATUS.includes(status))
            return userHubError(
                res,
                400,
                "INVALID_REQUEST",
                `status must be one of ${SETTABLE_STATUS.join(", ")}`,
            );
        if (status && status !== "ACTIVE" && role.status === "ACTIVE") {
            const holders = activeHolders(role, Object.values(ctx.state.cxone.users));
            if (holders.length)
                return userHubError(
                    res,
                    409,
                    "ROLE_IN_USE",
                    `Role is assigned to ${holders.length} active employee(s) and cannot be deactivated`,
                );
        }
        if (role.modifiable === 0 && (permissions || (status && status !== role.status)))
            return userHubError(res, 403, "ROLE_NOT_MODIFIABLE", "This role cannot be modified");
        if (typeof b.description === "string") role.description = b.description;
        if (permissions) role.permissions = permissions;
        if (status) role.status = status;
        role.lastUpdateDate = new Date().toISOString();
        ctx.save();
        res.json({ success: true, role: view(role) });
    });
    return r;
}
