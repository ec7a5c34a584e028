// The one error style of both vendors' clients: the message for each combination of facts, the
// facts kept on the error, and which failures may nevertheless have happened.
import { strict as assert } from "assert";
import { describeFailure, VendorError } from "../../provider/core/errors";

describe("core: VendorError", () => {
    it("no response: says so, with the network code", () => {
        assert.equal(
            describeFailure({
                vendor: "CXone",
                operation: "read role 7",
                status: undefined,
                code: "ECONNRESET",
            }),
            "could not read role 7: no response from CXone (code ECONNRESET)",
        );
    });
    it("a detail without a code, and neither", () => {
        assert.equal(
            describeFailure({ vendor: "Okta", operation: "x", status: 400, detail: "bad label" }),
            "could not x: Okta answered HTTP 400 (bad label)",
        );
        assert.equal(
            describeFailure({ vendor: "Okta", operation: "x", status: 500, attempts: 1 }),
            "could not x: Okta answered HTTP 500",
        );
    });
    it("counts attempts only when there were several", () => {
        assert.equal(
            describeFailure({ vendor: "Okta", operation: "x", status: 503, attempts: 2 }),
            "could not x: Okta answered HTTP 503 (after 2 attempts)",
        );
    });
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
        assert.deepEqual([undefined, 502, 504, 500, 503, 400, 200].map(may), [
            true,
            true,
            true,
            false,
            false,
            false,
            false,
        ]);
    });
});
