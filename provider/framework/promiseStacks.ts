// While a resource is declared, Pulumi's SDK gives every promise it makes (one per output
// property) a formatted stack, and shows those stacks only when PULUMI_DEBUG_PROMISE_LEAKS is set.
// Its program runner source-maps each one: declaring 401 resources took 3.4-3.9 s, on every `up`
// and `preview`, before the first registration reached the engine (0.6-0.7 s without them). The
// SDK's source position for each resource sets its own stack limit, so it is kept.

/**
 * Stops V8 capturing stack frames until the returned function is called, unless promise-leak
 * debugging is on (PULUMI_DEBUG_PROMISE_LEAKS), where the SDK prints them. Call the returned
 * function in a `finally`: it puts back the limit the program had.
 */
export function pausePromiseStacks(): () => void {
    if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    return () => {
        Error.stackTraceLimit = limit;
    };
}
