// UserHub employee endpoints [spec unless marked]; base = api_endpoint.
import express from "express";
import type { SandboxContext } from "../core/context";
import {
    employeeProblems,
    employeeView,
    deactivate,
    findRole,
    isDeactivated,
    newEmployee,
    revive,
    applyEmployee,
} from "./employees";
import { userHubError, type FieldError } from "./errors";
import { own } from "./ids";
import type { CxoneUser } from "./state";

/** search filter keys -> employee field */
const FILTER_FIELDS: Record<string, keyof CxoneUser> = {
    userIds: "id",
    ids: "id",
    id: "id",
    userNames: "userName",
    userName: "userName",
    emailAddresses: "emailAddress",
    emailAddress: "emailAddress",
    emails: "emailAddress",
    statuses: "status",
    status: "status",
    roleIds: "roleUUID",
    roleUUID: "roleUUID",
    roles: "role",
    role: "role",
    teamIds: "teamId",
    teamId: "teamId",
    firstName: "firstName",
    lastName: "lastName",
};

/** A create or update refused: 409 when the email is taken, else 400; every problem listed. */
function refuseEmployee(res: express.Response, errs: FieldError[]) {
    const dup = errs.some((e) => e.code === "DUPLICATE");
    return userHubError(
        res,
        dup ? 409 : 400,
        dup ? "USER_ALREADY_EXISTS" : "VALIDATION_FAILED",
        errs.map((e) => e.message).join("; "),
        errs,
    );
}

const isIdList = (ids: unknown): ids is string[] =>
    Array.isArray(ids) && ids.length > 0 && ids.every((i) => typeof i === "string");

/** A request whose `field` is not a non-empty array of ids: 400, naming the field. */
function idsRequired(res: express.Response, field: string) {
    const details = `${field} must be a non-empty array of ids`;
    const error: FieldError = { field, code: "REQUIRED", message: `${field} is required` };
    return userHubError(res, 400, "VALIDATION_FAILED", details, [error]);
}

