// The one error style of both vendors' clients: the message for each combination of facts, the
// facts kept on the error, and which failures may nevertheless have happened.
import { strict as assert } from "assert";
import {
    describeFailure,
    mayHaveHappened,
    refusedOutright,
    VendorError,
} from "../../provider/core/errors";
import type { VendorFailure } from "../../provider/core/errors";
import { CxoneError } from "../../provider/cxone/errors";
import { CxoneRequestError } from "../../provider/cxone/scim";
import { OktaError } from "../../provider/okta/errors";
import { UnconfirmedFactError } from "../../provider/core/unconfirmed";
import { ROLE_CREATE_ROUTE } from "../../provider/cxone/facts";

describe("core: one error style for both vendors", () => {
    // could not <operation>: <vendor> answered HTTP <status> (code <code>: <detail>) (after N attempts)
    const cases: [string, VendorFailure, string][] = [
        [
            "a code and a detail",
            {
                vendor: "Okta",
                operation: "read app 0oa1",
                status: 404,
                code: "E0000007",
                detail: "Not found",
            },
            "could not read app 0oa1: Okta answered HTTP 404 (code E0000007: Not found)",
        ],
        [
            "no response: says so, with the network code",
            { vendor: "CXone", operation: "read role 7", status: undefined, code: "ECONNRESET" },
            "could not read role 7: no response from CXone (code ECONNRESET)",
        ],
        [
            "a detail without a code",
            { vendor: "Okta", operation: "x", status: 400, detail: "bad label" },
            "could not x: Okta answered HTTP 400 (bad label)",
        ],
        [
            "neither a code nor a detail",
            { vendor: "Okta", operation: "x", status: 500, attempts: 1 },
            "could not x: Okta answered HTTP 500",
        ],
        [
            "counts attempts only when there were several",
            { vendor: "Okta", operation: "x", status: 503, attempts: 2 },
            "could not x: Okta answered HTTP 503 (after 2 attempts)",
        ],
    ];
    for (const [name, facts, message] of cases)
        it(name, () => assert.equal(describeFailure(facts), message));
    it("each vendor's error says it so: CXone's answer, Okta's silence", () => {
        assert.equal(
            new CxoneError({
                operation: 'create CXone role "SCIM"',
                status: 409,
                code: "ROLE_NAME_EXISTS",
                detail: "exists",
            }).message,
            'could not create CXone role "SCIM": CXone answered HTTP 409 (code ROLE_NAME_EXISTS: exists)',
        );
        assert.equal(
            new OktaError({
                operation: "delete app 0oa1",
                status: undefined,
                attempts: 6,
                detail: "ECONNRESET",
            }).message,
            "could not delete app 0oa1: no response from Okta (ECONNRESET) (after 6 attempts)",
        );
    });
});

describe("core: VendorError", () => {
    it("keeps every fact on the error; one attempt when not counted", () => {
        const e = new VendorError({
            vendor: "CXone",
            operation: "create role",
            status: 409,
            code: "EXISTS",
            detail: "taken",
        });
        assert.ok(e instanceof Error);
        assert.equal(e.name, "VendorError");
        assert.deepEqual(
            [e.vendor, e.operation, e.status, e.code, e.detail, e.attempts, e.message],
            [
                "CXone",
                "create role",
                409,
                "EXISTS",
                "taken",
                1,
                "could not create role: CXone answered HTTP 409 (code EXISTS: taken)",
            ],
        );
        const retried = new VendorError({
            vendor: "Okta",
            operation: "y",
            status: 429,
            attempts: 4,
        });
        assert.equal(retried.attempts, 4);
        assert.equal(retried.code, undefined);
        assert.equal(retried.detail, undefined);
    });
    it("a write may have happened without an answer, or behind a 502 or 504, not otherwise", () => {
        const may = (status: number | undefined) =>
            new VendorError({ vendor: "Okta", operation: "z", status }).mayHaveHappened;
        const statuses = [undefined, 502, 504, 500, 503, 400, 200];
        const expected = [true, true, true, false, false, false, false];
        assert.deepEqual(statuses.map(may), expected);
        // the function form, as the providers ask it of anything thrown
        const asked = (status: number | undefined) =>
            mayHaveHappened(new CxoneError({ operation: "w", status }));
        assert.deepEqual(statuses.map(asked), expected);
        assert.equal(mayHaveHappened(new Error("x")), false);
        assert.equal(mayHaveHappened(undefined), false);
    });
    it("one family: each vendor's error is a VendorError built from one object of facts", () => {
        const facts = { operation: "list SCIM users", status: 401, detail: "bad key" };
        const family = [
            new CxoneError(facts),
            new OktaError(facts),
            new CxoneRequestError({ ...facts, kind: "http", host: "na1.nice-incontact.com" }),
        ];
        for (const e of family) {
            assert.ok(e instanceof VendorError, e.name);
            assert.deepEqual([e.operation, e.status, e.detail], [facts.operation, 401, "bad key"]);
            assert.match(e.message, /^could not list SCIM users: .*401 \(bad key\)$/, e.name);
        }
        assert.deepEqual(
            family.map((e) => e.vendor),
            ["CXone", "Okta", "CXone"],
        );
        // the connection test names the host it asked, and the kind of failure when none answered
        assert.equal(
            new CxoneRequestError({
                operation: "sign in",
                status: undefined,
                kind: "dns",
                host: "x.example",
                errno: "ENOTFOUND",
            }).message,
            "could not sign in: dns error reaching x.example (ENOTFOUND)",
        );
    });
});

describe("core: refusedOutright", () => {
    const refused = (status: number | undefined) =>
        refusedOutright(new OktaError({ operation: "delete app 0oa1", status }));
    it("a 4xx other than 429 was refused outright; 429, 5xx, 3xx and no answer were not", () => {
        const statuses = [400, 403, 404, 409, 499, 429, 399, 500, 502, 503, undefined];
        assert.deepEqual(statuses.map(refused), [
            ...[true, true, true, true, true],
            ...[false, false, false, false, false, false],
        ]);
    });
    it("also behind a stop on an unconfirmed fact; anything else thrown is not a refusal", () => {
        const stop = (status: number | undefined) =>
            new UnconfirmedFactError({
                operation: 'create CXone role "SCIM"',
                fact: ROLE_CREATE_ROUTE,
                answer: new CxoneError({ operation: 'create CXone role "SCIM"', status }),
                wayOn: ["Make it by hand."],
            });
        assert.equal(refusedOutright(stop(404)), true);
        assert.equal(refusedOutright(stop(503)), false);
        assert.equal(refusedOutright(stop(undefined)), false);
        assert.equal(refusedOutright({ vendorError: new Error("404") }), false);
        assert.equal(refusedOutright({ status: 404 }), false);
        assert.equal(refusedOutright(new Error("HTTP 404")), false);
        assert.equal(refusedOutright(undefined), false);
        assert.equal(refusedOutright(null), false);
    });
});
