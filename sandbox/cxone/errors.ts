// CXone's documented error body shapes [spec]:
// - auth endpoints: {error, errorDescription}
// - UserHub (users, roles, access keys): {code, details, errors}
// - gateway 401 (missing/invalid/expired bearer token): {timestamp, status, error, message, path}
// - SCIM: RFC 7644 error {schemas, status, scimType?, detail}
import { STATUS_CODES } from "http";
import type { Request, Response } from "express";

export function authError(
    res: Response,
    status: number,
    error: string,
    errorDescription: string,
): void {
    res.status(status).json({ error, errorDescription });
}

export interface FieldError {
    field?: string;
    code: string;
    message: string;
}

export function userHubError(
    res: Response,
    status: number,
    code: string,
    details: string,
    errors: FieldError[] = [],
): void {
    res.status(status).json({ code, details, errors });
}

export function gatewayError(req: Request, res: Response, status: number, message: string): void {
    res.status(status).json({
        timestamp: new Date().toISOString(),
        status,
        // Stryker disable next-line StringLiteral: every status the sandbox answers has a name
        error: STATUS_CODES[status] ?? "Error",
        message,
        path: req.path,
    });
}

export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export function scimError(res: Response, status: number, detail: string, scimType?: string): void {
    res.status(status)
        .type("application/scim+json")
        .send(
            JSON.stringify({
                schemas: [SCIM_ERROR_SCHEMA],
                status: String(status),
                ...(scimType ? { scimType } : {}),
                detail,
            }),
        );
}
