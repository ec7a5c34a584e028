// The SCIM client's pure parts (provider/cxone/scim.ts): the userName filter Okta sends, and how a
// failed request is classified (by kind, host and status) without any secret.
import * as assert from "assert";
import { CxoneRequestError, toRequestError, userNameFilter } from "../../provider/cxone/scim";

const URL_ = "https://na1.nice-incontact.com/scim/v2/Users";

function sysError(code: string, message = code): unknown {
    // the shape axios produces for a failed connection: code on the error and on its cause
    return Object.assign(new Error(message), {
        isAxiosError: true,
        code,
        cause: Object.assign(new Error(message), { code }),
        config: { headers: { Authorization: "Bearer SECRET-TOKEN-123" } },
    });
}

describe("SCIM userName filter", () => {
    it("escapes quotes and backslashes", () => {
        assert.strictEqual(userNameFilter('a"b\\c'), 'userName eq "a\\"b\\\\c"');
    });
});

describe("SCIM request failures are classified without secrets", () => {
    // each kind of failure and the system error codes that are it
    const codesOfKind: Record<string, string[]> = {
        dns: ["ENOTFOUND", "EAI_AGAIN"],
        refused: ["ECONNREFUSED"],
        reset: ["ECONNRESET"],
        timeout: ["ETIMEDOUT", "ECONNABORTED"],
        tls: [
            "CERT_HAS_EXPIRED",
            "DEPTH_ZERO_SELF_SIGNED_CERT",
            "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
            "ERR_TLS_CERT_ALTNAME_INVALID",
        ],
    };
    const cases = Object.entries(codesOfKind).flatMap(([kind, codes]) =>
        codes.map((code) => [code, kind] as const),
    );
    for (const [code, kind] of cases) {
        it(`${code} -> ${kind}, naming the host`, () => {
            const e = toRequestError(sysError(code), "list SCIM users", URL_, ["SECRET-TOKEN-123"]);
            assert.ok(e instanceof CxoneRequestError);
            assert.strictEqual(e.kind, kind);
            assert.strictEqual(e.host, "na1.nice-incontact.com");
            assert.ok(e.message.includes("na1.nice-incontact.com"));
            assert.ok(!JSON.stringify({ ...e, m: e.message }).includes("SECRET-TOKEN-123"));
        });
    }

    it("an HTTP answer keeps status, code and detail, with secrets and JWTs scrubbed", () => {
        const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4eHh4eCJ9.c2lnbmF0dXJl";
        const err = Object.assign(new Error("Request failed"), {
            isAxiosError: true,
            response: {
                status: 401,
                data: {
                    error: "invalid_client",
                    errorDescription: `key my-secret-value rejected, token ${jwt}`,
                },
            },
        });
        const e = toRequestError(err, "obtain a token", URL_, ["my-secret-value"]);
        assert.strictEqual(e.kind, "http");
        assert.strictEqual(e.vendor, "CXone");
        assert.strictEqual(e.status, 401);
        assert.strictEqual(e.code, "invalid_client");
        assert.ok(!e.message.includes("my-secret-value"), e.message);
        assert.ok(!e.message.includes(jwt), e.message);
    });

    it("carries no cause (axios errors hold request headers)", () => {
        const e = toRequestError(sysError("ECONNREFUSED"), "x", URL_, []);
        assert.strictEqual((e as { cause?: unknown }).cause, undefined);
    });
});
