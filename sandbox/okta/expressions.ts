// The part of Okta Expression Language the sandbox evaluates in profile mappings [doc:
// developer.okta.com/docs/reference/okta-expression-language]:
//   user.<attribute>                     the Okta user's profile attribute (null when unset)
//   "text" or 'text', numbers, true, false, null
//   a + b                                numbers add; otherwise concatenation (null counts as "")
//   == != < > <= >=                      comparisons (a null is equal only to null, never ordered)
//   a && b, a || b, !a                   on booleans (anything else counts as false)
//   a ? b : c                            the ternary, as Okta's default SCIM mappings use [seen]
//   String.toUpperCase(s), String.toLowerCase(s)
//   String.substringBefore(s, sep), String.substringAfter(s, sep)   ("" when sep is absent)
//   String.join(sep, s1, s2, ...), String.replace(s, match, replacement) (every occurrence, the
//   match taken literally [guess: Okta's docs show plain text]), String.len(s)
//   Convert.toInt(v)                     rounds half up; a non-number fails the mapping
//   Arrays.contains(array, value)
// Anything else is refused when the mapping is saved (Okta refuses expressions it cannot parse).
// A mapping whose evaluation fails pushes nothing for that property. The grammar is the stack's
// own check's (provider/okta/expressionLanguage.ts) in separate code: the sandbox never imports
// the product.

export type Value = string | number | boolean | null | Value[];
type Node = (profile: Record<string, unknown>) => Value;

export class ExpressionError extends Error {}
/** An expression that parsed but cannot be evaluated for this user (e.g. toInt of "abc"). */
export class EvaluationError extends Error {}

const str = (v: Value): string =>
    v === null ? "" : Array.isArray(v) ? v.map(str).join(",") : String(v);
const same = (a: Value, b: Value): boolean =>
    // Stryker disable next-line ConditionalExpression,LogicalOperator: for two scalars both tests agree; a list never equals a scalar either way
    Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;

function toInt(v: Value): Value {
    if (v === null) return null;
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() ? Number(v) : NaN;
    if (!Number.isFinite(n)) throw new EvaluationError(`Convert.toInt: ${JSON.stringify(v)}`);
    return Math.floor(n + 0.5);
}

const FUNCTIONS: Record<string, { arity: [number, number]; run: (a: Value[]) => Value }> = {
    "String.toUpperCase": {
        arity: [1, 1],
        run: ([s]) => (s === null ? null : str(s).toUpperCase()),
    },
    "String.toLowerCase": {
        arity: [1, 1],
        run: ([s]) => (s === null ? null : str(s).toLowerCase()),
    },
    "String.substringBefore": {
        arity: [2, 2],
        run: ([s, sep]) => {
            const i = str(s).indexOf(str(sep));
            // Stryker disable next-line EqualityOperator: at 0 the slice before it is "" too
            return i < 0 ? "" : str(s).slice(0, i);
        },
    },
    "String.substringAfter": {
        arity: [2, 2],
        run: ([s, sep]) => {
            const i = str(s).indexOf(str(sep));
            return i < 0 ? "" : str(s).slice(i + str(sep).length);
        },
    },
    "String.join": { arity: [2, 20], run: ([sep, ...parts]) => parts.map(str).join(str(sep)) },
    "String.replace": {
        arity: [3, 3],
        run: ([s, match, by]) => (s === null ? null : str(s).replaceAll(str(match), () => str(by))),
    },
    "String.len": { arity: [1, 1], run: ([s]) => str(s).length },
    "Convert.toInt": { arity: [1, 1], run: ([v]) => toInt(v) },
    "Arrays.contains": {
        arity: [2, 2],
        run: ([list, v]) => Array.isArray(list) && list.some((x) => same(x, v)),
    },
};

/** The function names and argument counts the sandbox evaluates (for the agreement tests). */
export const FUNCTION_ARITIES: Readonly<Record<string, readonly [number, number]>> =
    Object.fromEntries(Object.entries(FUNCTIONS).map(([k, f]) => [k, f.arity]));

function compare(op: string, a: Value, b: Value): boolean {
    if (op === "==") return same(a, b);
    if (op === "!=") return !same(a, b);
    const ordered =
        (typeof a === "number" && typeof b === "number") ||
        (typeof a === "string" && typeof b === "string");
    if (!ordered) return false;
    return op === "<" ? a < b : op === ">" ? a > b : op === "<=" ? a <= b : a >= b;
}

