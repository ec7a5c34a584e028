// Which of Okta's rate-limit buckets a call counts against: the key its X-Rate-Limit-* facts are
// kept under in the provider process (provider/core/rateGate.ts).
import { strict as assert } from "assert";
import { oktaRateBucket } from "../../provider/okta/rateBucket";

describe("okta: which bucket a call counts against", () => {
    const org = "https://acme.okta.com";
    it("collections, one object and everything below it, /users/me, the rest", () => {
        assert.equal(oktaRateBucket(`${org}/api/v1/apps?q=x`), `${org}/api/v1/apps`);
        assert.equal(oktaRateBucket(`${org}/api/v1/apps/0oa1`), `${org}/api/v1/apps/{id}`);
        assert.equal(
            oktaRateBucket(`${org}/api/v1/apps/0oa1/groups/00g2`),
            `${org}/api/v1/apps/{id}`,
        );
        assert.equal(
            oktaRateBucket(`${org}/api/v1/groups/00g2/users`),
            `${org}/api/v1/groups/{id}`,
        );
        assert.equal(oktaRateBucket(`${org}/api/v1/users/me`), `${org}/api/v1/users/me`);
        assert.equal(
            oktaRateBucket(`${org}/api/v1/meta/schemas/apps/0oa1/default`),
            `${org}/api/v1/*`,
        );
    });
    it("trailing slashes are dropped; only paths starting at /api/v1 name a family; not a URL: itself", () => {
        assert.equal(oktaRateBucket(`${org}/api/v1/users/me//`), `${org}/api/v1/users/me`);
        assert.equal(oktaRateBucket(`${org}/api/v1/apps//`), `${org}/api/v1/apps`);
        assert.equal(oktaRateBucket(`${org}/proxy/api/v1/apps/0oa1`), `${org}/api/v1/*`);
        assert.equal(oktaRateBucket("not a url"), "not a url");
    });
    it("each org has its own buckets", () => {
        assert.notEqual(
            oktaRateBucket("https://a.okta.com/api/v1/apps"),
            oktaRateBucket("https://b.okta.com/api/v1/apps"),
        );
    });
});
