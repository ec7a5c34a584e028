// The root program (program/index.ts) run in-process under Pulumi's mocks, with stack config set
// as the engine sets it: which target it picks (a real tenant, or the running sandbox found through
// its endpoints file over real HTTP), the stack outputs, and every refusal before any resource,
// not even the component, is registered.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { integrationProgram } from "../../program/index";
import { runningSandbox, startHint } from "../../program/sandboxTarget";
import { SANDBOX_DIR_ENV } from "../../provider/core/sandboxFile";
import { TRANSCRIPT_SETTING_FILE } from "../../provider/core/transcript";
import type { PeopleReport } from "../../provider/people/probe";
import type { PreWriteFacts } from "../../provider/preflight/facts";
import type { ProbeAnswer } from "../../provider/preflight/gate";
import { useIntegrationProbes } from "../../provider/preflight/probes";
import type { RunningSandbox } from "../../sandbox/index";
import { startLocalServer } from "../support/loopbackServer";
import { sandboxInTempDirForSuite } from "../support/sandboxInTempDir";
import {
    defaultAnswers,
    type Declared,
    mockProviders,
    ProviderAnswers,
    valueOf,
    warningsDuring,
} from "../support/pulumiMocks";

const real = {
    "cxone:region": "na1",
    "cxone:employeeEmail": "okta.scim@example.com",
    "okta:orgName": "dev-7",
};

