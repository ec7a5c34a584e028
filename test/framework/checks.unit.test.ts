// The input checks every resource shares (provider/framework/checks.ts), each message and each boundary
// exactly: what an operator reads when an input is wrong, and what passes.
import { strict as assert } from "assert";
import {
    allOf,
    check,
    dotSegments,
    httpsUrl,
    oneOf,
    optionalBoolean,
    optionalNumber,
    optionalString,
    requiredString,
} from "../../provider/framework/checks";
import { containsUnknown, isUnknown, UNKNOWN } from "../../provider/framework/checks";
import type { CheckFailure, Checker } from "../../provider/framework/checks";

/** [value, expected reason or undefined] rows for one checker, at property `p`. */
function table(checker: Checker, rows: [unknown, string | undefined][]): void {
    for (const [value, reason] of rows) {
        assert.equal(checker(value, "p"), reason, JSON.stringify(value));
    }
}

describe("shared input checks: every message and boundary", () => {
    it("the engine's unknown value, alone or anywhere inside a value", () => {
        assert.equal(isUnknown(UNKNOWN), true);
        assert.equal(isUnknown("04da6b54-80e4-46f7-96ec-b56ff0331ba9x"), false);
        assert.equal(containsUnknown(UNKNOWN), true);
        assert.equal(containsUnknown(["a", ["b", UNKNOWN]]), true);
        assert.equal(containsUnknown({ a: { b: [1, UNKNOWN] } }), true);
        assert.equal(containsUnknown({ known: 1, later: UNKNOWN }), true, "one field of several");
        assert.equal(containsUnknown({ a: { b: [1, "x"] }, c: null }), false);
        assert.equal(containsUnknown(["a", 1, null, undefined]), false);
        assert.equal(containsUnknown("plain"), false);
        assert.equal(containsUnknown(0), false);
    });

    it("check(): records the checker's reason under the property; skips unknown and good values", () => {
        const failures: CheckFailure[] = [];
        check(failures, "a.b", 5, () => "a.b is wrong");
        check(failures, "c", UNKNOWN, () => "never asked");
        check(failures, "d", 5, () => undefined);
        check(failures, "e", 5, () => "");
        assert.deepEqual(failures, [{ property: "a.b", reason: "a.b is wrong" }]);
        const seen: [unknown, string][] = [];
        check([], "f", 7, (v, p) => {
            seen.push([v, p]);
            return undefined;
        });
        assert.deepEqual(seen, [[7, "f"]]);
    });

    it("requiredString: a string, not blank, at most max characters", () => {
        table(requiredString(3), [
            ["abc", undefined],
            ["abcd", "p must be at most 3 characters (got 4)"],
            ["", "p is required and must not be empty"],
            ["  \t", "p is required and must not be empty"],
            [undefined, "p is required and must be a string"],
            [null, "p is required and must be a string"],
            [3, "p is required and must be a string"],
        ]);
        assert.equal(requiredString()("x".repeat(10_000), "p"), undefined, "no maximum");
    });

    it("optionalString: absent, or a string of at most max characters (blank allowed)", () => {
        table(optionalString(2), [
            [undefined, undefined],
            [null, undefined],
            ["", undefined],
            ["ab", undefined],
            ["abc", "p must be at most 2 characters (got 3)"],
            [false, "p must be a string"],
            [["a"], "p must be a string"],
        ]);
        assert.equal(optionalString()("x".repeat(10_000), "p"), undefined, "no maximum");
    });

    it("optionalBoolean: absent, true or false; nothing that merely looks like one", () => {
        table(optionalBoolean, [
            [undefined, undefined],
            [null, undefined],
            [true, undefined],
            [false, undefined],
            ["true", "p must be true or false"],
            [0, "p must be true or false"],
        ]);
    });

    it("optionalNumber: absent, or a finite number from min to max, both included", () => {
        table(optionalNumber(1, 10), [
            [undefined, undefined],
            [null, undefined],
            [1, undefined],
            [10, undefined],
            [5.5, undefined],
            [0.999, "p must be a number from 1 to 10"],
            [10.001, "p must be a number from 1 to 10"],
            [NaN, "p must be a number from 1 to 10"],
            [Infinity, "p must be a number from 1 to 10"],
            ["5", "p must be a number from 1 to 10"],
        ]);
        assert.equal(
            optionalNumber(-Infinity, Infinity)(Infinity, "p"),
            "p must be a number from -Infinity to Infinity",
        );
    });

    it("oneOf: one of the allowed strings; absent only when optional", () => {
        const statuses = ["ACTIVE", "INACTIVE"];
        table(oneOf(statuses), [
            [undefined, undefined],
            [null, undefined],
            ["ACTIVE", undefined],
            ["INACTIVE", undefined],
            ["active", "p must be one of ACTIVE, INACTIVE"],
            [1, "p must be one of ACTIVE, INACTIVE"],
        ]);
        table(oneOf(statuses, false), [
            [undefined, "p must be one of ACTIVE, INACTIVE"],
            [null, "p must be one of ACTIVE, INACTIVE"],
            ["ACTIVE", undefined],
        ]);
    });

    it("httpsUrl: an absolute http(s) URL, https off loopback, no credentials; a base has no query", () => {
        table(httpsUrl(), [
            ["https://dev-1.okta.com", undefined],
            ["https://dev-1.okta.com/path?q=1#f", undefined],
            ["http://127.0.0.1:4620/x", undefined],
            [undefined, "p is required and must be an http(s) URL"],
            ["", "p is required and must be an http(s) URL"],
            [42, "p is required and must be an http(s) URL"],
            ["dev-1.okta.com", 'p must be an absolute http(s) URL (got "dev-1.okta.com")'],
            ["ftp://dev-1.okta.com", "p must be an http(s) URL"],
            [
                "http://dev-1.okta.com",
                'p must use https (plain http is accepted only on loopback): "http://dev-1.okta.com"',
            ],
            ["https://user@dev-1.okta.com", "p must not contain credentials"],
            ["https://:pw@dev-1.okta.com", "p must not contain credentials"],
            [
                "https://dev-1.okta.com/a/../b",
                'p must not contain "." or ".." path segments (got "https://dev-1.okta.com/a/../b")',
            ],
        ]);
        table(httpsUrl({ optional: true }), [
            [undefined, undefined],
            [null, undefined],
            ["", "p is required and must be an http(s) URL"],
        ]);
        table(httpsUrl({ base: true }), [
            ["https://a.example/base", undefined],
            ["https://a.example/?q=1", "p must not contain a query or fragment"],
            ["https://a.example/#top", "p must not contain a query or fragment"],
            [null, "p is required and must be an http(s) URL"],
        ]);
    });

    it("dotSegments: a '.' or '..' segment of the path as typed (also percent-encoded); not the host, query or fragment", () => {
        const cases: [string, boolean][] = [
            ["https://a.example/./x", true],
            ["https://a.example/x/..", true],
            ["https://a.example/%2E%2e/x", true],
            ["https://a.example/a.b/..x", false],
            ["https://../a", false], // ".." is the host here, not a path segment
            ["http://.", false],
            ["svn+ssh://../a", false], // any scheme's host
            ["https://a.example/x?y=/../#/./", false],
            ["/./x", true], // no scheme: all path
            ["a/x://../b", true], // a scheme only counts at the start
        ];
        for (const [url, dots] of cases) assert.equal(dotSegments(url), dots, url);
    });

    it("allOf: the first checker's problem, in order; none when all pass", () => {
        const calls: string[] = [];
        const says =
            (name: string, reason?: string): Checker =>
            (v, p) => {
                calls.push(name);
                return reason && `${p} ${reason} (${String(v)})`;
            };
        assert.equal(
            allOf(says("a"), says("b", "second"), says("c", "third"))(1, "p"),
            "p second (1)",
        );
        assert.deepEqual(calls, ["a", "b"]);
        assert.equal(allOf(says("d"), says("e"))(1, "p"), undefined);
        assert.equal(allOf()(1, "p"), undefined);
    });
});
