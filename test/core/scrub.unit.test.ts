// Secret scrubbing of vendor text, output for output: each secret-looking key, a credential after
// its scheme word, JWTs, the caller's known secrets, and the length bound.
import { strict as assert } from "assert";
import { scrub } from "../../provider/core/scrub";

describe("core: scrubbing secrets from vendor text", () => {
    const cases: [string, string][] = [
        ["secret=abc123 ok", "secret: *** ok"],
        ['{"secret": "abc123", "x": 1}', '{"secret": ***", "x": 1}'],
        ["token: 'tok123'", "token: ***'"],
        ["Password = hunter2!", "Password : ***"],
        ["client_secret:s3cr3t,next", "client_secret: ***,next"],
        ["bearer=xyz", "bearer: ***"],
        [
            "access_key=AK1 accesskeysecret=S1 SSWS=00abc",
            "access_key: *** accesskeysecret: *** SSWS: ***",
        ],
        ["TOKEN:\tvalue9}", "TOKEN: ***}"],
        ["plain words, no secret here", "plain words, no secret here"],
    ];
    for (const [text, expected] of cases) {
        it(`${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () => {
            assert.equal(scrub(text), expected);
        });
    }

    it("removes the credential after its scheme word, with or without a key before it", () => {
        assert.equal(scrub("Authorization: Bearer abc.def-1 sent"), "Authorization: *** sent");
        assert.equal(scrub('"authorization":"SSWS 00tokenAbc"'), '"authorization": ***"');
        assert.equal(scrub("Authorization = Basic dXNlcjpwYXNz"), "Authorization : ***");
        assert.equal(
            scrub("the header was Bearer 00abcdef, refused"),
            "the header was Bearer ***, refused",
        );
        assert.equal(scrub("ssws 00abc and more"), "ssws *** and more");
        assert.equal(scrub("Bearers are people"), "Bearers are people");
    });

    it("replaces every JWT-shaped string, whole", () => {
        assert.equal(
            scrub("a eyJhbGciOi.eyJzdWIiOi.c2lnbmF0 b eyJ00000_-.eyJ11111-_. c"),
            "a *** b *** c",
        );
        // too short to be a JWT: kept
        assert.equal(scrub("v eyJhbGc.eyJz.c2ln w"), "v eyJhbGc.eyJz.c2ln w");
    });

    it("removes the caller's known secrets verbatim, every occurrence, from 4 characters", () => {
        assert.equal(scrub("key abcd, again abcd", ["abcd"]), "key ***, again ***");
        assert.equal(scrub("short abc stays", ["abc", ""]), "short abc stays");
        assert.equal(scrub("one Zx9q two Mm77", ["Zx9q", "Mm77"]), "one *** two ***");
    });

    it("keeps at most 300 characters", () => {
        assert.equal(scrub("x".repeat(400)), "x".repeat(300));
        assert.equal(scrub("y".repeat(300)), "y".repeat(300));
    });
});
