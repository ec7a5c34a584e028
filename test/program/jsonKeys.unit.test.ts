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

    it("the root program refuses attributeMappings with a key given twice, naming the key", () => {
        const get = (k: string) =>
            k === "cxone-okta-scim:attributeMappings"
                ? '{"nice:team": "user.department", "timezone": "user.timezone", "nice:team": "user.title"}'
                : undefined;
        assert.throws(
            () =>
                integrationArgs(get, {
                    cxone: { baseUrl: "http://127.0.0.1:4610" },
                    okta: { orgUrl: "http://127.0.0.1:4620" },
                }),
            (e: unknown) =>
                e instanceof SettingsError &&
                e.message ===
                    'cxone-okta-scim:attributeMappings: "nice:team" given more than once; give each CXone attribute one mapping',
        );
    });
});
