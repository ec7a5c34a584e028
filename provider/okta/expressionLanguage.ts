// The part of Okta Expression Language the stack accepts in attribute mappings [doc:
// developer.okta.com "Okta Expression Language"]: `user.<attribute>`, string and number literals,
// true/false/null, `+`, comparisons (== != < > <= >=), `&&`, `||`, `!`, the ternary `a ? b : c`,
// parentheses, and the functions in EL_FUNCTIONS (Okta's own default SCIM mappings use ternaries).
// A small recursive-descent parser: every refusal says what is wrong and at which character. The sandbox's evaluator (sandbox/okta/expressions.ts) has the same grammar in its own
// code; a property test holds the two to accepting exactly the same strings.

/**
 * Functions we accept, with their argument counts [doc: Expression Language reference, String,
 * Convert and Arrays functions]. The sandbox's provisioning engine evaluates the same.
 */
export const EL_FUNCTIONS: Readonly<Record<string, { min: number; max: number }>> = {
    "String.toUpperCase": { min: 1, max: 1 },
    "String.toLowerCase": { min: 1, max: 1 },
    "String.substringBefore": { min: 2, max: 2 },
    "String.substringAfter": { min: 2, max: 2 },
    "String.join": { min: 2, max: 20 },
    "String.replace": { min: 3, max: 3 },
    "String.len": { min: 1, max: 1 },
    "Convert.toInt": { min: 1, max: 1 },
    "Arrays.contains": { min: 2, max: 2 },
};

export type Comparison = "==" | "!=" | "<" | ">" | "<=" | ">=";

/** A parsed expression. `a + b + c` is one concatenation of three parts. */
export type Expr =
    | { kind: "attr"; name: string }
    | { kind: "literal"; value: string | number | boolean | null }
    | { kind: "call"; fn: string; args: Expr[] }
    | { kind: "concat"; parts: Expr[] }
    | { kind: "compare"; op: Comparison; left: Expr; right: Expr }
    | { kind: "logical"; op: "&&" | "||"; left: Expr; right: Expr }
    | { kind: "not"; arg: Expr }
    | { kind: "conditional"; test: Expr; then: Expr; else: Expr };

const KEYWORDS: Readonly<Record<string, boolean | null>> = { true: true, false: false, null: null };

/** Parses an expression or throws an Error saying what is wrong and at which character. */
export function parseExpression(src: string): Expr {
    let i = 0;
    const ws = () => {
        while (/\s/.test(src.charAt(i))) i++; // charAt: "" past the end
    };
    const fail = (what: string): never => {
        throw new Error(`${what} at character ${i + 1}`);
    };
    /** Consumes `op` (after whitespace) when it is next and not the start of a longer operator. */
    const take = (op: string, notBefore = ""): boolean => {
        ws();
        if (!src.startsWith(op, i) || (notBefore && notBefore.includes(src.charAt(i + op.length))))
            return false;
        i += op.length;
        return true;
    };
    const unexpected = () =>
        fail(i >= src.length ? "expression ends too early" : `unexpected "${src[i]}"`);

    const call = (name: string): Expr => {
        const sig = Object.hasOwn(EL_FUNCTIONS, name) ? EL_FUNCTIONS[name] : undefined;
        if (!sig)
            return fail(
                `unsupported function ${name} (supported: ${Object.keys(EL_FUNCTIONS).join(", ")})`,
            );
        i++; // "("
        const args: Expr[] = [];
        ws();
        if (src[i] !== ")") {
            for (;;) {
                args.push(expression()); // stops past the whitespace after its last term
                if (src[i] === ",") {
                    i++;
                    continue;
                }
                if (src[i] === ")") break;
                fail('expected "," or ")"');
            }
        }
        i++;
        if (args.length < sig.min || args.length > sig.max) {
            const want = sig.min === sig.max ? sig.min : `${sig.min} to ${sig.max}`;
            fail(`${name} takes ${want} arguments, got ${args.length}`);
        }
        return { kind: "call", fn: name, args };
    };

    const primary = (): Expr => {
        ws();
        const q = src[i];
        if (q === '"' || q === "'") {
            let value = "";
            // No escapes: a literal ends at the next quote of its kind (as the sandbox reads it).
            for (i++; i < src.length && src[i] !== q; i++) value += src[i];
            if (i >= src.length) fail("unterminated string");
            i++;
            return { kind: "literal", value };
        }
        if (q === "(") {
            i++;
            const inner = expression();
            if (src[i] !== ")") fail('expected ")"');
            i++;
            return inner;
        }
        const num = /^\d+(\.\d+)?/.exec(src.slice(i));
        if (num) {
            i += num[0].length;
            if (/[A-Za-z_]/.test(src.charAt(i))) unexpected();
            return { kind: "literal", value: Number(num[0]) };
        }
        const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
        if (!m) return unexpected();
        const name = m[0];
        i += name.length;
        ws();
        if (src[i] === "(") return call(name);
        if (Object.hasOwn(KEYWORDS, name)) return { kind: "literal", value: KEYWORDS[name] };
        const attr = /^user\.([A-Za-z][A-Za-z0-9_]*)$/.exec(name);
        if (!attr)
            return fail(
                `"${name}" is not an Okta user attribute (write user.<attribute>, e.g. user.department)`,
            );
        return { kind: "attr", name: attr[1] };
    };
    const unary = (): Expr => (take("!", "=") ? { kind: "not", arg: unary() } : primary());
    const sum = (): Expr => {
        const parts = [unary()];
        while (take("+")) parts.push(unary());
        return parts.length === 1 ? parts[0] : { kind: "concat", parts };
    };
    const relational = (): Expr => {
        let left = sum();
        for (;;) {
            const op = (["<=", ">=", "<", ">"] as const).find((o) => take(o));
            if (!op) return left;
            left = { kind: "compare", op, left, right: sum() };
        }
    };
    const equality = (): Expr => {
        let left = relational();
        for (;;) {
            const op = (["==", "!="] as const).find((o) => take(o, "="));
            if (!op) return left;
            left = { kind: "compare", op, left, right: relational() };
        }
    };
    const and = (): Expr => {
        let left = equality();
        while (take("&&")) left = { kind: "logical", op: "&&", left, right: equality() };
        return left;
    };
    const or = (): Expr => {
        let left = and();
        while (take("||")) left = { kind: "logical", op: "||", left, right: and() };
        return left;
    };
    /** A whole expression (the ternary binds loosest); stops past the whitespace after it. */
    const expression = (): Expr => {
        const test = or();
        if (!take("?")) return test;
        const then = expression();
        if (!take(":")) fail('expected ":"');
        const otherwise = expression();
        ws();
        return { kind: "conditional", test, then, else: otherwise };
    };

    if (src.trim() === "") throw new Error("the expression is empty");
    const e = expression();
    ws();
    if (i < src.length) unexpected();
    return e;
}

/** The Okta user attributes an expression reads. */
export function sourceAttributes(e: Expr): string[] {
    switch (e.kind) {
        case "attr":
            return [e.name];
        case "literal":
            return [];
        case "call":
            return e.args.flatMap(sourceAttributes);
        case "concat":
            return e.parts.flatMap(sourceAttributes);
        case "not":
            return sourceAttributes(e.arg);
        case "conditional":
            return [e.test, e.then, e.else].flatMap(sourceAttributes);
        default:
            return [e.left, e.right].flatMap(sourceAttributes);
    }
}