describe("the root program under mocks: target, stack outputs, refusals", function () {
    this.timeout(20_000);
    let sandbox: RunningSandbox;
    let dir: string;
    let empty: string;
    const savedDir = process.env[SANDBOX_DIR_ENV];
    const declared: Declared[] = [];
    let answers: ProviderAnswers = defaultAnswers();

    const started = sandboxInTempDirForSuite("root-program-");
    before(() => {
        ({ sandbox, dir } = started);
        empty = fs.mkdtempSync(path.join(os.tmpdir(), "root-program-none-"));
    });
    after(() => fs.rmSync(empty, { recursive: true, force: true }));
    beforeEach(() => {
        declared.length = 0;
        answers = defaultAnswers();
        mockProviders(declared, () => answers);
        sandbox.clearFaults();
        sandbox.clearRequests();
    });
    afterEach(() => {
        pulumi.runtime.setAllConfig({});
        if (savedDir === undefined) delete process.env[SANDBOX_DIR_ENV];
        else process.env[SANDBOX_DIR_ENV] = savedDir;
    });

    /** Runs the program with this stack config and the sandbox dir; its outputs, resolved. */
    async function run(
        config: Record<string, string>,
        sandboxDir: string,
    ): Promise<Record<string, unknown>> {
        pulumi.runtime.setAllConfig(config);
        process.env[SANDBOX_DIR_ENV] = sandboxDir;
        const outputs = await integrationProgram();
        const values: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(outputs)) values[k] = await valueOf(v);
        return values;
    }

    /** The program's refusal (a RunError: printed once, no stack), after checking nothing exists. */
    async function refusal(config: Record<string, string>, sandboxDir: string): Promise<string> {
        pulumi.runtime.setAllConfig(config);
        process.env[SANDBOX_DIR_ENV] = sandboxDir;
        let caught: unknown;
        try {
            await integrationProgram();
        } catch (e) {
            caught = e;
        }
        assert.ok(pulumi.RunError.isInstance(caught), `a RunError, got ${String(caught)}`);
        await new Promise((r) => setTimeout(r, 100)); // registrations are recorded async
        assert.deepEqual(
            declared.map((d) => d.name),
            [],
        );
        return (caught as Error).message;
    }
    /** The refusal of the real tenant's settings with these added, one problem a line. */
    const realTenantRefusal = async (settings: Record<string, string>) =>
        (await refusal({ ...real, ...settings }, dir)).split("\n");
    const wellKnownCalls = () =>
        sandbox
            .requests()
            .filter((r) => r.server === "cxone" && r.path === "/.well-known/openid-configuration");

    it("a real tenant: every stack output, from the region table and the children; no sandbox asked", async () => {
        answers.scimConnection = {
            status: "pending",
            remainingSteps: ["step 7: open the app", "step 8: paste the base URL"],
        };
        answers.accessKey = {
            ...answers.accessKey,
            keyAgeDays: 12,
            nextRotationDate: "2027-02-01",
        };
        answers.provisioningActions = { applied: false };
        const out = await run({ ...real, "cxone-okta-scim:createUsers": "false" }, dir);
        assert.deepEqual(out, {
            target: "na1",
            scimBaseUrl: "https://na1.nice-incontact.com/scim/v2",
            tokenEndpoint: "https://cxone.niceincontact.com/auth/token",
            authorizeEndpoint: "https://cxone.niceincontact.com/auth/authorize?scope=openid",
            appId: "cxone-okta-app-id",
            roleId: "cxone-okta-role-id",
            employeeId: "cxone-okta-employee-id",
            accessKeyId: "AKID-1",
            accessKeySecret: "s3cret-value-1",
            connectionStatus: "pending",
            accessKeyAgeDays: 12,
            nextKeyRotationDate: "2027-02-01",
            remainingSteps: ["step 7: open the app", "step 8: paste the base URL"],
            provisioningApplied: false,
            // the reads before the first write are off under mocks: no people report
            provisionedUsers: 0,
        });
        assert.deepEqual(wellKnownCalls(), [], "a real tenant never looks for the sandbox");
        const app = declared.find((d) => d.name === "cxone-okta-app");
        assert.equal(app?.inputs.orgUrl, "https://dev-7.okta.com");
        assert.equal(app?.inputs.owner, "cxone-okta-scim/dev");
        const employee = declared.find((d) => d.name === "cxone-okta-employee");
        assert.equal(employee?.inputs.email, "okta.scim@example.com");
        assert.equal(
            declared.filter((d) => d.type === "cxone-okta-scim:index:ScimIntegration").length,
            1,
        );
    });

    it("a real tenant needs no sandbox: with none running it still runs", async () => {
        const out = await run(real, empty);
        assert.equal(out.target, "na1");
        assert.equal(out.provisioningApplied, true);
        // applied, but every switch off: Okta provisions nobody
        const off = await run(
            {
                ...real,
                "cxone-okta-scim:createUsers": "false",
                "cxone-okta-scim:updateUserAttributes": "false",
                "cxone-okta-scim:deactivateUsers": "false",
            },
            empty,
        );
        assert.equal(off.provisioningApplied, false);
    });

    /** A process environment variable set (or unset) for the length of `act`. */
    async function withEnv<T>(name: string, value: string | undefined, act: () => Promise<T>) {
        const saved = process.env[name];
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
        try {
            return await act();
        } finally {
            if (saved === undefined) delete process.env[name];
            else process.env[name] = saved;
        }
    }

    /**
     * Runs `act` with one stand-in for the vendors' reads before the first write: it records the
     * facts it is asked and OKTA_API_TOKEN at that moment, and answers `answer`. A new name each
     * time: the reports are kept per process, by facts and probe names.
     */
    let probeRuns = 0;
    async function withReads<T>(answer: ProbeAnswer, act: () => Promise<T>) {
        const asked: { facts: PreWriteFacts; oktaToken?: string }[] = [];
        const restore = useIntegrationProbes([
            {
                name: `stand-in ${++probeRuns}`,
                input: "oktaOrgUrl",
                run: async (facts) => {
                    asked.push({ facts, oktaToken: process.env.OKTA_API_TOKEN });
                    return answer;
                },
            },
        ]);
        try {
            return { result: await act(), asked };
        } finally {
            restore();
        }
    }

    it("secret config: the reads before the first write know which inputs are secret, and the component reuses their answer", async () => {
        const secretKeys = [
            "cxone:roleName",
            "cxone-okta-scim:appLabel",
            // secret, but no input the reads take
            "cxone:roleDescription",
            // listed, but not set
            "cxone:adoptRoleId",
            "okta:apiToken",
        ];
        const { result, asked } = await withReads({}, () =>
            withEnv("PULUMI_CONFIG_SECRET_KEYS", JSON.stringify(secretKeys), () =>
                run(
                    {
                        ...real,
                        "cxone:roleName": "Hidden role",
                        "cxone-okta-scim:appLabel": "Hidden app",
                        "cxone:roleDescription": "hidden",
                    },
                    empty,
                ),
            ),
        );
        assert.equal(result.target, "na1");
        // one read: the component, handed the same inputs as secrets, asked with the same facts
        assert.equal(asked.length, 1, JSON.stringify(asked.map((a) => a.facts.secret)));
        assert.deepEqual(asked[0].facts.secret, ["appLabel", "roleName"]);
        assert.equal(asked[0].facts.roleName, "Hidden role");
        assert.equal(asked[0].facts.appLabel, "Hidden app");
        assert.equal(asked[0].facts.adoptRoleId, undefined);
    });

    it("okta:apiToken is the reads' Okta token when OKTA_API_TOKEN is unset; a set variable wins", async () => {
        const tokens: (string | undefined)[] = [];
        const runWith = async (env: string | undefined, config: Record<string, string>) => {
            const { asked } = await withReads({}, () =>
                withEnv("OKTA_API_TOKEN", env, () => run({ ...real, ...config }, empty)),
            );
            assert.equal(asked.length, 1);
            tokens.push(asked[0].oktaToken);
        };
        await runWith(undefined, { "okta:apiToken": "00from-config" });
        await runWith("00from-env", { "okta:apiToken": "00from-config" });
        await runWith(undefined, {});
        await runWith("00from-env", {});
        assert.deepEqual(tokens, ["00from-config", "00from-env", undefined, "00from-env"]);
    });

    it("the reads refuse: every refusal named by its config key, one a line, the people lines told, nothing registered", async () => {
        const people = {
            lines: [
                "2 people lose CXone access",
                "ann@example.com: deactivated in CXone",
                "bo@example.com: deactivated in CXone",
            ],
        } as PeopleReport;
        const answer: ProbeAnswer = {
            refusals: [
                { propertyPath: "groupIds[1]", reason: "groupIds[1]: no Okta group 00g2" },
                { propertyPath: "roleName", reason: "roleName: another stack's role" },
            ],
            people,
        };
        let message = "";
        const told = await warningsDuring(async () => {
            ({ result: message } = await withReads(answer, () =>
                refusal({ ...real, "cxone-okta-scim:groupIds": '["00g1", "00g2"]' }, empty),
            ));
        });
        assert.deepEqual(message.split("\n"), [
            "cxone-okta-scim:groupIds (groupIds[1]): no Okta group 00g2",
            "cxone:roleName: another stack's role",
        ]);
        assert.deepEqual(told, people.lines);
    });

    it("cxone-okta-scim:transcript is handed to the provider process in a file beside the program; unset, the file goes", async () => {
        const cwd = process.cwd();
        const work = fs.mkdtempSync(path.join(os.tmpdir(), "root-program-cwd-"));
        try {
            process.chdir(work);
            const here = process.cwd();
            const setting = path.join(here, TRANSCRIPT_SETTING_FILE);
            await run({ ...real, "cxone-okta-scim:transcript": "run.log" }, empty);
            assert.equal(fs.readFileSync(setting, "utf8"), `${path.join(here, "run.log")}\n`);
            await run(real, empty);
            assert.equal(fs.existsSync(setting), false);
        } finally {
            process.chdir(cwd);
            fs.rmSync(work, { recursive: true, force: true });
        }
    });

    it("no cxone:region: the running sandbox, found through its endpoints file, is the target", async () => {
        const out = await run({}, dir);
        const base = sandbox.urls.cxone;
        assert.equal(out.target, "sandbox");
        assert.equal(out.scimBaseUrl, `${base}/scim/v2`);
        assert.equal(out.tokenEndpoint, `${base}/auth/token`);
        assert.equal(out.authorizeEndpoint, `${base}/auth/authorize?scope=openid`);
        assert.equal(wellKnownCalls().length, 1, "asked once whether it runs");
        const role = declared.find((d) => d.name === "cxone-okta-role");
        assert.deepEqual(role?.inputs.endpoint, {
            issuerUrl: base,
            areaUrl: base,
            tenantId: sandbox.endpoints.cxone.tenantId,
        });
        const app = declared.find((d) => d.name === "cxone-okta-app");
        assert.equal(app?.inputs.orgUrl, sandbox.urls.okta);
        const employee = declared.find((d) => d.name === "cxone-okta-employee");
        assert.equal(employee?.inputs.email, "scim.accesskey@sandbox.example");
    });

    it("no cxone:region and no sandbox: refused with how to start it, nothing registered", async () => {
        assert.equal(await refusal({}, empty), startHint);
        assert.match(startHint, /npm run sandbox -- start/);
        assert.match(startHint, /cxone:region and okta:orgName/);
    });

    it("a damaged sandbox endpoints file: refused naming the file and how to write it again, nothing registered", async () => {
        const damaged = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-target-damaged-"));
        try {
            const file = path.join(damaged, "endpoints.json");
            for (const [text, what] of [
                ["{ not json", "is not JSON"],
                [
                    JSON.stringify({ cxone: { baseUrl: sandbox.urls.cxone } }),
                    "has no cxone.baseUrl or okta.orgUrl",
                ],
                [
                    JSON.stringify({ okta: { orgUrl: sandbox.urls.okta } }),
                    "has no cxone.baseUrl or okta.orgUrl",
                ],
                ["null", "has no cxone.baseUrl or okta.orgUrl"],
            ]) {
                fs.writeFileSync(file, text);
                sandbox.clearRequests();
                assert.equal(
                    await refusal({}, damaged),
                    `the sandbox's endpoints file ${file} ${what}: restart the sandbox (\`npm run sandbox -- stop\`, then \`npm run sandbox -- start\`), which writes it again`,
                    text,
                );
                assert.deepEqual(
                    wellKnownCalls(),
                    [],
                    "no request to an address it could not read",
                );
            }
        } finally {
            fs.rmSync(damaged, { recursive: true, force: true });
        }
    });

    it("a foreign okta: key is refused with how to move it, every such key on its own line", async () => {
        assert.deepEqual(
            await realTenantRefusal({ "okta:groupIds": '["00g1"]', "okta:colour": "blue" }),
            [
                "okta:groupIds has moved to cxone-okta-scim:groupIds (okta: holds only the Okta " +
                    "provider's own keys): pulumi config rm okta:groupIds && pulumi config set " +
                    "cxone-okta-scim:groupIds <value>",
                "okta:colour is not a setting of the Okta provider or of this program: remove it " +
                    "with pulumi config rm okta:colour",
            ],
        );
        assert.deepEqual(wellKnownCalls(), [], "refused before looking for the sandbox");
    });

    it("bad settings are refused together, each naming its config key, nothing registered", async () => {
        const message = await refusal(
            { "cxone:region": "na1", "cxone:inviteEmployee": "yes" },
            dir,
        );
        assert.deepEqual(message.split("\n"), [
            "cxone:employeeEmail is required: an email address you own (CXone sends the " +
                "activation email there)",
            "okta:orgName is required for a real tenant (e.g. dev-123456); with okta:baseUrl " +
                "(default okta.com)",
            'cxone:inviteEmployee must be true or false (got "yes")',
        ]);
    });

    it("the component's own problems are refused in config keys before the component exists", async () => {
        const lines = await realTenantRefusal({
            "cxone:region": "mars1",
            "cxone:employeeEmail": "not-an-email",
        });
        assert.equal(lines.length, 1, lines.join("\n"));
        assert.match(
            lines[0],
            /^cxone:region \(cxone\.region\): region "mars1" is not a known CXone region/,
        );
        const child = await refusal({ ...real, "cxone:employeeEmail": "not-an-email" }, dir);
        assert.match(child, /^cxone:employeeEmail: email must be an email address/);
        assert.doesNotMatch(child, /employeeEmail \(employeeEmail\)/);
    });

    it("a rotation schedule the access key refuses is refused before the role exists", async () => {
        const lines = await realTenantRefusal({
            "cxone-okta-scim:rotateAfterDays": "0",
            "cxone-okta-scim:maxRotationOverlapDays": "4000",
        });
        assert.deepEqual(lines, [
            "cxone-okta-scim:rotateAfterDays: rotateAfterDays must be a number from 1 to 3650",
            "cxone-okta-scim:maxRotationOverlapDays: maxOverlapDays must be a number from 0 to 3650",
        ]);
    });

    // Each bad setting the engine suites once ran one `pulumi preview`/`up` each for (30 engine runs):
    // the same program code refuses it here. On a real tenant (test/integration/badInput.engine
    // keeps two on the CLI) and on the sandbox stack (test/program/badInput.engine keeps three: up,
    // up --skip-preview, preview). Each: a RunError naming the key, nothing registered, no write.
    const ns = "cxone-okta-scim";
    const realTenant = {
        ...real,
        "okta:orgName": "dev-1",
        "cxone:employeeEmail": "ops@example.com",
    };
    const badSettings: [string, Record<string, string>, RegExp][] = [
        [
            "cxone:fedramp not a boolean",
            { ...realTenant, "cxone:region": "na2", "cxone:fedramp": "yes" },
            /cxone:fedramp must be true or false/,
        ],
        [
            "groupIds not a JSON list",
            { ...realTenant, [`${ns}:groupIds`]: "00g1" },
            /cxone-okta-scim:groupIds must be a JSON list of strings/,
        ],
        [
            "waitForAuthorizationSeconds negative",
            { ...realTenant, [`${ns}:waitForAuthorizationSeconds`]: "-3" },
            /cxone-okta-scim:waitForAuthorizationSeconds must be a number of seconds/,
        ],
        [
            "resources unknown",
            { ...realTenant, [`${ns}:resources`]: "terraform" },
            /cxone-okta-scim:resources must be "builtin" or "pulumi-okta"/,
        ],
        [
            "cxone:region unknown",
            { ...realTenant, "cxone:region": "mars1" },
            /region "mars1" is not a known CXone region/,
        ],
        [
            "okta:orgName missing for a real tenant",
            { "cxone:region": "na1", "cxone:employeeEmail": "ops@example.com" },
            /okta:orgName is required/,
        ],
        [
            "cxone:employeeEmail missing for a real tenant",
            { ...realTenant, "cxone:employeeEmail": "" },
            /cxone:employeeEmail is required|email/,
        ],
        [
            "cxone:employeeEmail not an email",
            { ...realTenant, "cxone:employeeEmail": "ops.example.com" },
            /cxone:employeeEmail: email must be an email address/,
        ],
        [
            "cxone:roleName with a forbidden character",
            { ...realTenant, "cxone:roleName": "SCIM & Okta" },
            /cxone:roleName: name must not contain &/,
        ],
        [
            "groupIds with an empty id",
            { ...realTenant, [`${ns}:groupIds`]: '[""]' },
            /cxone-okta-scim:groupIds \(groupIds\[0\]\): groupId is required/,
        ],
        [
            "appLabel of 101 characters",
            { ...realTenant, [`${ns}:appLabel`]: "x".repeat(101) },
            /cxone-okta-scim:appLabel: label must be at most 100 characters/,
        ],
        // the sandbox stack (no cxone:region)
        [
            "sandbox: an empty group id",
            { [`${ns}:groupIds`]: '["00g1aaaaaaaaaaaaaaaa", ""]' },
            /cxone-okta-scim:groupIds \(groupIds\[1\]\): groupId is required/,
        ],
        [
            "sandbox: createUsers not a boolean",
            { [`${ns}:createUsers`]: "maybe" },
            /cxone-okta-scim:createUsers must be true or false/,
        ],
        [
            "sandbox: wait of more than a day",
            { [`${ns}:waitForAuthorizationSeconds`]: "100000" },
            /cxone-okta-scim:waitForAuthorizationSeconds: waitForAuthorizationSeconds must be a number from 0 to 86400/,
        ],
        [
            "sandbox: rotation of 201 characters",
            { "cxone:accessKeyRotation": "r".repeat(201) },
            /cxone:accessKeyRotation: rotation must be at most 200 characters/,
        ],
        [
            "sandbox: app label of 101 characters",
            { [`${ns}:appLabel`]: "L".repeat(101) },
            /cxone-okta-scim:appLabel: label must be at most 100 characters/,
        ],
        [
            "sandbox: role description of 980 characters (only what was typed counts)",
            { "cxone:roleDescription": "d".repeat(980) },
            /cxone:roleDescription: must be at most \d+ characters \(got 980\): CXone keeps 1000, and the stack's mark/,
        ],
        [
            "sandbox: spaces around the employee email",
            { "cxone:employeeEmail": " scim.accesskey@sandbox.example" },
            /cxone:employeeEmail: email must not start or end with spaces \(got " scim.accesskey@sandbox.example"\)/,
        ],
        [
            "sandbox: a CXone attribute mapped twice",
            {
                [`${ns}:attributeMappings`]:
                    '{"nice:team": "user.department", "nice:team": "user.title"}',
            },
            /cxone-okta-scim:attributeMappings: "nice:team" given more than once/,
        ],
        [
            "sandbox: first name of 51 characters",
            { "cxone:employeeFirstName": "F".repeat(51) },
            /cxone:employeeFirstName: firstName must be at most 50 characters/,
        ],
    ];
    for (const [what, config, names] of badSettings) {
        it(`${what}: refused naming its key, nothing registered, no write`, async () => {
            assert.match(await refusal(config, dir), names);
            assert.deepEqual(
                sandbox
                    .requests()
                    .filter((q) => q.method !== "GET")
                    .map((q) => `${q.method} ${q.path}`),
                [],
            );
        });
    }

    /** Loads the CLI's entry point afresh: it runs the program as it is loaded. */
    function loadMain(): Promise<Record<string, unknown>> {
        const file = require.resolve("../../program/main");
        delete require.cache[file];
        return require(file);
    }

    it("the CLI entry point (program/main.ts) exports the program's outputs", async () => {
        pulumi.runtime.setAllConfig(real);
        process.env[SANDBOX_DIR_ENV] = empty;
        const outputs = await loadMain();
        assert.equal(await valueOf(outputs.target), "na1");
        assert.equal(await valueOf(outputs.accessKeyId), "AKID-1");
    });

    it("the entry point's refusal is reported once by the SDK: no unhandled rejection", async () => {
        pulumi.runtime.setAllConfig({});
        process.env[SANDBOX_DIR_ENV] = empty;
        const unhandled: unknown[] = [];
        const record = (reason: unknown) => unhandled.push(reason);
        // mocha's own listener would fail the run; only this test's listener hears it meanwhile
        const others = process.listeners("unhandledRejection");
        process.removeAllListeners("unhandledRejection");
        process.on("unhandledRejection", record);
        let outputs: Promise<Record<string, unknown>>;
        try {
            outputs = loadMain();
            // the SDK's runner awaits the export later: give Node time to judge the rejection
            await new Promise((r) => setTimeout(r, 100));
        } finally {
            process.removeListener("unhandledRejection", record);
            for (const l of others) process.on("unhandledRejection", l);
        }
        assert.deepEqual(unhandled, []);
        await assert.rejects(outputs, (e: Error) => e.message === startHint);
    });
});

