// The one sleep of both clients (retries, rate-limit waits, polling).

/** Resolves after `ms` milliseconds (0 or less resolves on the next turn). */
export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
