// Attribute mappings (provider/okta/attributeMappings*.ts): the attribute table, the expression
// subset with its parsed tree and each refusal at its position, the operator-facing problem texts,
// the plan and its schema properties, the bookkeeping that lets destroy give Okta back what it
// held, the helpers both mapping resources share; and attributeMappings(), the resources a map
// becomes, under Pulumi's mocks (a bad map refused before anything is declared, the builtin pair,
// the @pulumi/okta resources with their exact inputs, provider and ordering).
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
    CORE_USER,
    declaredFields,
    diffManaged,
    managedLive,
} from "../../provider/okta/attributeMappingsLogic";
import { compileExpression } from "../../sandbox/okta/expressions";
import { installMocks } from "../support/pulumiMocks";
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { AppUserSchemaProperties } from "../../provider/okta/appUserSchemaProperties";
import { attributeMappings, checkAttributeMappings } from "../../provider/okta/attributeMappings";
import { ProfileMapping } from "../../provider/okta/profileMapping";

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
    /** Whether this parser takes the source without throwing. */
    const accepts = (parse: (src: string) => unknown, src: string) => {
        try {
            parse(src);
            return true;
        } catch {
            return false;
        }
    };
    it("accept exactly the same strings", () => {
        fc.assert(
            fc.property(fc.array(token, { minLength: 1, maxLength: 10 }), (parts) => {
                const src = parts.join("");
                assert.equal(accepts(parseExpression, src), accepts(compileExpression, src), src);
            }),
            { numRuns: 5000 },
        );
    });
});