const fromProfile = (v: unknown): Value => {
    if (v === undefined || v === null) return null;
    if (Array.isArray(v)) return v.map(fromProfile);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: profile values are JSON strings, numbers, booleans (Okta's schema types); String() of a string is itself
    return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : String(v);
};

const KEYWORDS: Readonly<Record<string, boolean | null>> = { true: true, false: false, null: null };

/** Compiles an expression to a function of the Okta user's profile, or throws ExpressionError. */
export function compileExpression(src: string): Node {
    let i = 0;
    const skip = () => {
        while (/\s/.test(src[i] ?? "")) i++;
    };
    const err = (msg: string): never => {
        throw new ExpressionError(`${msg} (position ${i})`);
    };
    /** Reads `op` when it comes next and is not the start of a longer operator. */
    const eat = (op: string, notBefore = ""): boolean => {
        skip();
        if (!src.startsWith(op, i) || (notBefore && notBefore.includes(src[i + op.length] ?? "")))
            return false;
        i += op.length;
        return true;
    };
    const call = (name: string): Node => {
        const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
        if (!fn) return err(`Unknown function ${name}`);
        i++;
        const args: Node[] = [];
        skip();
        if (src[i] === ")") i++;
        else
            for (;;) {
                args.push(ternary());
                skip();
                const c = src[i++];
                if (c === ")") break;
                if (c !== ",") err("Expected ',' or ')'");
            }
        if (args.length < fn.arity[0] || args.length > fn.arity[1])
            err(`Wrong number of arguments for ${name}`);
        return (p) => fn.run(args.map((a) => a(p)));
    };
    const term = (): Node => {
        skip();
        const q = src[i];
        if (q === '"' || q === "'") {
            const end = src.indexOf(q, i + 1);
            // Stryker disable next-line EqualityOperator: the search starts at i + 1, so end is never 0
            if (end < 0) err("Unterminated string literal");
            const text = src.slice(i + 1, end);
            i = end + 1;
            return () => text;
        }
        if (q === "(") {
            i++;
            const inner = ternary();
            // Stryker disable next-line CallExpression: the operators tried after the last term skipped the spaces already
            skip();
            if (src[i] !== ")") err("Expected ')'");
            i++;
            return inner;
        }
        const num = /^\d+(?:\.\d+)?/.exec(src.slice(i));
        if (num) {
            i += num[0].length;
            if (/[A-Za-z_]/.test(src[i] ?? "")) err(`Unexpected token '${src[i]}'`);
            const n = Number(num[0]);
            return () => n;
        }
        const m = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*/.exec(src.slice(i));
        if (!m) return err(`Unexpected token '${src[i] ?? "end"}'`);
        i += m[0].length;
        skip();
        if (src[i] === "(") return call(m[0]);
        if (Object.hasOwn(KEYWORDS, m[0])) {
            const k = KEYWORDS[m[0]];
            return () => k;
        }
        const attr = /^user\.([A-Za-z][A-Za-z0-9_]*)$/.exec(m[0]);
        if (!attr) return err(`Unknown identifier ${m[0]}`);
        const name = attr[1];
        return (p) => fromProfile(Object.hasOwn(p, name) ? p[name] : undefined);
    };
    const unary = (): Node => {
        if (!eat("!", "=")) return term();
        const a = unary();
        return (p) => a(p) !== true;
    };
    const sum = (): Node => {
        let left = unary();
        while (eat("+")) {
            const [l, r] = [left, unary()];
            left = (p) => {
                const [x, y] = [l(p), r(p)];
                return typeof x === "number" && typeof y === "number" ? x + y : str(x) + str(y);
            };
        }
        return left;
    };
    const comparisons =
        (ops: string[], next: () => Node, notBefore = "") =>
        (): Node => {
            let left = next();
            for (;;) {
                const op = ops.find((o) => eat(o, notBefore));
                if (!op) return left;
                const [l, r] = [left, next()];
                left = (p) => compare(op, l(p), r(p));
            }
        };
    const relational = comparisons(["<=", ">=", "<", ">"], sum);
    const equality = comparisons(["==", "!="], relational, "=");
    const logical = (op: "&&" | "||", next: () => Node) => (): Node => {
        let left = next();
        while (eat(op)) {
            const [l, r] = [left, next()];
            left =
                op === "&&"
                    ? (p) => l(p) === true && r(p) === true
                    : (p) => l(p) === true || r(p) === true;
        }
        return left;
    };
    const or = logical("||", logical("&&", equality));
    function ternary(): Node {
        const test = or();
        if (!eat("?")) return test;
        const yes = ternary();
        if (!eat(":")) err("Expected ':'");
        const no = ternary();
        return (p) => (test(p) === true ? yes(p) : no(p));
    }

    if (!src.trim()) throw new ExpressionError("Empty expression");
    const node = ternary();
    skip();
    if (i < src.length) err(`Unexpected token '${src[i]}'`);
    return node;
}

/** The value a mapping pushes: text, or null for nothing (unset, or an evaluation failure). */
export function mappedValue(expression: string, profile: Record<string, unknown>): string | null {
    try {
        const v = compileExpression(expression)(profile);
        return v === null ? null : str(v);
    } catch {
        return null; // saved expressions always compile; a failing one pushes nothing
    }
}
