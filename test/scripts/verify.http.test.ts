// `npm run verify` (scripts/verify.ts) against the sandbox: run as a child process the way an
// operator runs it (exit codes, what is printed, where the key and secret come from), and in-process
// for what reaches the connection test: the userName asked for, in both modes (the key's own secret,
// or a temporary key that spares it).
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { startTranscript, TRANSCRIPT_ENV } from "../../provider/core/transcript";
import { KEY_USE_NOTE, type VerifyResult } from "../../provider/verify/verify";
import { SPARED_KEY_NOTE } from "../../provider/verify/verifySparingKey";
import { runVerify } from "../../scripts/verify";
import { sandboxForSuite } from "../support/sandbox";

const SCRIPT = path.resolve(__dirname, "../../scripts/verify.js");

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

describe("the verify command against the sandbox", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();
    let dir: string;
    before(async () => {
        dir = f.dir;
    });
    const admin = () => f.sandbox.endpoints.cxone;
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

    /** Runs the command in-process; its exit code, output and the SCIM lookups the sandbox saw. */
    async function verifyInProcess(args: string[], env: NodeJS.ProcessEnv) {
        f.sandbox.clearRequests();
        const printed: string[] = [];
        const code = await runVerify(
            args,
            { CXONE_OKTA_SANDBOX_DIR: dir, ...env },
            (s) => printed.push(s),
            (s) => printed.push(s),
        );
        const requests = f.sandbox.requests();
        const lookups = requests
            .filter((r) => r.path.startsWith("/scim/v2/Users"))
            .map((r) => new URL(r.path, "http://x").searchParams.get("filter"));
        // the product's part each request named in its User-Agent
        const parts = [...new Set(requests.map((r) => r.part))];
        return { code, out: printed.join("\n"), lookups, parts };
    }

    it("a transcript asked for (CXONE_OKTA_TRANSCRIPT): the command's exchanges are recorded there", async () => {
        const file = path.join(dir, "verify-transcript.jsonl");
        const saved = process.env[TRANSCRIPT_ENV];
        process.env[TRANSCRIPT_ENV] = file;
        try {
            const r = await verifyInProcess(["--sandbox"], {
                CXONE_VERIFY_ACCESS_KEY_SECRET: admin().adminAccessKeySecret,
            });
            assert.strictEqual(r.code, 0, r.out);
        } finally {
            if (saved === undefined) delete process.env[TRANSCRIPT_ENV];
            else process.env[TRANSCRIPT_ENV] = saved;
            startTranscript(undefined);
        }
        const text = fs.readFileSync(file, "utf8");
        assert.match(text, /\/scim\/v2\/Users/);
        assert.ok(!text.includes(admin().adminAccessKeySecret), "redacted");
    });

    for (const [mode, env] of [
        [
            "with the key's secret",
            (): NodeJS.ProcessEnv => ({
                CXONE_VERIFY_ACCESS_KEY_SECRET: admin().adminAccessKeySecret,
            }),
        ],
        [
            "sparing the key",
            (): NodeJS.ProcessEnv => ({
                CXONE_ACCESS_KEY_ID: admin().adminAccessKeyId,
                CXONE_ACCESS_KEY_SECRET: admin().adminAccessKeySecret,
            }),
        ],
    ] as const) {
        it(`--user-name is the userName the SCIM lookup asks for (${mode})`, async () => {
            const args = ["--sandbox", "--key-id", admin().adminAccessKeyId, "--json"];
            if (mode === "sparing the key") args.push("--spare-key");
            const r = await verifyInProcess(
                [...args, "--user-name", "jane.doe@example.com"],
                env(),
            );
            assert.strictEqual(r.code, 0, r.out);
            assert.deepStrictEqual(r.lookups, ['userName eq "jane.doe@example.com"']);
            assert.deepStrictEqual(r.parts, ["connection-test"], "every request says who sent it");
            const result = JSON.parse(r.out) as VerifyResult;
            assert.ok(
                result.steps.some((x) => x.detail.endsWith('for "jane.doe@example.com")')),
                r.out,
            );
            // the key's own secret signs in (and marks the key used); sparing it, a temporary key
            assert.deepStrictEqual(
                [result.notes.includes(KEY_USE_NOTE), result.notes.includes(SPARED_KEY_NOTE)],
                mode === "sparing the key" ? [false, true] : [true, false],
                r.out,
            );
            const plain = await verifyInProcess(args, env());
            assert.deepStrictEqual(plain.lookups, [
                'userName eq "cxone-okta-scim-connection-test@example.invalid"',
            ]);
        });
    }
});
