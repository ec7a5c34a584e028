// scripts/demo.ts, the main job, followed step by step in this process: the sandbox CLI, `pulumi`,
// the console steps, the connection test and the sample are scripted stand-ins that record what the
// demo asked of them, in order. What it runs and with which settings, what it prints, and how it
// stops at a failure (the first line of the error, exit code 1). The demo as a process, against a
// real sandbox and engine: scripts/demo.engine.
import { strict as assert } from "assert";
import type { ExecFileSyncOptions } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CxoneClient } from "../../provider/cxone/client";
import type { CxoneEndpoint } from "../../provider/cxone/discovery/regions";
import { formatVerifyResult, type VerifyResult } from "../../provider/verify/verify";
import type { SparingVerifyInput } from "../../provider/verify/verifySparingKey";
import type { SampleResult } from "../../sandbox/samples";
import { demo, demoFolders, type DemoDeps } from "../../scripts/demo";
import { formatSample } from "../../sandbox/samples";
import { repoRoot } from "../../scripts/lib/engine";

const ENDPOINTS = {
    cxone: {
        baseUrl: "http://127.0.0.1:4610",
        tenantId: "tenant-1",
        adminAccessKeyId: "admin-key",
        adminAccessKeySecret: "admin-secret",
        adminEmail: "admin@sandbox.example",
        adminPassword: "admin-password",
    },
    okta: { orgUrl: "http://127.0.0.1:4620", apiToken: "okta-token" },
};
const FIRST_UP = {
    appId: "0oa-app",
    accessKeyId: "key-1",
    connectionStatus: "pending",
    provisioningApplied: false,
};
const SECOND_UP = { ...FIRST_UP, connectionStatus: "authorized", provisioningApplied: true };
const PASSED: VerifyResult = {
    ok: true,
    region: "sandbox",
    accessKeyId: "key-1",
    scimBaseUrl: "http://127.0.0.1:4610/scim/v2",
    steps: [{ name: "Reach the SCIM server", ok: true, detail: "HTTP 200" }],
    notes: [],
};
const SAMPLE: SampleResult = {
    oktaUser: {
        id: "00u1",
        login: "ada@example.com",
        firstName: "Ada",
        lastName: "Lovelace",
        email: "ada@example.com",
        status: "ACTIVE",
    },
    cxoneUser: { id: "u-1", userName: "ada@example.com", active: true },
    assignedVia: "direct",
    syncAction: "created",
};

interface Script {
    /** endpoints.json as the sandbox's start writes it */
    endpoints?: object;
    env?: NodeJS.ProcessEnv;
    /** the console steps' sign-in succeeds */
    authenticated?: boolean;
    verifyResult?: VerifyResult;
    /** the `pulumi` command (its arguments joined) that fails, and its error */
    failing?: { command: string; error: Error };
}

interface Run {
    code: number;
    /** what the demo asked for, in order: `sandbox …`, `read …` (quiet), `$ pulumi …` (shown), calls */
    calls: string[];
    /** calls and printed lines together, in order */
    events: string[];
    /** what the demo printed, `$ pulumi …` lines included, as the terminal shows it */
    printed: string[];
    errors: string[];
    sandboxCalls: { file: string; args: string[]; options: ExecFileSyncOptions }[];
    cli: { cwd: string; env: Record<string, string> }[];
    consoleSteps: unknown[][];
    admin: { endpoint: CxoneEndpoint; credentials: unknown }[];
    verified: SparingVerifyInput[];
    samples: unknown[][];
}

