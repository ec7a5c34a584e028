// Okta Expression Language as the stack checks it: comparisons, && || !, the ternary, the String,
// Convert and Arrays functions, precedence, the refusals (each naming the character), and, by
// property, that every expression the grammar allows is read back as written by the stack's
// parser and accepted by the sandbox's evaluator.
import { strict as assert } from "assert";
import fc from "fast-check";
import {
    EL_FUNCTIONS,
    parseExpression,
    sourceAttributes,
    type Expr,
} from "../../provider/okta/expressionLanguage";
import { validateMappings } from "../../provider/okta/attributeMappingsLogic";
import {
    compileExpression,
    ExpressionError,
    FUNCTION_ARITIES,
} from "../../sandbox/okta/expressions";

const attr = (name: string): Expr => ({ kind: "attr", name });
const lit = (value: string | number | boolean | null): Expr => ({ kind: "literal", value });

describe("Okta Expression Language: what the stack accepts", () => {
    it("the ternary with comparisons and && (Okta's default primaryEmailType mapping)", () => {
        assert.deepEqual(
            parseExpression("(user.email != null && user.email != '') ? 'work' : ''"),
            {
                kind: "conditional",
                test: {
                    kind: "logical",
                    op: "&&",
                    left: { kind: "compare", op: "!=", left: attr("email"), right: lit(null) },
                    right: { kind: "compare", op: "!=", left: attr("email"), right: lit("") },
                },
                then: lit("work"),
                else: lit(""),
            },
        );
    });

    it("a default time zone, a replace, a number, a length check and an array test", () => {
        assert.deepEqual(parseExpression('user.timezone != null ? user.timezone : "UTC"'), {
            kind: "conditional",
            test: { kind: "compare", op: "!=", left: attr("timezone"), right: lit(null) },
            then: attr("timezone"),
            else: lit("UTC"),
        });
        assert.deepEqual(parseExpression('String.replace(user.login, "@", ".")'), {
            kind: "call",
            fn: "String.replace",
            args: [attr("login"), lit("@"), lit(".")],
        });
        assert.deepEqual(parseExpression("Convert.toInt(user.employeeNumber) >= 1000"), {
            kind: "compare",
            op: ">=",
            left: { kind: "call", fn: "Convert.toInt", args: [attr("employeeNumber")] },
            right: lit(1000),
        });
        assert.deepEqual(
            parseExpression("String.len(user.nickName) > 2.5 || !Arrays.contains(user.tags, 'x')"),
            {
                kind: "logical",
                op: "||",
                left: {
                    kind: "compare",
                    op: ">",
                    left: { kind: "call", fn: "String.len", args: [attr("nickName")] },
                    right: lit(2.5),
                },
                right: {
                    kind: "not",
                    arg: {
                        kind: "call",
                        fn: "Arrays.contains",
                        args: [attr("tags"), lit("x")],
                    },
                },
            },
        );
    });

    it("precedence: ?: < || < && < == != < < > <= >= < + < !; the ternary nests to the right", () => {
        const e = parseExpression("user.a || user.b && user.c == user.d < user.e + user.f");
        assert.deepEqual(e, {
            kind: "logical",
            op: "||",
            left: attr("a"),
            right: {
                kind: "logical",
                op: "&&",
                left: attr("b"),
                right: {
                    kind: "compare",
                    op: "==",
                    left: attr("c"),
                    right: {
                        kind: "compare",
                        op: "<",
                        left: attr("d"),
                        right: { kind: "concat", parts: [attr("e"), attr("f")] },
                    },
                },
            },
        });
        assert.deepEqual(parseExpression("true ? 1 : false ? 2 : null"), {
            kind: "conditional",
            test: lit(true),
            then: lit(1),
            else: { kind: "conditional", test: lit(false), then: lit(2), else: lit(null) },
        });
        assert.deepEqual(parseExpression("!!user.a"), {
            kind: "not",
            arg: { kind: "not", arg: attr("a") },
        });
    });

    it("reads the attributes of every branch", () => {
        assert.deepEqual(
            sourceAttributes(
                parseExpression(
                    "user.a == 'x' ? String.join('-', user.b, user.c) : !(user.d) ? '' : user.e",
                ),
            ),
            ["a", "b", "c", "d", "e"],
        );
    });

    const refusals: [string, string][] = [
        ["user.a ? 'x'", 'expected ":" at character 13'],
        ["user.a ? 'x' :", "expression ends too early at character 15"],
        ["user.a === 'x'", 'unexpected "=" at character 8'],
        ["user.a = 'x'", 'unexpected "=" at character 8'],
        ["user.a & user.b", 'unexpected "&" at character 8'],
        ["user.a | user.b", 'unexpected "|" at character 8'],
        ["-1", 'unexpected "-" at character 1'],
        ["(user.a", 'expected ")" at character 8'],
        ["3x", 'unexpected "x" at character 2'],
        ["String.replace(user.a, 'x')", "String.replace takes 3 arguments, got 2 at character 28"],
        ["Convert.toNum(user.a)", "unsupported function Convert.toNum"],
        ["user.a ! user.b", 'unexpected "!" at character 8'],
    ];
    for (const [src, message] of refusals) {
        it(`refuses ${JSON.stringify(src)}: ${message}`, () => {
            assert.throws(
                () => parseExpression(src),
                (e: Error) => e.message.startsWith(message),
            );
            assert.throws(
                () => compileExpression(src),
                ExpressionError,
                "the sandbox refuses it too",
            );
        });
    }

    it("a refusal in a map names the key the operator typed and the character", () => {
        assert.deepEqual(validateMappings({ timezone: "user.timezone ? 'UTC'" }), [
            {
                key: "timezone",
                reason: `"timezone": malformed expression "user.timezone ? 'UTC'": expected ":" at character 22`,
            },
        ]);
    });

    it("the stack and the sandbox know the same functions with the same argument counts", () => {
        assert.deepEqual(
            Object.fromEntries(Object.entries(EL_FUNCTIONS).map(([k, v]) => [k, [v.min, v.max]])),
            FUNCTION_ARITIES,
        );
    });
});

