// Fault and latency injection, shared by both servers. Rules are checked in order for every
// non-sandbox request: every matching latency rule adds its delay, then the first matching
// rule that decides the outcome (status, reset, timeout, exceeded rate limit) applies. A `lag`
// rule decides nothing: it tells the service how long its lists lag behind writes.
import { STATUS_CODES } from "http";
import type { NextFunction, Request, Response } from "express";
import { isSandboxPath, type ServerName } from "./requestLog";

export type FaultKind = "latency" | "status" | "reset" | "timeout" | "rateLimit" | "lag";

/** How a service answers a fault in its own error shape (Okta: E0000047 with X-Rate-Limit-*). */
export type FaultAnswer = (res: Response, status: number, rule: ActiveFaultRule) => void;

export interface FaultRule {
    kind: FaultKind;
    /** which server; omitted = both */
    server?: ServerName;
    /** HTTP method, case-insensitive; omitted = any */
    method?: string;
    /** regular expression tested against the path (without query); omitted = any path */
    path?: string;
    /** only the next N matching requests this rule acts on; omitted = unlimited */
    times?: number;
    /** latency: added delay in ms */
    ms?: number;
    /** status: HTTP status to answer (default 503) */
    status?: number;
    /**
     * status 429 / rateLimit: Retry-After header in seconds. Default 1 on CXone; on Okta none
     * unless set (Okta promises only X-Rate-Limit-Reset); status 503 sends none unless set.
     */
    retryAfterSeconds?: number;
    /** Okta 429: X-Rate-Limit-Reset this many seconds ahead (default: the org's window, 60) */
    resetSeconds?: number;
    /** timeout: hold the request this long, then destroy the socket; omitted = never answer */
    holdMs?: number;
    /** rateLimit: requests allowed per second (per rule); more get 429 */
    perSecond?: number;
    // lag: `ms` = lists and q searches leave out objects created less than ms ago
}

export interface ActiveFaultRule extends FaultRule {
    id: string;
    /** remaining applications when `times` was given */
    remaining?: number;
}

const KINDS: FaultKind[] = ["latency", "status", "reset", "timeout", "rateLimit", "lag"];

/** Checks a rule from an untrusted source; returns an error message or undefined. */
export function validateFaultRule(r: unknown): string | undefined {
    if (!r || typeof r !== "object") return "rule must be an object";
    const rule = r as Record<string, unknown>;
    if (!KINDS.includes(rule.kind as FaultKind)) return `kind must be one of ${KINDS.join(", ")}`;
    if (rule.server !== undefined && rule.server !== "cxone" && rule.server !== "okta")
        return "server must be cxone or okta";
    if (rule.method !== undefined && typeof rule.method !== "string")
        return "method must be a string";
    if (rule.path !== undefined) {
        if (typeof rule.path !== "string") return "path must be a regular expression string";
        try {
            new RegExp(rule.path);
        } catch {
            return `path is not a valid regular expression: ${rule.path}`;
        }
    }
    for (const k of [
        "times",
        "ms",
        "status",
        "retryAfterSeconds",
        "holdMs",
        "perSecond",
        "resetSeconds",
    ]) {
        if (
            rule[k] !== undefined &&
            (typeof rule[k] !== "number" ||
                !Number.isFinite(rule[k] as number) ||
                (rule[k] as number) < 0)
        )
            return `${k} must be a non-negative number`;
    }
    if ((rule.kind === "latency" || rule.kind === "lag") && typeof rule.ms !== "number")
        return `${rule.kind} rule needs ms`;
    if (rule.kind === "rateLimit" && !(typeof rule.perSecond === "number" && rule.perSecond > 0))
        return "rateLimit rule needs perSecond > 0";
    if (
        rule.kind === "status" &&
        rule.status !== undefined &&
        ((rule.status as number) < 400 || (rule.status as number) > 599)
    )
        return "status must be 400-599";
    return undefined;
}

export class FaultInjector {
    private rules: ActiveFaultRule[] = [];
    private nextId = 1;
    /** rateLimit windows: rule id -> {second, count} */
    private windows = new Map<string, { second: number; count: number }>();
    /** requests held by timeout faults, released when the server stops */
    private readonly held = new Set<NodeJS.Timeout>();

    constructor(public baseLatencyMs = 0) {}

    list(): ActiveFaultRule[] {
        return this.rules.map((r) => ({ ...r }));
    }

