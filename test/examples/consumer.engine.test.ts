// The examples on the real engine: the integration example against the sandbox, then the consumer
// stack reading its outputs through a StackReference on the same file backend.
import { strict as assert } from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, RunningSandbox } from "../../sandbox/index";
import { openStack, repoRoot } from "../../scripts/lib/engine";

describe("examples: integration stack + consumer via StackReference (real engine)", function () {
    this.timeout(240_000);
    let sandbox: RunningSandbox;
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "examples-backend-"));
    // The examples' own project directories, as a user runs them; stack names unique per run.
    const example = (n: string) => path.join(repoRoot, "examples", n);
    const run = crypto.randomBytes(3).toString("hex");
    const stackConfigs = [
        example("integration") + `/Pulumi.prod-${run}.yaml`,
        example("consumer") + `/Pulumi.dev-${run}.yaml`,
    ];
    after(() => stackConfigs.forEach((f) => fs.rmSync(f, { force: true })));

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-examples-"));
        sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        process.env.CXONE_OKTA_SANDBOX_DIR = dir;
    });
    after(async () => {
        await sandbox?.stop();
    });

    it("the consumer reads the integration's outputs, and the secret stays secret", async () => {
        const producer = await openStack({
            stackName: `prod-${run}`,
            workDir: example("integration"),
            backendDir,
            env: { CXONE_OKTA_SANDBOX_DIR: process.env.CXONE_OKTA_SANDBOX_DIR! },
            config: {
                "cxone:sandboxUrl": { value: sandbox.urls.cxone },
                "cxone:employeeEmail": { value: "scim.key@example.com" },
                "cxone-okta-integration:oktaOrgUrl": { value: sandbox.urls.okta },
            },
        });
        await producer.up();
        const made = await producer.outputs();

        const consumer = await openStack({
            stackName: `dev-${run}`,
            workDir: example("consumer"),
            backendDir,
            config: {
                "cxone-okta-consumer:integrationStack": {
                    value: `organization/cxone-okta-integration/prod-${run}`,
                },
            },
        });
        await consumer.up();
        const read = await consumer.outputs();
        assert.equal(read.scimBaseUrl.value, made.scimBaseUrl.value);
        assert.equal(
            read.monitoredAccessKey.value,
            `CXone access key ${made.accessKeyId.value} (Okta SCIM)`,
        );
        assert.equal(read.accessKeySecret.secret, true);
        assert.ok(
            !(await consumer.exportState()).includes(String(made.accessKeySecret.value)),
            "no plaintext secret in the consumer's state",
        );

        await consumer.destroy();
        await producer.destroy();
    });
});
