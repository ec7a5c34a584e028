// The main job: the whole integration deployed against the sandbox, as an operator would live it,
// with plain `pulumi` commands: up (console steps pending) -> the console steps, played in the
// sandbox -> up (provisioning actions on) -> preview --expect-no-changes -> connection test -> a
// sample user provisioned by Okta into CXone -> stack output.
// `demo` takes what it runs as arguments (commands, the scripted person, output), so a unit test
// can follow it step by step; run as a process (`npm run demo`), it is given the real ones.
import { execFileSync, type ExecFileSyncOptions } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CxoneClient } from "../provider/cxone/client";
import { formatVerifyResult, type VerifyResult } from "../provider/verify/verify";
import { verifySparingKey, type SparingVerifyInput } from "../provider/verify/verifySparingKey";
import {
    cxoneEndpointFor,
    sandboxRegion,
    type CxoneEndpoint,
} from "../provider/cxone/discovery/regions";
import { completeConsoleSteps, IntegrationOutputs } from "../sandbox/operator";
import {
    formatSample,
    provisionSampleUser,
    type SampleResult,
    type SampleSandbox,
} from "../sandbox/samples";
import { type Cli, pulumiCli } from "./lib/pulumiCommand";
import { engineEnv, repoRoot } from "./lib/engine";

/** What the demo runs and where it writes. */
export interface DemoDeps {
    /** The environment: the demo's folders are read from it, the sandbox CLI gets it. */
    env: NodeJS.ProcessEnv;
    /** Runs a command to its end (execFileSync); throws when it fails. */
    execFile(file: string, args: string[], options: ExecFileSyncOptions): unknown;
    /** `pulumi` as the operator types it, in `cwd` with `env` (pulumiCli). */
    pulumi(cwd: string, env: Record<string, string>): Cli;
    /** The operator's console steps, played in the sandbox (completeConsoleSteps). */
    consoleSteps: typeof completeConsoleSteps;
    /** The CXone admin client the connection test uses. */
    adminClient(endpoint: CxoneEndpoint, credentials: AdminCredentials): CxoneClient;
    /** The connection test that spares the key (verifySparingKey). */
    verify(input: SparingVerifyInput): Promise<VerifyResult>;
    /** Okta provisions a sample user into CXone (provisionSampleUser). */
    provisionSample(sandbox: SampleSandbox, appId: string): Promise<SampleResult>;
    /** The demo's output (standard output) and its failure line (standard error). */
    log(text: string): void;
    error(text: string): void;
}

type AdminCredentials = { accessKeyId: string; accessKeySecret: string; tenantId: string };

/** The demo as `npm run demo` runs it. */
export const processDeps: DemoDeps = {
    env: process.env,
    execFile: execFileSync,
    pulumi: pulumiCli,
    consoleSteps: completeConsoleSteps,
    adminClient: (endpoint, credentials) => new CxoneClient(endpoint, { credentials }),
    verify: verifySparingKey,
    provisionSample: provisionSampleUser,
    log: console.log,
    error: console.error,
};

export const stackName = "demo";

/** The sandbox's folder and the backend's, as `npm run pulumi` uses them (a test gives its own). */
export function demoFolders(env: NodeJS.ProcessEnv): { sandboxDir: string; backendDir: string } {
    return {
        sandboxDir: env.CXONE_OKTA_SANDBOX_DIR ?? path.join(repoRoot, ".sandbox"),
        // the repository's local backend, as `npm run pulumi` uses it
        backendDir:
            env.CXONE_OKTA_DEMO_BACKEND_DIR ?? path.join(repoRoot, ".pulumi-local", "backend"),
    };
}

/** Runs the demo; its exit code: 0, or 1 after a line naming what failed. */
export async function demo(deps: DemoDeps): Promise<number> {
    try {
        await runDemo(deps);
        return 0;
    } catch (e) {
        deps.error(`\ndemo failed: ${(e as Error).message.split("\n")[0]}`);
        return 1;
    }
}