describe("finding the running sandbox (program/sandboxTarget.ts), over real HTTP", function () {
    this.timeout(20_000);
    let sandbox: RunningSandbox;
    let dir: string;
    const savedDir = process.env[SANDBOX_DIR_ENV];
    const started = sandboxInTempDirForSuite("sandbox-target-");
    beforeEach(() => {
        ({ sandbox, dir } = started);
        sandbox.clearFaults();
        sandbox.clearRequests();
        process.env[SANDBOX_DIR_ENV] = dir;
    });
    afterEach(() => {
        if (savedDir === undefined) delete process.env[SANDBOX_DIR_ENV];
        else process.env[SANDBOX_DIR_ENV] = savedDir;
    });
    const probes = () =>
        sandbox.requests().filter((r) => r.path === "/.well-known/openid-configuration");
    /** The pauses runningSandbox takes between its tries (none really waited). */
    const pauses: number[] = [];
    const pause = (ms: number) => {
        pauses.push(ms);
        return Promise.resolve();
    };
    beforeEach(() => {
        pauses.length = 0;
    });
    const failing = (times?: number) =>
        sandbox.setFaults([
            {
                kind: "status",
                status: 503,
                path: "^/\\.well-known/openid-configuration$",
                ...(times === undefined ? {} : { times }),
            },
        ]);

    it("a running sandbox: its endpoints file as written, after one discovery request", async () => {
        const found = await runningSandbox(pause);
        assert.deepEqual(
            found,
            JSON.parse(fs.readFileSync(path.join(dir, "endpoints.json"), "utf8")),
        );
        assert.equal(found?.cxone.baseUrl, sandbox.urls.cxone);
        assert.deepEqual(
            probes().map((r) => [r.method, r.status]),
            [["GET", 200]],
        );
        assert.deepEqual(pauses, []);
    });

    it("two dropped answers do not read as 'not running': the third try finds it", async () => {
        failing(2);
        const found = await runningSandbox(pause);
        assert.equal(found?.cxone.baseUrl, sandbox.urls.cxone);
        assert.deepEqual(
            probes().map((r) => r.status),
            [503, 503, 200],
        );
        assert.deepEqual(pauses, [300, 300]);
    });

    it("three failed tries: not running (undefined), no fourth request, a pause between tries only", async () => {
        failing();
        assert.equal(await runningSandbox(pause), undefined);
        assert.equal(probes().length, 3);
        assert.deepEqual(pauses, [300, 300]);
    });

    it("only a 2xx answer is the sandbox: a 300 is tried again", async () => {
        // the sandbox answers no 3xx: a loopback server stands in at the file's address
        const server = await startLocalServer();
        const other = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-target-300-"));
        try {
            const endpoints = { cxone: { baseUrl: server.url }, okta: { orgUrl: server.url } };
            fs.writeFileSync(path.join(other, "endpoints.json"), JSON.stringify(endpoints));
            process.env[SANDBOX_DIR_ENV] = other;
            const statuses = [300, 300, 200];
            server.answer = () => ({ status: statuses[server.seen.length - 1], body: {} });
            assert.deepEqual(await runningSandbox(pause), endpoints);
            assert.deepEqual(
                server.seen.map((r) => `${r.method} ${r.path}`),
                Array(3).fill("GET /.well-known/openid-configuration"),
            );
            assert.deepEqual(pauses, [300, 300]);
        } finally {
            await server.stop();
            fs.rmSync(other, { recursive: true, force: true });
        }
    });

    it("the pause between tries is a real 300 ms by default", async () => {
        failing(1);
        const t0 = Date.now();
        assert.equal((await runningSandbox())?.cxone.baseUrl, sandbox.urls.cxone);
        assert.ok(Date.now() - t0 >= 250, `${Date.now() - t0} ms`);
    });

    it("no endpoints file: not running, without any request", async () => {
        const none = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-target-none-"));
        try {
            process.env[SANDBOX_DIR_ENV] = none;
            assert.equal(await runningSandbox(pause), undefined);
            assert.deepEqual(probes(), []);
            assert.deepEqual(pauses, []);
        } finally {
            fs.rmSync(none, { recursive: true, force: true });
        }
    });
});
