// The real Okta provider plugin (resource-okta v7.0.0) under the engine, pointed by okta:httpProxy at
// the sandbox's Okta server. The plugin cannot be built on this project's CI machines (the Go module
// proxy refuses its modules; see README), so this test runs only where one is installed
// (`pulumi-resource-okta` on PATH) and is reported as skipped elsewhere.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, RunningSandbox } from "../../sandbox/index";
import { enginePath } from "../../scripts/lib/engine";
import { testProgram, testStack } from "../support/engine";

function oktaPluginOnPath(): boolean {
    try {
        execFileSync("sh", ["-c", "command -v pulumi-resource-okta"], {
            env: { PATH: enginePath() },
            stdio: "ignore",
        });
        return true;
    } catch {
        return false;
    }
}

describe("Okta provider plugin under the engine (where installed)", function () {
    this.timeout(180_000);
    let sandbox: RunningSandbox | undefined;
    before(function () {
        if (!oktaPluginOnPath()) this.skip();
    });
    after(async () => {
        await sandbox?.stop();
    });

    it("previews and creates okta.app.AutoLogin through okta:httpProxy against the sandbox", async () => {
        sandbox = await startSandbox({
            dir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-plugin-")),
            cxonePort: 0,
            oktaPort: 0,
        });
        const sb = sandbox;
        const s = await testStack("okta-plugin", testProgram("oktaPluginApp"), {
            params: { oktaUrl: sb.urls.okta, cxoneUrl: sb.urls.cxone },
            config: { "test:oktaApiToken": { value: sb.endpoints.okta.apiToken, secret: true } },
        });
        await s.preview();
        assert.ok(
            sb.requests().some((r) => r.server === "okta" && r.path.startsWith("/api/v1/users/me")),
            "the plugin checked its credentials against the sandbox",
        );
        await s.up();
        const appId = String((await s.outputs()).appId.value);
        assert.ok(
            sb.requests().some((r) => r.method === "GET" && r.path === `/api/v1/apps/${appId}`),
        );
        await s.destroy();
    });
});
