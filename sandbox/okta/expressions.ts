// The part of Okta Expression Language the sandbox evaluates in profile mappings [doc:
// developer.okta.com/docs/reference/okta-expression-language]:
//   user.<attribute>                     the Okta user's profile attribute (null when unset)
//   "text" or 'text'                     string literals
//   a + b                                concatenation (null counts as "")
//   String.toUpperCase(s), String.toLowerCase(s)
//   String.substringBefore(s, sep), String.substringAfter(s, sep)   ("" when sep is absent)
//   String.join(sep, s1, s2, ...)
// Anything else is refused when the mapping is saved (Okta refuses expressions it cannot parse).

type Value = string | null;
type Node = (profile: Record<string, unknown>) => Value;

const str = (v: Value) => v ?? "";

const FUNCTIONS: Record<string, { arity: [number, number]; run: (a: Value[]) => Value }> = {
    "String.toUpperCase": { arity: [1, 1], run: ([s]) => (s === null ? null : s.toUpperCase()) },
    "String.toLowerCase": { arity: [1, 1], run: ([s]) => (s === null ? null : s.toLowerCase()) },
    "String.substringBefore": {
        arity: [2, 2],
        run: ([s, sep]) => {
            const i = str(s).indexOf(str(sep));
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
};

export class ExpressionError extends Error {}

/** Compiles an expression to a function of the Okta user's profile, or throws ExpressionError. */
export function compileExpression(src: string): Node {
    let i = 0;
    const skip = () => {
        while (/\s/.test(src[i] ?? "")) i++;
    };
    const err = (msg: string): never => {
        throw new ExpressionError(`${msg} (position ${i})`);
    };
    const term = (): Node => {
        skip();
        const q = src[i];
        if (q === '"' || q === "'") {
            const end = src.indexOf(q, i + 1);
            if (end < 0) err("Unterminated string literal");
            const text = src.slice(i + 1, end);
            i = end + 1;
            return () => text;
        }
        const m = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*/.exec(src.slice(i));
        if (!m) return err(`Unexpected token '${src[i] ?? "end"}'`);
        i += m[0].length;
        skip();
        if (src[i] === "(") {
            const fn = Object.hasOwn(FUNCTIONS, m[0]) ? FUNCTIONS[m[0]] : undefined;
            if (!fn) return err(`Unknown function ${m[0]}`);
            i++;
            const args: Node[] = [];
            skip();
            if (src[i] === ")") i++;
            else
                for (;;) {
                    args.push(sum());
                    skip();
                    const c = src[i++];
                    if (c === ")") break;
                    if (c !== ",") err("Expected ',' or ')'");
                }
            if (args.length < fn.arity[0] || args.length > fn.arity[1])
                err(`Wrong number of arguments for ${m[0]}`);
            return (p) => fn.run(args.map((a) => a(p)));
        }
        const attr = /^user\.([A-Za-z][A-Za-z0-9_]*)$/.exec(m[0]);
        if (!attr) return err(`Unknown identifier ${m[0]}`);
        const name = attr[1];
        return (p) => {
            const v = Object.hasOwn(p, name) ? p[name] : undefined;
            return v === undefined || v === null ? null : String(v);
        };
    };
    const sum = (): Node => {
        const parts = [term()];
        for (skip(); src[i] === "+"; skip()) {
            i++;
            parts.push(term());
        }
        return parts.length === 1 ? parts[0] : (p) => parts.map((x) => str(x(p))).join("");
    };
    if (!src.trim()) throw new ExpressionError("Empty expression");
    const node = sum();
    skip();
    if (i < src.length) err(`Unexpected token '${src[i]}'`);
    return node;
}
