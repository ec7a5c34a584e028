// Okta's error body, the same shape on every endpoint:
// {errorCode, errorSummary, errorLink, errorId, errorCauses:[{errorSummary}]}  [doc: error-codes page]
// Messages never carry secrets: callers pass only ids, field names and public values.
import type { Response } from "express";
import { newRequestId, requestIdOf } from "./requestId";

export interface OktaErrorBody {
    errorCode: string;
    errorSummary: string;
    errorLink: string;
    errorId: string;
    errorCauses: { errorSummary: string }[];
}

export function oktaErrorBody(
    code: string,
    summary: string,
    // Stryker disable next-line ArrayDeclaration: its one caller, sendOktaError, always passes the causes
    causes: string[] = [],
    errorId = newRequestId(),
): OktaErrorBody {
    return {
        errorCode: code,
        errorSummary: summary,
        errorLink: code,
        errorId,
        errorCauses: causes.map((c) => ({ errorSummary: c })),
    };
}

export function sendOktaError(
    res: Response,
    status: number,
    code: string,
    summary: string,
    causes: string[] = [],
): void {
    res.status(status).json(oktaErrorBody(code, summary, causes, requestIdOf(res)));
}

/** E0000007, 404. `what` is e.g. "0oa123 (App)". [doc] */
export function notFound(res: Response, what: string): void {
    sendOktaError(res, 404, "E0000007", `Not found: Resource not found: ${what}`);
}

/** E0000001, 400, with one cause per field. [doc] */
export function validation(res: Response, fields: string, causes: string[]): void {
    sendOktaError(res, 400, "E0000001", `Api validation failed: ${fields}`, causes);
}

/** E0000011, 401. [doc] */
export function invalidToken(res: Response): void {
    sendOktaError(res, 401, "E0000011", "Invalid token provided");
}

/** E0000003, 400: body not JSON. [doc] */
export function notWellFormed(res: Response): void {
    sendOktaError(res, 400, "E0000003", "The request body was not well-formed.");
}

/** E0000008, 404: no such path. [doc] */
export function noSuchPath(res: Response): void {
    sendOktaError(res, 404, "E0000008", "The requested path was not found");
}

/** E0000022, 405. [doc] */
export function methodNotAllowed(res: Response): void {
    sendOktaError(res, 405, "E0000022", "The endpoint does not support the provided HTTP method");
}
