import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseVerifyArgs, UsageError, type VerifyCommand } from "../../scripts/verify";

const ENV = {
    CXONE_VERIFY_ACCESS_KEY_ID: "KEYID1",
    CXONE_VERIFY_ACCESS_KEY_SECRET: "s3cret-from-env",
};

function parsed(argv: string[], env: NodeJS.ProcessEnv = ENV, cwd = process.cwd()): VerifyCommand {
    const c = parseVerifyArgs(argv, env, cwd);
    assert.strictEqual(c.help, false);
    return c as VerifyCommand;
}

function usage(argv: string[], env: NodeJS.ProcessEnv, pattern: RegExp, cwd = process.cwd()) {
    assert.throws(
        () => parseVerifyArgs(argv, env, cwd),
        (e: unknown) => e instanceof UsageError && pattern.test(e.message),
    );
}

describe("verify command: arguments", () => {
    it("region and key from env", () => {
        const c = parsed(["--region", "eu1"]);
        assert.strictEqual(c.region.region, "eu1");
        assert.strictEqual(c.accessKeyId, "KEYID1");
        assert.strictEqual(c.accessKeySecret, "s3cret-from-env");
    });
    it("--region=na2 --fedramp, --key-id overrides env, --timeout in seconds", () => {
        const c = parsed([
            "--region=na2",
            "--fedramp",
            "--key-id",
            "OTHER",
            "--timeout",
            "2.5",
            "--user-name",
            "a@b.c",
        ]);
        assert.strictEqual(c.region.fedramp, true);
        assert.strictEqual(c.accessKeyId, "OTHER");
        assert.strictEqual(c.timeoutMs, 2500);
        assert.strictEqual(c.probeUserName, "a@b.c");
    });
    it("falls back to CXONE_ACCESS_KEY_ID/SECRET and CXONE_REGION", () => {
        const c = parsed([], {
            CXONE_REGION: "au1",
            CXONE_ACCESS_KEY_ID: "K2",
            CXONE_ACCESS_KEY_SECRET: "S2-secret",
        });
        assert.strictEqual(c.region.region, "au1");
        assert.strictEqual(c.accessKeyId, "K2");
    });
    it("never takes a secret from a flag", () => {
        for (const a of ["--secret", "--key-secret=x", "--access-key-secret", "--accessKeySecret"])
            usage(["--region", "na1", a], ENV, /never taken from a flag/);
    });
    it("usage errors: no region, bad region, FedRAMP mismatch, missing secret, unknown flag, bad timeout", () => {
        usage([], ENV, /--region/);
        usage(["--region", "zz1"], ENV, /valid values: na1/);
        usage(["--region", "na1", "--fedramp"], ENV, /not a FedRAMP region/);
        usage(
            ["--region", "na1"],
            { CXONE_VERIFY_ACCESS_KEY_ID: "K" },
            /CXONE_VERIFY_ACCESS_KEY_SECRET/,
        );
        usage(["--region", "na1", "--bogus"], ENV, /unknown argument "--bogus"; see --help/);
        usage(["--region", "na1", "stray"], ENV, /unknown argument "stray"/);
        usage(["--region"], ENV, /^--region needs a value$/);
        usage(["--region="], ENV, /^--region needs a value$/);
        usage(["--region", "na1", "--json=1"], ENV, /^--json takes no value$/);
        usage(["--region", "na1", "--timeout", "0"], ENV, /--timeout/);
        usage(["--sandbox", "--region", "na1"], ENV, /cannot be combined/);
    });
    it("a key named without its secret is spared (admin credentials); --spare-key forces it", () => {
        const admin = { CXONE_ACCESS_KEY_ID: "ADMIN", CXONE_ACCESS_KEY_SECRET: "admin-secret" };
        const c = parsed(["--region", "na1", "--key-id", "OKTAS"], admin);
        assert.deepStrictEqual(
            [c.accessKeyId, c.accessKeySecret, c.spare],
            ["OKTAS", undefined, true],
        );
        const d = parsed(["--region", "na1", "--spare-key"], { ...admin, ...ENV });
        assert.deepStrictEqual(
            [d.accessKeyId, d.accessKeySecret, d.spare],
            ["KEYID1", undefined, true],
        );
        assert.strictEqual(
            parsed(["--region", "na1"], admin).spare,
            false,
            "the admin key itself signs in",
        );
        usage(["--region", "na1", "--spare-key"], admin, /needs the key/);
    });
    it("--help", () => {
        assert.deepStrictEqual(parseVerifyArgs(["--help"], {}), { help: true });
    });
    it("--sandbox reads endpoints.json; its admin key only when no key is named", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-args-"));
        try {
            fs.writeFileSync(
                path.join(dir, "endpoints.json"),
                JSON.stringify({
                    cxone: {
                        baseUrl: "http://127.0.0.1:4610",
                        tenantId: "t",
                        adminAccessKeyId: "ADMIN",
                        adminAccessKeySecret: "admin-secret",
                    },
                    okta: {},
                }),
            );
            const env = { CXONE_OKTA_SANDBOX_DIR: dir };
            const c = parsed(["--sandbox"], env);
            assert.strictEqual(c.region.scimBaseUrl, "http://127.0.0.1:4610/scim/v2");
            assert.strictEqual(c.accessKeyId, "ADMIN");
            const d = parsed(["--sandbox"], { ...env, ...ENV });
            assert.strictEqual(d.accessKeyId, "KEYID1");
            // naming only an id never pairs it with the sandbox admin's secret: the key is spared
            const e = parsed(["--sandbox", "--key-id", "X"], env);
            assert.deepStrictEqual(
                [e.accessKeyId, e.accessKeySecret, e.spare],
                ["X", undefined, true],
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
    it("--sandbox signs in and reaches SCIM on the area host when endpoints.json names the hosts", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-args-"));
        try {
            const hosts = {
                issuer: "http://127.0.0.1:4610",
                area: "http://127.0.0.1:4611",
                userHub: "http://127.0.0.1:4612",
                acd: "http://127.0.0.1:4613",
            };
            fs.writeFileSync(
                path.join(dir, "endpoints.json"),
                JSON.stringify({
                    cxone: {
                        baseUrl: hosts.issuer,
                        hosts,
                        tenantId: "t",
                        adminAccessKeyId: "ADMIN",
                        adminAccessKeySecret: "admin-secret",
                    },
                    okta: {},
                }),
            );
            const c = parsed(["--sandbox"], { CXONE_OKTA_SANDBOX_DIR: dir });
            assert.strictEqual(c.region.areaUrl, hosts.area);
            assert.strictEqual(c.region.scimBaseUrl, `${hosts.area}/scim/v2`);
            assert.strictEqual(c.region.issuerUrl, hosts.issuer);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
