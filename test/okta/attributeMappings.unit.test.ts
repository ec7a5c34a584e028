// Pure logic of attribute mappings: the attribute table, the expression subset, the plan, and the
// bookkeeping that lets destroy give Okta back what it held.
import { strict as assert } from "assert";
import fc from "fast-check";
import {
    changedKeys,
    CXONE_ATTRIBUTES,
    DEFAULT_MAPPINGS,
    formatProblems,
    nextPrevious,
    NICE_USER,
    parseExpression,
    partialUpdate,
    planMappings,
    sourceAttributes,
    validateMappings,
} from "../../provider/okta/attributeMappingsLogic";
import { compileExpression } from "../../sandbox/okta/expressions";

describe("attribute mappings: the CXone attribute table", () => {
    it("every attribute is marked [spec] or [guess] and has a distinct app property", () => {
        const props = Object.values(CXONE_ATTRIBUTES).map((a) => a.appProperty);
        assert.equal(new Set(props).size, props.length);
        for (const a of Object.values(CXONE_ATTRIBUTES))
            assert.match(a.mark, /^\[spec\]$|^\[guess:[a-z0-9-]+\]$/);
    });
    it("covers the attributes of CXone's SCIM schema a mapping can fill (cxone-api.md)", () => {
        for (const k of [
            "name.givenName",
            "name.familyName",
            "emails.work",
            "displayName",
            "timezone",
            "phoneNumbers.work",
            "nice:team",
            "nice:loginAuthenticator",
        ])
            assert.ok(CXONE_ATTRIBUTES[k], k);
        assert.equal(CXONE_ATTRIBUTES["nice:team"].externalNamespace, NICE_USER);
        assert.equal(CXONE_ATTRIBUTES["nice:team"].externalName, "team");
        assert.equal(
            CXONE_ATTRIBUTES["phoneNumbers.work"].externalName,
            "phoneNumbers^[primary==true].value",
        );
    });
    it("the defaults are exactly the seed's fields, with no schema property to add", () => {
        const plan = planMappings();
        assert.deepEqual(plan.mappings, {
            givenName: "user.firstName",
            familyName: "user.lastName",
            email: "user.email",
        });
        assert.deepEqual(plan.schemaProperties, {});
        assert.deepEqual(Object.keys(DEFAULT_MAPPINGS).sort(), [
            "emails.work",
            "name.familyName",
            "name.givenName",
        ]);
    });
    it("a map adds its attributes over the defaults; a default can be remapped", () => {
        const plan = planMappings({
            "nice:team": "user.department",
            "name.givenName": "user.nickName",
        });
        assert.equal(plan.mappings.niceTeam, "user.department");
        assert.equal(plan.mappings.givenName, "user.nickName");
        assert.deepEqual(Object.keys(plan.schemaProperties), ["niceTeam"]);
        assert.equal(plan.schemaProperties.niceTeam.externalNamespace, NICE_USER);
    });
});

describe("attribute mappings: expressions", () => {
    const ok = [
        ["user.department", ["department"]],
        ['"Sales"', []],
        ["'Sales'", []],
        ['user.firstName + " " + user.lastName', ["firstName", "lastName"]],
        ["String.toUpperCase(user.department)", ["department"]],
        ['String.join("-", user.costCenter, user.division)', ["costCenter", "division"]],
        ['String.substringBefore(user.email, "@")', ["email"]],
    ] as const;
    for (const [src, attrs] of ok) {
        it(`accepts ${src}`, () => assert.deepEqual(sourceAttributes(parseExpression(src)), attrs));
    }
    const bad = [
        ["", /empty/],
        ["department", /not an Okta user attribute/],
        ["appuser.department", /not an Okta user attribute/],
        ["user.department +", /ends too early/],
        ['"unterminated', /unterminated/],
        ["String.reverse(user.x)", /unsupported function String\.reverse/],
        ["String.toUpperCase(user.a, user.b)", /takes 1 arguments, got 2/],
        ["user.a user.b", /unexpected "u"/],
        ["${user.department}", /unexpected "\$"/],
    ] as const;
    for (const [src, why] of bad) {
        it(`refuses ${JSON.stringify(src)}`, () => assert.throws(() => parseExpression(src), why));
    }
});

