/** An Okta API call failed. Carries Okta's error code and summary, never the request or token. */
export class OktaError extends Error {
    constructor(
        readonly operation: string,
        readonly status: number | undefined,
        readonly errorCode?: string,
        readonly errorSummary?: string,
    ) {
        super(`Okta: ${operation} failed: ${status ?? "no response"}${errorCode ? ` ${errorCode}` : ""}${errorSummary ? ` (${errorSummary})` : ""}`);
        this.name = "OktaError";
    }
}
