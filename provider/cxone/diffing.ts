// Field-by-field diff shared by the CXone resources: pure. `olds` are the resource's last outputs
// (which repeat its inputs, refreshed from CXone by read()), `news` the program's checked inputs.
import { containsUnknown, sameTenant } from "./validation";

/** How a change of one input is applied: in place, or by a new object (replace). */
export type ChangeKind = "update" | "replace";

export interface FieldRule {
    kind: ChangeKind;
    /** equality for this field; defaults to deep JSON equality */
    equals?: (a: unknown, b: unknown) => boolean;
}

/** A field that changes in place. */
export const UPDATE: FieldRule = { kind: "update" };
/** A field whose change needs a new object. */
export const REPLACE: FieldRule = { kind: "replace" };

/** The dynamic provider's DiffResult, plus the field list for tests and messages. */
export interface Diff {
    changes: boolean;
    replaces: string[];
    /** every input that differs (replacing or not) */
    changed: string[];
    deleteBeforeReplace?: boolean;
}

const jsonEqual = (a: unknown, b: unknown): boolean =>
    JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Equality of two string lists regardless of order. */
export const sameSet = (a: unknown, b: unknown): boolean =>
    Array.isArray(a) && Array.isArray(b)
        ? jsonEqual([...a].sort(), [...b].sort())
        : jsonEqual(a, b);

/**
 * Compares the listed fields. An unknown new value (preview) counts as a change of its kind, so
 * preview shows a possible replace rather than hiding it.
 */
export function diffFields(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    rules: Record<string, FieldRule>,
): Diff {
    const changed: string[] = [];
    const replaces: string[] = [];
    for (const [field, rule] of Object.entries(rules)) {
        const a = olds[field];
        const b = news[field];
        const same = !containsUnknown(b) && (rule.equals ?? jsonEqual)(a, b);
        if (same) continue;
        changed.push(field);
        if (rule.kind === "replace") replaces.push(field);
    }
    return { changes: changed.length > 0, replaces, changed };
}

/** The endpoint rule: another tenant replaces the object; only a new apiUrl is an in-place change. */
export function endpointDiff(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): ChangeKind | undefined {
    const a = olds.endpoint as Record<string, unknown> | undefined;
    const b = news.endpoint as Record<string, unknown> | undefined;
    if (containsUnknown(b)) return "replace";
    if (!sameTenant(a, b)) return "replace";
    return jsonEqual(a?.apiUrl, b?.apiUrl) ? undefined : "update";
}

/** Adds the endpoint comparison to a field diff. */
export function withEndpoint(
    d: Diff,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Diff {
    const kind = endpointDiff(olds, news);
    if (!kind) return d;
    return {
        changes: true,
        changed: [...d.changed, "endpoint"],
        replaces: kind === "replace" ? [...d.replaces, "endpoint"] : d.replaces,
    };
}
