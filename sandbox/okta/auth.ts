// SSWS API-token authentication of Okta's Management API. [doc]
// `Authorization: SSWS <token>`; anything else (missing, Bearer, wrong token) -> 401 E0000011.
import { timingSafeEqual } from "crypto";
import type { NextFunction, Request, Response } from "express";
import type { SandboxContext } from "../core/context";
import { invalidToken } from "./errors";

function sameSecret(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
}

export function requireApiToken(ctx: SandboxContext) {
    return (req: Request, res: Response, next: NextFunction): void => {
        // Stryker disable next-line StringLiteral: no header and any text without "SSWS " are refused alike
        const header = req.get("authorization") ?? "";
        const m = /^SSWS\s+(\S+)\s*$/i.exec(header);
        if (!m || !sameSecret(m[1], ctx.state.okta.apiToken)) {
            invalidToken(res);
            return;
        }
        next();
    };
}
