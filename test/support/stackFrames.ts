// Stacks as V8 formats them: how many frames each had, and the SDK's promise-leak debugging on or
// off for one step (the framework's pausePromiseStacks tests).

/** Runs `f` with PULUMI_DEBUG_PROMISE_LEAKS set to `value` (undefined: unset), then as it was. */
export function withLeakDebugging<T>(value: string | undefined, f: () => T): T {
    const before = process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    if (value === undefined) delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    else process.env.PULUMI_DEBUG_PROMISE_LEAKS = value;
    try {
        return f();
    } finally {
        if (before === undefined) delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
        else process.env.PULUMI_DEBUG_PROMISE_LEAKS = before;
    }
}

/** How many frames each stack formatted while `f` runs had. */
export function framesFormatted(f: () => void): number[] {
    const frames: number[] = [];
    const before = Error.prepareStackTrace;
    Error.prepareStackTrace = (error: Error, stack: NodeJS.CallSite[]) => {
        frames.push(stack.length);
        return String(error);
    };
    try {
        f();
    } finally {
        Error.prepareStackTrace = before;
    }
    return frames;
}