export function userRoutes(ctx: SandboxContext): express.Router {
    const r = express.Router();
    r.use(express.json());
    const s = () => ctx.state.cxone;
    const notFound = (res: express.Response, id: string) =>
        userHubError(res, 404, "USER_NOT_FOUND", `User ${id} not found`);
    const usersNotFound = (res: express.Response, ids: string[]) =>
        userHubError(res, 404, "USER_NOT_FOUND", `Users not found: ${ids.join(", ")}`);

    // [spec] create: firstName, lastName, emailAddress, role required -> {success, uuid}
    r.post("/user-management/v1/users", (req, res) => {
        const b = req.body ?? {};
        const errs = employeeProblems(s(), b);
        if (errs.length) return refuseEmployee(res, errs);
        const u = newEmployee(s(), b, "UNREGISTERED");
        s().users[u.id] = u;
        ctx.save();
        res.status(201).json({ success: true, uuid: u.id });
    });

    // [spec] v1, and v3 with the same shape
    r.get(["/user-management/v1/users/:id", "/user-management/v3/users/:id"], (req, res) => {
        const id = String(req.params.id);
        const u = own(s().users, id);
        if (!u) return notFound(res, id);
        res.json({ user: employeeView(u) });
    });

    // [spec] full update, id in the body
    r.put("/user-management/v1/users", (req, res) => {
        const b = req.body ?? {};
        const u = own(s().users, b.id);
        if (typeof b.id !== "string")
            return userHubError(res, 400, "VALIDATION_FAILED", "id is required", [
                { field: "id", code: "REQUIRED", message: "id is required" },
            ]);
        if (!u) return notFound(res, b.id);
        const errs = employeeProblems(s(), b, u.id);
        // keeping a now-inactive role the employee already has is allowed
        const keep = errs.filter(
            (e) =>
                !(
                    // only the role has an INACTIVE problem, and only a role found is inactive:
                    // Stryker disable next-line ConditionalExpression,LogicalOperator: see above
                    e.field === "role" &&
                    // Stryker disable next-line ConditionalExpression: see above
                    e.code === "INACTIVE" &&
                    // Stryker disable next-line OptionalChaining: see above
                    findRole(s(), b.role)?.roleId === u.roleUUID
                ),
        );
        if (keep.length) return refuseEmployee(res, keep);
        applyEmployee(s(), u, b);
        ctx.save();
        res.json({ success: true, user: employeeView(u) });
    });

    // [spec] {filter, fields, skip, top, orderBy} -> {totalRecords, users}
    r.post("/user-management/v2/users/search", (req, res) => {
        const b = (req.body ?? {}) as {
            filter?: Record<string, unknown>;
            fields?: unknown;
            skip?: unknown;
            top?: unknown;
            orderBy?: unknown;
        };
        const filter = b.filter ?? {};
        if (typeof filter !== "object" || Array.isArray(filter))
            return userHubError(res, 400, "VALIDATION_FAILED", "filter must be an object");
        const checks: [keyof CxoneUser, string[]][] = [];
        for (const [k, v] of Object.entries(filter)) {
            const field = FILTER_FIELDS[k];
            if (!field)
                return userHubError(res, 400, "VALIDATION_FAILED", `Unknown filter field ${k}`, [
                    {
                        field: `filter.${k}`,
                        code: "UNKNOWN_FIELD",
                        message: `supported: ${Object.keys(FILTER_FIELDS).join(", ")}`,
                    },
                ]);
            const values = Array.isArray(v) ? v : [v];
            checks.push([field, values.map((x) => String(x).toLowerCase())]);
        }
        let users = Object.values(s().users).filter((u) =>
            checks.every(([f, vals]) => vals.includes(String(u[f]).toLowerCase())),
        );
        if (typeof b.orderBy === "string" && b.orderBy) {
            const [field, dir] = b.orderBy.split(/\s+/);
            const key = (FILTER_FIELDS[field] ?? field) as keyof CxoneUser;
            users.sort(
                (x, y) =>
                    // Stryker disable next-line ArithmeticOperator: dividing by 1 or -1 is multiplying
                    String(x[key] ?? "").localeCompare(String(y[key] ?? "")) *
                    (dir?.toLowerCase() === "desc" ? -1 : 1),
            );
        } else
            users.sort(
                (x, y) => x.createdDate.localeCompare(y.createdDate) || x.id.localeCompare(y.id),
            );
        const totalRecords = users.length;
        const skip = Math.max(0, Number(b.skip ?? 0) || 0);
        const top = b.top !== undefined ? Math.max(0, Number(b.top) || 0) : undefined;
        users = users.slice(skip, top !== undefined ? skip + top : undefined);
        let views: Record<string, unknown>[] = users.map(employeeView);
        if (Array.isArray(b.fields) && b.fields.length) {
            const fields = b.fields.map(String);
            views = views.map((v) =>
                Object.fromEntries(
                    Object.entries(v).filter(([k]) => k === "id" || fields.includes(k)),
                ),
            );
        }
        res.json({ totalRecords, users: views });
    });

    // [spec] {userIds:[...]}; every id must exist, none is changed otherwise
    r.post("/user-management/v1/users/deactivate", (req, res) => {
        const ids = (req.body ?? {}).userIds;
        if (!isIdList(ids)) return idsRequired(res, "userIds");
        const missing = ids.filter((i: string) => !own(s().users, i));
        if (missing.length) return usersNotFound(res, missing);
        for (const id of ids as string[]) deactivate(s().users[id]);
        ctx.save();
        res.json({ success: true, userIds: ids });
    });

    r.post("/user-management/v1/users/:id/revive", (req, res) => {
        const u = own(s().users, req.params.id);
        if (!u) return notFound(res, req.params.id);
        const role = s().roles[u.roleUUID];
        if (isDeactivated(u) && (!role || role.status !== "ACTIVE"))
            return userHubError(
                res,
                409,
                "ROLE_INACTIVE",
                `The employee's role ${u.role} is not active`,
            );
        revive(u);
        ctx.save();
        res.json({ success: true, user: employeeView(u) });
    });

    // [spec] {inviteUserIds, senderUserId}: sends the activation email; the employee becomes PENDING
    r.post("/user-management/v2/users/inviteById", (req, res) => {
        const b = req.body ?? {};
        const ids = b.inviteUserIds;
        if (!isIdList(ids)) return idsRequired(res, "inviteUserIds");
        if (b.senderUserId !== undefined && !own(s().users, b.senderUserId))
            return userHubError(res, 404, "USER_NOT_FOUND", `Sender ${b.senderUserId} not found`);
        const missing = ids.filter((i: string) => !own(s().users, i));
        if (missing.length) return usersNotFound(res, missing);
        const now = new Date().toISOString();
        for (const id of ids as string[]) {
            const u = s().users[id];
            if (isDeactivated(u))
                return userHubError(res, 409, "USER_INACTIVE", `User ${id} is deactivated`);
        }
        for (const id of ids as string[]) {
            const u = s().users[id];
            u.invitedDate = now;
            if (u.status === "UNREGISTERED") u.status = "PENDING";
        }
        ctx.save();
        res.json({ success: true });
    });

    // [spec] {authenticatorId}
    r.put("/user-management/v1/users/:id/login-authenticator", (req, res) => {
        const u = own(s().users, req.params.id);
        if (!u) return notFound(res, req.params.id);
        const id = (req.body ?? {}).authenticatorId;
        if (typeof id !== "string" || !id)
            return userHubError(res, 400, "VALIDATION_FAILED", "authenticatorId is required", [
                {
                    field: "authenticatorId",
                    code: "REQUIRED",
                    message: "authenticatorId is required",
                },
            ]);
        if (!s().loginAuthenticators.some((a) => a.id === id))
            return userHubError(
                res,
                404,
                "AUTHENTICATOR_NOT_FOUND",
                `Login authenticator ${id} not found`,
            );
        u.loginAuthenticatorId = id;
        u.modifiedDate = new Date().toISOString();
        ctx.save();
        res.json({ success: true });
    });

    // [seen] {filter:{isDefault:["true"], id?, name?, status?}} -> {totalRecords, loginAuthenticators}
    r.post("/authorization/v1/login-authenticator/search", (req, res) => {
        const filter = ((req.body ?? {}).filter ?? {}) as Record<string, unknown>;
        const list = s().loginAuthenticators.filter((a) =>
            Object.entries(filter).every(([k, v]) => {
                const vals = (Array.isArray(v) ? v : [v]).map((x) => String(x).toLowerCase());
                return vals.includes(
                    String((a as unknown as Record<string, unknown>)[k]).toLowerCase(),
                );
            }),
        );
        res.json({ totalRecords: list.length, loginAuthenticators: list.map((a) => ({ ...a })) });
    });
    return r;
}
