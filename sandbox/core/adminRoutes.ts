// Sandbox-only operations, served under /sandbox/ on both servers. They are never faulted and
// never recorded in the request log, so the product's call counts stay clean. Nothing here
// pretends to be part of the CXone or Okta public APIs.
import express from "express";
import type { FaultAnswer, FaultInjector, FaultRule } from "./faults";
import type { RequestLog, ServerName } from "./requestLog";

export interface AdminHooks {
    server: ServerName;
    log: RequestLog;
    faults: FaultInjector;
    /** re-seeds the world (wipes state) */
    reset(): void;
    /** the service's own shape for fault answers (set by the service before it is mounted) */
    faultAnswer?: FaultAnswer;
}

export function sandboxAdminRouter(h: AdminHooks): express.Router {
    const r = express.Router();
    r.use(express.json());
    r.get("/status", (_req, res) => {
        res.json({ server: h.server, ok: true, pid: process.pid });
    });
    r.get("/requests", (_req, res) => {
        res.json({ requests: h.log.list() });
    });
    r.delete("/requests", (_req, res) => {
        h.log.clear();
        res.status(204).end();
    });
    r.get("/faults", (_req, res) => {
        res.json({ latencyMs: h.faults.baseLatencyMs, rules: h.faults.list() });
    });
    r.post("/faults", (req, res) => {
        // body: {rules: FaultRule[], latencyMs?} or a single rule or an array of rules
        const body = req.body ?? {};
        const rules: FaultRule[] = Array.isArray(body)
            ? body
            : Array.isArray(body.rules)
              ? body.rules
              : body.kind
                ? [body]
                : [];
        if (body.latencyMs !== undefined) {
            if (typeof body.latencyMs !== "number" || body.latencyMs < 0) {
                res.status(400).json({ error: "latencyMs must be a non-negative number" });
                return;
            }
        }
        try {
            const added = h.faults.add(rules);
            if (body.latencyMs !== undefined) h.faults.baseLatencyMs = body.latencyMs;
            res.status(201).json({
                latencyMs: h.faults.baseLatencyMs,
                added,
                rules: h.faults.list(),
            });
        } catch (e) {
            res.status(400).json({ error: (e as Error).message });
        }
    });
    r.delete("/faults", (_req, res) => {
        h.faults.clear();
        h.faults.baseLatencyMs = 0;
        res.status(204).end();
    });
    r.post("/reset", (_req, res) => {
        h.reset();
        res.status(204).end();
    });
    return r;
}
