// The connection test (provider/verify/verify.ts) step by step against the scripted loopback CXone, word
// for word: the sign-in, Okta's SCIM userName lookup, which host answers UserHub, and transport
// failures with no HTTP answer at all. Each outcome reads as the operator's next action, later
// steps are skipped once one fails, and no secret or token reaches the result.
import { strict as assert } from "assert";
import * as http from "http";
import * as net from "net";
import type { AddressInfo } from "net";
import {
    REGION_NAMES,
    sandboxRegion,
    type ResolvedRegion,
} from "../../provider/cxone/discovery/regions";
import {
    formatVerifyResult,
    KEY_USE_NOTE,
    STEP_SCIM,
    STEP_TOKEN,
    STEP_USERHUB,
    verifyConnection,
    type VerifyResult,
} from "../../provider/verify/verify";
import { jwtWith } from "../support/jwt";
import { closedPort } from "../support/loopbackServer";
import {
    SCRIPTED_KEY_ID,
    SCRIPTED_SECRET,
    SCRIPTED_TENANT,
    SCRIPTED_TOKEN,
    SCRIPTED_USER,
    startScriptedCxone,
    type ScriptedCxone,
} from "../support/scriptedCxone";

const SANDBOX_HINT =
    "check that the sandbox is running and the URL in .sandbox/endpoints.json is current";
const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

function assertClean(r: VerifyResult) {
    const text = JSON.stringify(r) + formatVerifyResult(r);
    assert.ok(!text.includes(SCRIPTED_SECRET), text);
    assert.ok(!text.includes(SCRIPTED_TOKEN), text);
}

