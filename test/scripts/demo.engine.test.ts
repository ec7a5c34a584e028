// `npm run demo` (scripts/demo.ts), the main job, run as CI runs it but on its own sandbox and
// backend: it succeeds, and it runs the operator's commands in order. Its preview after the second
// `up` carries --expect-no-changes, so a stack that did not converge fails the demo; the demo prints
// each `pulumi` command exactly as it runs it, so the printed commands are what ran.
import { strict as assert } from "assert";
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../../scripts/lib/engine";

const DEMO = path.join(repoRoot, "dist", "scripts", "demo.js");
const SANDBOX_CLI = path.join(repoRoot, "dist", "sandbox", "cli.js");
const STACK_FILE = path.join(repoRoot, "Pulumi.demo.yaml");

describe("the demo (npm run demo) on its own sandbox and backend", function () {
    this.timeout(300_000);
    const sandboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-sandbox-"));
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-backend-"));
    const env = {
        ...process.env,
        CXONE_OKTA_SANDBOX_DIR: sandboxDir,
        CXONE_OKTA_DEMO_BACKEND_DIR: backendDir,
    };
    // the demo stack's settings file lives in the repository: a developer's own is kept
    const saved = fs.existsSync(STACK_FILE) ? fs.readFileSync(STACK_FILE) : undefined;
    let output = "";
    let code: number | null = null;

    before(async () => {
        code = await new Promise<number | null>((resolve) => {
            const child = execFile(process.execPath, [DEMO], { env, maxBuffer: 64 << 20 });
            child.stdout!.on("data", (d) => (output += d));
            child.stderr!.on("data", (d) => (output += d));
            child.on("close", resolve);
        });
    });
    after(() => {
        // the demo leaves its sandbox running for the user to explore
        execFileSync(process.execPath, [SANDBOX_CLI, "stop"], { env, stdio: "ignore" });
        if (saved) fs.writeFileSync(STACK_FILE, saved);
        else fs.rmSync(STACK_FILE, { force: true });
        fs.rmSync(backendDir, { recursive: true, force: true });
    });

    it("succeeds", () => {
        assert.equal(code, 0, output);
    });

    it("runs the operator's pulumi commands in order, the preview expecting no changes", () => {
        const commands = output.split("\n").filter((l) => l.startsWith("$ pulumi "));
        assert.deepEqual(commands, [
            "$ pulumi stack init demo",
            "$ pulumi up --yes --stack demo",
            "$ pulumi up --yes --stack demo",
            "$ pulumi preview --expect-no-changes --stack demo",
            "$ pulumi stack output --stack demo",
        ]);
    });

    it("the console steps authorize the connection, the connection test passes, Okta provisions", () => {
        assert.match(output, /"Authenticate with CXone": .* -> CXone authenticated/);
        assert.match(output, /connection status: authorized; provisioning actions applied: true/);
        assert.doesNotMatch(output, /\[FAIL\]/);
        assert.match(output, /=== 7\. Okta provisions a sample user/);
    });
});