    add(rules: FaultRule[]): ActiveFaultRule[] {
        for (const r of rules) {
            const err = validateFaultRule(r);
            if (err) throw new Error(err);
        }
        const added = rules.map((r) => ({
            ...r,
            id: String(this.nextId++),
            ...(r.times !== undefined ? { remaining: r.times } : {}),
        }));
        this.rules.push(...added);
        return added;
    }

    clear(): void {
        this.rules = [];
        this.windows.clear();
    }

    stop(): void {
        for (const t of this.held) clearTimeout(t);
        this.held.clear();
    }

    private matches(r: ActiveFaultRule, server: ServerName, method: string, path: string): boolean {
        if (r.server && r.server !== server) return false;
        if (r.method && r.method.toUpperCase() !== method.toUpperCase()) return false;
        if (r.path && !new RegExp(r.path).test(path)) return false;
        return r.remaining === undefined || r.remaining > 0;
    }

    private consume(r: ActiveFaultRule): void {
        if (r.remaining !== undefined) {
            r.remaining--;
            if (r.remaining <= 0) this.rules = this.rules.filter((x) => x !== r);
        }
    }

    /** Decides what happens to one request: total added delay and the deciding rule, if any. */
    decide(
        server: ServerName,
        method: string,
        path: string,
        now = Date.now(),
    ): { delayMs: number; rule?: ActiveFaultRule } {
        let delayMs = this.baseLatencyMs;
        for (const r of [...this.rules]) {
            if (!this.matches(r, server, method, path)) continue;
            if (r.kind === "latency") {
                delayMs += r.ms ?? 0;
                this.consume(r);
                continue;
            }
            if (r.kind === "lag") continue;
            if (r.kind === "rateLimit") {
                const second = Math.floor(now / 1000);
                const w = this.windows.get(r.id);
                const win = w && w.second === second ? w : { second, count: 0 };
                win.count++;
                this.windows.set(r.id, win);
                if (win.count <= (r.perSecond ?? Infinity)) continue;
            }
            this.consume(r);
            return { delayMs, rule: r };
        }
        return { delayMs };
    }

    /** The visibility lag (ms) active for a list at `path`: the largest matching lag rule. */
    lagMs(server: ServerName, method: string, path: string): number {
        return Math.max(
            0,
            ...this.rules
                .filter((r) => r.kind === "lag" && this.matches(r, server, method, path))
                .map((r) => r.ms ?? 0),
        );
    }

    /** `answerOf`: the service's own error shape for status and rate-limit faults, if it has one. */
    middleware(server: ServerName, answerOf?: () => FaultAnswer | undefined) {
        return (req: Request, res: Response, next: NextFunction) => {
            if (isSandboxPath(req.url)) return next();
            const path = req.url.split("?")[0];
            res.locals.sandboxLagMs = this.lagMs(server, req.method, path);
            const { delayMs, rule } = this.decide(server, req.method, path);
            const act = () => {
                if (!rule) return next();
                const answer = answerOf?.();
                res.locals.sandboxFault = rule.kind;
                switch (rule.kind) {
                    case "reset":
                        req.socket.destroy();
                        return;
                    case "timeout": {
                        if (rule.holdMs === undefined) return; // never answer; the socket closes with the server
                        const t = setTimeout(() => {
                            this.held.delete(t);
                            req.socket.destroy();
                        }, rule.holdMs);
                        this.held.add(t);
                        return;
                    }
                    case "rateLimit":
                        if (answer) return answer(res, 429, rule);
                        res.set("Retry-After", String(rule.retryAfterSeconds ?? 1));
                        res.status(429).json({
                            error: "Too Many Requests",
                            message: "rate limit exceeded",
                        });
                        return;
                    case "status": {
                        const status = rule.status ?? 503;
                        if (answer) return answer(res, status, rule);
                        if (rule.retryAfterSeconds !== undefined || status === 429)
                            res.set("Retry-After", String(rule.retryAfterSeconds ?? 1));
                        res.status(status).json({
                            error: STATUS_CODES[status] ?? "Error",
                            message: "injected fault",
                        });
                        return;
                    }
                }
            };
            if (delayMs > 0) {
                const t = setTimeout(() => {
                    this.held.delete(t);
                    act();
                }, delayMs);
                this.held.add(t);
            } else act();
        };
    }
}