// Attribute mappings, the exact rules: the parsed expression tree, each refusal with its position,
// the operator-facing problem texts, the plan's schema properties, and the helpers both mapping
// resources share (managed live values, declared fields of a live property, the diff).
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
    /** An unknown key typed near a known one: its problem suggests the one meant. */
    const suggests = (typed: string, meant: string) =>
        assert.ok(
            validateMappings({ [typed]: "user.a" })[0].reason.includes(`did you mean "${meant}"`),
            typed,
        );
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
        suggests("timezoneXYZ", "timezone");
        assert.deepEqual(validateMappings({ timezoneWXYZ: "user.a" }), [
            { key: "timezoneWXYZ", reason: `unknown CXone attribute "timezoneWXYZ"; ${KNOWN}` },
        ]);
        suggests("emails.wrk", "emails.work");
        suggests("nice:tam", "nice:team");
    });

    it("the suggestion is the nearest key, by edit distance", () => {
        suggests("phoneNumbers.mobil", "phoneNumbers.mobile");
        suggests("phoneNumbers.wor", "phoneNumbers.work");
        suggests("isplayName", "displayName");
        suggests("displayNameX", "displayName");
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

// attributeMappings(), the resources a map becomes, with Pulumi's mocks: a bad map refused before
// anything is declared; the builtin pair (schema first, the mapping after it, both children of the
// component); and the @pulumi/okta resources with their exact inputs, provider and ordering.
/** What the engine receives for one registration (the mocks' view lacks parent and dependencies). */
interface Request {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    provider: string;
    parent: string;
    dependencies: string[];
}
interface Invoked {
    token: string;
    inputs: Record<string, unknown>;
    provider?: string;
}
interface RegisterRequest {
    getName(): string;
    getParent(): string;
    getDependenciesList(): string[];
}

class Parent extends pulumi.ComponentResource {
    constructor(name: string) {
        super("test:index:Parent", name);
    }
}

const value = <T>(o: pulumi.Output<T>): Promise<T> =>
    new Promise((resolve) =>
        o.apply((v) => {
            resolve(v);
            return v;
        }),
    );

describe("attributeMappings(): the resources of a map (mocks)", function () {
    this.timeout(20_000);
    let requests: Request[] = [];
    let invoked: Invoked[] = [];
    let userType: Record<string, unknown> = { id: "oty-default", name: "user" };

    beforeEach(() => {
        requests = [];
        invoked = [];
        userType = { id: "oty-default", name: "user" };
        const pending = new Map<string, { parent: string; dependencies: string[] }>();
        installMocks({
            onRegister(args) {
                const seen = pending.get(args.name) ?? { parent: "", dependencies: [] };
                requests.push({
                    type: args.type,
                    name: args.name,
                    inputs: args.inputs,
                    provider: args.provider ?? "",
                    ...seen,
                });
            },
            call(args) {
                invoked.push({ token: args.token, inputs: args.inputs, provider: args.provider });
                return args.token === "okta:user/getUserType:getUserType" ? userType : {};
            },
        });
        // the parent and dependencies of each request, as the engine would receive them
        const monitor: object | undefined = pulumi.runtime.getMonitor();
        assert.ok(monitor);
        const original: unknown = Reflect.get(monitor, "registerResource");
        assert.ok(typeof original === "function");
        Reflect.set(monitor, "registerResource", (req: RegisterRequest, cb: unknown) => {
            pending.set(req.getName(), {
                parent: req.getParent(),
                dependencies: req.getDependenciesList(),
            });
            return original.call(monitor, req, cb);
        });
    });

    const named = (name: string): Request => {
        const r = requests.find((x) => x.name === name);
        assert.ok(r, `${name} among ${requests.map((x) => x.name).join(", ")}`);
        return r;
    };
    /** Resolves once every resource is registered. */
    const registered = (rs: pulumi.Resource[]) => Promise.all(rs.map((r) => value(r.urn)));

    it("checkAttributeMappings: a bad map is the component's error, naming every bad key", async () => {
        const parent = new Parent("p0");
        const e = (() => {
            try {
                checkAttributeMappings({ "nice:teem": "user.a", timezone: 5 }, parent);
            } catch (x) {
                return x;
            }
            return undefined;
        })();
        assert.ok(e instanceof pulumi.ResourceError, String(e));
        assert.equal(
            e.message,
            'attributeMappings["nice:teem"]: unknown CXone attribute "nice:teem" (did you mean ' +
                '"nice:team"?); known: name.givenName, name.familyName, emails.work, displayName, ' +
                "timezone, phoneNumbers.work, phoneNumbers.mobile, nice:team, " +
                'nice:loginAuthenticator\nattributeMappings["timezone"]: "timezone" must map to an ' +
                'Okta expression string, e.g. "user.department"',
        );
        assert.equal(e.hideStack, true, "an input error, not a crash: no stack trace");
        assert.equal(e.resource, parent);
        checkAttributeMappings(undefined, parent);
        checkAttributeMappings({ "nice:team": "user.department" }, parent);
    });

    it("a bad map declares nothing", async () => {
        const parent = new Parent("p1");
        await value(parent.urn);
        const before = requests.length;
        for (const kind of ["builtin", "pulumi-okta"] as const) {
            assert.throws(
                () =>
                    attributeMappings(
                        "m",
                        {
                            kind,
                            orgUrl: "https://dev-1.okta.com",
                            appId: pulumi.output("0oa1"),
                            mappings: { userName: "user.login" },
                        },
                        parent,
                    ),
                /attributeMappings\["userName"\]: userName is the app username/,
            );
        }
        await new Promise((r) => setTimeout(r, 50));
        assert.equal(requests.length, before);
        assert.equal(invoked.length, 0);
    });

    it("builtin: the schema properties, then the mapping that depends on them, under the component", async () => {
        const parent = new Parent("p2");
        const rs = attributeMappings(
            "m2",
            {
                kind: "builtin",
                orgUrl: "https://dev-1.okta.com",
                appId: pulumi.output("0oa1"),
                mappings: { "nice:team": "user.department" },
            },
            parent,
        );
        assert.equal(rs.length, 2);
        const [schema, mapping] = rs;
        assert.ok(schema instanceof AppUserSchemaProperties);
        assert.ok(mapping instanceof ProfileMapping);
        await registered(rs);
        const parentUrn = await value(parent.urn);
        const s = named("m2-app-user-schema");
        const m = named("m2-profile-mapping");
        assert.equal(s.parent, parentUrn);
        assert.equal(m.parent, parentUrn);
        assert.deepEqual(m.dependencies, [await value(schema.urn)]);
        assert.deepEqual(s.inputs.properties, {
            niceTeam: {
                title: "CXone team",
                type: "string",
                externalName: "team",
                externalNamespace: "urn:ietf:params:scim:schemas:extension:nice:2.0:User",
            },
        });
        assert.deepEqual(m.inputs.properties, {
            email: "user.email",
            familyName: "user.lastName",
            givenName: "user.firstName",
            niceTeam: "user.department",
        });
        assert.deepEqual(
            [s.inputs.orgUrl, s.inputs.appId, m.inputs.orgUrl, m.inputs.appId],
            ["https://dev-1.okta.com", "0oa1", "https://dev-1.okta.com", "0oa1"],
        );
    });

    it("pulumi-okta: one AppUserSchemaProperty per added attribute, then the Mapping, through the given provider", async () => {
        const parent = new Parent("p3");
        const provider = new okta.Provider("okta-p3", { orgName: "dev-1", baseUrl: "okta.com" });
        const rs = attributeMappings(
            "m3",
            {
                kind: "pulumi-okta",
                provider,
                orgUrl: "https://dev-1.okta.com",
                appId: pulumi.output("0oa1"),
                mappings: { "nice:team": "user.department", timezone: "user.timezone" },
            },
            parent,
        );
        assert.equal(rs.length, 3);
        assert.ok(rs[0] instanceof okta.AppUserSchemaProperty);
        assert.ok(rs[1] instanceof okta.AppUserSchemaProperty);
        assert.ok(rs[2] instanceof okta.profile.Mapping);
        await registered(rs);
        const parentUrn = await value(parent.urn);
        const providerRef = `${await value(provider.urn)}::${await value(provider.id)}`;
        const team = named("m3-app-user-schema-niceTeam");
        const tz = named("m3-app-user-schema-timezone");
        assert.deepEqual(team.inputs, {
            appId: "0oa1",
            index: "niceTeam",
            title: "CXone team",
            type: "string",
            externalName: "team",
            externalNamespace: "urn:ietf:params:scim:schemas:extension:nice:2.0:User",
            scope: "NONE",
            master: "PROFILE_MASTER",
        });
        assert.equal(tz.inputs.externalName, "timezone");
        const mapping = named("m3-profile-mapping");
        assert.deepEqual(mapping.inputs, {
            sourceId: "oty-default",
            targetId: "0oa1",
            deleteWhenAbsent: false,
            mappings: [
                { id: "email", expression: "user.email", pushStatus: "PUSH" },
                { id: "familyName", expression: "user.lastName", pushStatus: "PUSH" },
                { id: "givenName", expression: "user.firstName", pushStatus: "PUSH" },
                { id: "niceTeam", expression: "user.department", pushStatus: "PUSH" },
                { id: "timezone", expression: "user.timezone", pushStatus: "PUSH" },
            ],
        });
        for (const r of [team, tz, mapping]) {
            assert.equal(r.parent, parentUrn, r.name);
            assert.equal(r.provider, providerRef, r.name);
        }
        assert.deepEqual(
            [...mapping.dependencies].sort(),
            [await value(rs[0].urn), await value(rs[1].urn)].sort(),
        );
        const lookup = invoked.filter((i) => i.token === "okta:user/getUserType:getUserType");
        assert.equal(lookup.length, 1);
        assert.deepEqual(lookup[0].inputs, { name: "user" });
        assert.equal(lookup[0].provider, providerRef);
    });

    it("pulumi-okta with no map: no schema property, the mapping of the seed's fields", async () => {
        userType = { name: "user" }; // a user type without an id: the mapping's source is empty
        const parent = new Parent("p4");
        const rs = attributeMappings(
            "m4",
            { kind: "pulumi-okta", orgUrl: "https://dev-1.okta.com", appId: pulumi.output("0oa1") },
            parent,
        );
        assert.equal(rs.length, 1);
        await registered(rs);
        const mapping = named("m4-profile-mapping");
        assert.equal(mapping.inputs.sourceId, "");
        assert.equal((mapping.inputs.mappings as unknown[]).length, 3);
        assert.equal(mapping.parent, await value(parent.urn));
    });
});
