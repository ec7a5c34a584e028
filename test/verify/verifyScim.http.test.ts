// Step 2 of the connection test (Okta's SCIM userName lookup): each refusal of CXone's SCIM server
// reads, word for word, as what to fix, and step 3 is skipped.
import { strict as assert } from "assert";
import { sandboxRegion } from "../../provider/regions";
import {
    formatVerifyResult,
    STEP_SCIM,
    STEP_TOKEN,
    STEP_USERHUB,
    verifyConnection,
} from "../../provider/verify";
import {
    SCRIPTED_KEY_ID,
    SCRIPTED_SECRET,
    SCRIPTED_TOKEN,
    startScriptedCxone,
    type ScriptedCxone,
} from "../support/scriptedCxone";

const SANDBOX_HINT =
    "check that the sandbox is running and the URL in .sandbox/endpoints.json is current";
const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

describe("verify: SCIM step, word for word", () => {
    let cx: ScriptedCxone;
    before(async () => {
        cx = await startScriptedCxone();
    });
    after(() => cx.stop());

    const run = (probeUserName?: string) =>
        verifyConnection({
            region: sandboxRegion(cx.url),
            accessKeyId: SCRIPTED_KEY_ID,
            accessKeySecret: SCRIPTED_SECRET,
            timeoutMs: 2000,
            ...(probeUserName ? { probeUserName } : {}),
        });
    const host = () => `127.0.0.1:${cx.port}`;

    it("one match: singular, quoting the userName asked for", async () => {
        cx.script = {
            scim: {
                status: 200,
                body: { schemas: [], totalResults: 1, Resources: [{ id: "u1" }] },
            },
        };
        const r = await run("jane@example.com");
        assert.deepEqual(r.steps[1], {
            name: STEP_SCIM,
            ok: true,
            detail: `${cx.url}/scim/v2 answered the userName lookup Okta makes (1 match for "jane@example.com")`,
        });
        const q = cx.requests.filter((x) => x.url.startsWith("/scim/v2/Users")).at(-1)!;
        assert.equal(
            new URL(q.url, cx.url).searchParams.get("filter"),
            'userName eq "jane@example.com"',
        );
        assert.equal(q.authorization, `Bearer ${SCRIPTED_TOKEN}`);
    });

    it("several matches: plural", async () => {
        cx.script = { scim: { status: 200, body: { totalResults: 2, Resources: [] } } };
        const r = await run("x");
        assert.equal(
            r.steps[1].detail,
            `${cx.url}/scim/v2 answered the userName lookup Okta makes (2 matches for "x")`,
        );
    });

    const refusals: [string, number, unknown, (url: string, host: string) => string][] = [
        [
            "401 after a good sign-in: the tenant is in another region",
            401,
            { schemas: [SCIM_ERROR], status: "401", detail: "token not accepted" },
            (_u, h) =>
                `the SCIM server at ${h} rejected the token (HTTP 401): the key signed in at ${h}, ` +
                `so the tenant is probably in another region; ${SANDBOX_HINT}; CXone said: ` +
                "token not accepted",
        ],
        [
            "403 names the role permission and where to give it",
            403,
            { schemas: [SCIM_ERROR], status: "403" },
            () =>
                `the employee of access key ${SCRIPTED_KEY_ID} lacks permission (HTTP 403): give ` +
                'its role "Employees: Create and Edit" (which switches on "Employees: View") ' +
                "under Admin > Security > Roles and Permissions, then activate the role",
        ],
        [
            "404: no SCIM server at that URL",
            404,
            {},
            (u) => `no SCIM server at ${u} (HTTP 404): ${SANDBOX_HINT}`,
        ],
        [
            "429 asks to wait",
            429,
            {},
            () => "CXone is rate limiting SCIM requests (HTTP 429): wait a minute and try again",
        ],
        [
            "500 is CXone's failure, quoting it",
            500,
            { scimType: "internal", detail: "boom" },
            () =>
                "CXone's SCIM server failed (HTTP 500): try again later; CXone said: internal: boom",
        ],
        [
            "any other status is reported as it came",
            409,
            { scimType: "uniqueness" },
            () => "SCIM request failed with HTTP 409; CXone said: uniqueness",
        ],
        ["499 is not a server failure", 499, {}, () => "SCIM request failed with HTTP 499"],
    ];
    for (const [title, status, body, expected] of refusals) {
        it(title, async () => {
            cx.script = { scim: { status, body } };
            const r = await run();
            assert.equal(r.ok, false);
            assert.deepEqual(r.steps.slice(1), [
                { name: STEP_SCIM, ok: false, detail: expected(`${cx.url}/scim/v2`, host()) },
                { name: STEP_USERHUB, ok: false, skipped: true, detail: "skipped: SCIM failed" },
            ]);
            assert.equal(r.steps[0].name, STEP_TOKEN);
            assert.ok(!(JSON.stringify(r) + formatVerifyResult(r)).includes(SCRIPTED_TOKEN));
        });
    }

    it("a 200 that is not a ListResponse is not CXone's SCIM server", async () => {
        cx.script = { scim: { status: 200, body: { items: [] } } };
        const r = await run();
        assert.equal(
            r.steps[1].detail,
            `${cx.url}/scim/v2/Users answered HTTP 200 but not with a SCIM ListResponse: this is ` +
                `not CXone's SCIM server; ${SANDBOX_HINT}`,
        );
    });
});
