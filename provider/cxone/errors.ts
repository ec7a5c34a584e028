// Typed CXone errors. axios errors carry the whole request (headers with the bearer token, bodies
// with access key secrets): they are never rethrown; only the facts below are kept.
import { type FailureFacts, mayHaveHappened, VendorError } from "../core/errors";
import { scrub } from "../core/scrub";

export { mayHaveHappened, scrub };

/** A failed CXone API call, described in the operator's words. Never contains secrets or tokens. */
export class CxoneError extends VendorError {
    override readonly name = "CxoneError";
    constructor(f: FailureFacts) {
        super({ vendor: "CXone", ...f });
    }
}

/**
 * The same CXone failure for a second resource of one run: CXone's answer is told in full once
 * (by the first resource), the others point to it. Other errors are returned as they are.
 */
export function alreadyReported(e: unknown): unknown {
    if (!(e instanceof CxoneError)) return e;
    const again = "the same answer, already reported for another resource of this run";
    return new CxoneError({
        operation: e.operation,
        status: e.status,
        code: e.code,
        detail: again,
        attempts: e.attempts,
    });
}

/** Raised before any call when no admin credentials can be found. */
export class CxoneCredentialsError extends Error {
    override readonly name = "CxoneCredentialsError";
}

/** Pulls CXone's error code and message from the known error body shapes (auth, UserHub, 401). */
export function errorFacts(body: unknown): { code?: string; detail?: string } {
    if (!body || typeof body !== "object")
        return typeof body === "string" && body ? { detail: body } : {};
    const b = body as Record<string, unknown>;
    const str = (v: unknown) =>
        typeof v === "string" || typeof v === "number" ? String(v) : undefined;
    const code = str(b.code) ?? str(b.error) ?? str(b.errorCode);
    let detail =
        str(b.errorDescription) ?? str(b.message) ?? str(b.details) ?? str(b.error_description);
    if (!detail && Array.isArray(b.errors))
        detail = b.errors
            .map((e) =>
                typeof e === "string" ? e : (str((e as Record<string, unknown>)?.message) ?? ""),
            )
            .filter(Boolean)
            .join("; ");
    return { code, detail: detail || undefined };
}

/**
 * Create made the object but a later step failed: carrying `id` and `properties` makes the engine
 * record the object in state (so the next `up` repairs it instead of creating a duplicate).
 */
export class PartialCreateError extends Error {
    override readonly name = "PartialCreateError";
    readonly reasons: string[];
    constructor(
        readonly id: string,
        readonly properties: Record<string, unknown>,
        cause: Error,
    ) {
        super(cause.message);
        this.reasons = [cause.message];
    }
}
