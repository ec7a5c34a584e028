// The main job: the whole integration deployed against the sandbox, as an operator would live it.
// pulumi up (console steps pending) -> the console steps, played in the sandbox -> pulumi up
// (provisioning actions on) -> no-change preview --refresh -> connection test -> a sample user
// provisioned by Okta into CXone -> outputs, and what stays manual on real tenants.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { verifyConnection, formatVerifyResult } from "../provider/verify";
import { sandboxRegion } from "../provider/regions";
import { integrationProgram } from "../program/index";
import { completeConsoleSteps, IntegrationOutputs } from "../sandbox/operator";
import { formatSample, provisionSampleUser } from "../sandbox/samples";
import { openStack, repoRoot } from "./lib/engine";

const sandboxDir = process.env.CXONE_OKTA_SANDBOX_DIR ?? path.join(repoRoot, ".sandbox");
const backendDir = path.join(repoRoot, ".pulumi-local", "demo-backend");
const say = (title: string) => console.log(`\n=== ${title} ===`);
const sandboxCli = (...args: string[]) =>
    execFileSync(process.execPath, [path.join(repoRoot, "dist", "sandbox", "cli.js"), ...args], { stdio: "inherit", env: { ...process.env, CXONE_OKTA_SANDBOX_DIR: sandboxDir } });

async function main(): Promise<void> {
    say("1. Start a fresh sandbox (local CXone and Okta)");
    sandboxCli("stop");
    sandboxCli("reset");
    sandboxCli("start");
    process.env.CXONE_OKTA_SANDBOX_DIR = sandboxDir;
    const endpoints = JSON.parse(fs.readFileSync(path.join(sandboxDir, "endpoints.json"), "utf8"));

    fs.rmSync(backendDir, { recursive: true, force: true });
    const stack = await openStack({
        projectName: "cxone-okta-scim", stackName: "demo", program: integrationProgram, workDir: repoRoot, backendDir,
        useProjectFile: true, env: { CXONE_OKTA_SANDBOX_DIR: sandboxDir },
    });
    const onOutput = (t: string) => process.stdout.write(t);
    const outputs = async () => Object.fromEntries(Object.entries(await stack.outputs()).map(([k, o]) => [k, o.value])) as IntegrationOutputs & Record<string, unknown>;

    say("2. pulumi up: CXone role, employee, access key; Okta SWA app; SCIM connection declared");
    await stack.up({ onOutput });
    let o = await outputs();
    console.log(`connection status: ${o.connectionStatus}; provisioning actions applied: ${o.provisioningApplied}`);

    say("3. The operator's console steps (played in the sandbox: no Okta API exists for them)");
    console.log("- Okta: Enable SCIM provisioning; SCIM connection settings saved from the stack outputs (the secret from `pulumi stack output accessKeySecret --show-secrets`)");
    const auth = await completeConsoleSteps(endpoints.okta.orgUrl, o, { email: endpoints.cxone.adminEmail, password: endpoints.cxone.adminPassword });
    console.log(`- Okta: "Authenticate with CXone": signed in on CXone's login page as ${endpoints.cxone.adminEmail} -> ${auth.ok ? "CXone authenticated" : "FAILED"}`);
    if (!auth.ok) throw new Error("Authenticate with CXone failed in the sandbox");

    say("4. pulumi up again: the connection is authorized, provisioning actions switched on");
    await stack.up({ onOutput });
    o = await outputs();
    console.log(`connection status: ${o.connectionStatus}; provisioning actions applied: ${o.provisioningApplied}`);

    say("5. pulumi preview --refresh: nothing drifted");
    const pv = await stack.preview({ refresh: true });
    console.log(`change summary: ${JSON.stringify(pv.changeSummary)}`);

    say("6. Connection test (npm run verify): token with the access key, then a SCIM request");
    const result = await verifyConnection({ region: sandboxRegion(endpoints.cxone.baseUrl), accessKeyId: o.accessKeyId, accessKeySecret: o.accessKeySecret });
    console.log(formatVerifyResult(result));

    say("7. Okta provisions a sample user into CXone (assigned to the app in Okta, pushed over SCIM)");
    console.log(formatSample(await provisionSampleUser(endpoints, o.appId)));

    say("Stack outputs (secrets hidden)");
    for (const [k, v] of Object.entries(await stack.outputs())) {
        if (k === "remainingSteps") continue;
        console.log(`  ${k}: ${v.secret ? "[secret]" : JSON.stringify(v.value)}`);
    }
    say("On real tenants");
    console.log([
        "Everything above runs the same against real CXone and Okta (set cxone:region, okta:orgName, CXONE_ACCESS_KEY_ID/SECRET, OKTA_API_TOKEN),",
        "except step 3: Okta's public API cannot enable SCIM provisioning or save the SCIM connection of a custom app, and",
        "\"Authenticate with CXone\" is a person signing in. The first `pulumi up` prints those steps with the exact values;",
        "after them, `pulumi up` finishes (or set cxone-okta-scim:waitForAuthorizationSeconds so one `up` waits while you click).",
        `The sandbox keeps running (stop: npm run sandbox -- stop). Demo stack state: ${backendDir}`,
    ].join("\n"));
}

main().then(() => process.exit(0), (e: Error) => {
    console.error(`\ndemo failed: ${e.message}`);
    process.exit(1);
});
