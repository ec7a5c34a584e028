// Attribute mappings, the exact rules: the parsed expression tree, each refusal with its position,
// the operator-facing problem texts, the plan's schema properties, and the helpers both mapping
// resources share (managed live values, declared fields of a live property, the diff).
import { strict as assert } from "assert";
import fc from "fast-check";
import {
    CORE_USER,
    declaredFields,
    diffManaged,
    formatProblems,
    managedLive,
    NICE_USER,
    nextPrevious,
    parseExpression,
    partialUpdate,
    planMappings,
    validateMappings,
} from "../../provider/okta/attributeMappingsLogic";

const KNOWN =
    "known: name.givenName, name.familyName, emails.work, displayName, timezone, " +
    "phoneNumbers.work, phoneNumbers.mobile, nice:team, nice:loginAuthenticator";

describe("attribute mappings: the parsed expression", () => {
    it("an attribute, a literal of either quote, a call and a concatenation", () => {
        assert.deepEqual(parseExpression("user.department"), { kind: "attr", name: "department" });
        assert.deepEqual(parseExpression("'a \"b\"'"), { kind: "literal", value: 'a "b"' });
        assert.deepEqual(parseExpression('"it\'s"'), { kind: "literal", value: "it's" });
        assert.deepEqual(parseExpression('""'), { kind: "literal", value: "" });
        assert.deepEqual(parseExpression(' String.join ( "-" , user.a,user.b ) + "x" '), {
            kind: "concat",
            parts: [
                {
                    kind: "call",
                    fn: "String.join",
                    args: [
                        { kind: "literal", value: "-" },
                        { kind: "attr", name: "a" },
                        { kind: "attr", name: "b" },
                    ],
                },
                { kind: "literal", value: "x" },
            ],
        });
    });

    it("a call inside a call, and a concatenation as an argument", () => {
        assert.deepEqual(
            parseExpression("String.toLowerCase(String.toUpperCase(user.a) + user.b)"),
            {
                kind: "call",
                fn: "String.toLowerCase",
                args: [
                    {
                        kind: "concat",
                        parts: [
                            {
                                kind: "call",
                                fn: "String.toUpperCase",
                                args: [{ kind: "attr", name: "a" }],
                            },
                            { kind: "attr", name: "b" },
                        ],
                    },
                ],
            },
        );
    });

    it("whitespace anywhere between tokens is ignored (tabs and newlines too)", () => {
        assert.deepEqual(parseExpression("String.toUpperCase( user.a\t)"), {
            kind: "call",
            fn: "String.toUpperCase",
            args: [{ kind: "attr", name: "a" }],
        });
        assert.deepEqual(parseExpression("\tuser.a\n+\n user.b "), {
            kind: "concat",
            parts: [
                { kind: "attr", name: "a" },
                { kind: "attr", name: "b" },
            ],
        });
    });

    const refusals: [string, string][] = [
        ["   ", "the expression is empty"],
        ["user.a +", "expression ends too early at character 9"],
        ["user.a ) ", 'unexpected ")" at character 8'],
        ["'abc", "unterminated string at character 5"],
        [
            "user.a.b",
            '"user.a.b" is not an Okta user attribute (write user.<attribute>, e.g. user.department) at character 9',
        ],
        [
            "user._a",
            '"user._a" is not an Okta user attribute (write user.<attribute>, e.g. user.department) at character 8',
        ],
        [
            "String.nope(user.a)",
            "unsupported function String.nope (supported: String.toUpperCase, String.toLowerCase, " +
                "String.substringBefore, String.substringAfter, String.join, String.replace, " +
                "String.len, Convert.toInt, Arrays.contains) at character 12",
        ],
        ["String.toUpperCase()", "String.toUpperCase takes 1 arguments, got 0 at character 21"],
        ["String.toUpperCase( )", "String.toUpperCase takes 1 arguments, got 0 at character 22"],
        [
            "String.substringAfter(user.a)",
            "String.substringAfter takes 2 arguments, got 1 at character 30",
        ],
        ['String.join("-")', "String.join takes 2 to 20 arguments, got 1 at character 17"],
        ["String.toUpperCase(user.a user.b)", 'expected "," or ")" at character 27'],
        ["String.toUpperCase(user.a", 'expected "," or ")" at character 26'],
        ["String.toUpperCase(,)", 'unexpected "," at character 20'],
    ];
    for (const [src, message] of refusals) {
        it(`refuses ${JSON.stringify(src)}: ${message}`, () => {
            assert.throws(() => parseExpression(src), { message });
        });
    }

    it("String.join takes 2 to 20 arguments", () => {
        const args = (n: number) => Array.from({ length: n }, (_, i) => `user.a${i}`).join(",");
        assert.equal(parseExpression(`String.join(${args(20)})`).kind, "call");
        assert.throws(
            () => parseExpression(`String.join(${args(21)})`),
            /takes 2 to 20 arguments, got 21/,
        );
        assert.equal(parseExpression(`String.substringBefore(${args(2)})`).kind, "call");
        assert.throws(
            () => parseExpression(`String.substringBefore(${args(3)})`),
            /takes 2 arguments, got 3/,
        );
    });

    it("any attribute name of letters, digits and _ after the first letter parses (property)", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/), (name) => {
                assert.deepEqual(parseExpression(`user.${name}`), { kind: "attr", name });
            }),
        );
    });
});

