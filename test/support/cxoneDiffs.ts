// What a CXone provider's diff() tells the engine, in the tests' words: no change, a change made in
// place, or a replacement for the fields named; and the two fields a test judges a diff by.
import type * as pulumi from "@pulumi/pulumi";

export const NO_CHANGE = { changes: false, replaces: [] as string[] };
export const IN_PLACE = { changes: true, replaces: [] as string[] };
export const replacing = (...fields: string[]) => ({ changes: true, replaces: fields });

/** whether the diff changes anything, and what it replaces */
export const verdict = (d: pulumi.dynamic.DiffResult) => ({
    changes: d.changes,
    replaces: d.replaces,
});
