// A connection test's outcome as the tests assert a pass: the whole test, and each step by name in
// its order (the report is printed when it fails, so the failure reads as the operator sees it).
import { strict as assert } from "assert";
import { formatVerifyResult, type VerifyResult } from "../../provider/verify/verify";

/** The test passed, and so did each of `steps`, in this order, and no other. */
export function assertPassed(result: VerifyResult, steps: string[]): void {
    assert.equal(result.ok, true, formatVerifyResult(result));
    assert.deepEqual(
        result.steps.map((s) => [s.name, s.ok]),
        steps.map((name) => [name, true]),
    );
}
