// A process that runs the program again and again (the Automation API's inline programs) makes
// the reads before the first write on every run: its second preview still reads who Okta
// provisions through the app, as its first did (real engine; the sandbox's request log).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openInlineStack } from "../../bench/inlineRunner";
import { integrationProgram } from "../../program/index";
import { INTEGRATION_PROBES, useIntegrationProbes } from "../../provider/preflight/probes";
import { startSandbox } from "../../sandbox/index";
import { repoRoot } from "../../scripts/lib/engine";
import { rootProject } from "../../scripts/lib/rootProject";

const scratch = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `inline-${name}-`));

describe("inline programs: one process, one run after another (real engine)", function () {
    this.timeout(300_000);

    it("each preview makes the program's reads again, the people ones included", async () => {
        const dir = scratch("sandbox");
        const sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        const before = process.env.CXONE_OKTA_SANDBOX_DIR;
        // the program runs in this process: it finds the sandbox as the CLI's program would
        process.env.CXONE_OKTA_SANDBOX_DIR = dir;
        // and asks as a program does (test processes switch the reads off: support/noVendorReads)
        const restoreProbes = useIntegrationProbes(INTEGRATION_PROBES);
        // inside the repository: the engine's provider process finds the SDK from there (removed
        // below: temp dirs outside os.tmpdir() are not support/tempDirs's)
        const test = path.join(repoRoot, ".pulumi-local", "test");
        fs.mkdirSync(test, { recursive: true });
        const workDir = fs.mkdtempSync(path.join(test, "inline-"));
        try {
            const stack = await openInlineStack({
                workDir,
                backendDir: scratch("backend"),
                project: rootProject(),
                program: integrationProgram,
                env: { CXONE_OKTA_SANDBOX_DIR: dir },
            });
            await stack.up();
            const oktaReadsOfTheProgram = async () => {
                sandbox.clearRequests();
                await stack.preview({ refresh: true });
                return sandbox
                    .requests()
                    .filter((r) => r.part === "program" && r.path.startsWith("/api/v1/"))
                    .map((r) => `${r.method} ${r.path.split("?")[0]}`)
                    .sort();
            };
            const first = await oktaReadsOfTheProgram();
            assert.ok(
                first.some((r) => /^GET \/api\/v1\/apps\/[^/]+\/users$/.test(r)),
                `the first preview reads the app's users: ${first.join(", ")}`,
            );
            assert.deepEqual(await oktaReadsOfTheProgram(), first, "the second run reads again");
        } finally {
            restoreProbes();
            fs.rmSync(workDir, { recursive: true, force: true });
            if (before === undefined) delete process.env.CXONE_OKTA_SANDBOX_DIR;
            else process.env.CXONE_OKTA_SANDBOX_DIR = before;
            await sandbox.stop();
        }
    });
});