describe("the connection test against a scripted CXone", () => {
    let cx: ScriptedCxone;
    before(async () => {
        cx = await startScriptedCxone();
    });
    after(() => cx.stop());
    beforeEach(() => {
        cx.script = {};
        cx.requests.length = 0;
    });
    const run = (o: Partial<Parameters<typeof verifyConnection>[0]> = {}) =>
        verifyConnection({
            region: sandboxRegion(cx.url),
            accessKeyId: SCRIPTED_KEY_ID,
            accessKeySecret: SCRIPTED_SECRET,
            timeoutMs: 2000,
            ...o,
        });
    const host = () => `127.0.0.1:${cx.port}`;

    describe("verify: sign-in step, word for word", () => {
        it("a good sign-in names the host, the token's lifetime in minutes and the tenant", async () => {
            cx.script = {
                token: {
                    status: 200,
                    body: {
                        access_token: jwtWith({ tenantId: "T-42" }),
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
                token: { status: 200, body: { access_token: jwtWith({ userId: "U-1" }) } },
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

        it("an error body echoing the secret is scrubbed from the report", async () => {
            cx.script = {
                token: {
                    status: 400,
                    body: { error: "invalid_request", errorDescription: `bad ${SCRIPTED_SECRET}` },
                },
            };
            const r = await run();
            assert.match(r.steps[0].detail, /HTTP 400/);
            assertClean(r);
        });

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
            assert.deepEqual(cx.requests, [], "nothing is sent without the secret");
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

    describe("verify: SCIM step, word for word", () => {
        it("one match: singular, quoting the userName asked for", async () => {
            cx.script = {
                scim: {
                    status: 200,
                    body: { schemas: [], totalResults: 1, Resources: [{ id: "u1" }] },
                },
            };
            const r = await run({ probeUserName: "jane@example.com" });
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

        it("Okta's lookup asks for one match (count=1) of the test's own userName", async () => {
            const r = await run();
            assert.equal(r.ok, true, formatVerifyResult(r));
            const q = new URL(
                cx.requests.find((x) => x.url.startsWith("/scim/v2/Users"))!.url,
                cx.url,
            );
            assert.equal(
                q.searchParams.get("filter"),
                'userName eq "cxone-okta-scim-connection-test@example.invalid"',
            );
            assert.equal(q.searchParams.get("count"), "1");
            assert.ok(formatVerifyResult(r).includes("PASS"));
            assertClean(r);
        });

        it("a SCIM server that never answers: the host and the wait", async () => {
            cx.script = { scim: "hang" };
            const r = await run({ timeoutMs: 300 });
            assert.match(r.steps[1].detail, /^no answer from 127\.0\.0\.1:\d+ within 0\.3 s/);
        });

        it("several matches: plural", async () => {
            cx.script = { scim: { status: 200, body: { totalResults: 2, Resources: [] } } };
            const r = await run({ probeUserName: "x" });
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
                () =>
                    "CXone is rate limiting SCIM requests (HTTP 429): wait a minute and try again",
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
                    {
                        name: STEP_USERHUB,
                        ok: false,
                        skipped: true,
                        detail: "skipped: SCIM failed",
                    },
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

    describe("verify: UserHub step, word for word", () => {
        const derived = () =>
            `api-na1.localhost:${cx.port} (api-{area}.{domain} [sdk:userhub-host])`;
        const apiEndpoint = () => `api-c1.localhost:${cx.port} (api_endpoint [spec])`;
        // a run that fails at the UserHub step (run, not skipped), saying exactly `detail`
        const failsAtUserHub = async (detail: string) => {
            const r = await run();
            assert.equal(r.ok, false);
            assert.deepEqual(r.steps[2], { name: STEP_USERHUB, ok: false, detail });
            return r;
        };

        it("the stack's host answers: passes, naming both answers and the UserHub URL", async () => {
            cx.script = {};
            cx.requests.length = 0;
            const r = await run();
            assert.equal(r.ok, true, formatVerifyResult(r));
            assert.deepEqual(r.steps[2], {
                name: STEP_USERHUB,
                ok: true,
                detail:
                    `UserHub answered at the host the stack uses: ${derived()} answered HTTP 200; ` +
                    `${apiEndpoint()} answered HTTP 404`,
            });
            assert.equal(r.userHubUrl, `http://api-na1.localhost:${cx.port}`);
            // the sandbox region names its issuer as the area host: no correction note
            assert.deepEqual(r.notes, [...sandboxRegion(cx.url).notes, KEY_USE_NOTE]);
            const discovery = cx.requests.find((q) => q.url.startsWith("/.well-known/"))!;
            assert.equal(
                new URL(discovery.url, cx.url).searchParams.get("tenantId"),
                SCRIPTED_TENANT,
            );
            const reads = cx.requests.filter((q) => q.url.includes("/user-management/v1/users/"));
            assert.deepEqual(
                reads.map((q) => [q.host, q.url, q.authorization]),
                [
                    [
                        `api-na1.localhost:${cx.port}`,
                        `/user-management/v1/users/${SCRIPTED_USER}`,
                        `Bearer ${SCRIPTED_TOKEN}`,
                    ],
                    [
                        `api-c1.localhost:${cx.port}`,
                        `/inContactAPI/user-management/v1/users/${SCRIPTED_USER}`,
                        `Bearer ${SCRIPTED_TOKEN}`,
                    ],
                ],
            );
        });

        it("only the other candidate answers: fails, naming the setting to change", async () => {
            cx.script = { derivedUser: 404, apiEndpointUser: 200 };
            const r = await failsAtUserHub(
                'only the other candidate answered: set USER_HUB_HOST in provider/cxone/discovery/regions.ts to "api_endpoint"; ' +
                    `${derived()} answered HTTP 404; ${apiEndpoint()} answered HTTP 200 (the stack uses derived)`,
            );
            assert.equal(r.userHubUrl, `http://api-c1.localhost:${cx.port}/inContactAPI`);
            assert.match(formatVerifyResult(r), /UserHub answered at: http:\/\/api-c1\.localhost/);
        });

        it("neither candidate answers: fails, naming the permission the read needs", async () => {
            cx.script = { derivedUser: 403, apiEndpointUser: 401 };
            const r = await failsAtUserHub(
                `neither candidate answered the key's own user (its role needs "Employees: View"); ` +
                    `${derived()} answered HTTP 403; ${apiEndpoint()} answered HTTP 401 (the stack uses derived)`,
            );
            assert.ok(!("userHubUrl" in r), "no host answered");
        });

        it("a candidate nobody listens on is reported unreachable, with the error", async () => {
            const port = await closedPort();
            cx.script = { apiEndpoint: `http://api-c1.localhost:${port}/inContactAPI` };
            const r = await run();
            assert.equal(r.ok, true);
            assert.equal(
                r.steps[2].detail,
                `UserHub answered at the host the stack uses: ${derived()} answered HTTP 200; ` +
                    `api-c1.localhost:${port} (api_endpoint [spec]) unreachable: refused ECONNREFUSED`,
            );
        });

        it("discovery answering an error fails the step, quoting the error", async () => {
            cx.script = { discovery: { status: 500, body: { message: "down" } } };
            await failsAtUserHub(
                `discovery at 127.0.0.1:${cx.port} failed: could not discover the tenant's hosts: ` +
                    `127.0.0.1:${cx.port} answered HTTP 500 (down)`,
            );
        });

        it("a discovery document without the fields names the missing ones, per candidate", async () => {
            cx.script = { discovery: { status: 200, body: { cluster: "c1" } } };
            const r = await run();
            assert.equal(
                r.steps[2].detail,
                `neither candidate answered the key's own user (its role needs "Employees: View"); ` +
                    'api-{area}.{domain} [sdk:userhub-host] not named: discovery has no "area" and has no ' +
                    '"domain"; api_endpoint [spec] not named: discovery has no "api_endpoint" ' +
                    "(the stack uses derived)",
            );
        });

        it("discovery nobody answers is a transport failure in the operator's words", async () => {
            const port = await closedPort();
            cx.script = {};
            const r = await run({
                region: { ...sandboxRegion(cx.url), issuerUrl: `http://127.0.0.1:${port}` },
            });
            assert.equal(
                r.steps[2].detail,
                `discovery at 127.0.0.1:${port} failed: connection refused by 127.0.0.1:${port}: ` +
                    "nothing listens there; check that the sandbox is running and the URL in " +
                    ".sandbox/endpoints.json is current, and any firewall or proxy",
            );
            assert.equal(r.ok, false);
        });

        it("an issuer that is not a URL is named as typed", async () => {
            cx.script = {};
            const r = await run({
                region: { ...sandboxRegion(cx.url), issuerUrl: "cxone issuer" },
            });
            assert.match(r.steps[2].detail, /^discovery at cxone issuer failed: could not reach /);
        });

        it("a real region whose table disagrees with discovery gets a correction note", async () => {
            cx.script = {};
            const r = await run({ region: { ...sandboxRegion(cx.url), region: "na1" } });
            assert.equal(r.ok, true, formatVerifyResult(r));
            assert.equal(
                r.notes.at(-1),
                `discovery names the area host na1.localhost:${cx.port}, the region table ` +
                    `127.0.0.1:${cx.port}: the region table may need a correction`,
            );
        });

        it("a real region that agrees with discovery gets no note", async () => {
            cx.script = {};
            const region = { ...sandboxRegion(cx.url), region: "na1" };
            region.areaUrl = `http://na1.localhost:${cx.port}`;
            const r = await run({ region });
            assert.equal(r.ok, true, formatVerifyResult(r));
            assert.deepEqual(r.notes, [...region.notes, KEY_USE_NOTE]);
        });

        it("a real region's hint names the region typed and the valid ones", async () => {
            cx.script = { scim: { status: 404, body: {} } };
            const r = await run({ region: { ...sandboxRegion(cx.url), region: "na1" } });
            assert.equal(
                r.steps[1].detail,
                `no SCIM server at ${cx.url}/scim/v2 (HTTP 404): check the region ("na1"; valid: ` +
                    `${REGION_NAMES.join(", ")}) and the FedRAMP setting`,
            );
        });
    });

    async function listen(server: net.Server): Promise<number> {
        await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
        return (server.address() as AddressInfo).port;
    }

    async function signIn(region: ResolvedRegion, timeoutMs = 2000) {
        const r = await verifyConnection({
            region,
            accessKeyId: "AKTRANSPORT1",
            accessKeySecret: SCRIPTED_SECRET,
            timeoutMs,
        });
        assert.equal(r.ok, false);
        assert.ok(!(JSON.stringify(r) + formatVerifyResult(r)).includes(SCRIPTED_SECRET));
        return r.steps[0].detail;
    }

    describe("verify: transport failures, word for word", () => {
        const servers: net.Server[] = [];
        after(() => {
            for (const s of servers) {
                if (s instanceof http.Server) s.closeAllConnections();
                s.close();
            }
        });

        it("a host name that does not resolve: DNS, with the region's hint", async () => {
            // .invalid never resolves (RFC 6761); a real region's hint lists the valid names
            const region = { ...sandboxRegion("http://127.0.0.1:1"), region: "eu1" };
            region.areaUrl = "https://cxone-connection-test.invalid";
            const detail = await signIn(region);
            assert.match(
                detail,
                /^cannot resolve host cxone-connection-test\.invalid \(DNS (ENOTFOUND|EAI_AGAIN)\): /,
            );
            assert.ok(
                detail.endsWith(
                    `: check the region ("eu1"; valid: ${REGION_NAMES.join(", ")}) and the ` +
                        "FedRAMP setting, and this machine's DNS",
                ),
                detail,
            );
        });

        it("https spoken to a plain-http port: a TLS failure with the error code", async () => {
            const server = http.createServer((_q, res) => res.end("plain"));
            servers.push(server);
            const port = await listen(server);
            const region = sandboxRegion(`http://127.0.0.1:${port}`);
            region.areaUrl = `https://127.0.0.1:${port}`;
            assert.equal(
                await signIn(region),
                `TLS failure with 127.0.0.1:${port} (EPROTO): a proxy intercepting TLS, or a wrong ` +
                    `host name; ${SANDBOX_HINT}`,
            );
        });

        it("a connection dropped mid-request names the error and suggests trying again", async () => {
            const server = net.createServer((sock) =>
                sock.on("data", () => sock.resetAndDestroy()),
            );
            servers.push(server);
            const port = await listen(server);
            assert.equal(
                await signIn(sandboxRegion(`http://127.0.0.1:${port}`)),
                `connection to 127.0.0.1:${port} was dropped mid-request (ECONNRESET): a proxy or ` +
                    "firewall may be cutting it; try again",
            );
        });

        it("no answer in time names the wait in seconds, rounded to a tenth", async () => {
            const server = net.createServer(() => undefined);
            servers.push(server);
            const port = await listen(server);
            const t0 = Date.now();
            const detail = await signIn(sandboxRegion(`http://127.0.0.1:${port}`), 250);
            assert.ok(Date.now() - t0 < 2000, "gave up after the time asked");
            assert.equal(
                detail,
                `no answer from 127.0.0.1:${port} within 0.3 s: check network, firewall or proxy ` +
                    "settings, then try again",
            );
        });

        it("an answer that is not HTTP: could not reach, with the parser's code", async () => {
            const server = net.createServer((sock) =>
                sock.on("data", () => sock.end("garbage\r\n\r\n")),
            );
            servers.push(server);
            const port = await listen(server);
            assert.equal(
                await signIn(sandboxRegion(`http://127.0.0.1:${port}`)),
                `could not reach 127.0.0.1:${port} (HPE_INVALID_CONSTANT)`,
            );
        });
    });
});
