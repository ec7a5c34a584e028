// Okta's error body read into OktaError: the five fields kept, secrets scrubbed, and one message
// that says what failed in the operator's words, with Okta's summary, causes and errorId.
import { strict as assert } from "assert";
import { VendorError } from "../../provider/core/errors";
import { OktaError, oktaErrorDetails } from "../../provider/okta/errors";

describe("oktaErrorDetails: Okta's error body", () => {
    it("keeps the five fields of a full body", () => {
        const body = {
            errorCode: "E0000001",
            errorSummary: "Api validation failed: label",
            errorLink: "E0000001",
            errorId: "oae123",
            errorCauses: [{ errorSummary: "label: too long" }, { errorSummary: "x: bad" }],
            other: "ignored",
        };
        assert.deepEqual(oktaErrorDetails(body, []), {
            errorCode: "E0000001",
            errorSummary: "Api validation failed: label",
            errorLink: "E0000001",
            errorId: "oae123",
            errorCauses: [{ errorSummary: "label: too long" }, { errorSummary: "x: bad" }],
        });
    });

    it("an answer that is not an object has no fields", () => {
        for (const body of [undefined, null, "", "<html>gateway</html>", 42]) {
            assert.deepEqual(oktaErrorDetails(body, []), {}, String(body));
        }
    });

    it("fields that are not text, or empty, are left out; no causes list means no key", () => {
        const d = oktaErrorDetails(
            {
                errorCode: 5,
                errorSummary: "",
                errorId: {},
                errorLink: null,
            },
            [],
        );
        assert.deepEqual(d, {
            errorCode: undefined,
            errorSummary: undefined,
            errorLink: undefined,
            errorId: undefined,
        });
        assert.ok(!("errorCauses" in oktaErrorDetails({ errorCauses: "not a list" }, [])));
    });

    it("causes given as text are kept; empty or odd ones are dropped", () => {
        const d = oktaErrorDetails(
            {
                errorCauses: [
                    "plain cause",
                    { errorSummary: "" },
                    null,
                    { other: 1 },
                    7,
                    { errorSummary: "kept" },
                ],
            },
            [],
        );
        assert.deepEqual(d.errorCauses, [
            { errorSummary: "plain cause" },
            { errorSummary: "kept" },
        ]);
        assert.deepEqual(oktaErrorDetails({ errorCauses: [] }, []).errorCauses, []);
    });

    it("the token and secret-looking text are scrubbed from every field", () => {
        const token = "00aBcDeFgHiJkLmNoP";
        const d = oktaErrorDetails(
            {
                errorCode: `code ${token}`,
                errorSummary: `Invalid token provided: ${token}`,
                errorLink: `link ${token}`,
                errorId: `id ${token}`,
                errorCauses: [{ errorSummary: `client_secret=abc123 and ${token}` }, `${token}`],
            },
            [token],
        );
        assert.ok(!JSON.stringify(d).includes(token), JSON.stringify(d));
        assert.ok(!JSON.stringify(d).includes("abc123"), JSON.stringify(d));
        assert.equal(d.errorSummary, "Invalid token provided: ***");
        assert.equal(d.errorCode, "code ***");
        assert.deepEqual(d.errorCauses?.[1], { errorSummary: "***" });
    });
});

describe("OktaError: the message and fields", () => {
    it("is a VendorError of Okta, with Okta's fields and the attempts", () => {
        const e = new OktaError({
            operation: 'create app "NICE CXone"',
            status: 400,
            okta: {
                errorCode: "E0000001",
                errorSummary: "Api validation failed",
                errorLink: "E0000001",
                errorId: "oae9",
                errorCauses: [{ errorSummary: "label: too long" }],
            },
            attempts: 3,
        });
        assert.ok(e instanceof VendorError && e instanceof Error);
        assert.equal(e.name, "OktaError");
        assert.equal(e.vendor, "Okta");
        assert.equal(e.operation, 'create app "NICE CXone"');
        assert.equal(e.status, 400);
        assert.equal(e.code, "E0000001");
        assert.equal(e.attempts, 3);
        assert.deepEqual(
            [e.errorCode, e.errorSummary, e.errorLink, e.errorId],
            ["E0000001", "Api validation failed", "E0000001", "oae9"],
        );
        assert.deepEqual(e.errorCauses, [{ errorSummary: "label: too long" }]);
        assert.equal(
            e.message,
            'could not create app "NICE CXone": Okta answered HTTP 400 (code E0000001: Api ' +
                "validation failed: label: too long [errorId oae9]) (after 3 attempts)",
        );
    });

    // Okta's words and the client's note become the detail, and the message around it.
    const details: {
        name: string;
        error: ConstructorParameters<typeof OktaError>[0];
        detail: string;
        message: string;
    }[] = [
        {
            name: "several causes are joined; the client's note comes after Okta's words",
            error: {
                operation: "read app 0oa1",
                status: 429,
                okta: {
                    errorSummary: "Too many requests",
                    errorCauses: [{ errorSummary: "a" }, { errorSummary: "b" }],
                },
                detail: "the rate limit resets in 70 s, beyond the wait budget",
            },
            detail: "Too many requests: a; b; the rate limit resets in 70 s, beyond the wait budget",
            message:
                "could not read app 0oa1: Okta answered HTTP 429 (Too many requests: a; b; the rate " +
                "limit resets in 70 s, beyond the wait budget)",
        },
        {
            name: "causes without a summary stand alone",
            error: {
                operation: "x",
                status: 400,
                okta: { errorCauses: [{ errorSummary: "a" }, { errorSummary: "" }] },
            },
            detail: "a",
            message: "could not x: Okta answered HTTP 400 (a)",
        },
        {
            name: "only an errorId: the id alone, no leading space",
            error: { operation: "read app 0oa1", status: 500, okta: { errorId: "oae7" } },
            detail: "[errorId oae7]",
            message: "could not read app 0oa1: Okta answered HTTP 500 ([errorId oae7])",
        },
    ];
    for (const { name, error, detail, message } of details) {
        it(name, () => {
            const e = new OktaError(error);
            assert.equal(e.detail, detail);
            assert.equal(e.message, message);
        });
    }

    it("no answer: the network code as the note; no details, no detail", () => {
        const e = new OktaError({
            operation: "read app 0oa1",
            status: undefined,
            detail: "ECONNRESET",
        });
        assert.equal(e.message, "could not read app 0oa1: no response from Okta (ECONNRESET)");
        assert.equal(e.status, undefined);
        const bare = new OktaError({ operation: "read app 0oa1", status: 403 });
        assert.equal(bare.detail, undefined);
        assert.deepEqual(bare.errorCauses, []);
        assert.equal(bare.attempts, 1);
        assert.equal(bare.message, "could not read app 0oa1: Okta answered HTTP 403");
    });
});
