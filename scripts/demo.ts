// The main job: the whole integration deployed against the sandbox, as an operator would live it,
// with plain `pulumi` commands: up (console steps pending) -> the console steps, played in the
// sandbox -> up (provisioning actions on) -> preview --expect-no-changes -> connection test -> a
// sample user provisioned by Okta into CXone -> stack output.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CxoneClient } from "../provider/cxone/client";
import { formatVerifyResult } from "../provider/verify/verify";
import { verifySparingKey } from "../provider/verify/verifySparingKey";
import { cxoneEndpointFor, sandboxRegion } from "../provider/cxone/discovery/regions";
import { completeConsoleSteps, IntegrationOutputs } from "../sandbox/operator";
import { formatSample, provisionSampleUser } from "../sandbox/samples";
import { pulumiCli } from "./lib/pulumiCommand";
import { engineEnv, repoRoot } from "./lib/engine";

const sandboxDir = process.env.CXONE_OKTA_SANDBOX_DIR ?? path.join(repoRoot, ".sandbox");
// the repository's local backend, as `npm run pulumi` uses it (a test gives the demo its own)
const backendDir =
    process.env.CXONE_OKTA_DEMO_BACKEND_DIR ?? path.join(repoRoot, ".pulumi-local", "backend");
const stackName = "demo";
const say = (title: string) => console.log(`\n=== ${title} ===`);
const sandboxCli = (...args: string[]) =>
    execFileSync(process.execPath, [path.join(repoRoot, "dist", "sandbox", "cli.js"), ...args], {
        stdio: "inherit",
        env: { ...process.env, CXONE_OKTA_SANDBOX_DIR: sandboxDir },
    });

async function main(): Promise<void> {
    say("1. Start a fresh sandbox (local CXone and Okta)");
    sandboxCli("stop");
    sandboxCli("reset");
    sandboxCli("start");
    const endpoints = JSON.parse(fs.readFileSync(path.join(sandboxDir, "endpoints.json"), "utf8"));

    // The same settings `npm run pulumi` uses: this repo's local backend and the sandbox.
    const env = engineEnv(backendDir, { CXONE_OKTA_SANDBOX_DIR: sandboxDir });
    if (!process.env.PULUMI_HOME) delete env.PULUMI_HOME;
    const pulumi = pulumiCli(repoRoot, env);
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
    console.log(
        `connection status: ${o.connectionStatus}; provisioning actions applied: ${o.provisioningApplied}`,
    );

    say("3. The operator's console steps (played in the sandbox: no Okta API exists for them)");
    console.log(
        "- Okta: Enable SCIM provisioning; SCIM connection settings saved from the stack outputs " +
            "(the secret from `pulumi stack output accessKeySecret --show-secrets`)",
    );
    const admin = { email: endpoints.cxone.adminEmail, password: endpoints.cxone.adminPassword };
    const auth = await completeConsoleSteps(endpoints.okta.orgUrl, o, admin);
    console.log(
        `- Okta: "Authenticate with CXone": signed in on CXone's login page as ${admin.email} -> ` +
            (auth.ok ? "CXone authenticated" : "FAILED"),
    );
    if (!auth.ok) throw new Error("Authenticate with CXone failed in the sandbox");

    say("4. pulumi up again: the connection is authorized, provisioning actions switched on");
    pulumi.run("up", "--yes", "--stack", stackName);
    o = outputs();
    console.log(
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
    const result = await verifySparingKey({
        region,
        accessKeyId: o.accessKeyId,
        admin: new CxoneClient(cxoneEndpointFor(region, c.tenantId), {
            credentials: {
                accessKeyId: c.adminAccessKeyId,
                accessKeySecret: c.adminAccessKeySecret,
                tenantId: c.tenantId,
            },
        }),
    });
    console.log(formatVerifyResult(result));
    if (!result.ok) throw new Error("the connection test failed");

    say(
        "7. Okta provisions a sample user into CXone (assigned to the app in Okta, pushed over SCIM)",
    );
    console.log(formatSample(await provisionSampleUser(endpoints, o.appId)));

    say("8. The stack's outputs, as other projects read them (secrets hidden)");
    pulumi.run("stack", "output", "--stack", stackName);

    say("On real tenants");
    console.log(
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

main().then(
    () => process.exit(0),
    (e: Error) => {
        console.error(`\ndemo failed: ${e.message.split("\n")[0]}`);
        process.exit(1);
    },
);
