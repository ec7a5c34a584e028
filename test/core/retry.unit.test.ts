// Pure rules of the shared client core: retry, rate-limit waits, Link pagination, Okta's error fields.
import { strict as assert } from "assert";
import fc from "fast-check";
import { backoffMs, defaultRetryPolicy, isRetryable } from "../../provider/core/retry";
import { rateLimitResetMs, rateLimitWaitMs } from "../../provider/core/rateLimit";
import { nextPageUrl, parseLinkHeader } from "../../provider/core/pagination";
import { OktaError, oktaErrorDetails } from "../../provider/okta/errors";

describe("core: retry rules", () => {
    it("repeats 500 only where the vendor's 500 is transient, and only on safe calls", () => {
        assert.equal(isRetryable(500, undefined, true), false);
        assert.equal(isRetryable(500, undefined, true, true), true);
        assert.equal(isRetryable(500, undefined, false, true), false);
        assert.equal(isRetryable(429, undefined, false, true), true);
        assert.equal(isRetryable(400, undefined, true, true), false);
    });
    it("backoff stays within [cap/2, cap] for every attempt", () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 1, max: 40 }),
                fc.double({ min: 0, max: 0.9999, noNaN: true }),
                (attempt, r) => {
                    const cap = Math.min(
                        defaultRetryPolicy.baseDelayMs * 2 ** (attempt - 1),
                        defaultRetryPolicy.maxDelayMs,
                    );
                    const ms = backoffMs(attempt, defaultRetryPolicy, undefined, () => r);
                    return ms >= Math.floor(cap / 2) && ms <= cap;
                },
            ),
        );
    });
    it("the default rate-limit budget covers a whole 60 s window", () => {
        assert.ok(defaultRetryPolicy.rateLimitBudgetMs > 60_000);
    });
});

describe("core: rate-limit waits", () => {
    const date = "Mon, 30 Nov 2026 14:00:00 GMT";
    const serverNow = Date.parse(date);
    it("measures X-Rate-Limit-Reset against the answer's Date, not the local clock (+1 s, as the SDK)", () => {
        const h = { date, "x-rate-limit-reset": String(serverNow / 1000 + 60) };
        // the local clock is 10 minutes off: the wait is still the server's 60 s (+1 s)
        assert.equal(rateLimitResetMs(h, serverNow + 600_000), 61_000);
        assert.equal(rateLimitResetMs(h, serverNow - 600_000), 61_000);
    });
    it("prefers Retry-After where given (seconds or date)", () => {
        assert.equal(
            rateLimitResetMs({ "retry-after": "3", "x-rate-limit-reset": "99999999999" }),
            3000,
        );
        assert.equal(
            rateLimitResetMs(
                { "retry-after": new Date(serverNow + 5000).toUTCString() },
                serverNow,
            ),
            5000,
        );
    });
    it("ignores missing, malformed or duplicated reset headers", () => {
        assert.equal(rateLimitResetMs({}), undefined);
        assert.equal(rateLimitResetMs({ "x-rate-limit-reset": "soon" }), undefined);
        assert.equal(
            rateLimitResetMs({ "x-rate-limit-reset": "1700000000, 1700000001" }),
            undefined,
        );
    });
    it("never waits a negative time; the jitter only adds", () => {
        assert.equal(
            rateLimitResetMs({ date, "x-rate-limit-reset": String(serverNow / 1000 - 30) }),
            0,
        );
        fc.assert(
            fc.property(
                fc.nat(120_000),
                fc.double({ min: 0, max: 0.9999, noNaN: true }),
                (reset, r) => {
                    const w = rateLimitWaitMs(reset, 1000, () => r);
                    return w >= reset && w <= reset + 1000;
                },
            ),
        );
    });
});

describe("core: Link pagination", () => {
    it("reads Okta's self and next links", () => {
        const h =
            '<https://o.okta.com/api/v1/apps?limit=2>; rel="self", <https://o.okta.com/api/v1/apps?after=0oa2&limit=2>; rel="next"';
        assert.deepEqual(parseLinkHeader(h), {
            self: "https://o.okta.com/api/v1/apps?limit=2",
            next: "https://o.okta.com/api/v1/apps?after=0oa2&limit=2",
        });
        assert.deepEqual(
            parseLinkHeader(["<https://a/1>; rel=self", '<https://a/2>; rel="next"']),
            { self: "https://a/1", next: "https://a/2" },
        );
    });
    it("ends on the last page and refuses a next link to another host (credentials stay with the vendor)", () => {
        assert.equal(
            nextPageUrl('<https://o.okta.com/api/v1/apps>; rel="self"', "https://o.okta.com"),
            undefined,
        );
        assert.equal(nextPageUrl(undefined, "https://o.okta.com"), undefined);
        assert.throws(
            () =>
                nextPageUrl(
                    '<https://evil.example/api/v1/apps?after=x>; rel="next"',
                    "https://o.okta.com",
                ),
            /evil\.example/,
        );
    });
});

// the style itself (describeFailure): test/core/errors.unit.test.ts
describe("core: one error style for both vendors", () => {
    it("an OktaError keeps Okta's five fields and scrubs the token from them", () => {
        const token = "00abcdefghijklmnopqrstuvwxyz0123456789ABCD";
        const d = oktaErrorDetails(
            {
                errorCode: "E0000001",
                errorSummary: "Api validation failed: label",
                errorLink: "E0000001",
                errorId: "oaeAbc",
                errorCauses: [{ errorSummary: `label: too long ${token}` }],
                extra: 1,
            },
            [token],
        );
        const e = new OktaError({ operation: 'create app "x"', status: 400, okta: d });
        assert.deepEqual(
            [e.errorCode, e.errorSummary, e.errorLink, e.errorId, e.errorCauses],
            [
                "E0000001",
                "Api validation failed: label",
                "E0000001",
                "oaeAbc",
                [{ errorSummary: "label: too long ***" }],
            ],
        );
        assert.equal(
            e.message,
            'could not create app "x": Okta answered HTTP 400 (code E0000001: Api validation failed: label: label: too long *** [errorId oaeAbc])',
        );
        assert.ok(!e.message.includes(token));
    });
});
