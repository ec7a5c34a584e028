// The connection test's terminal report: one line per step marked PASS, FAIL or SKIP, the UserHub
// host when one answered, the notes, and the verdict. Pure formatting, no secret in, none out.
import { strict as assert } from "assert";
import { formatVerifyResult, type VerifyResult } from "../../provider/verify/verify";

const base: VerifyResult = {
    ok: true,
    region: "na1",
    accessKeyId: "AK1",
    scimBaseUrl: "https://na1.nice-incontact.com/scim/v2",
    steps: [],
    notes: [],
};

describe("verify: the terminal report", () => {
    it("a passed test: steps, the UserHub host, notes, verdict", () => {
        const text = formatVerifyResult({
            ...base,
            userHubUrl: "https://api-na1.niceincontact.com",
            steps: [
                { name: "Sign in", ok: true, detail: "accepted" },
                { name: "Find the host", ok: false, skipped: true, detail: "skipped: no claims" },
            ],
            notes: ["first note", "second note"],
        });
        assert.equal(
            text,
            [
                "CXone connection test: region na1, access key AK1",
                "  SCIM base URL: https://na1.nice-incontact.com/scim/v2",
                "  UserHub answered at: https://api-na1.niceincontact.com",
                "  [PASS] Sign in: accepted",
                "  [SKIP] Find the host: skipped: no claims",
                "  note: first note",
                "  note: second note",
                "Connection test passed.",
            ].join("\n"),
        );
    });

    it("a failed test: FAIL marks, no UserHub line, the failed verdict", () => {
        const text = formatVerifyResult({
            ...base,
            ok: false,
            steps: [{ name: "Sign in", ok: false, detail: "HTTP 401" }],
        });
        assert.equal(
            text,
            [
                "CXone connection test: region na1, access key AK1",
                "  SCIM base URL: https://na1.nice-incontact.com/scim/v2",
                "  [FAIL] Sign in: HTTP 401",
                "Connection test FAILED.",
            ].join("\n"),
        );
    });
});
