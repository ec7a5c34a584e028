// The error base of both vendors' clients: one message style, the vendor's own details kept.
// Vendor errors are built from facts only; an axios error (which holds the request headers with
// the token, and bodies with secrets) is never rethrown or wrapped.

/** What every failed vendor call reports, in the operator's words. Never contains secrets. */
export interface VendorFailure {
    /** "CXone" or "Okta": who answered (or did not) */
    vendor: string;
    /** what was being done, e.g. `create app "NICE CXone"` */
    operation: string;
    /** HTTP status, or undefined when no response arrived (reset, timeout) */
    status: number | undefined;
    /** the vendor's error code (CXone `code`, Okta `errorCode`), or the network error code */
    code?: string;
    /** the vendor's human-readable message, already scrubbed of secrets */
    detail?: string;
    /** attempts made, including the first */
    attempts?: number;
    /** how the vendor answered, in words, where status and code do not say it (the connection
     * test names the host and the kind of network failure) */
    answer?: string;
}

/** What every vendor error class is built from: the failure's facts; the class names its vendor. */
export type FailureFacts = Omit<VendorFailure, "vendor">;

/** "could not <operation>: <vendor> answered HTTP <status> (code <code>: <detail>) (after N attempts)" */
export function describeFailure(f: VendorFailure): string {
    const tries = (f.attempts ?? 1) > 1 ? ` (after ${f.attempts} attempts)` : "";
    if (f.answer) return `could not ${f.operation}: ${f.answer}${tries}`;
    const what =
        f.status === undefined
            ? `no response from ${f.vendor}`
            : `${f.vendor} answered HTTP ${f.status}`;
    const extra = [f.code ? `code ${f.code}` : "", f.detail ?? ""].filter(Boolean).join(": ");
    return `could not ${f.operation}: ${what}${extra ? ` (${extra})` : ""}${tries}`;
}

/** Base class of CxoneError and OktaError: `instanceof VendorError` catches either. */
export class VendorError extends Error {
    // named, so the provider process knows its stack print (providerProcess.ts); subclasses rename
    override readonly name: string = "VendorError";
    readonly vendor: string;
    readonly operation: string;
    readonly status: number | undefined;
    readonly code: string | undefined;
    readonly detail: string | undefined;
    readonly attempts: number;

    constructor(f: VendorFailure) {
        super(describeFailure(f));
        this.vendor = f.vendor;
        this.operation = f.operation;
        this.status = f.status;
        this.code = f.code;
        this.detail = f.detail;
        this.attempts = f.attempts ?? 1;
    }

    /** True when a failed write may nevertheless have happened (no answer, or a gateway error). */
    get mayHaveHappened(): boolean {
        return this.status === undefined || this.status === 502 || this.status === 504;
    }
}

/** True for a vendor error whose write may nevertheless have happened (see `mayHaveHappened`). */
export function mayHaveHappened(e: unknown): boolean {
    return e instanceof VendorError && e.mayHaveHappened;
}

/**
 * True when the vendor refused a write outright (a 4xx answer other than 429: nothing was written),
 * also behind a stop on an unconfirmed fact. A destroy acting on state that may be stale then reads
 * once to decide, so that read is made only where the state was wrong.
 */
export function refusedOutright(e: unknown): boolean {
    const v =
        e instanceof VendorError
            ? e
            : (e as { vendorError?: unknown } | undefined)?.vendorError instanceof VendorError
              ? (e as { vendorError: VendorError }).vendorError
              : undefined;
    // Stryker disable next-line ConditionalExpression: undefined >= 400 is false too; the type needs the test
    return !!v && v.status !== undefined && v.status >= 400 && v.status < 500 && v.status !== 429;
}