describe("attribute mappings: the problems, in the operator's words", () => {
    it("a map that is not an object: one problem with no key", () => {
        const reason =
            'must be an object of CXone attribute -> Okta expression, e.g. {"nice:team": "user.department"}';
        for (const bad of [null, "x", 5, ["timezone"]]) {
            assert.deepEqual(validateMappings(bad), [{ key: "", reason }]);
        }
        assert.equal(formatProblems([{ key: "", reason }]), `attributeMappings: ${reason}`);
    });

    it("an unknown attribute close to a known one gets a suggestion (case aside)", () => {
        assert.deepEqual(validateMappings({ TimeZone: "user.tz" }), [
            {
                key: "TimeZone",
                reason: `unknown CXone attribute "TimeZone" (did you mean "timezone"?); ${KNOWN}`,
            },
        ]);
        // three edits away still suggests; four does not
        assert.match(
            validateMappings({ timezoneXYZ: "user.a" })[0].reason,
            /did you mean "timezone"/,
        );
        assert.deepEqual(validateMappings({ timezoneWXYZ: "user.a" }), [
            { key: "timezoneWXYZ", reason: `unknown CXone attribute "timezoneWXYZ"; ${KNOWN}` },
        ]);
        assert.match(
            validateMappings({ "emails.wrk": "user.a" })[0].reason,
            /did you mean "emails\.work"/,
        );
        assert.match(
            validateMappings({ "nice:tam": "user.a" })[0].reason,
            /did you mean "nice:team"/,
        );
    });

    it("the suggestion is the nearest key, by edit distance", () => {
        assert.match(
            validateMappings({ "phoneNumbers.mobil": "user.a" })[0].reason,
            /did you mean "phoneNumbers\.mobile"/,
        );
        assert.match(
            validateMappings({ "phoneNumbers.wor": "user.a" })[0].reason,
            /did you mean "phoneNumbers\.work"/,
        );
        assert.match(
            validateMappings({ isplayName: "user.a" })[0].reason,
            /did you mean "displayName"/,
        );
        assert.match(
            validateMappings({ displayNameX: "user.a" })[0].reason,
            /did you mean "displayName"/,
        );
    });

    it("userName: the app username, not a mapping", () => {
        assert.deepEqual(validateMappings({ userName: "user.login" }), [
            {
                key: "userName",
                reason: "userName is the app username (the app's username format in Okta), not a mapping",
            },
        ]);
    });

    it("a value that is not a string, and a malformed one, each named", () => {
        assert.deepEqual(validateMappings({ timezone: 5, displayName: "user." }), [
            {
                key: "timezone",
                reason: '"timezone" must map to an Okta expression string, e.g. "user.department"',
            },
            {
                key: "displayName",
                reason:
                    '"displayName": malformed expression "user.": "user" is not an Okta user ' +
                    "attribute (write user.<attribute>, e.g. user.department) at character 5",
            },
        ]);
    });

    it("formatProblems: one line per problem, under the input's name", () => {
        const problems = [
            { key: "a", reason: "first" },
            { key: "b", reason: "second" },
        ];
        assert.equal(
            formatProblems(problems),
            'attributeMappings["a"]: first\nattributeMappings["b"]: second',
        );
        assert.equal(formatProblems(problems, "cfg:x"), 'cfg:x["a"]: first\ncfg:x["b"]: second');
        assert.equal(formatProblems([]), "");
    });
});

