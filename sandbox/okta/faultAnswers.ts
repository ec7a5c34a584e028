// Injected faults answered as Okta answers them: a 429 is E0000047 with X-Rate-Limit-* and a
// reset a window away [doc], and no Retry-After unless the rule asks for one (Okta promises none);
// a 500 is E0000009 [doc]; other statuses get Okta's error body with a fitting code [guess].
import type { FaultAnswer } from "../core/faults";
import { sendOktaError } from "./errors";
import { tooManyRequests } from "./rateLimits";

const SUMMARY: Record<number, [string, string]> = {
    500: ["E0000009", "Internal Server Error"],
    502: ["E0000009", "Internal Server Error"],
    503: ["E0000010", "Service is in read only mode"],
    504: ["E0000009", "Internal Server Error"],
};

export function oktaFaultAnswer(windowSeconds: () => number): FaultAnswer {
    return (res, status, rule) => {
        if (rule.retryAfterSeconds !== undefined)
            res.set("Retry-After", String(rule.retryAfterSeconds));
        if (status === 429) {
            const reset = Math.ceil(Date.now() / 1000 + (rule.resetSeconds ?? windowSeconds()));
            res.set({
                "X-Rate-Limit-Limit": "100",
                "X-Rate-Limit-Remaining": "0",
                "X-Rate-Limit-Reset": String(reset),
            });
            return tooManyRequests(res);
        }
        const [code, summary] = SUMMARY[status] ?? ["E0000009", "Injected fault"];
        sendOktaError(res, status, code, summary);
    };
}
