// CXone's retry rules are the shared ones (provider/core/retry.ts). NICE documents no rate
// limits, so 429 and gateway errors are treated as retryable [guess:cxone-throttling]; CXone's 500 is not retried.
export {
    backoffMs,
    defaultRetryPolicy,
    isRetryable,
    retryAfterMs,
    type RetryPolicy,
} from "../core/retry";
