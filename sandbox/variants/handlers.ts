// Building blocks of the variants' request handlers: act on one route only, answer as if a route
// did not exist, rewrite a JSON answer or a JSON request body. Vendor-neutral.
import express, {
    type NextFunction,
    type Request,
    type RequestHandler,
    type Response,
} from "express";

/** A route by method and path pattern (the path without its query). */
export interface RouteMatch {
    method: string;
    path: RegExp;
}

export function matches(m: RouteMatch, req: Request): boolean {
    return req.method.toUpperCase() === m.method.toUpperCase() && m.path.test(req.path);
}

/** Runs `handler` for requests of one route; every other request passes on. */
export function onRoute(m: RouteMatch, handler: RequestHandler): RequestHandler {
    return (req, res, next) => (matches(m, req) ? handler(req, res, next) : next());
}

const json = express.json({ limit: "1mb", type: ["application/json", "application/*+json"] });

/**
 * Changes the parsed JSON body of one route's requests before the service reads it (the
 * service's own body parser sees it parsed and leaves it).
 */
export function rewriteRequest(
    m: RouteMatch,
    change: (body: Record<string, unknown>, req: Request, res: Response) => void | "answered",
): RequestHandler {
    return onRoute(m, (req, res, next: NextFunction) =>
        json(req, res, (err?: unknown) => {
            if (err) return next(err);
            const body = (req.body && typeof req.body === "object" ? req.body : {}) as Record<
                string,
                unknown
            >;
            if (change(body, req, res) !== "answered") next();
        }),
    );
}

/**
 * Changes the JSON answers of one route (any status, res.json or a JSON text) before they are
 * sent. Every JSON answer passes res.send as text once (res.json calls it), so that is the hook.
 */
export function rewriteAnswer(
    m: RouteMatch,
    change: (body: unknown, req: Request, res: Response) => unknown,
): RequestHandler {
    return onRoute(m, (req, res, next) => {
        const send = res.send.bind(res);
        res.send = (body?: unknown) => {
            if (typeof body !== "string" || !/json/i.test(String(res.get("Content-Type"))))
                return send(body);
            let parsed: unknown;
            try {
                parsed = JSON.parse(body);
            } catch {
                return send(body);
            }
            return send(JSON.stringify(change(parsed, req, res)));
        };
        next();
    });
}
