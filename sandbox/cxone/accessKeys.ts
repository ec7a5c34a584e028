// Access keys [spec]; base = api_endpoint. The secret is returned once, at creation [doc], and
// kept only as a hash. A key of a deactivated employee stops working [seen].
import express from "express";
import type { SandboxContext } from "../core/context";
import { isDeactivated } from "./employees";
import { userHubError } from "./errors";
import { hashSecret, newAccessKeyId, newSecret, own } from "./ids";
import type { CxoneAccessKey } from "./state";

function view(k: CxoneAccessKey) {
    return {
        accessKeyId: k.accessKeyId,
        userId: k.userId,
        tenantId: k.tenantId,
        isActive: k.isActive,
        createdDate: k.createdDate,
        lastUsedDate: k.lastUsedDate,
    };
}

export function accessKeyRoutes(ctx: SandboxContext): express.Router {
    const r = express.Router();
    r.use(express.json());
    const s = () => ctx.state.cxone;
    const BASE = "/access-key-management/v1/access-keys";

    // [spec] {userId, tenantId} -> {resultSet:{accessKeyId, accessKeySecret, userId, tenantId, isActive}}
    r.post(BASE, (req, res) => {
        const b = req.body ?? {};
        if (typeof b.userId !== "string" || !b.userId)
            return userHubError(res, 400, "VALIDATION_FAILED", "userId is required", [
                { field: "userId", code: "REQUIRED", message: "userId is required" },
            ]);
        if (b.tenantId !== undefined && b.tenantId !== s().tenantId)
            return userHubError(res, 400, "VALIDATION_FAILED", "tenantId does not match", [
                { field: "tenantId", code: "INVALID", message: "unknown tenantId" },
            ]);
        const user = own(s().users, b.userId);
        if (!user) return userHubError(res, 404, "USER_NOT_FOUND", `User ${b.userId} not found`);
        if (isDeactivated(user))
            return userHubError(res, 409, "USER_INACTIVE", `User ${b.userId} is deactivated`);
        const secret = newSecret(36);
        const key: CxoneAccessKey = {
            accessKeyId: newAccessKeyId(),
            secretHash: hashSecret(secret),
            userId: user.id,
            tenantId: s().tenantId,
            isActive: true,
            createdDate: new Date().toISOString(),
            lastUsedDate: null,
        };
        s().accessKeys[key.accessKeyId] = key;
        ctx.save();
        res.status(201).json({ resultSet: { ...view(key), accessKeySecret: secret } });
    });

    // [spec] ?userId= -> {totalRecords, accessKeys}
    r.get(BASE, (req, res) => {
        const userId = req.query.userId;
        if (userId !== undefined && typeof userId !== "string")
            return userHubError(res, 400, "VALIDATION_FAILED", "userId must be a single value");
        const keys = Object.values(s().accessKeys)
            .filter((k) => userId === undefined || k.userId === userId)
            .map(view);
        res.json({ totalRecords: keys.length, accessKeys: keys });
    });

    const keyNotFound = (res: express.Response, id: string) =>
        userHubError(res, 404, "ACCESS_KEY_NOT_FOUND", `Access key ${id} not found`);

    // [spec] never returns the secret
    r.get(`${BASE}/:id`, (req, res) => {
        const key = own(s().accessKeys, req.params.id);
        if (!key) return keyNotFound(res, req.params.id);
        res.json({ resultSet: view(key) });
    });

    // [spec] ?tenantId=&userId=&accessKeyId= {isActive}
    r.patch(BASE, (req, res) => {
        const { tenantId, userId, accessKeyId } = req.query;
        const missing = (["tenantId", "userId", "accessKeyId"] as const).filter(
            (k) => typeof req.query[k] !== "string" || !req.query[k],
        );
        if (missing.length)
            return userHubError(
                res,
                400,
                "VALIDATION_FAILED",
                `Missing query parameters: ${missing.join(", ")}`,
                missing.map((f) => ({ field: f, code: "REQUIRED", message: `${f} is required` })),
            );
        const isActive = (req.body ?? {}).isActive;
        if (typeof isActive !== "boolean")
            return userHubError(res, 400, "VALIDATION_FAILED", "isActive must be a boolean", [
                { field: "isActive", code: "INVALID", message: "isActive must be a boolean" },
            ]);
        const key = own(s().accessKeys, accessKeyId);
        if (!key || key.userId !== userId || key.tenantId !== tenantId)
            return userHubError(
                res,
                404,
                "ACCESS_KEY_NOT_FOUND",
                `Access key ${accessKeyId} not found for this user`,
            );
        key.isActive = isActive;
        ctx.save();
        res.json({ resultSet: view(key) });
    });

    // [spec] revoke
    r.delete(`${BASE}/:id`, (req, res) => {
        const key = own(s().accessKeys, req.params.id);
        if (!key) return keyNotFound(res, req.params.id);
        delete s().accessKeys[key.accessKeyId];
        ctx.save();
        res.status(204).end();
    });
    return r;
}
