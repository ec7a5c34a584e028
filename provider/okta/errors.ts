// A failed Okta API call, with Okta's own error fields kept: errorCode, errorSummary, errorLink,
// errorId (= the answer's X-Okta-Request-Id, what Okta support asks for) and errorCauses [doc].
import { type FailureFacts, VendorError } from "../core/errors";
import { scrub } from "../core/scrub";

/** Okta's error body, as its API and its SDK's OktaApiError carry it. */
export interface OktaErrorDetails {
    errorCode?: string;
    errorSummary?: string;
    errorLink?: string;
    errorId?: string;
    errorCauses?: { errorSummary: string }[];
}

/** Reads Okta's five error fields from an answer's body, `hide` scrubbed; the rest is ignored. */
export function oktaErrorDetails(body: unknown, hide: readonly string[]): OktaErrorDetails {
    if (!body || typeof body !== "object") return {};
    const b = body as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" && v ? scrub(v, hide) : undefined);
    const causes = Array.isArray(b.errorCauses)
        ? b.errorCauses
              .map((c: unknown) =>
                  str(c && typeof c === "object" ? (c as Record<string, unknown>).errorSummary : c),
              )
              .filter((s): s is string => s !== undefined)
              .map((errorSummary) => ({ errorSummary }))
        : undefined;
    return {
        errorCode: str(b.errorCode),
        errorSummary: str(b.errorSummary),
        errorLink: str(b.errorLink),
        errorId: str(b.errorId),
        ...(causes ? { errorCauses: causes } : {}),
    };
}

function detailOf(d: OktaErrorDetails, note?: string): string | undefined {
    const causes = d.errorCauses?.map((c) => c.errorSummary).filter(Boolean) ?? [];
    const said = [d.errorSummary, causes.length ? causes.join("; ") : ""]
        .filter(Boolean)
        .join(": ");
    const summary = [said, note].filter(Boolean).join("; ");
    const id = d.errorId ? ` [errorId ${d.errorId}]` : "";
    return summary || id ? `${summary}${id}`.trim() : undefined;
}

/** An Okta API call failed. Carries Okta's error fields, never the request or the token. */
export class OktaError extends VendorError {
    override readonly name = "OktaError";
    readonly errorCode?: string;
    readonly errorSummary?: string;
    readonly errorLink?: string;
    readonly errorId?: string;
    readonly errorCauses: { errorSummary: string }[];

    /**
     * The failure's facts, with Okta's error body as `okta`: its errorCode is the code, and its
     * summaries come before what the client adds in `detail` (the network error, a reset beyond
     * the wait budget).
     */
    constructor(f: Omit<FailureFacts, "code"> & { okta?: OktaErrorDetails }) {
        const details = f.okta ?? {};
        super({
            vendor: "Okta",
            operation: f.operation,
            status: f.status,
            code: details.errorCode,
            detail: detailOf(details, f.detail),
            attempts: f.attempts,
        });
        this.errorCode = details.errorCode;
        this.errorSummary = details.errorSummary;
        this.errorLink = details.errorLink;
        this.errorId = details.errorId;
        this.errorCauses = details.errorCauses ?? [];
    }
}
