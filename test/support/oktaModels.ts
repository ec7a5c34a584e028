// Checks an Okta API answer against the official Node SDK's model for it: the SDK's own type map
// (attributeTypeMap, discriminators) says which fields a model declares and with what type.
import * as okta from "@okta/okta-sdk-nodejs";

interface Attribute {
    name: string;
    baseName: string;
    type: string;
}
interface ModelClass {
    getAttributeTypeMap(): Attribute[];
    discriminator?: string;
    mapping?: Record<string, string>;
}

function isModel(v: unknown): v is ModelClass {
    return (
        typeof v === "function" &&
        "getAttributeTypeMap" in v &&
        typeof v.getAttributeTypeMap === "function"
    );
}

function modelOf(type: string): ModelClass | undefined {
    const m: unknown = (okta as Record<string, unknown>)[type];
    return isModel(m) ? m : undefined;
}

/** The concrete model for `data` (Application + signOnMode AUTO_LOGIN -> AutoLoginApplication). */
export function concreteType(data: unknown, type: string): string {
    const m = modelOf(type);
    if (!m?.discriminator || !m.mapping || !data || typeof data !== "object") return type;
    const d = (data as Record<string, unknown>)[m.discriminator];
    return (typeof d === "string" && m.mapping[d]) || type;
}

export interface ModelReport {
    /** declared fields absent from the answer, as dotted paths */
    missing: string[];
    /** present fields whose JSON type differs from the declared one */
    wrongType: string[];
}

function typeProblem(value: unknown, type: string): string | undefined {
    const t = type.replace(/ \| (null|undefined)$/, "");
    if (value === null) return undefined; // Okta sends null for unset optional values [spec: nullable]
    if (t === "string")
        return typeof value === "string" ? undefined : `expected string, got ${typeof value}`;
    if (t === "number")
        return typeof value === "number" ? undefined : `expected number, got ${typeof value}`;
    if (t === "boolean")
        return typeof value === "boolean" ? undefined : `expected boolean, got ${typeof value}`;
    if (t === "Date")
        return typeof value === "string" && !Number.isNaN(Date.parse(value))
            ? undefined
            : "expected an ISO date";
    if (t === "any" || t === "object") return undefined;
    if (t.startsWith("Array<")) return Array.isArray(value) ? undefined : "expected an array";
    if (t.startsWith("{ [key: string]"))
        return typeof value === "object" && !Array.isArray(value)
            ? undefined
            : "expected an object";
    if (modelOf(t))
        return typeof value === "object" && !Array.isArray(value)
            ? undefined
            : "expected an object";
    // an enum: Okta's enums are strings
    return typeof value === "string" ? undefined : `expected an enum string, got ${typeof value}`;
}

/**
 * Walks `data` as the SDK model `type`. Every declared field of the top model (and, with `deep`,
 * of nested models) must be present unless listed in `optional` (dotted paths); every present
 * field must have its declared type, at every depth.
 */
export function checkModel(
    data: unknown,
    type: string,
    optional: string[] = [],
    deep = false,
): ModelReport {
    const report: ModelReport = { missing: [], wrongType: [] };
    walk(data, type, "", true);
    return report;

    function walk(value: unknown, declared: string, path: string, requireAll: boolean): void {
        const problem = typeProblem(value, declared);
        if (problem) {
            report.wrongType.push(`${path || "(answer)"}: ${problem} (${declared})`);
            return;
        }
        if (value === null || value === undefined) return;
        const t = declared.replace(/ \| (null|undefined)$/, "");
        if (t.startsWith("Array<")) {
            const inner = t.slice(6, -1);
            (value as unknown[]).forEach((v, i) => walk(v, inner, `${path}[${i}]`, false));
            return;
        }
        if (t.startsWith("{ [key: string]")) {
            const inner = t.replace(/^\{ \[key: string\]: (.*); \}$/, "$1");
            for (const [k, v] of Object.entries(value as object))
                walk(v, inner, path ? `${path}.${k}` : k, false);
            return;
        }
        const concrete = concreteType(value, t);
        const m = modelOf(concrete);
        if (!m) return;
        const obj = value as Record<string, unknown>;
        for (const a of m.getAttributeTypeMap()) {
            const p = path ? `${path}.${a.baseName}` : a.baseName;
            if (!(a.baseName in obj)) {
                if (requireAll && !optional.includes(p)) report.missing.push(`${p} (${a.type})`);
                continue;
            }
            walk(obj[a.baseName], a.type, p, deep && requireAll);
        }
    }
}
