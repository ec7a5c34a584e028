// The resources' check() tables: the refusals check() gives for one change to good inputs, as
// [property, reason] pairs, and the rows that state them word for word.
import { strict as assert } from "assert";
import type { CheckFailure } from "../../provider/framework/checks";

type Inputs = Record<string, unknown>;
/** a change to the good inputs, the property refused, and the reason given */
export type CheckRow = [change: Inputs, property: string, reason: string];

/** The [property, reason] pairs `check` gives for `good` with a change applied. */
export function reasonsFor(check: (news: Inputs) => { failures: CheckFailure[] }, good: Inputs) {
    return (change: Inputs): string[][] =>
        check({ ...good, ...change }).failures.map((f) => [f.property, f.reason]);
}

/** Each row's change is refused for exactly its property and reason, and nothing else. */
export function assertRefusals(reasons: (change: Inputs) => string[][], rows: CheckRow[]): void {
    for (const [change, property, reason] of rows)
        assert.deepEqual(reasons(change), [[property, reason]], JSON.stringify(change));
}

/** The row for `property` one character longer than its `max`. */
export function tooLong(property: string, max: number): CheckRow {
    const reason = `${property} must be at most ${max} characters (got ${max + 1})`;
    return [{ [property]: "x".repeat(max + 1) }, property, reason];
}
