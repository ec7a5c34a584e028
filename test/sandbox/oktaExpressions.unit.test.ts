// The sandbox's Okta Expression Language evaluator (sandbox/okta/expressions.ts): comparisons,
// && || !, the ternary, String.replace, String.len, Convert.toInt, Arrays.contains, what a
// mapping pushes when its value is null or its evaluation fails, and Okta's own default SCIM
// mapping of primaryEmailType.
import { strict as assert } from "assert";
import {
    compileExpression,
    EvaluationError,
    ExpressionError,
    mappedValue,
    type Value,
} from "../../sandbox/okta/expressions";

const profile = {
    firstName: "Ana",
    lastName: "Agent",
    email: "ana.agent@example.com",
    timezone: null,
    employeeNumber: "1234.5",
    nickName: "",
    groups: ["sales", "emea"],
    level: 3,
    enabled: true,
    sameGroups: ["sales", "emea"],
};

describe("sandbox Okta: Expression Language evaluation", () => {
    const cases: [string, Value][] = [
        // the ternary, as Okta's default SCIM mappings write it
        ["(user.email != null && user.email != '') ? 'work' : ''", "work"],
        ["(user.nickName != null && user.nickName != '') ? 'home' : ''", ""],
        ['user.timezone != null ? user.timezone : "UTC"', "UTC"],
        ['user.missing == null ? "none" : "some"', "none"],
        ["true ? 1 : false ? 2 : 3", 1],
        ["false ? 1 : false ? 2 : 3", 3],
        // comparisons: numbers by value, strings by text, null ordered with nothing
        ["user.level > 2", true],
        ["user.level <= 2", false],
        ["'b' >= 'a'", true],
        ["user.missing < 1", false],
        // each operator on its own, at and either side of equality
        ["2 < 3", true],
        ["3 < 3", false],
        ["user.level > 3", false],
        ["3 <= 3", true],
        ["2 <= 3", true],
        ["3 >= 3", true],
        ["'a' >= 'b'", false],
        ["user.firstName == 'Ana'", true],
        ["user.firstName != 'Ana'", false],
        // a profile's boolean is a boolean; lists compare by their items
        ["user.enabled == true", true],
        ["user.groups == user.sameGroups", true],
        ["user.groups != user.sameGroups", false],
        ["user.groups == user.firstName", false],
        // logic on booleans; anything else counts as false
        ["!(user.level == 3) || user.firstName == 'Ana'", true],
        ["user.firstName && true", false],
        ["!user.missing", true],
        ["!true", false],
        ["!(user.level == 3)", false],
        ["user.firstName == 'Bob' || user.level > 5", false],
        ["false || false", false],
        ["true || false", true],
        ["user.level == 3 || false", true],
        ["user.firstName || false", false],
        // + adds numbers, joins everything else (null as "")
        ["user.level + 2", 5],
        ["user.level + '2'", "32"],
        ["user.missing + 'x'", "x"],
        // the functions
        ['String.replace(user.email, ".", "_")', "ana_agent@example_com"],
        ['String.replace(user.firstName, "a", "$&$&")', "An$&$&"],
        ["String.replace(user.missing, 'a', 'b')", null],
        ["String.len(user.lastName)", 5],
        ["String.len(user.missing)", 0],
        ["Convert.toInt(user.employeeNumber)", 1235],
        ["Convert.toInt('12.4')", 12],
        ["Convert.toInt(user.level)", 3],
        ["Convert.toInt(user.missing)", null],
        ["Arrays.contains(user.groups, 'emea')", true],
        ["Arrays.contains(user.groups, 'apac')", false],
        ["Arrays.contains(user.firstName, 'Ana')", false],
        ["String.len(user.nickName) > 0 ? user.nickName : user.firstName", "Ana"],
        // Okta's documented examples of the case and substring functions
        ['String.toUpperCase("abc")', "ABC"],
        ['String.toLowerCase("ABC")', "abc"],
        ['String.substringBefore("abc@okta.com", "@")', "abc"],
        ['String.substringAfter("abc@okta.com", "@")', "okta.com"],
        ['String.substringAfter("@okta.com", "@")', "okta.com"],
        ['String.join(",", "This", "is", "a", "test")', "This,is,a,test"],
        // spaces inside parentheses
        ["( user.level + 1 )", 4],
    ];
    for (const [src, want] of cases) {
        it(`${src} -> ${JSON.stringify(want)}`, () => {
            assert.deepEqual(compileExpression(src)(profile), want);
        });
    }

    it("a mapping pushes text; null pushes nothing; a failing evaluation pushes nothing", () => {
        assert.equal(mappedValue("user.level + 1", profile), "4");
        assert.equal(mappedValue("user.level > 1", profile), "true");
        assert.equal(mappedValue("user.groups", profile), "sales,emea");
        assert.equal(mappedValue("user.missing", profile), null);
        assert.equal(mappedValue("Convert.toInt(user.firstName)", profile), null);
        assert.throws(() => compileExpression("Convert.toInt(user.firstName)")(profile), {
            message: 'Convert.toInt: "Ana"',
        });
    });

    it("a null input to the case functions pushes nothing", () => {
        assert.equal(mappedValue("String.toUpperCase(user.missing)", profile), null);
        assert.equal(mappedValue("String.toLowerCase(user.timezone)", profile), null);
    });

    it("a substring function whose separator is absent never cuts the text", () => {
        // Okta's docs do not say which of the two it answers: nothing, or the whole text
        for (const f of ["substringBefore", "substringAfter"]) {
            const v = mappedValue(`String.${f}(user.firstName, "@")`, profile);
            assert.ok(v === "" || v === "Ana", `${f}: ${v}`);
        }
    });

    it("a string is never ordered against a number", () => {
        for (const src of ["'3' > 2", "'3' >= 2", "2 < '3'", "user.employeeNumber > 1"])
            assert.notEqual(mappedValue(`(${src}) ? 'yes' : 'no'`, profile), "yes", src);
    });

    it("Convert.toInt of a boolean or blank text fails the mapping", () => {
        for (const src of [
            "Convert.toInt(true)",
            "Convert.toInt(user.enabled)",
            "Convert.toInt(' ')",
        ]) {
            assert.throws(() => compileExpression(src)(profile), EvaluationError, src);
            assert.equal(mappedValue(src, profile), null, src);
        }
    });

    it("malformed expressions are refused when saved, with the position", () => {
        for (const [src, message] of [
            ["String.toUpperCase('a' 'b')", "Expected ',' or ')' (position 24)"],
            ["'abc", "Unterminated string literal (position 0)"],
            ["String.len(3abc)", "Unexpected token 'a' (position 12)"],
            ["user.a +", "Unexpected token 'end' (position 8)"],
            ["user.a + )", "Unexpected token ')' (position 9)"],
            ["!", "Unexpected token '!' (position 0)"],
            ["  ", "Empty expression"],
            ["user.a ? 'x'", "Expected ':' (position 12)"],
            ["user.a ===", "Unexpected token '=' (position 7)"],
            ["String.len()", "Wrong number of arguments for String.len (position 12)"],
            ["Arrays.first(user.a)", "Unknown function Arrays.first (position 12)"],
            ["(user.a", "Expected ')' (position 7)"],
        ]) {
            assert.throws(() => compileExpression(src), { name: "Error", message }, src);
            assert.throws(() => compileExpression(src), ExpressionError, src);
        }
    });
});
