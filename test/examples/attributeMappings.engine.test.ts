// The attribute mappings example on the real engine against the sandbox: `up` declares its
// mappings in Okta, a plain `preview` afterwards has nothing to do for them, and `destroy` succeeds.
import { strict as assert } from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { startSandbox, RunningSandbox } from "../../sandbox/index";
import { contactCentreMappings } from "../../examples/attributeMappings/index";
import { openStack, repoRoot } from "../../scripts/lib/engine";

describe("examples: attribute mappings stack (real engine)", function () {
    this.timeout(240_000);
    let sandbox: RunningSandbox;
    // The example's own project directory, as a user runs it; a stack name unique per run.
    const stackName = `dev-${crypto.randomBytes(3).toString("hex")}`;
    const workDir = path.join(repoRoot, "examples", "attributeMappings");
    after(() => fs.rmSync(path.join(workDir, `Pulumi.${stackName}.yaml`), { force: true }));

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-example-mappings-"));
        sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        process.env.CXONE_OKTA_SANDBOX_DIR = dir;
    });
    after(async () => {
        await sandbox?.stop();
    });

    it("up declares the example's mappings in Okta; preview is clean; destroy succeeds", async () => {
        const stack = await openStack({
            stackName,
            workDir,
            backendDir: fs.mkdtempSync(path.join(os.tmpdir(), "example-mappings-backend-")),
            env: { CXONE_OKTA_SANDBOX_DIR: process.env.CXONE_OKTA_SANDBOX_DIR! },
            config: {
                "cxone:sandboxUrl": { value: sandbox.urls.cxone },
                "cxone:employeeEmail": { value: "scim.key@example.com" },
                "cxone-okta-attribute-mappings:oktaOrgUrl": { value: sandbox.urls.okta },
            },
        });
        assert.equal((await stack.up()).summary.result, "succeeded");
        const appId = (await stack.outputs()).appId.value as string;
        const headers = { Authorization: `SSWS ${sandbox.endpoints.okta.apiToken}` };
        const [summary] = (
            await axios.get(`${sandbox.urls.okta}/api/v1/mappings`, {
                params: { targetId: appId },
                headers,
            })
        ).data;
        const mapping = (
            await axios.get(`${sandbox.urls.okta}/api/v1/mappings/${summary.id}`, { headers })
        ).data;
        assert.equal(mapping.properties.niceTeam.expression, contactCentreMappings["nice:team"]);
        assert.equal(
            mapping.properties.displayName.expression,
            'user.firstName + " " + user.lastName',
        );
        const schema = (
            await axios.get(`${sandbox.urls.okta}/api/v1/meta/schemas/apps/${appId}/default`, {
                headers,
            })
        ).data;
        // the phones are Okta's base properties of a SCIM app: mapped onto, not added
        assert.deepEqual(Object.keys(schema.definitions.custom.properties).sort(), [
            "displayName",
            "niceTeam",
            "timezone",
        ]);
        assert.equal(mapping.properties.primaryPhone.expression, "user.primaryPhone");
        assert.equal(mapping.properties.mobilePhone.expression, "user.mobilePhone");

        // Our two resources have nothing to do (a pending ScimConnection re-checks on every run).
        const ops: string[] = [];
        await stack.preview({
            onEvent: (e) => {
                const m = e.resourcePreEvent?.metadata;
                if (m && /okta:(AppUserSchemaProperties|ProfileMapping)$/.test(m.type))
                    ops.push(m.op);
            },
        });
        assert.ok(
            ops.length >= 2 && ops.every((op) => op === "same" || op === "refresh"),
            JSON.stringify(ops),
        );
        assert.equal((await stack.destroy()).summary.result, "succeeded");
    });
});
