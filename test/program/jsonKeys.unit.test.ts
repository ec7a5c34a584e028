// A key given twice in a JSON object (JSON.parse keeps the last one, silently) is found, in every
// object of the text, and only keys count: equal values, array items and nested keys of other
// objects do not.
import { strict as assert } from "assert";
import { repeatedKeys } from "../../program/jsonKeys";
import { integrationArgs, SettingsError } from "../../program/settings";

describe("keys given twice in a JSON setting", () => {
    it("finds each repeated key once, in order; escapes and nesting are read as JSON does", () => {
        assert.deepEqual(repeatedKeys('{"a":"x","b":"y","a":"z","b":"w","a":"v"}'), ["a", "b"]);
        assert.deepEqual(repeatedKeys('{"a\\"b":"1","a\\u0022b":"2"}'), ['a"b']);
        assert.deepEqual(repeatedKeys('{"a":{"b":1,"b":2},"c":[{"d":1},{"d":2}]}'), ["b"]);
        assert.deepEqual(repeatedKeys('{"a":"a","b":"a","c":["a","a"]}'), []);
        assert.deepEqual(repeatedKeys('{"x":{"a":1},"a":2}'), []);
        assert.deepEqual(repeatedKeys("[1, 2]"), []);
    });

    it("a list's items are never keys, however often one repeats; a list's end returns to its object", () => {
        assert.deepEqual(repeatedKeys('{"c":["x","y","y","y"]}'), []);
        assert.deepEqual(repeatedKeys('["a","a","a"]'), []);
        // after the list, the object's keys count again
        assert.deepEqual(repeatedKeys('{"a":[1],"b":2,"a":3}'), ["a"]);
        assert.deepEqual(repeatedKeys('{"a":[["b"],{"b":1}],"b":2,"b":3}'), ["b"]);
    });

    /** The refusal of this attributeMappings on the sandbox stack. */
    function refusal(mappings: string): string {
        const get = (k: string) =>
            k === "cxone-okta-scim:attributeMappings" ? mappings : undefined;
        try {
            integrationArgs(get, {
                cxone: { baseUrl: "http://127.0.0.1:4610" },
                okta: { orgUrl: "http://127.0.0.1:4620" },
            });
        } catch (e) {
            assert.ok(e instanceof SettingsError, String(e));
            return e.message;
        }
        assert.fail("accepted");
    }

    it("the root program refuses attributeMappings with a key given twice, naming the key", () => {
        assert.equal(
            refusal(
                '{"nice:team": "user.department", "timezone": "user.timezone", "nice:team": "user.title"}',
            ),
            'cxone-okta-scim:attributeMappings: "nice:team" given more than once; give each CXone attribute one mapping',
        );
        assert.equal(
            refusal(
                '{"timezone": "user.timezone", "nice:team": "user.title", "timezone": "user.locale", "nice:team": "user.department"}',
            ),
            'cxone-okta-scim:attributeMappings: "timezone", "nice:team" given more than once; give each CXone attribute one mapping',
        );
    });
});
