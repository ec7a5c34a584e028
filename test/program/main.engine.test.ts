// Plain `pulumi`, as a user runs it in this repository: stack init, up, the console steps, up,
// preview --expect-no-changes, config set of a program setting, stack output, a consumer project
// reading the outputs through a StackReference, destroy. The CLI runs the program through the
// Node.js language host (ours here) in its own process; nothing runs in the test process.
import { strict as assert } from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { completeConsoleSteps, IntegrationOutputs } from "../../sandbox/operator";
import { RunningSandbox, startSandbox } from "../../sandbox/index";
import { engineEnv, repoRoot } from "../../scripts/lib/engine";
import { pulumi, pulumiOk } from "../../scripts/lib/pulumiCommand";
import { timesReported } from "../support/diagnostics";

describe("plain pulumi in the repository (real CLI, our language host, sandbox)", function () {
    this.timeout(300_000);
    const run = crypto.randomBytes(3).toString("hex");
    const stack = `cli-${run}`;
    const consumerStack = `consumer-${run}`;
    const consumerDir = path.join(repoRoot, "examples", "consumer");
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-backend-"));
    let sandbox: RunningSandbox;
    let env: Record<string, string>;
    const cli = (...args: string[]) => pulumiOk(repoRoot, env, ...args);
    const outputs = async (): Promise<IntegrationOutputs & Record<string, unknown>> =>
        JSON.parse(await cli("stack", "output", "--json", "--show-secrets", "--stack", stack));

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-cli-"));
        sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        process.env.CXONE_OKTA_SANDBOX_DIR = dir;
        env = engineEnv(backendDir, { CXONE_OKTA_SANDBOX_DIR: dir });
    });
    after(async () => {
        await sandbox?.stop();
        for (const f of [
            path.join(repoRoot, `Pulumi.${stack}.yaml`),
            path.join(consumerDir, `Pulumi.${consumerStack}.yaml`),
        ]) {
            fs.rmSync(f, { force: true });
        }
    });

    it("stack init, up: everything created, the console steps left for a person", async () => {
        await cli("stack", "init", stack);
        const out = await cli("up", "--yes", "--stack", stack);
        // the stack, the component, and its eight children with no groups assigned
        assert.match(out, /\+ 11 created/);
        const o = await outputs();
        assert.equal(o.connectionStatus, "pending");
        assert.equal(o.target, "sandbox");
    });

    it("the console steps, up, then preview --expect-no-changes passes", async () => {
        const o = await outputs();
        const admin = {
            email: sandbox.endpoints.cxone.adminEmail,
            password: sandbox.endpoints.cxone.adminPassword,
        };
        assert.ok((await completeConsoleSteps(sandbox.urls.okta, o, admin)).ok);
        await cli("up", "--yes", "--stack", stack);
        const after = await outputs();
        assert.equal(after.connectionStatus, "authorized");
        assert.equal(after.provisioningApplied, true);
        sandbox.clearRequests();
        await cli("preview", "--expect-no-changes", "--stack", stack);
        const writes = sandbox
            .requests()
            .filter((r) => r.method !== "GET" && !/token|search/.test(r.path));
        assert.deepEqual(writes, [], "a no-change preview writes nothing");
    });

    it("config set of a program setting (project namespace): the next preview shows the update", async () => {
        await cli("config", "set", "appLabel", "NICE CXone (prod)", "--stack", stack);
        const config = fs.readFileSync(path.join(repoRoot, `Pulumi.${stack}.yaml`), "utf8");
        assert.match(config, /cxone-okta-scim:appLabel: NICE CXone \(prod\)/);
        const preview = JSON.parse(await cli("preview", "--json", "--stack", stack));
        // refresh: always (Pulumi.yaml) puts a refresh step first; the change is the update after it
        const app = preview.steps.find(
            (s: { urn: string; op: string }) =>
                s.urn.endsWith("::cxone-okta-app") && s.op !== "refresh",
        );
        assert.equal(
            app?.op,
            "update",
            JSON.stringify(
                preview.steps.map((s: { op: string; urn: string }) => `${s.op} ${s.urn}`),
            ),
        );
        assert.equal(app?.newState?.inputs?.label, "NICE CXone (prod)");
        await cli("up", "--yes", "--stack", stack);
        const live = sandbox.context.state.okta.apps[(await outputs()).appId];
        assert.equal(live.label, "NICE CXone (prod)");
    });

    it("an old program key under okta: is refused, naming its new key, before anything is touched", async () => {
        await cli("config", "set", "okta:groupIds", '["00g1"]', "--stack", stack);
        sandbox.clearRequests();
        const r = await pulumi(repoRoot, env, "preview", "--stack", stack);
        await cli("config", "rm", "okta:groupIds", "--stack", stack);
        assert.notEqual(r.code, 0);
        assert.equal(
            timesReported(r.output, "okta:groupIds has moved to cxone-okta-scim:groupIds"),
            1,
            r.output,
        );
        assert.deepEqual(
            sandbox.requests().filter((q) => q.method !== "GET" && !/token|search/.test(q.path)),
            [],
        );
    });

    it("stack output --show-secrets; a consumer project reads the outputs through a StackReference", async () => {
        const shown = JSON.parse(
            await cli("stack", "output", "--json", "--show-secrets", "--stack", stack),
        );
        assert.equal(typeof shown.accessKeySecret, "string");
        const hidden = await cli("stack", "output", "--stack", stack);
        assert.ok(
            !hidden.includes(shown.accessKeySecret) && /accessKeySecret\s+\[secret\]/.test(hidden),
            hidden,
        );

        const consumer = (...args: string[]) => pulumiOk(consumerDir, env, ...args);
        await consumer("stack", "init", consumerStack);
        await consumer(
            "config",
            "set",
            "integrationStack",
            `organization/cxone-okta-scim/${stack}`,
            "--stack",
            consumerStack,
        );
        await consumer("up", "--yes", "--stack", consumerStack);
        const read = JSON.parse(
            await consumer("stack", "output", "--json", "--show-secrets", "--stack", consumerStack),
        );
        assert.equal(read.scimBaseUrl, shown.scimBaseUrl);
        assert.equal(read.monitoredAccessKey, `CXone access key ${shown.accessKeyId} (Okta SCIM)`);
        assert.match(
            await consumer("stack", "output", "--stack", consumerStack),
            /accessKeySecret\s+\[secret\]/,
        );
        await consumer("destroy", "--yes", "--stack", consumerStack);
    });

    it("destroy: the key revoked, the employee and role deactivated, the app gone", async () => {
        const o = await outputs();
        await cli("destroy", "--yes", "--stack", stack);
        const cx = sandbox.context.state.cxone;
        assert.equal(cx.accessKeys[o.accessKeyId], undefined);
        assert.equal(cx.users[o.employeeId as string].status, "BLOCKED");
        assert.equal(cx.roles[o.roleId as string].status, "INACTIVE");
        assert.equal(sandbox.context.state.okta.apps[o.appId], undefined);
    });
});
