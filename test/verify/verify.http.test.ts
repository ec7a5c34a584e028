// The connection test against a minimal loopback CXone: every failure wording, without the sandbox.
import * as assert from "assert";
import * as net from "net";
import type { AddressInfo } from "net";
import { getUser, listUsers, userNameFilter } from "../../provider/cxone/scim";
import { sandboxRegion } from "../../provider/regions";
import {
    formatVerifyResult,
    STEP_SCIM,
    STEP_TOKEN,
    STEP_USERHUB,
    verifyConnection,
    type VerifyResult,
} from "../../provider/verify";
import {
    closedPort,
    FAKE_KEY_ID,
    FAKE_SECRET,
    FAKE_TOKEN,
    startFakeCxone,
    type FakeCxone,
} from "../support/fakeCxone";

function assertNoSecrets(result: VerifyResult, ...secrets: string[]) {
    const text = JSON.stringify(result) + "\n" + formatVerifyResult(result);
    for (const s of secrets) assert.ok(!text.includes(s), `output contains a secret: ${text}`);
}

describe("verify: connection test against a loopback CXone", () => {
    let fake: FakeCxone;
    before(async () => {
        fake = await startFakeCxone();
    });
    after(async () => {
        await fake.stop();
    });
    beforeEach(() => {
        fake.behaviour = {};
        fake.requests.length = 0;
    });

    const run = (over: Partial<Parameters<typeof verifyConnection>[0]> = {}) =>
        verifyConnection({
            region: sandboxRegion(fake.url),
            accessKeyId: FAKE_KEY_ID,
            accessKeySecret: FAKE_SECRET,
            timeoutMs: 2000,
            ...over,
        });

    it("passes both steps and makes Okta's userName lookup with count=1", async () => {
        const r = await run();
        assert.strictEqual(r.ok, true, formatVerifyResult(r));
        assert.deepStrictEqual(
            r.steps.map((s) => [s.name, s.ok]),
            [
                [STEP_TOKEN, true],
                [STEP_SCIM, true],
                [STEP_USERHUB, false],
            ],
        );
        assert.strictEqual(
            r.steps[2].skipped,
            true,
            "a token without tenant or user claims cannot ask discovery",
        );
        const scim = fake.requests.find((q) => q.url.startsWith("/scim/v2/Users"))!;
        const q = new URL(scim.url, fake.url).searchParams;
        assert.strictEqual(
            q.get("filter"),
            'userName eq "cxone-okta-scim-connection-test@example.invalid"',
        );
        assert.strictEqual(q.get("count"), "1");
        assertNoSecrets(r, FAKE_SECRET, FAKE_TOKEN);
        assert.ok(formatVerifyResult(r).includes("PASS"));
    });

    it("wrong secret: 401 naming the key id, SCIM step skipped", async () => {
        const r = await run({ accessKeySecret: "wrong-secret-value-123" });
        assert.strictEqual(r.ok, false);
        assert.match(r.steps[0].detail, /access key AKFAKE0001 was rejected \(HTTP 401\)/);
        assert.strictEqual(r.steps[1].skipped, true);
        assertNoSecrets(r, "wrong-secret-value-123", FAKE_SECRET);
        assert.strictEqual(fake.requests.filter((q) => q.url.startsWith("/scim")).length, 0);
    });

    it("token endpoint 404: suggests checking the region", async () => {
        fake.behaviour.tokenStatus = 404;
        const r = await run();
        assert.match(r.steps[0].detail, /HTTP 404.*check that the sandbox is running/);
    });

    it("error bodies echoing the secret are scrubbed", async () => {
        fake.behaviour = {
            tokenStatus: 400,
            errorBody: { error: "invalid_request", errorDescription: `bad secret ${FAKE_SECRET}` },
        };
        const r = await run();
        assert.match(r.steps[0].detail, /HTTP 400/);
        assertNoSecrets(r, FAKE_SECRET);
    });

    it("SCIM 403: names the role permission to add", async () => {
        fake.behaviour.scimStatus = 403;
        const r = await run();
        assert.strictEqual(r.steps[0].ok, true);
        assert.strictEqual(r.steps[1].ok, false);
        assert.match(r.steps[1].detail, /HTTP 403.*"Employees: Create and Edit"/);
        assertNoSecrets(r, FAKE_SECRET, FAKE_TOKEN);
    });

    it("SCIM 404: no SCIM server there, check the region", async () => {
        fake.behaviour.scimStatus = 404;
        const r = await run();
        assert.match(r.steps[1].detail, /no SCIM server at .*\/scim\/v2 \(HTTP 404\)/);
    });

    it("SCIM 401 after a good sign-in: token from another area, check the region", async () => {
        fake.behaviour.scimStatus = 401;
        const r = await run();
        assert.match(r.steps[1].detail, /rejected the token \(HTTP 401\).*another region/);
        assertNoSecrets(r, FAKE_TOKEN);
    });

    it("SCIM 503: try again later", async () => {
        fake.behaviour.scimStatus = 503;
        assert.match((await run()).steps[1].detail, /HTTP 503.*try again later/);
    });

    it("a 200 that is not a ListResponse: not CXone's SCIM server", async () => {
        fake.behaviour.scimBody = "<html>login</html>";
        assert.match((await run()).steps[1].detail, /not with a SCIM ListResponse/);
    });

    it("SCIM never answers: timeout naming the host and the wait", async () => {
        fake.behaviour.scimHang = true;
        const r = await run({ timeoutMs: 300 });
        assert.match(r.steps[1].detail, /no answer from 127\.0\.0\.1:\d+ within 0\.3 s/);
    });

    it("connection refused on a closed port names the host", async () => {
        const port = await closedPort();
        const r = await verifyConnection({
            region: sandboxRegion(`http://127.0.0.1:${port}`),
            accessKeyId: FAKE_KEY_ID,
            accessKeySecret: FAKE_SECRET,
            timeoutMs: 2000,
        });
        assert.strictEqual(r.ok, false);
        assert.match(
            r.steps[0].detail,
            new RegExp(`connection refused by 127\\.0\\.0\\.1:${port}`),
        );
        assertNoSecrets(r, FAKE_SECRET);
    });

    it("a connection dropped without an answer is reported as dropped", async () => {
        const server = net.createServer((sock) => sock.destroy());
        await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
        try {
            const port = (server.address() as AddressInfo).port;
            const r = await verifyConnection({
                region: sandboxRegion(`http://127.0.0.1:${port}`),
                accessKeyId: FAKE_KEY_ID,
                accessKeySecret: FAKE_SECRET,
                timeoutMs: 2000,
            });
            assert.match(r.steps[0].detail, /dropped/);
        } finally {
            server.close();
        }
    });

    it("a missing secret fails before any request", async () => {
        const r = await run({ accessKeySecret: "" });
        assert.match(r.steps[0].detail, /secret is missing/);
        assert.strictEqual(fake.requests.length, 0);
    });
});

describe("verify: SCIM client", () => {
    let fake: FakeCxone;
    before(async () => {
        fake = await startFakeCxone();
    });
    after(async () => {
        await fake.stop();
    });

    it("userNameFilter escapes quotes and backslashes", () => {
        assert.strictEqual(userNameFilter('a"b\\c'), 'userName eq "a\\"b\\\\c"');
    });
    it("listUsers accepts a bare filter string", async () => {
        const list = await listUsers(`${fake.url}/scim/v2/`, FAKE_TOKEN, userNameFilter("x"));
        assert.strictEqual(list.totalResults, 0);
        assert.deepStrictEqual(list.Resources, []);
    });
    it("getUser answers undefined for 404 and never puts the token in errors", async () => {
        assert.strictEqual(
            await getUser(`${fake.url}/scim/v2`, FAKE_TOKEN, "nope/../x"),
            undefined,
        );
        await assert.rejects(
            listUsers(`${fake.url}/scim/v2`, "wrong-token-abcdef"),
            (e: Error) => !e.message.includes("wrong-token-abcdef") && /HTTP 401/.test(e.message),
        );
    });
});
