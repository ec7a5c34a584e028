// X-Okta-Request-Id on every API answer; error bodies carry the same value as errorId
// (docs/vendor-facts/okta.md) [doc: header] [guess: format, "oae" + 22 base62 as errorIds look].
import type { NextFunction, Request, Response } from "express";
import { randomBase62 } from "./ids";

export function newRequestId(): string {
    return "oae" + randomBase62(22);
}

/** The request id of this answer, made on first use. */
export function requestIdOf(res: Response): string {
    if (typeof res.locals.oktaRequestId !== "string") {
        res.locals.oktaRequestId = newRequestId();
        if (!res.headersSent) res.set("X-Okta-Request-Id", res.locals.oktaRequestId);
    }
    return res.locals.oktaRequestId;
}

export function requestIdMiddleware() {
    return (_req: Request, res: Response, next: NextFunction) => {
        requestIdOf(res);
        next();
    };
}