describe("attribute mappings: the plan", () => {
    it("each added attribute is a string schema property with its SCIM name and namespace", () => {
        const plan = planMappings({
            displayName: "user.displayName",
            "phoneNumbers.mobile": "user.mobilePhone",
            "nice:loginAuthenticator": '"SSO"',
        });
        assert.deepEqual(plan.schemaProperties, {
            displayName: {
                title: "Display name",
                type: "string",
                externalName: "displayName",
                externalNamespace: CORE_USER,
            },
            mobilePhone: {
                title: "Mobile phone",
                type: "string",
                externalName: "phoneNumbers^[type=='mobile'].value",
                externalNamespace: CORE_USER,
            },
            niceLoginAuthenticator: {
                title: "CXone login authenticator",
                type: "string",
                externalName: "loginAuthenticator",
                externalNamespace: NICE_USER,
            },
        });
        assert.deepEqual(plan.mappings, {
            displayName: "user.displayName",
            email: "user.email",
            familyName: "user.lastName",
            mobilePhone: "user.mobilePhone",
            niceLoginAuthenticator: '"SSO"',
            givenName: "user.firstName",
        });
    });
});

describe("attribute mappings: what both mapping resources share", () => {
    it("managedLive keeps only the managed keys Okta has", () => {
        assert.deepEqual(managedLive({ a: 1, b: 2, c: 3 }, ["a", "c", "z"]), { a: 1, c: 3 });
        assert.deepEqual(managedLive({ a: 1 }, []), {});
        // an own key holding undefined is still Okta's
        assert.deepEqual(Object.keys(managedLive({ a: undefined }, ["a"])), ["a"]);
    });

    it("declaredFields reduces a live property to what we declare", () => {
        assert.deepEqual(
            declaredFields({
                title: "CXone team",
                type: "string",
                externalName: "team",
                externalNamespace: NICE_USER,
                scope: "NONE",
                master: { type: "PROFILE_MASTER" },
            } as Parameters<typeof declaredFields>[0]),
            {
                title: "CXone team",
                type: "string",
                externalName: "team",
                externalNamespace: NICE_USER,
            },
        );
        // missing fields are empty strings; a live type other than string is kept (a diff shows it)
        assert.deepEqual(declaredFields({ type: "boolean" }), {
            title: "",
            type: "boolean",
            externalName: "",
            externalNamespace: "",
        });
        assert.deepEqual(declaredFields({}), {
            title: "",
            type: undefined,
            externalName: "",
            externalNamespace: "",
        });
    });

    it("diffManaged: another org or app replaces (delete first); a changed property updates", () => {
        const olds = { orgUrl: "https://o", appId: "0oa1", properties: { a: "x" } };
        assert.deepEqual(diffManaged(olds, { ...olds }), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: true,
        });
        assert.deepEqual(diffManaged(olds, { ...olds, appId: "0oa2" }), {
            changes: true,
            replaces: ["appId"],
            deleteBeforeReplace: true,
        });
        assert.deepEqual(diffManaged(olds, { ...olds, orgUrl: "https://p", appId: "0oa2" }), {
            changes: true,
            replaces: ["orgUrl", "appId"],
            deleteBeforeReplace: true,
        });
        assert.deepEqual(diffManaged(olds, { ...olds, properties: { a: "y" } }), {
            changes: true,
            replaces: [],
            deleteBeforeReplace: true,
        });
        assert.deepEqual(
            diffManaged(
                { orgUrl: "o", appId: "a" },
                { orgUrl: "o", appId: "a", properties: { b: 1 } },
            ).changes,
            true,
        );
        assert.deepEqual(
            diffManaged(
                { orgUrl: "o", appId: "a", properties: { b: 1 } },
                { orgUrl: "o", appId: "a" },
            ).changes,
            true,
        );
        assert.deepEqual(
            diffManaged({ orgUrl: "o", appId: "a" }, { orgUrl: "o", appId: "a" }).changes,
            false,
        );
    });

    it("nextPrevious records a live key holding a falsy value as a value", () => {
        assert.deepEqual(nextPrevious({}, ["a", "b"], { a: "", b: 0 }), {
            a: { value: "" },
            b: { value: 0 },
        });
    });

    it("partialUpdate: a restored key that is declared again is not restored", () => {
        assert.deepEqual(partialUpdate({ a: "new" }, { a: {} }), { a: "new" });
        assert.deepEqual(Object.keys(partialUpdate({ b: "2" }, { a: { value: "1" } })), ["a", "b"]);
    });
});
