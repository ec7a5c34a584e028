// Step 1 of the connection test (sign in with the access key): every way CXone can refuse it
// reads, word for word, as the operator's next action, and the later steps are skipped.
import { strict as assert } from "assert";
import { sandboxRegion } from "../../provider/regions";
import {
    formatVerifyResult,
    KEY_USE_NOTE,
    STEP_SCIM,
    STEP_TOKEN,
    STEP_USERHUB,
    verifyConnection,
    type VerifyResult,
} from "../../provider/verify";
import {
    SCRIPTED_KEY_ID,
    SCRIPTED_SECRET,
    SCRIPTED_TOKEN,
    startScriptedCxone,
    tokenWithClaims,
    type ScriptedCxone,
} from "../support/scriptedCxone";

const SANDBOX_HINT =
    "check that the sandbox is running and the URL in .sandbox/endpoints.json is current";

function assertClean(r: VerifyResult) {
    const text = JSON.stringify(r) + formatVerifyResult(r);
    assert.ok(!text.includes(SCRIPTED_SECRET), text);
    assert.ok(!text.includes(SCRIPTED_TOKEN), text);
}

describe("verify: sign-in step, word for word", () => {
    let cx: ScriptedCxone;
    before(async () => {
        cx = await startScriptedCxone();
    });
    after(() => cx.stop());

    const run = () =>
        verifyConnection({
            region: sandboxRegion(cx.url),
            accessKeyId: SCRIPTED_KEY_ID,
            accessKeySecret: SCRIPTED_SECRET,
            timeoutMs: 2000,
        });
    const host = () => `127.0.0.1:${cx.port}`;

    it("a good sign-in names the host, the token's lifetime in minutes and the tenant", async () => {
        cx.script = {
            token: {
                status: 200,
                body: {
                    access_token: tokenWithClaims({ tenantId: "T-42" }),
                    expires_in: 5400,
                },
            },
        };
        const r = await run();
        assert.deepEqual(r.steps[0], {
            name: STEP_TOKEN,
            ok: true,
            detail: `access key ${SCRIPTED_KEY_ID} accepted by ${host()}; token valid for 90 min (tenant T-42)`,
        });
        // a token naming no user cannot ask discovery: step 3 is skipped, the test still passes
        assert.deepEqual(r.steps[2], {
            name: STEP_USERHUB,
            ok: false,
            skipped: true,
            detail: "skipped: the token names no tenant or user, so discovery cannot be asked",
        });
        assert.equal(r.ok, true);
        assert.equal(r.userHubUrl, undefined);
        assert.equal(
            cx.requests.filter((q) => q.url.startsWith("/.well-known")).length,
            0,
            "no discovery without a tenant and a user",
        );
    });

    it("a token without claims: no tenant in the sign-in line", async () => {
        cx.script = { token: { status: 200, body: { access_token: "opaque-token-value-1" } } };
        const r = await run();
        assert.equal(
            r.steps[0].detail,
            `access key ${SCRIPTED_KEY_ID} accepted by ${host()}; token valid for 60 min`,
        );
    });

    it("a token naming a user but no tenant also skips discovery", async () => {
        cx.script = {
            token: { status: 200, body: { access_token: tokenWithClaims({ userId: "U-1" }) } },
        };
        const r = await run();
        assert.equal(r.steps[2].skipped, true);
        assert.equal(r.ok, true);
    });

    const refusals: [string, number, unknown, (id: string, host: string) => string][] = [
        [
            "400 asks for both halves of the key, quoting CXone's code and message",
            400,
            { error: "invalid_request", errorDescription: "accessKeySecret is required" },
            () =>
                "CXone rejected the sign-in request (HTTP 400); CXone said: invalid_request: " +
                "accessKeySecret is required: check that the access key ID and secret are both set",
        ],
        [
            "401 names the key and every reason a key is refused",
            401,
            { error: "invalid_client" },
            (id) =>
                `access key ${id} was rejected (HTTP 401): the secret is wrong, or the key is ` +
                "deactivated or revoked, or its employee is deactivated; if the secret is lost, " +
                "create a new key (it is shown only once); CXone said: invalid_client",
        ],
        [
            "403 points at the employee's activation",
            403,
            { errorDescription: "user is not active" },
            (id) =>
                `access key ${id} may not sign in (HTTP 403): its employee may be inactive ` +
                "(invite and activate it) or the key disabled; CXone said: user is not active",
        ],
        [
            "404 means this host has no sign-in endpoint: check the region",
            404,
            {},
            (_id, h) => `${h} has no access-key sign-in endpoint (HTTP 404): ${SANDBOX_HINT}`,
        ],
        [
            "429 asks to wait",
            429,
            { error: "rate_limited" },
            () => "CXone is rate limiting sign-ins (HTTP 429): wait a minute and try again",
        ],
        [
            "500 is CXone's failure: try again later",
            500,
            {},
            () => "CXone's sign-in service failed (HTTP 500): try again later",
        ],
        [
            "503 quotes CXone's message",
            503,
            { message: "maintenance" },
            () =>
                "CXone's sign-in service failed (HTTP 503): try again later; CXone said: maintenance",
        ],
        [
            "any other status is reported as it came",
            499,
            { code: "odd" },
            () => "sign-in failed with HTTP 499; CXone said: odd",
        ],
        [
            "a status without a body says only the status",
            418,
            {},
            () => "sign-in failed with HTTP 418",
        ],
    ];
    for (const [title, status, body, expected] of refusals) {
        it(title, async () => {
            cx.script = { token: { status, body } };
            const r = await run();
            assert.equal(r.ok, false);
            assert.deepEqual(r.steps, [
                { name: STEP_TOKEN, ok: false, detail: expected(SCRIPTED_KEY_ID, host()) },
                { name: STEP_SCIM, ok: false, skipped: true, detail: "skipped: no token" },
                { name: STEP_USERHUB, ok: false, skipped: true, detail: "skipped: no token" },
            ]);
            assertClean(r);
        });
    }

    it("a 200 without a token is not CXone's access-key endpoint", async () => {
        cx.script = { token: { status: 200, body: "<html>sign in</html>" } };
        const r = await run();
        assert.equal(
            r.steps[0].detail,
            `${host()} answered HTTP 200 without a token: this is not CXone's access-key ` +
                `endpoint; ${SANDBOX_HINT}`,
        );
        assert.equal(r.steps.length, 3);
    });

    it("a missing key ID fails before any request, and says which half is missing", async () => {
        cx.requests.length = 0;
        const r = await verifyConnection({
            region: sandboxRegion(cx.url),
            accessKeyId: "",
            accessKeySecret: SCRIPTED_SECRET,
        });
        assert.deepEqual(r.steps, [
            { name: STEP_TOKEN, ok: false, detail: "the access key ID is missing" },
            { name: STEP_SCIM, ok: false, skipped: true, detail: "skipped: no token" },
        ]);
        assert.equal(r.ok, false);
        assert.deepEqual(cx.requests, []);
        assertClean(r);
    });

    it("the result names the region, key and SCIM URL, and always carries the key-use note", async () => {
        cx.script = {};
        const r = await verifyConnection({
            region: sandboxRegion(cx.url),
            accessKeyId: SCRIPTED_KEY_ID,
            accessKeySecret: "",
        });
        assert.equal(r.steps[0].detail, "the access key secret is missing");
        assert.equal(r.region, "sandbox");
        assert.equal(r.accessKeyId, SCRIPTED_KEY_ID);
        assert.equal(r.scimBaseUrl, `${cx.url}/scim/v2`);
        assert.deepEqual(r.notes, [...sandboxRegion(cx.url).notes, KEY_USE_NOTE]);
    });

    it("a region with inferred URLs says which ones, first among the notes", async () => {
        const base = sandboxRegion(cx.url);
        const region = {
            ...base,
            confidence: {
                ...base.confidence,
                scimBaseUrl: "guess" as const,
                areaUrl: "sdk" as const,
            },
        };
        const r = await verifyConnection({
            region,
            accessKeyId: "",
            accessKeySecret: "",
        });
        assert.deepEqual(r.notes, [
            "not documented by NICE, inferred: scimBaseUrl, areaUrl",
            ...base.notes,
            KEY_USE_NOTE,
        ]);
    });
});