// ---- by property: every expression of the grammar, printed, is read back as written ----------

const LEVEL: Record<Expr["kind"], number> = {
    conditional: 0,
    logical: 1,
    compare: 3,
    concat: 5,
    not: 6,
    call: 7,
    attr: 7,
    literal: 7,
};
const level = (e: Expr): number =>
    e.kind === "logical"
        ? e.op === "||"
            ? 1
            : 2
        : e.kind === "compare"
          ? e.op === "==" || e.op === "!="
              ? 3
              : 4
          : LEVEL[e.kind];

/** The expression as an operator would write it, with only the parentheses it needs. */
function print(e: Expr): string {
    const wrap = (x: Expr, needs: boolean) => (needs ? `(${print(x)})` : print(x));
    switch (e.kind) {
        case "attr":
            return `user.${e.name}`;
        case "literal":
            return typeof e.value === "string" ? `"${e.value}"` : String(e.value);
        case "call":
            return `${e.fn}(${e.args.map(print).join(", ")})`;
        case "concat":
            return e.parts.map((p) => wrap(p, level(p) <= 5)).join(" + ");
        case "not":
            return `!${wrap(e.arg, level(e.arg) < 6)}`;
        case "conditional":
            return `${wrap(e.test, level(e.test) === 0)} ? ${print(e.then)} : ${print(e.else)}`;
        default: {
            const l = level(e);
            return `${wrap(e.left, level(e.left) < l)} ${e.op} ${wrap(e.right, level(e.right) <= l)}`;
        }
    }
}

const expressions = fc.letrec<{ expr: Expr }>((tie) => {
    const sub = tie("expr");
    const leaf = fc.oneof(
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/).map(attr),
        fc.stringMatching(/^[^"]{0,6}$/).map(lit),
        fc.integer({ min: 0, max: 100_000 }).map((n) => lit(n % 7 === 0 ? n / 100 : n)),
        fc.constantFrom(lit(true), lit(false), lit(null)),
    );
    const call = fc
        .constantFrom(...Object.entries(EL_FUNCTIONS))
        .chain(([fn, sig]) =>
            fc
                .array(sub, { minLength: sig.min, maxLength: Math.min(sig.max, 4) })
                .map((args): Expr => ({ kind: "call", fn, args })),
        );
    return {
        expr: fc.oneof(
            { depthSize: "small", withCrossShrink: true },
            leaf,
            call,
            fc.array(sub, { minLength: 2, maxLength: 3 }).map((parts): Expr => ({
                kind: "concat",
                parts,
            })),
            fc
                .tuple(fc.constantFrom("==", "!=", "<", ">", "<=", ">=" as const), sub, sub)
                .map(([op, left, right]): Expr => ({ kind: "compare", op, left, right })),
            fc
                .tuple(fc.constantFrom("&&", "||" as const), sub, sub)
                .map(([op, left, right]): Expr => ({ kind: "logical", op, left, right })),
            sub.map((arg): Expr => ({ kind: "not", arg })),
            fc.tuple(sub, sub, sub).map(([test, then, otherwise]): Expr => ({
                kind: "conditional",
                test,
                then,
                else: otherwise,
            })),
        ),
    };
}).expr;

describe("Okta Expression Language: by property", () => {
    it("any expression of the grammar, printed, parses back to itself and the sandbox takes it", () => {
        fc.assert(
            fc.property(expressions, (e) => {
                const src = print(e);
                assert.deepEqual(parseExpression(src), e, src);
                const run = compileExpression(src);
                try {
                    run({ a: "x", b: 2, tags: ["x"] });
                } catch (err) {
                    // only Convert.toInt of a non-number may fail for a given user
                    assert.match((err as Error).message, /^Convert\.toInt/, src);
                }
            }),
            { numRuns: 500 },
        );
    });
});