describe("attribute mappings: input checks name the key the user typed", () => {
    it("accepts a good map and no map", () => {
        assert.deepEqual(validateMappings(undefined), []);
        assert.deepEqual(
            validateMappings({ timezone: "user.timezone", "nice:team": "user.department" }),
            [],
        );
    });
    it("unknown attribute, with a suggestion", () => {
        const [p] = validateMappings({ "nice:teams": "user.department" });
        assert.equal(p.key, "nice:teams");
        assert.match(
            p.reason,
            /unknown CXone attribute "nice:teams" \(did you mean "nice:team"\?\)/,
        );
    });
    it("userName is refused with the reason", () => {
        assert.match(validateMappings({ userName: "user.login" })[0].reason, /app username/);
    });
    it("malformed expression and non-string value, all reported at once", () => {
        const problems = validateMappings({
            timezone: "user.",
            "nice:team": 5,
            displayName: "user.displayName",
        });
        assert.deepEqual(
            problems.map((p) => p.key),
            ["timezone", "nice:team"],
        );
        const text = formatProblems(problems, "cxone-okta-scim:attributeMappings");
        assert.match(
            text,
            /cxone-okta-scim:attributeMappings\["timezone"\]: "timezone": malformed expression "user\."/,
        );
        assert.match(text, /cxone-okta-scim:attributeMappings\["nice:team"\]/);
    });
    it("names of Object's own members are neither attributes nor functions", () => {
        assert.match(
            validateMappings({ toString: "user.x" })[0].reason,
            /unknown CXone attribute "toString"/,
        );
        assert.throws(
            () => parseExpression("constructor(user.x)"),
            /unsupported function constructor/,
        );
    });
    it("a list or a string is not a map", () => {
        assert.equal(validateMappings(["timezone"]).length, 1);
        assert.equal(validateMappings("timezone").length, 1);
    });
});

describe("attribute mappings: restore bookkeeping", () => {
    it("records what Okta held before the first write, and keeps the first record", () => {
        const first = nextPrevious({}, ["a", "b"], { a: "user.x" });
        assert.deepEqual(first, { a: { value: "user.x" }, b: {} });
        const later = nextPrevious(first, ["a", "c"], { a: "user.mine", c: "user.c" });
        assert.deepEqual(later, { a: { value: "user.x" }, c: { value: "user.c" } });
    });
    it("a dropped key is put back (value) or removed (null); declared keys win", () => {
        const body = partialUpdate(
            { a: "new" },
            { a: { value: "old" }, b: { value: "was" }, c: {} },
        );
        assert.deepEqual(body, { a: "new", b: "was", c: null });
    });
    it("destroy (nothing declared) gives back exactly the recorded state", () => {
        fc.assert(
            fc.property(
                fc.dictionary(fc.string(), fc.option(fc.string(), { nil: undefined })),
                (rec) => {
                    const recorded = Object.fromEntries(
                        Object.entries(rec).map(([k, v]) => [
                            k,
                            v === undefined ? {} : { value: v },
                        ]),
                    );
                    const body = partialUpdate({}, recorded);
                    for (const [k, v] of Object.entries(rec))
                        assert.equal(body[k], v === undefined ? null : v);
                },
            ),
        );
    });
    it("changedKeys is blind to key order inside a value (no perpetual diff)", () => {
        const a = { p: { title: "T", type: "string" } };
        const b = { p: { type: "string", title: "T" } };
        assert.deepEqual(changedKeys(a, b), []);
        assert.deepEqual(changedKeys(a, { p: { title: "U", type: "string" } }), ["p"]);
    });
    it("changedKeys finds exactly the keys whose values differ", () => {
        fc.assert(
            fc.property(
                fc.dictionary(fc.string(), fc.string()),
                fc.dictionary(fc.string(), fc.string()),
                (a, b) => {
                    const changed = new Set(changedKeys(a, b));
                    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
                        assert.equal(changed.has(k), a[k] !== b[k]);
                },
            ),
        );
    });
});

describe("attribute mappings: the stack's check and the sandbox's Okta agree on expressions", () => {
    // What the stack lets through must be what the emulated Okta accepts, and nothing more.
    const token = fc.constantFrom(
        "user.department",
        "user.firstName",
        "user.",
        "user",
        "appuser.x",
        '"a b"',
        "'x'",
        '"',
        "+",
        " + ",
        ",",
        "(",
        ")",
        " ",
        "String.toUpperCase",
        "String.join",
        "String.reverse",
        "String.substringAfter",
        "1",
        "$",
        "user.1x",
        // comparisons, logic and the ternary, and the functions beyond String's first five
        " ? ",
        ":",
        "==",
        "!=",
        "=",
        "!",
        "&&",
        "||",
        "&",
        "<",
        ">=",
        "null",
        "true",
        "2.5",
        "String.replace",
        "Convert.toInt",
        "String.len",
        "Arrays.contains",
    );
    it("accept exactly the same strings", () => {
        fc.assert(
            fc.property(fc.array(token, { minLength: 1, maxLength: 10 }), (parts) => {
                const src = parts.join("");
                const ours = (() => {
                    try {
                        parseExpression(src);
                        return true;
                    } catch {
                        return false;
                    }
                })();
                const okta = (() => {
                    try {
                        compileExpression(src);
                        return true;
                    } catch {
                        return false;
                    }
                })();
                assert.equal(ours, okta, src);
            }),
            { numRuns: 5000 },
        );
    });
});