describe("the demo (scripts/demo.ts) step by step, with scripted commands", () => {
    let dir: string;
    let sandboxDir: string;
    let backendDir: string;
    beforeEach(() => {
        dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "demo-unit-")));
        sandboxDir = path.join(dir, "sandbox");
        backendDir = path.join(dir, "backend");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function runDemo(s: Script = {}): Promise<Run> {
        const r: Run = {
            code: -1,
            calls: [],
            events: [],
            printed: [],
            errors: [],
            sandboxCalls: [],
            cli: [],
            consoleSteps: [],
            admin: [],
            verified: [],
            samples: [],
        };
        const print = (text: string) => {
            r.printed.push(text);
            r.events.push(text);
        };
        const call = (what: string) => {
            r.calls.push(what);
            r.events.push(what);
        };
        const upsSeen = () => r.calls.filter((e) => e.startsWith("$ pulumi up")).length;
        const fail = (args: string[]) => {
            if (s.failing?.command === args.join(" ")) throw s.failing.error;
        };
        const adminClient = {} as CxoneClient;
        const deps: DemoDeps = {
            env: s.env ?? {
                CXONE_OKTA_SANDBOX_DIR: sandboxDir,
                CXONE_OKTA_DEMO_BACKEND_DIR: backendDir,
                DEMO_CALLER: "kept",
            },
            execFile(file, args, options) {
                r.sandboxCalls.push({ file, args, options });
                call(`sandbox ${args.slice(1).join(" ")}`);
                const folder = (options.env as NodeJS.ProcessEnv).CXONE_OKTA_SANDBOX_DIR!;
                if (args[1] === "start") {
                    fs.mkdirSync(folder, { recursive: true });
                    fs.writeFileSync(
                        path.join(folder, "endpoints.json"),
                        JSON.stringify(s.endpoints ?? ENDPOINTS),
                    );
                }
                return Buffer.from("");
            },
            pulumi(cwd, env) {
                r.cli.push({ cwd, env });
                return {
                    run(...args) {
                        // as pulumiCli shows it (scripts/pulumiCommand.unit)
                        r.printed.push(`\n$ pulumi ${args.join(" ")}`);
                        call(`$ pulumi ${args.join(" ")}`);
                        fail(args);
                    },
                    read(...args) {
                        call(`read ${args.join(" ")}`);
                        fail(args);
                        return JSON.stringify(upsSeen() < 2 ? FIRST_UP : SECOND_UP);
                    },
                };
            },
            async consoleSteps(...args) {
                r.consoleSteps.push(args);
                call("console steps");
                return { ok: s.authenticated ?? true, page: "" };
            },
            adminClient(endpoint, credentials) {
                r.admin.push({ endpoint, credentials });
                return adminClient;
            },
            async verify(input) {
                assert.equal(input.admin, adminClient, "the connection test uses the admin client");
                r.verified.push(input);
                call("connection test");
                return s.verifyResult ?? PASSED;
            },
            async provisionSample(...args) {
                r.samples.push(args);
                call("sample");
                return SAMPLE;
            },
            log: print,
            error: (text) => r.errors.push(text),
        };
        r.code = await demo(deps);
        return r;
    }

    it("runs the sandbox's stop, reset and start, then the operator's commands in order", async () => {
        const r = await runDemo();
        assert.equal(r.code, 0, r.errors.join("\n"));
        assert.deepEqual(r.errors, []);
        const output = "read stack output --json --show-secrets --stack demo";
        assert.deepEqual(r.calls, [
            "sandbox stop",
            "sandbox reset",
            "sandbox start",
            "read stack rm demo --yes --force",
            "$ pulumi stack init demo",
            "$ pulumi up --yes --stack demo",
            output,
            "console steps",
            "$ pulumi up --yes --stack demo",
            output,
            "$ pulumi preview --expect-no-changes --stack demo",
            "connection test",
            "sample",
            "$ pulumi stack output --stack demo",
        ]);
    });

    it("prints each step's title, what it found, and how to go on with real tenants", async () => {
        const r = await runDemo();
        assert.deepEqual(r.printed, [
            "\n=== 1. Start a fresh sandbox (local CXone and Okta) ===",
            "\n=== 2. pulumi up: CXone role, employee, access key; Okta SWA app; SCIM connection declared ===",
            "\n$ pulumi stack init demo",
            "\n$ pulumi up --yes --stack demo",
            "connection status: pending; provisioning actions applied: false",
            "\n=== 3. The operator's console steps (played in the sandbox: no Okta API exists for them) ===",
            "- Okta: Enable SCIM provisioning; SCIM connection settings saved from the stack outputs " +
                "(the secret from `pulumi stack output accessKeySecret --show-secrets`)",
            `- Okta: "Authenticate with CXone": signed in on CXone's login page as admin@sandbox.example -> CXone authenticated`,
            "\n=== 4. pulumi up again: the connection is authorized, provisioning actions switched on ===",
            "\n$ pulumi up --yes --stack demo",
            "connection status: authorized; provisioning actions applied: true",
            "\n=== 5. pulumi preview: nothing drifted (refresh is always on in Pulumi.yaml) ===",
            "\n$ pulumi preview --expect-no-changes --stack demo",
            "\n=== 6. Connection test (npm run verify): the key checked (not used), its employee signs in, a SCIM request ===",
            formatVerifyResult(PASSED),
            "\n=== 7. Okta provisions a sample user into CXone (assigned to the app in Okta, pushed over SCIM) ===",
            formatSample(SAMPLE),
            "\n=== 8. The stack's outputs, as other projects read them (secrets hidden) ===",
            "\n$ pulumi stack output --stack demo",
            "\n=== On real tenants ===",
            [
                "Everything above runs the same against real CXone and Okta (set cxone:region, okta:orgName,",
                "CXONE_ACCESS_KEY_ID/SECRET, OKTA_API_TOKEN), except step 3: Okta's public API cannot enable SCIM",
                'provisioning or save the SCIM connection of a custom app, and "Authenticate with CXone" is a person',
                "signing in. The first `pulumi up` prints those steps with the exact values; after them, `pulumi up`",
                "finishes (or `pulumi config set waitForAuthorizationSeconds 600` so one `up` waits while you click).",
                "The sandbox keeps running (stop: npm run sandbox -- stop). The demo stack stays: try",
                "  npm run pulumi -- stack output --stack demo",
                "  npm run pulumi -- destroy --yes --stack demo",
                "(a destroy that would cut the sample user off is refused until you allow that count: the message",
                "says how; docs/people.md)",
            ].join("\n"),
        ]);
    });

    it("the sandbox CLI: the built one, on this Node, on the terminal, with the sandbox folder", async () => {
        const r = await runDemo();
        assert.equal(r.sandboxCalls.length, 3);
        for (const call of r.sandboxCalls) {
            assert.equal(call.file, process.execPath);
            assert.equal(call.args[0], path.join(repoRoot, "dist", "sandbox", "cli.js"));
            assert.equal(call.args.length, 2);
            assert.equal(call.options.stdio, "inherit");
            assert.deepEqual(call.options.env, {
                CXONE_OKTA_SANDBOX_DIR: sandboxDir,
                CXONE_OKTA_DEMO_BACKEND_DIR: backendDir,
                DEMO_CALLER: "kept",
            });
        }
    });

    it("pulumi: in the repository, on the demo's backend folder and the sandbox", async () => {
        const r = await runDemo();
        assert.equal(r.cli.length, 1);
        const { cwd, env } = r.cli[0];
        assert.equal(cwd, repoRoot);
        assert.equal(env.PULUMI_BACKEND_URL, `file://${backendDir}`);
        assert.equal(env.CXONE_OKTA_SANDBOX_DIR, sandboxDir);
        assert.ok(fs.statSync(backendDir).isDirectory(), "the backend folder is made");
        assert.equal("PULUMI_HOME" in env, false, "no PULUMI_HOME set: the CLI's own (~/.pulumi)");
    });

    it("pulumi: a PULUMI_HOME the caller set is kept", async () => {
        const r = await runDemo({
            env: {
                CXONE_OKTA_SANDBOX_DIR: sandboxDir,
                CXONE_OKTA_DEMO_BACKEND_DIR: backendDir,
                PULUMI_HOME: path.join(dir, "home"),
            },
        });
        assert.equal(typeof r.cli[0].env.PULUMI_HOME, "string");
    });

    it("the folders: the repository's .sandbox and local backend unless the environment names them", () => {
        assert.deepEqual(demoFolders({}), {
            sandboxDir: path.join(repoRoot, ".sandbox"),
            backendDir: path.join(repoRoot, ".pulumi-local", "backend"),
        });
        assert.deepEqual(
            demoFolders({ CXONE_OKTA_SANDBOX_DIR: "/s", CXONE_OKTA_DEMO_BACKEND_DIR: "/b" }),
            { sandboxDir: "/s", backendDir: "/b" },
        );
    });

    it("a demo stack that cannot be removed (none yet) does not stop the demo", async () => {
        const r = await runDemo({
            failing: {
                command: "stack rm demo --yes --force",
                error: new Error("no stack named 'demo' found"),
            },
        });
        assert.equal(r.code, 0);
        assert.deepEqual(r.errors, []);
        assert.ok(r.calls.includes("$ pulumi stack init demo"));
    });

    it("the console steps: Okta's URL, the first up's outputs, the sandbox admin's sign-in", async () => {
        const r = await runDemo();
        assert.deepEqual(r.consoleSteps, [
            [
                "http://127.0.0.1:4620",
                FIRST_UP,
                { email: "admin@sandbox.example", password: "admin-password" },
            ],
        ]);
    });

    it("a failed sign-in: FAILED printed, no second up, exit 1 naming the step", async () => {
        const r = await runDemo({ authenticated: false });
        assert.equal(r.code, 1);
        assert.equal(
            r.events.at(-1),
            `- Okta: "Authenticate with CXone": signed in on CXone's login page as admin@sandbox.example -> FAILED`,
            "printed, and nothing runs after it",
        );
        assert.deepEqual(r.errors, [
            "\ndemo failed: Authenticate with CXone failed in the sandbox",
        ]);
    });

    it("the connection test: the key from the outputs, the sandbox's region, the tenant's admin key", async () => {
        const r = await runDemo();
        assert.equal(r.verified.length, 1);
        const v = r.verified[0];
        assert.equal(v.accessKeyId, "key-1");
        assert.equal(v.region.region, "sandbox");
        assert.equal(v.region.issuerUrl, "http://127.0.0.1:4610");
        assert.equal(v.region.areaUrl, "http://127.0.0.1:4610", "no area host: the issuer");
        assert.deepEqual(r.admin, [
            {
                endpoint: {
                    issuerUrl: "http://127.0.0.1:4610",
                    areaUrl: "http://127.0.0.1:4610",
                    tenantId: "tenant-1",
                },
                credentials: {
                    accessKeyId: "admin-key",
                    accessKeySecret: "admin-secret",
                    tenantId: "tenant-1",
                },
            },
        ]);
    });

    it("the connection test: the area host, when the sandbox names one", async () => {
        const endpoints = {
            ...ENDPOINTS,
            cxone: { ...ENDPOINTS.cxone, hosts: { area: "http://127.0.0.1:4611" } },
        };
        const r = await runDemo({ endpoints });
        const v = r.verified[0];
        assert.equal(v.region.issuerUrl, "http://127.0.0.1:4610");
        assert.equal(v.region.areaUrl, "http://127.0.0.1:4611");
        assert.deepEqual(r.admin[0].endpoint, {
            issuerUrl: "http://127.0.0.1:4610",
            areaUrl: "http://127.0.0.1:4611",
            tenantId: "tenant-1",
        });
    });

    it("a failed connection test: its report printed, no sample, exit 1", async () => {
        const failed: VerifyResult = {
            ...PASSED,
            ok: false,
            steps: [{ name: "Reach the SCIM server", ok: false, detail: "HTTP 401" }],
        };
        const r = await runDemo({ verifyResult: failed });
        assert.equal(r.code, 1);
        assert.equal(r.printed.at(-1), formatVerifyResult(failed));
        assert.deepEqual(r.errors, ["\ndemo failed: the connection test failed"]);
        assert.deepEqual(r.samples, []);
    });

    it("the sample: provisioned through the app the outputs name, with the sandbox's endpoints", async () => {
        const r = await runDemo();
        assert.deepEqual(r.samples, [[ENDPOINTS, "0oa-app"]]);
    });

    it("a failing command stops the demo: the first line of its error, exit 1", async () => {
        const r = await runDemo({
            failing: {
                command: "preview --expect-no-changes --stack demo",
                error: new Error(
                    "Command failed: pulumi preview --expect-no-changes --stack demo\nerror: 1 change",
                ),
            },
        });
        assert.equal(r.code, 1);
        assert.deepEqual(r.errors, [
            "\ndemo failed: Command failed: pulumi preview --expect-no-changes --stack demo",
        ]);
        assert.equal(r.events.at(-1), "$ pulumi preview --expect-no-changes --stack demo");
    });
});
