// What a CXone provider's diff() tells the engine, in the tests' words: no change, a change made in
// place, or a replacement for the fields named; and the two fields a test judges a diff by. For the
// pure diffs, also the fields changed, and the tables of one change at a time.
import { strict as assert } from "assert";
import type * as pulumi from "@pulumi/pulumi";

export const NO_CHANGE = { changes: false, replaces: [] as string[] };
export const IN_PLACE = { changes: true, replaces: [] as string[] };
export const replacing = (...fields: string[]) => ({ changes: true, replaces: fields });

/** whether the diff changes anything, and what it replaces */
export const verdict = (d: pulumi.dynamic.DiffResult) => ({
    changes: d.changes,
    replaces: d.replaces,
});

/** a pure diff's three fields: whether it changes, the fields changed, the fields it replaces */
export const kinds = (d: { changes: boolean; changed: string[]; replaces: string[] }) => ({
    changes: d.changes,
    changed: d.changed,
    replaces: d.replaces,
});
export const UNCHANGED = { changes: false, changed: [] as string[], replaces: [] as string[] };

/** one change to the inputs, the fields it changes, and the fields it replaces */
export type DiffRow = [change: Record<string, unknown>, changed: string[], replaces: string[]];

/** Each row's change alone is a diff of exactly its fields (none changed: no change). */
export function assertDiffRows(
    diffOf: (change: Record<string, unknown>) => unknown,
    rows: DiffRow[],
) {
    for (const [change, changed, replaces] of rows)
        assert.deepEqual(
            diffOf(change),
            { changes: changed.length > 0, changed, replaces },
            JSON.stringify(change),
        );
}
