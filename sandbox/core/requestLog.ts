// The request log: what the product called, so tests and benchmarks can count calls. It records
// method, path (query secrets redacted), status, duration and server, never bodies or headers,
// so no secret or token can leak into it; of the User-Agent only the product's part is kept. Sandbox-only paths (/sandbox/...) are not recorded.
import * as fs from "fs";
import type { NextFunction, Request, Response } from "express";

export type ServerName = "cxone" | "okta";

export interface RequestLogEntry {
    /** ISO time the request arrived */
    time: string;
    server: ServerName;
    method: string;
    /** path plus query string, with secret-looking query values replaced by "***" */
    path: string;
    /** HTTP status sent; 0 when no response was sent (connection reset or timeout fault) */
    status: number;
    ms: number;
    /** set when a fault rule decided the outcome: "status" | "reset" | "timeout" | "rateLimit" */
    fault?: string;
    /**
     * which part of this product sent it, from its `User-Agent: cxone-okta-scim/<version> (<part>)`:
     * "program" (reads before the first write), "provider" (the dynamic provider process),
     * "removal-guard" (its reads before a removal) or "connection-test"; absent for any other client
     */
    part?: string;
}

const PRODUCT_AGENT = /^cxone-okta-scim\/\S+ \(([a-z-]+)\)$/;

/** The product's part named in a User-Agent, or undefined for any other client. */
export function productPart(userAgent: string | undefined): string | undefined {
    return userAgent ? PRODUCT_AGENT.exec(userAgent)?.[1] : undefined;
}

const SECRET_QUERY = /secret|token|password|passwd|code|verifier|assertion|key$|^key/i;

export function redactPath(url: string): string {
    const q = url.indexOf("?");
    if (q < 0) return url;
    const params = new URLSearchParams(url.slice(q + 1));
    const out: string[] = [];
    for (const [k, v] of params)
        out.push(
            `${encodeURIComponent(k)}=${SECRET_QUERY.test(k) ? "***" : encodeURIComponent(v)}`,
        );
    return out.length ? `${url.slice(0, q)}?${out.join("&")}` : url.slice(0, q);
}

export function isSandboxPath(url: string): boolean {
    return url === "/sandbox" || url.startsWith("/sandbox/") || url.startsWith("/sandbox?");
}

export class RequestLog {
    private entries: RequestLogEntry[] = [];
    constructor(private readonly file?: string) {}

    add(entry: RequestLogEntry): void {
        this.entries.push(entry);
        if (this.file) {
            try {
                fs.appendFileSync(this.file, JSON.stringify(entry) + "\n");
            } catch {
                /* log file is best effort */
            }
        }
    }
    list(): RequestLogEntry[] {
        return this.entries.slice();
    }
    clear(): void {
        this.entries = [];
    }

    /** Express middleware recording every non-sandbox request once its response ends or its socket closes. */
    middleware(server: ServerName) {
        return (req: Request, res: Response, next: NextFunction) => {
            if (isSandboxPath(req.url)) return next();
            const started = Date.now();
            const time = new Date(started).toISOString();
            const path = redactPath(req.url);
            const part = productPart(req.get("user-agent"));
            let done = false;
            const finish = () => {
                if (done) return;
                done = true;
                const fault = res.locals.sandboxFault as string | undefined;
                const status =
                    res.headersSent && !(fault === "reset" || fault === "timeout")
                        ? res.statusCode
                        : 0;
                this.add({
                    time,
                    server,
                    method: req.method,
                    path,
                    status,
                    ms: Date.now() - started,
                    ...(fault ? { fault } : {}),
                    ...(part ? { part } : {}),
                });
            };
            res.on("finish", finish);
            res.on("close", finish);
            next();
        };
    }
}
