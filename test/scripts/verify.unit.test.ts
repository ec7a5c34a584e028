import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REGION_NAMES } from "../../provider/cxone/discovery/regions";
import {
    parseVerifyArgs,
    runVerify,
    sandboxEndpointsPath,
    UsageError,
    verifyProcess,
    type VerifyCommand,
    type VerifyProcess,
} from "../../scripts/verify";

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

/** Runs `fn` with `<dir>/endpoints.json` holding `content` (a string as written, else its JSON). */
function withEndpoints<T>(content: unknown, fn: (env: NodeJS.ProcessEnv, dir: string) => T): T {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-args-"));
    try {
        fs.writeFileSync(
            path.join(dir, "endpoints.json"),
            typeof content === "string" ? content : JSON.stringify(content),
        );
        return fn({ CXONE_OKTA_SANDBOX_DIR: dir }, dir);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

const SANDBOX_CXONE = {
    baseUrl: "http://127.0.0.1:4610",
    tenantId: "tenant-1",
    adminAccessKeyId: "ADMIN",
    adminAccessKeySecret: "admin-secret",
};
const ADMIN = { CXONE_ACCESS_KEY_ID: "ADMIN", CXONE_ACCESS_KEY_SECRET: "admin-secret" };

describe("verify command: the sandbox's endpoints file", () => {
    it("lives at <CXONE_OKTA_SANDBOX_DIR or ./.sandbox>/endpoints.json", () => {
        assert.strictEqual(
            sandboxEndpointsPath({}, "/srv/app"),
            path.join("/srv/app", ".sandbox", "endpoints.json"),
        );
        assert.strictEqual(
            sandboxEndpointsPath({ CXONE_OKTA_SANDBOX_DIR: "sb" }, "/srv/app"),
            path.join("/srv/app", "sb", "endpoints.json"),
        );
    });
    it("a missing file tells the operator to start the sandbox, naming the file", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-args-"));
        try {
            const file = path.join(dir, "endpoints.json");
            assert.throws(
                () => parseVerifyArgs(["--sandbox"], { CXONE_OKTA_SANDBOX_DIR: dir }),
                (e: unknown) =>
                    e instanceof UsageError &&
                    e.name === "UsageError" &&
                    e.message ===
                        `--sandbox: ${file} not found: start the sandbox (npm run sandbox)`,
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
    it("a file that is not JSON is unreadable, naming the file", () => {
        withEndpoints("{not json", (env, dir) => {
            assert.throws(
                () => parseVerifyArgs(["--sandbox"], env),
                (e: unknown) =>
                    e instanceof UsageError &&
                    e.message ===
                        `--sandbox: ${path.join(dir, "endpoints.json")} unreadable or not JSON`,
            );
        });
    });
    it("a file without a cxone.baseUrl string is refused, naming the file", () => {
        for (const content of ["null", {}, { cxone: {} }, { cxone: { baseUrl: 4610 } }])
            withEndpoints(content, (env, dir) => {
                assert.throws(
                    () => parseVerifyArgs(["--sandbox"], env),
                    (e: unknown) =>
                        e instanceof UsageError &&
                        e.message ===
                            `--sandbox: ${path.join(dir, "endpoints.json")} has no cxone.baseUrl`,
                    JSON.stringify(content),
                );
            });
    });
    it("a cxone.baseUrl that is no sandbox URL is refused, naming the file and the value", () => {
        for (const [baseUrl, why] of [
            ["not a url", "is not a URL"],
            ["ftp://127.0.0.1:4610", "must be http: or https:"],
        ])
            withEndpoints({ cxone: { ...SANDBOX_CXONE, baseUrl } }, (env, dir) => {
                assert.throws(
                    () => parseVerifyArgs(["--sandbox"], env),
                    (e: unknown) =>
                        e instanceof UsageError &&
                        e.message.startsWith(`--sandbox: ${path.join(dir, "endpoints.json")}: `) &&
                        e.message.includes(`"${baseUrl}" ${why}`),
                    baseUrl,
                );
            });
    });
    it("hosts.area that is not a string is ignored: SCIM stays on the base URL", () => {
        withEndpoints({ cxone: { ...SANDBOX_CXONE, hosts: { area: 4611 } } }, (env) => {
            const c = parsed(["--sandbox"], env);
            assert.strictEqual(c.region.scimBaseUrl, "http://127.0.0.1:4610/scim/v2");
        });
    });
    it("an admin key id or secret that is not a string is no key", () => {
        withEndpoints({ cxone: { ...SANDBOX_CXONE, adminAccessKeyId: 7 } }, (env) =>
            usage(["--sandbox"], env, /^no access key ID: give --key-id/),
        );
        withEndpoints({ cxone: { ...SANDBOX_CXONE, adminAccessKeySecret: 7 } }, (env) =>
            usage(["--sandbox"], env, /^no secret access key: set env/),
        );
    });
    it("--sandbox ignores CXONE_REGION and CXONE_FEDRAMP, and refuses --fedramp", () => {
        withEndpoints({ cxone: SANDBOX_CXONE }, (env) => {
            const c = parsed(["--sandbox"], {
                ...env,
                CXONE_REGION: "zz9",
                CXONE_FEDRAMP: "maybe",
            });
            assert.strictEqual(c.region.scimBaseUrl, "http://127.0.0.1:4610/scim/v2");
            usage(["--sandbox", "--fedramp"], env, /^--sandbox cannot be combined/);
        });
    });
});

describe("verify command: CXONE_FEDRAMP", () => {
    const region = (v: string | undefined, name = "na2") =>
        parsed(["--region", name], { ...ENV, CXONE_FEDRAMP: v }).region;
    it("1, true, yes (any case) mean a FedRAMP tenant", () => {
        for (const v of ["1", "true", "YES", "True"])
            assert.strictEqual(region(v).fedramp, true, v);
        usage(["--region", "na1"], { ...ENV, CXONE_FEDRAMP: "yes" }, /not a FedRAMP region/);
    });
    it("0, false, no (any case) mean a commercial tenant", () => {
        for (const v of ["0", "false", "No"])
            usage(["--region", "na2"], { ...ENV, CXONE_FEDRAMP: v }, /is a FedRAMP region/);
        assert.strictEqual(region("false", "na1").fedramp, false);
    });
    it("unset or empty leaves it to the region", () => {
        assert.strictEqual(region(undefined).fedramp, true);
        assert.strictEqual(region("").fedramp, true);
        assert.strictEqual(region("", "na1").fedramp, false);
    });
    it("anything else is a usage error quoting the value", () => {
        for (const v of ["maybe", "truely", "xtrue", "nope", "ano", "2"])
            usage(
                ["--region", "na1"],
                { ...ENV, CXONE_FEDRAMP: v },
                new RegExp(`^CXONE_FEDRAMP must be true or false, got "${v}"$`),
            );
    });
});

describe("verify command: usage errors in the operator's words", () => {
    it("a secret flag is named without its value", () => {
        usage(
            ["--region", "na1", "--key-secret=hunter2"],
            ENV,
            /^--key-secret: the secret is never taken from a flag .*; set env CXONE_VERIFY_ACCESS_KEY_SECRET$/,
        );
    });
    it("a stray word that says secret is an unknown argument, not a flag", () => {
        usage(["--region", "na1", "mysecret"], ENV, /^unknown argument "mysecret"; see --help$/);
    });
    it("an unknown flag is quoted as typed, with its value", () => {
        usage(["--region", "na1", "--bogus=1"], ENV, /^unknown argument "--bogus=1"; see --help$/);
        usage(["--region", "na1", "--bogus"], ENV, /^unknown argument "--bogus"; see --help$/);
    });
    it("no region lists the regions", () => {
        usage([], ENV, new RegExp(`^give --region \\(${REGION_NAMES.join(", ")}\\) or --sandbox$`));
    });
    it("no key at all, or an admin id without its secret", () => {
        usage(
            ["--region", "na1"],
            {},
            /^no access key ID: give --key-id or set CXONE_VERIFY_ACCESS_KEY_ID$/,
        );
        usage(
            ["--region", "na1"],
            { CXONE_ACCESS_KEY_ID: "ADMIN" },
            /^no secret access key: set env CXONE_VERIFY_ACCESS_KEY_SECRET \(never a flag\)$/,
        );
    });
    it("a spared key needs both admin credentials", () => {
        for (const env of [
            { CXONE_ACCESS_KEY_ID: "ADMIN" },
            { CXONE_ACCESS_KEY_SECRET: "admin-secret" },
        ])
            usage(
                ["--region", "na1", "--key-id", "OKTAS"],
                env,
                /^access key OKTAS: set env CXONE_VERIFY_ACCESS_KEY_SECRET to sign in with it, or CXONE_ACCESS_KEY_ID\/CXONE_ACCESS_KEY_SECRET/,
            );
    });
    it("naming the admin key itself signs in with the admin secret (not spared)", () => {
        const c = parsed(["--region", "na1", "--key-id", "ADMIN", "--json"], ADMIN);
        assert.deepStrictEqual(
            [c.accessKeyId, c.accessKeySecret, c.spare, c.json],
            ["ADMIN", "admin-secret", false, true],
        );
        assert.strictEqual(parsed(["--region", "na1"], ADMIN).json, false);
    });
});

describe("verify command: --preflight", () => {
    it("takes the admin credentials from env, the tenant, Okta org, token and app", () => {
        const c = parsed(
            [
                "--region",
                "eu1",
                "--preflight",
                "--json",
                "--tenant-id",
                "T-flag",
                "--okta-org",
                "https://org.okta.com",
                "--okta-app-id",
                "0oa1",
                "--timeout",
                "3",
            ],
            {
                ...ADMIN,
                CXONE_TENANT_ID: "T-env",
                OKTA_ORG_URL: "https://env.okta.com",
                OKTA_API_TOKEN: "tok",
            },
        );
        assert.deepStrictEqual(
            { ...c, region: c.region.region },
            {
                help: false,
                json: true,
                region: "eu1",
                accessKeyId: "ADMIN",
                spare: false,
                timeoutMs: 3000,
                preflight: {
                    credentials: { accessKeyId: "ADMIN", accessKeySecret: "admin-secret" },
                    tenantId: "T-flag",
                    okta: { orgUrl: "https://org.okta.com", apiToken: "tok", appId: "0oa1" },
                },
            },
        );
    });
    it("the tenant and Okta org fall back to env; without an org no Okta is read", () => {
        const c = parsed(["--region", "eu1", "--preflight"], {
            ...ADMIN,
            CXONE_TENANT_ID: "T-env",
            OKTA_ORG_URL: "https://env.okta.com",
        });
        assert.strictEqual(c.json, false);
        assert.deepStrictEqual(c.preflight, {
            credentials: { accessKeyId: "ADMIN", accessKeySecret: "admin-secret" },
            tenantId: "T-env",
            okta: { orgUrl: "https://env.okta.com" },
        });
        const d = parsed(["--region", "eu1", "--preflight", "--okta-app-id", "0oa1"], {
            ...ADMIN,
            OKTA_API_TOKEN: "tok",
        });
        assert.deepStrictEqual(d.preflight, {
            credentials: { accessKeyId: "ADMIN", accessKeySecret: "admin-secret" },
        });
    });
    it("needs both admin credentials; the key to test is not one", () => {
        for (const env of [
            { CXONE_ACCESS_KEY_ID: "ADMIN" },
            { CXONE_ACCESS_KEY_SECRET: "admin-secret" },
            ENV,
        ])
            usage(
                ["--region", "eu1", "--preflight"],
                env,
                /^--preflight needs the CXone admin credentials: env CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET$/,
            );
    });
    it("--sandbox: the sandbox's admin key, tenant and Okta org and token", () => {
        withEndpoints(
            {
                cxone: SANDBOX_CXONE,
                okta: { orgUrl: "http://127.0.0.1:4620", apiToken: "okta-tok" },
            },
            (env) => {
                assert.deepStrictEqual(parsed(["--sandbox", "--preflight"], env).preflight, {
                    credentials: { accessKeyId: "ADMIN", accessKeySecret: "admin-secret" },
                    tenantId: "tenant-1",
                    okta: { orgUrl: "http://127.0.0.1:4620", apiToken: "okta-tok" },
                });
                // the operator's env wins over the file
                assert.deepStrictEqual(
                    parsed(["--sandbox", "--preflight"], {
                        ...env,
                        CXONE_TENANT_ID: "T-env",
                        OKTA_ORG_URL: "https://env.okta.com",
                        OKTA_API_TOKEN: "env-tok",
                    }).preflight,
                    {
                        credentials: { accessKeyId: "ADMIN", accessKeySecret: "admin-secret" },
                        tenantId: "T-env",
                        okta: { orgUrl: "https://env.okta.com", apiToken: "env-tok" },
                    },
                );
            },
        );
    });
    it("--sandbox: a tenant, org or token that is not a string, or no okta at all, is left out", () => {
        const bare = { credentials: { accessKeyId: "ADMIN", accessKeySecret: "admin-secret" } };
        withEndpoints(
            { cxone: { ...SANDBOX_CXONE, tenantId: 1 }, okta: { orgUrl: 2, apiToken: 3 } },
            (env) =>
                assert.deepStrictEqual(parsed(["--sandbox", "--preflight"], env).preflight, bare),
        );
        withEndpoints({ cxone: { ...SANDBOX_CXONE, tenantId: 1 } }, (env) =>
            assert.deepStrictEqual(parsed(["--sandbox", "--preflight"], env).preflight, bare),
        );
        withEndpoints(
            { cxone: { ...SANDBOX_CXONE, tenantId: 1 }, okta: { orgUrl: "http://o", apiToken: 3 } },
            (env) =>
                assert.deepStrictEqual(parsed(["--sandbox", "--preflight"], env).preflight, {
                    ...bare,
                    okta: { orgUrl: "http://o" },
                }),
        );
    });
});

describe("verify command: runVerify's exit status and output", function () {
    // a handler that never answers fails in seconds, not at the suite's two minutes
    this.timeout(5000);
    const collect = async (argv: string[], env: NodeJS.ProcessEnv) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runVerify(
            argv,
            env,
            (s) => out.push(s),
            (s) => err.push(s),
        );
        return { code, out: out.join("\n"), err: err.join("\n") };
    };
    it("--help prints the usage to stdout and exits 0", async () => {
        const r = await collect(["-h"], {});
        assert.strictEqual(r.code, 0);
        assert.match(r.out, /^Usage: node dist\/scripts\/verify\.js/);
        assert.match(r.out, /Exit status: 0 passed, 1 failed, 2 usage error\.$/);
        assert.strictEqual(r.err, "");
    });
    it("a usage error goes to stderr prefixed verify:, exits 2, and never echoes a secret", async () => {
        const r = await collect(["--region", "na1", "--secret=hunter2"], ENV);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(r.out, "");
        assert.match(r.err, /^verify: --secret: the secret is never taken from a flag/);
        assert.ok(!r.err.includes("hunter2"));
        const empty = await collect(["--region", "na1", ""], ENV);
        assert.deepStrictEqual(
            [empty.code, empty.err.startsWith("verify: unknown argument")],
            [2, true],
            "an empty argument is a usage error, not a crash",
        );
        const s = await collect(["--region", "na1"], { CXONE_FEDRAMP: "perhaps" });
        assert.deepStrictEqual(
            [s.code, s.err],
            [2, 'verify: CXONE_FEDRAMP must be true or false, got "perhaps"'],
        );
    });
});

describe("verify command: the process (its output a line at a time, the exit code, an unexpected bug)", () => {
    /** A scripted process for verifyProcess: what it wrote and the exit code it was given. */
    const scriptedProcess = () => {
        const proc = {
            env: { ...ENV },
            out: "",
            err: "",
            stdout: { write: (t: string) => (proc.out += t) },
            stderr: { write: (t: string) => (proc.err += t) },
            exitCode: undefined as VerifyProcess["exitCode"],
        };
        return proc;
    };

    it("the command's lines end in newlines; its status is the exit code; the process's env is used", async () => {
        const proc = scriptedProcess();
        const seen: unknown[] = [];
        await verifyProcess(["--sandbox"], proc, async (argv, env, out, err) => {
            seen.push(argv, env);
            out("report");
            err("warning");
            return 1;
        });
        assert.deepStrictEqual(seen, [["--sandbox"], proc.env]);
        assert.strictEqual(proc.out, "report\n");
        assert.strictEqual(proc.err, "warning\n");
        assert.strictEqual(proc.exitCode, 1);
    });
    it("a usage error, run for real: stderr, exit code 2", async () => {
        const proc = scriptedProcess();
        await verifyProcess(["--region", "na1", "--secret=hunter2"], proc);
        assert.match(proc.err, /^verify: --secret: the secret is never taken from a flag.*\n$/);
        assert.strictEqual(proc.out, "");
        assert.strictEqual(proc.exitCode, 2);
    });
    it("an unexpected bug: only its name (never its message), exit code 1", async () => {
        for (const [thrown, name] of [
            [new TypeError("Bearer abc.def.ghi in a request"), "TypeError"],
            [undefined, "error"],
        ] as const) {
            const proc = scriptedProcess();
            await verifyProcess([], proc, () => Promise.reject(thrown));
            assert.strictEqual(proc.err, `verify: unexpected ${name}\n`);
            assert.strictEqual(proc.out, "");
            assert.strictEqual(proc.exitCode, 1);
        }
    });
});
