// pausePromiseStacks: no frames captured until resumed, the program's own limit put back, and
// nothing paused while PULUMI_DEBUG_PROMISE_LEAKS asks the SDK to print its promises' stacks.
import { strict as assert } from "assert";
import { pausePromiseStacks } from "../../provider/framework/promiseStacks";
import { withLeakDebugging } from "../support/stackFrames";

/** Runs `f` with the program's stack limit at `limit`, then puts the original back. */
function withLimit(limit: number, f: () => void): void {
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = limit;
    try {
        f();
    } finally {
        Error.stackTraceLimit = before;
    }
}

describe("pausePromiseStacks", () => {
    it("captures no frames until resumed, then the program's own limit is back", () => {
        withLeakDebugging(undefined, () =>
            withLimit(25, () => {
                const resume = pausePromiseStacks();
                assert.equal(new Error("paused").stack, "Error: paused");
                resume();
                assert.equal(Error.stackTraceLimit, 25);
                assert.match(new Error("resumed").stack ?? "", /\n\s+at /);
            }),
        );
    });

    it("pauses nothing while PULUMI_DEBUG_PROMISE_LEAKS is set: the SDK prints those stacks", () => {
        withLeakDebugging("1", () =>
            withLimit(25, () => {
                const resume = pausePromiseStacks();
                assert.equal(Error.stackTraceLimit, 25);
                resume();
                assert.equal(Error.stackTraceLimit, 25);
            }),
        );
    });
});
