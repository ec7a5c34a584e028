// The connection test (provider/verify/verify.ts) over real HTTP against the local sandbox: a working key,
// a wrong secret, SCIM refusals and hangs injected as faults, a key switched off, a token from
// another area, a closed port. (The `verify` command itself: test/scripts/verify.http.test.ts.)
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { sandboxRegion } from "../../provider/cxone/discovery/regions";
import {
    formatVerifyResult,
    STEP_SCIM,
    STEP_TOKEN,
    STEP_USERHUB,
    verifyConnection,
} from "../../provider/verify/verify";
import type { VerifyResult } from "../../provider/verify/verify";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { closedPort } from "../support/loopbackServer";
import { assertPassed } from "../support/verifySteps";

function everything(result: VerifyResult): string {
    return JSON.stringify(result) + "\n" + formatVerifyResult(result);
}

describe("verify: against the sandbox", () => {
    let dir: string;
    let sb: RunningSandbox;
    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-verify-"));
        sb = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
    });
    after(async () => {
        await sb?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });
    afterEach(() => sb.clearFaults());

    const admin = () => sb.endpoints.cxone;
    const verify = (over: { accessKeySecret?: string; timeoutMs?: number } = {}) =>
        verifyConnection({
            region: sandboxRegion(sb.urls.cxone),
            accessKeyId: admin().adminAccessKeyId,
            accessKeySecret: over.accessKeySecret ?? admin().adminAccessKeySecret,
            timeoutMs: over.timeoutMs ?? 5000,
        });

    it("passes with the admin access key: token, SCIM lookup, then which host answers UserHub", async () => {
        sb.clearRequests();
        const r = await verify();
        assertPassed(r, [STEP_TOKEN, STEP_SCIM, STEP_USERHUB]);
        assert.match(r.steps[0].detail, new RegExp(`tenant ${admin().tenantId}`));
        const userHubPort = new URL(sb.urls.cxoneHosts.userHub).port;
        assert.strictEqual(r.userHubUrl, `http://api-na1.localhost:${userHubPort}`);
        assert.match(
            r.steps[2].detail,
            /api-na1\.localhost:\d+ \(api-\{area\}\.\{domain\} \[sdk:userhub-host\]\) answered HTTP 200/,
        );
        assert.match(
            r.steps[2].detail,
            /api-c1\.localhost:\d+ \(api_endpoint \[spec\]\) answered HTTP 404/,
        );
        assert.match(formatVerifyResult(r), /UserHub answered at: http:\/\/api-na1\.localhost/);
        const product = sb.requests().filter((q) => q.server === "cxone");
        const userRead = `/user-management/v1/users/${sb.context.state.cxone.seed.adminUserId}`;
        assert.deepStrictEqual(
            product.map((q) => [q.method, q.path.split("?")[0], q.status]),
            [
                ["POST", "/authentication/v1/token/access-key", 200],
                ["GET", "/scim/v2/Users", 200],
                ["GET", "/.well-known/cxone-configuration", 200],
                ["GET", userRead, 200],
                ["GET", `/inContactAPI${userRead}`, 404],
            ],
        );
        assert.ok(!everything(r).includes(admin().adminAccessKeySecret));
    });

    it("fails with 401 on a wrong secret, showing the key id and never either secret", async () => {
        const wrong = admin().adminAccessKeySecret.split("").reverse().join("") + "x";
        const r = await verify({ accessKeySecret: wrong });
        assert.strictEqual(r.ok, false);
        assert.match(r.steps[0].detail, /HTTP 401/);
        assert.ok(r.steps[0].detail.includes(admin().adminAccessKeyId));
        assert.strictEqual(r.steps[1].skipped, true);
        const text = everything(r);
        assert.ok(!text.includes(wrong) && !text.includes(admin().adminAccessKeySecret), text);
    });

    // The sandbox does not check role permissions on SCIM routes, so 403 is injected as a fault.
    it("reports a 403 on the SCIM request as a missing role permission (injected fault)", async () => {
        sb.setFaults([
            {
                kind: "status",
                server: "cxone",
                method: "GET",
                path: "^/scim/v2/Users$",
                status: 403,
                times: 1,
            },
        ]);
        const r = await verify();
        assert.strictEqual(r.steps[0].ok, true);
        assert.strictEqual(r.steps[1].ok, false);
        assert.match(r.steps[1].detail, /HTTP 403.*Employees: Create and Edit/);
    });

    it("reports a SCIM request that never answers as a timeout (injected fault)", async () => {
        sb.setFaults([
            { kind: "timeout", server: "cxone", path: "^/scim/v2/Users$", holdMs: 3000, times: 1 },
        ]);
        const r = await verify({ timeoutMs: 400 });
        assert.match(r.steps[1].detail, /no answer from 127\.0\.0\.1:\d+ within 0\.4 s/);
    });

    it("reports a reset connection on sign-in (injected fault)", async () => {
        sb.setFaults([{ kind: "reset", server: "cxone", path: "^/authentication/", times: 1 }]);
        const r = await verify();
        assert.match(r.steps[0].detail, /dropped/);
    });

    it("a deactivated key is refused with 401 (the sandbox models key state)", async () => {
        const key = sb.context.state.cxone.accessKeys[admin().adminAccessKeyId];
        key.isActive = false;
        try {
            const r = await verify();
            assert.match(r.steps[0].detail, /HTTP 401.*deactivated/);
        } finally {
            key.isActive = true;
        }
    });

    it("a token from one tenant's area refused by another's SCIM server reads as a wrong region", async () => {
        const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-verify-other-"));
        const other = await startSandbox({ dir: otherDir, cxonePort: 0, oktaPort: 0 });
        try {
            const region = {
                ...sandboxRegion(sb.urls.cxone),
                scimBaseUrl: `${other.urls.cxone}/scim/v2`,
            };
            const r = await verifyConnection({
                region,
                accessKeyId: admin().adminAccessKeyId,
                accessKeySecret: admin().adminAccessKeySecret,
            });
            assert.strictEqual(r.steps[0].ok, true);
            assert.match(r.steps[1].detail, /rejected the token \(HTTP 401\).*another region/);
        } finally {
            await other.stop();
            fs.rmSync(otherDir, { recursive: true, force: true });
        }
    });

    it("reports connection refused on a closed port, naming the host", async () => {
        const port = await closedPort();
        const r = await verifyConnection({
            region: sandboxRegion(`http://127.0.0.1:${port}`),
            accessKeyId: admin().adminAccessKeyId,
            accessKeySecret: admin().adminAccessKeySecret,
        });
        assert.strictEqual(r.ok, false);
        assert.match(
            r.steps[0].detail,
            new RegExp(`connection refused by 127\\.0\\.0\\.1:${port}`),
        );
        assert.ok(!everything(r).includes(admin().adminAccessKeySecret));
    });
});