async function runDemo(deps: DemoDeps): Promise<void> {
    const { sandboxDir, backendDir } = demoFolders(deps.env);
    const say = (title: string) => deps.log(`\n=== ${title} ===`);
    const sandboxCli = (...args: string[]) =>
        deps.execFile(
            process.execPath,
            [path.join(repoRoot, "dist", "sandbox", "cli.js"), ...args],
            {
                stdio: "inherit",
                env: { ...deps.env, CXONE_OKTA_SANDBOX_DIR: sandboxDir },
            },
        );

    say("1. Start a fresh sandbox (local CXone and Okta)");
    sandboxCli("stop");
    sandboxCli("reset");
    sandboxCli("start");
    const endpointsFile = path.join(sandboxDir, "endpoints.json");
    // Stryker disable next-line StringLiteral: JSON.parse reads a Buffer as UTF-8 text as well
    const endpoints = JSON.parse(fs.readFileSync(endpointsFile, "utf8"));

    // The same settings `npm run pulumi` uses: this repo's local backend and the sandbox.
    const env = engineEnv(backendDir, { CXONE_OKTA_SANDBOX_DIR: sandboxDir });
    if (!deps.env.PULUMI_HOME) delete env.PULUMI_HOME;
    const pulumi = deps.pulumi(repoRoot, env);
    try {
        pulumi.read("stack", "rm", stackName, "--yes", "--force");
    } catch {
        // no demo stack yet
    }
    const outputs = () =>
        JSON.parse(
            pulumi.read("stack", "output", "--json", "--show-secrets", "--stack", stackName),
        ) as IntegrationOutputs & Record<string, unknown>;

    say("2. pulumi up: CXone role, employee, access key; Okta SWA app; SCIM connection declared");
    pulumi.run("stack", "init", stackName);
    pulumi.run("up", "--yes", "--stack", stackName);
    let o = outputs();
    deps.log(
        `connection status: ${o.connectionStatus}; provisioning actions applied: ${o.provisioningApplied}`,
    );

    say("3. The operator's console steps (played in the sandbox: no Okta API exists for them)");
    deps.log(
        "- Okta: Enable SCIM provisioning; SCIM connection settings saved from the stack outputs " +
            "(the secret from `pulumi stack output accessKeySecret --show-secrets`)",
    );
    const admin = { email: endpoints.cxone.adminEmail, password: endpoints.cxone.adminPassword };
    const auth = await deps.consoleSteps(endpoints.okta.orgUrl, o, admin);
    deps.log(
        `- Okta: "Authenticate with CXone": signed in on CXone's login page as ${admin.email} -> ` +
            (auth.ok ? "CXone authenticated" : "FAILED"),
    );
    if (!auth.ok) throw new Error("Authenticate with CXone failed in the sandbox");

    say("4. pulumi up again: the connection is authorized, provisioning actions switched on");
    pulumi.run("up", "--yes", "--stack", stackName);
    o = outputs();
    deps.log(
        `connection status: ${o.connectionStatus}; provisioning actions applied: ${o.provisioningApplied}`,
    );

    say("5. pulumi preview: nothing drifted (refresh is always on in Pulumi.yaml)");
    pulumi.run("preview", "--expect-no-changes", "--stack", stackName);

    say(
        "6. Connection test (npm run verify): the key checked (not used), its employee signs in, a SCIM request",
    );
    // the sandbox's area host, as discovery names it (sign-ins happen there)
    const region = sandboxRegion(
        endpoints.cxone.hosts?.area
            ? { issuer: endpoints.cxone.baseUrl, area: endpoints.cxone.hosts.area }
            : endpoints.cxone.baseUrl,
    );
    const c = endpoints.cxone;
    const result = await deps.verify({
        region,
        accessKeyId: o.accessKeyId,
        admin: deps.adminClient(cxoneEndpointFor(region, c.tenantId), {
            accessKeyId: c.adminAccessKeyId,
            accessKeySecret: c.adminAccessKeySecret,
            tenantId: c.tenantId,
        }),
    });
    deps.log(formatVerifyResult(result));
    if (!result.ok) throw new Error("the connection test failed");

    say(
        "7. Okta provisions a sample user into CXone (assigned to the app in Okta, pushed over SCIM)",
    );
    deps.log(formatSample(await deps.provisionSample(endpoints, o.appId)));

    say("8. The stack's outputs, as other projects read them (secrets hidden)");
    pulumi.run("stack", "output", "--stack", stackName);

    say("On real tenants");
    deps.log(
        [
            "Everything above runs the same against real CXone and Okta (set cxone:region, okta:orgName,",
            "CXONE_ACCESS_KEY_ID/SECRET, OKTA_API_TOKEN), except step 3: Okta's public API cannot enable SCIM",
            'provisioning or save the SCIM connection of a custom app, and "Authenticate with CXone" is a person',
            "signing in. The first `pulumi up` prints those steps with the exact values; after them, `pulumi up`",
            "finishes (or `pulumi config set waitForAuthorizationSeconds 600` so one `up` waits while you click).",
            `The sandbox keeps running (stop: npm run sandbox -- stop). The demo stack stays: try`,
            `  npm run pulumi -- stack output --stack ${stackName}`,
            `  npm run pulumi -- destroy --yes --stack ${stackName}`,
            "(a destroy that would cut the sample user off is refused until you allow that count: the message",
            "says how; docs/people.md)",
        ].join("\n"),
    );
}

// Stryker disable next-line all: the process entry; demo.engine runs it (a child process)
if (require.main === module) void demo(processDeps).then((code) => process.exit(code));
