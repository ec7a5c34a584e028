// Link-header pagination, header shape by header shape: several rels, unquoted and upper-case rels,
// commas inside URLs, junk parts, relative links, and the refusal of another origin.
import { strict as assert } from "assert";
import { nextPageUrl, parseLinkHeader } from "../../provider/core/pagination";

describe("core: Link headers", () => {
    it("nothing usable: no links", () => {
        for (const v of [undefined, null, 42, {}, "", "no links here"])
            assert.deepEqual(parseLinkHeader(v), {}, JSON.stringify(v));
    });
    it("one link with several rels names each; rel names are case-insensitive", () => {
        assert.deepEqual(parseLinkHeader('<https://a/p2>; REL="Next Last"'), {
            next: "https://a/p2",
            last: "https://a/p2",
        });
    });
    it("a comma inside a URL is part of it; parts without a rel are skipped", () => {
        assert.deepEqual(
            parseLinkHeader('<https://a/x?ids=1,2>; rel="next", <https://a/y>; title="t"'),
            { next: "https://a/x?ids=1,2" },
        );
    });
    it("a header not starting with a link is not read; spaces after an unquoted rel are dropped", () => {
        assert.deepEqual(parseLinkHeader('junk <https://a/1>; rel="next"'), {});
        assert.deepEqual(parseLinkHeader("<https://a/4>; rel=next ; title=x"), {
            next: "https://a/4",
        });
        assert.deepEqual(parseLinkHeader('<https://a/5>;rel="next  last"'), {
            next: "https://a/5",
            last: "https://a/5",
        });
    });
    it("extra parameters and spacing around rel are read", () => {
        assert.deepEqual(parseLinkHeader('  <https://a/3> ; type="json" ; rel = next'), {
            next: "https://a/3",
        });
    });
    it("a relative next link is resolved against the vendor's origin", () => {
        assert.equal(
            nextPageUrl('</api/v1/users?after=00u2>; rel="next"', "https://o.okta.com"),
            "https://o.okta.com/api/v1/users?after=00u2",
        );
        assert.equal(
            nextPageUrl(
                ['<https://o.okta.com/api/v1/users?after=3>; rel="next"'],
                "https://o.okta.com/x",
            ),
            "https://o.okta.com/api/v1/users?after=3",
        );
    });
    it("a next link to another port or scheme is another origin: refused, naming both", () => {
        assert.throws(
            () => nextPageUrl('<http://o.okta.com/p>; rel="next"', "https://o.okta.com"),
            {
                message:
                    "the next-page link points to http://o.okta.com, not to https://o.okta.com",
            },
        );
        assert.throws(
            () => nextPageUrl('<https://o.okta.com:8443/p>; rel="next"', "https://o.okta.com"),
            /points to https:\/\/o\.okta\.com:8443, not to https:\/\/o\.okta\.com$/,
        );
    });
});
