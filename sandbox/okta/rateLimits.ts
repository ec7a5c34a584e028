// Okta's rate limits: every API answer carries X-Rate-Limit-Limit, -Remaining (counting down
// per endpoint bucket) and -Reset (epoch seconds when the bucket refills) [doc: rate-limit guide].
// Over the limit: 429 E0000047 with the same headers and no Retry-After [doc].
import type { NextFunction, Request, Response } from "express";
import { sendOktaError } from "./errors";

/**
 * Per-minute limits per bucket. Okta's rate-limit page lists per-endpoint defaults that vary by
 * org type and plan; these are of that order [guess: exact values].
 */
export const DEFAULT_BUCKET_LIMITS: Record<string, number> = {
    "/api/v1/apps": 100,
    "/api/v1/apps/{id}": 500,
    "/api/v1/groups": 500,
    "/api/v1/groups/{id}": 1000,
    "/api/v1/users": 600,
    "/api/v1/users/{id}": 2000,
    "/api/v1/users/me": 2000,
    "/api/v1/*": 1200,
};

/** The bucket a request path (below /api/v1) counts against. */
export function bucketOf(path: string): string {
    const p = "/api/v1" + path.split("?")[0].replace(/\/+$/, "");
    if (p === "/api/v1/users/me") return p;
    const m = /^\/api\/v1\/(apps|groups|users)(\/[^/]+)?/.exec(p);
    if (!m) return "/api/v1/*";
    return m[2] ? `/api/v1/${m[1]}/{id}` : `/api/v1/${m[1]}`;
}

export interface RateLimitOptions {
    /** the window in seconds (Okta: 60); tests shorten it */
    windowSeconds?: number;
    /** per-bucket limits replacing the defaults */
    limits?: Record<string, number>;
}

interface Window {
    resetAt: number; // epoch seconds
    used: number;
}

export class OktaRateLimiter {
    readonly windowSeconds: number;
    private readonly limits: Record<string, number>;
    private readonly windows = new Map<string, Window>();

    constructor(o: RateLimitOptions = {}) {
        this.windowSeconds = o.windowSeconds ?? 60;
        this.limits = { ...DEFAULT_BUCKET_LIMITS, ...(o.limits ?? {}) };
    }

    /** Counts one request against its bucket; what the headers say afterwards. */
    take(
        path: string,
        nowMs = Date.now(),
    ): { limit: number; remaining: number; reset: number; exceeded: boolean } {
        const bucket = bucketOf(path);
        const limit = this.limits[bucket] ?? this.limits["/api/v1/*"];
        const now = nowMs / 1000;
        let w = this.windows.get(bucket);
        if (!w || now >= w.resetAt) {
            w = { resetAt: Math.ceil(now + this.windowSeconds), used: 0 };
            this.windows.set(bucket, w);
        }
        w.used++;
        return {
            limit,
            remaining: Math.max(0, limit - w.used),
            reset: w.resetAt,
            exceeded: w.used > limit,
        };
    }

    /** Resets every bucket (sandbox reset). */
    clear(): void {
        this.windows.clear();
    }

    middleware() {
        return (req: Request, res: Response, next: NextFunction) => {
            const t = this.take(req.path);
            res.set({
                "X-Rate-Limit-Limit": String(t.limit),
                "X-Rate-Limit-Remaining": String(t.remaining),
                "X-Rate-Limit-Reset": String(t.reset),
            });
            if (t.exceeded) return tooManyRequests(res);
            next();
        };
    }
}

/** 429 E0000047 [doc]. The caller has set the X-Rate-Limit-* headers. */
export function tooManyRequests(res: Response): void {
    sendOktaError(res, 429, "E0000047", "API call exceeded rate limit due to too many requests.");
}
