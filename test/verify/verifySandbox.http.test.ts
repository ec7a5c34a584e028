// The connection test over real HTTP against the local sandbox (sandbox/index.ts), and the
// `verify` command run as a child process the way an operator runs it.
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { sandboxRegion } from "../../provider/regions";
import {
    formatVerifyResult,
    STEP_SCIM,
    STEP_TOKEN,
    STEP_USERHUB,
    verifyConnection,
    type VerifyResult,
} from "../../provider/verify";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { closedPort } from "../support/fakeCxone";

const SCRIPT = path.resolve(__dirname, "../../scripts/verify.js");

function everything(result: VerifyResult): string {
    return JSON.stringify(result) + "\n" + formatVerifyResult(result);
}

function run(
    args: string[],
    env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            [SCRIPT, ...args],
            { env, timeout: 30_000 },
            (err, stdout, stderr) => {
                const code = err
                    ? typeof (err as { code?: unknown }).code === "number"
                        ? (err as { code: number }).code
                        : -1
                    : 0;
                resolve({ code, stdout, stderr });
            },
        );
    });
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
        assert.strictEqual(r.ok, true, formatVerifyResult(r));
        assert.deepStrictEqual(
            r.steps.map((s) => [s.name, s.ok]),
            [
                [STEP_TOKEN, true],
                [STEP_SCIM, true],
                [STEP_USERHUB, true],
            ],
        );
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

    describe("the verify command", () => {
        const baseEnv = () => {
            const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, CXONE_OKTA_SANDBOX_DIR: dir };
            return env;
        };

        it("--sandbox with the sandbox's admin key exits 0 and prints no secret", async () => {
            const out = await run(["--sandbox"], baseEnv());
            assert.strictEqual(out.code, 0, out.stdout + out.stderr);
            assert.match(out.stdout, /\[PASS\] Sign in/);
            assert.match(out.stdout, /\[PASS\] Reach the SCIM server/);
            assert.ok(!(out.stdout + out.stderr).includes(admin().adminAccessKeySecret));
        });

        it("a wrong secret from env exits 1 and prints neither secret", async () => {
            const wrong = "not-the-right-secret-1234567";
            const out = await run(["--sandbox", "--key-id", admin().adminAccessKeyId, "--json"], {
                ...baseEnv(),
                CXONE_VERIFY_ACCESS_KEY_SECRET: wrong,
            });
            assert.strictEqual(out.code, 1, out.stdout + out.stderr);
            const parsed = JSON.parse(out.stdout) as VerifyResult;
            assert.strictEqual(parsed.ok, false);
            assert.match(parsed.steps[0].detail, /HTTP 401/);
            const all = out.stdout + out.stderr;
            assert.ok(!all.includes(wrong) && !all.includes(admin().adminAccessKeySecret));
        });

        it("CXONE_ACCESS_KEY_* are the fallback for the key", async () => {
            const out = await run(["--sandbox"], {
                ...baseEnv(),
                CXONE_ACCESS_KEY_ID: admin().adminAccessKeyId,
                CXONE_ACCESS_KEY_SECRET: admin().adminAccessKeySecret,
            });
            assert.strictEqual(out.code, 0, out.stdout + out.stderr);
        });

        it("refuses a secret given as a flag (exit 2), without echoing it", async () => {
            const out = await run(["--sandbox", "--key-secret=abcd-flag-secret"], baseEnv());
            assert.strictEqual(out.code, 2);
            assert.match(out.stderr, /never taken from a flag/);
            assert.ok(!(out.stdout + out.stderr).includes("abcd-flag-secret"));
        });

        it("a missing endpoints.json is a usage error naming the file (exit 2)", async () => {
            const out = await run(["--sandbox"], {
                ...baseEnv(),
                CXONE_OKTA_SANDBOX_DIR: path.join(dir, "nope"),
            });
            assert.strictEqual(out.code, 2);
            assert.match(out.stderr, /endpoints\.json not found/);
        });
    });
});
