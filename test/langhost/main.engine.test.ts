// Our language host under the real CLI: a dynamic resource's whole life (up, no-change preview
// --refresh, an update, drift, destroy) with the program in its own process; secret stack config
// reaching the program and staying secret; a failing program reports its error once, within seconds
// and without gigabytes of memory; Ctrl-C of `pulumi up` leaves no process behind.
import { strict as assert } from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { engineEnv, repoRoot, writeProjectFile } from "../../scripts/lib/engine";
import { pulumi, pulumiOk, startPulumi } from "../../scripts/lib/pulumiCommand";
import { timesReported } from "../support/diagnostics";
import { testProgram, testStack } from "../support/engine";

/** A project for `main` in a work dir inside the repo, with its own backend; its stack initialised. */
async function project(name: string, main: string, extraEnv: Record<string, string> = {}) {
    const dir = path.join(
        repoRoot,
        ".pulumi-local",
        "test",
        `${name}-${crypto.randomBytes(3).toString("hex")}`,
    );
    writeProjectFile(dir, { name, main });
    const env = engineEnv(fs.mkdtempSync(path.join(os.tmpdir(), `${name}-backend-`)), extraEnv);
    await pulumiOk(dir, env, "stack", "init", "dev");
    return { dir, env };
}

/** Processes (other than this one) whose environment carries `marker`. */
function processesWith(marker: string): string[] {
    const found: string[] = [];
    for (const pid of fs
        .readdirSync("/proc")
        .filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
        try {
            if (fs.readFileSync(`/proc/${pid}/environ`, "utf8").includes(marker)) {
                found.push(
                    `${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ")}`,
                );
            }
        } catch {
            // gone meanwhile, or not ours to read
        }
    }
    return found;
}

describe("language host under the CLI", function () {
    this.timeout(180_000);

    it("a dynamic resource's life: up, preview --refresh (no changes), update, drift, destroy", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smoke-"));
        const file = path.join(dir, "hello.txt");
        const s = await testStack("smoke", testProgram("localFile"), {
            params: { name: "greeting", path: file, content: "hello" },
        });
        const up1 = await s.up();
        assert.deepEqual(up1.summary.resourceChanges, { create: 2 });
        assert.equal(fs.readFileSync(file, "utf8"), "hello");

        const pv = await s.preview({ refresh: true });
        assert.deepEqual(pv.changeSummary, { same: 2 });

        await s.setParams({ name: "greeting", path: file, content: "hello again" });
        const up2 = await s.up();
        assert.deepEqual(up2.summary.resourceChanges, { update: 1, same: 1 });
        assert.equal(fs.readFileSync(file, "utf8"), "hello again");

        fs.writeFileSync(file, "changed by hand");
        const drift = await s.preview({ refresh: true });
        assert.deepEqual(drift.changeSummary, { update: 1, same: 1 });

        const d = await s.destroy();
        assert.deepEqual(d.summary.resourceChanges, { delete: 2 });
        assert.equal(fs.existsSync(file), false);
    });

    it("secret stack config reaches the program and stays secret in its outputs", async () => {
        const s = await testStack("secret-config", testProgram("secretConfig"), {
            config: {
                "test:token": { value: "s3cret-config-Vq7", secret: true },
                "test:plain": { value: "plain-value" },
            },
        });
        await s.up();
        const out = await s.outputs();
        assert.deepEqual(out.token, { value: "s3cret-config-Vq7", secret: true });
        assert.deepEqual(out.plain, { value: "plain-value", secret: false });
    });

    it("a program that throws reports its error once, in seconds, in well under a gigabyte", async () => {
        const { dir, env } = await project("throws", testProgram("throws"));
        const r = await pulumi(dir, env, "preview");
        assert.notEqual(r.code, 0);
        assert.equal(timesReported(r.output, "the program failed on purpose"), 1, r.output);
        // Measured, not a benchmark: the Node bug this guards against took 16-22 s and 3.7 GB.
        assert.ok(r.ms < 12_000, `the failing preview took ${r.ms} ms`);
        assert.ok(r.maxRssMb < 1024, `the largest process used ${r.maxRssMb.toFixed(0)} MB`);
    });

    it("Ctrl-C during `pulumi up` stops the CLI, the host, the program and the providers", async () => {
        const marker = `CXONE_OKTA_CTRL_C_${crypto.randomBytes(4).toString("hex")}`;
        const { dir, env } = await project("ctrl-c", testProgram("slowResource"), {
            [marker]: "1",
        });
        const up = startPulumi(dir, env, "up", "--yes");
        let output = "";
        up.stdout.on("data", (d) => (output += d));
        up.stderr.on("data", (d) => (output += d));
        // wait until the resource's create is under way: program, host and provider all running
        const deadline = Date.now() + 60_000;
        while (!output.includes("creating") && Date.now() < deadline)
            await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 1500));
        assert.ok(
            processesWith(marker).length >= 3,
            `CLI, host and provider were running: ${processesWith(marker).join("\n")}`,
        );
        process.kill(-up.pid!, "SIGINT"); // a terminal's Ctrl-C goes to the whole process group
        const code = await new Promise<number | null>((r) => up.on("close", r));
        assert.notEqual(code, 0, "the interrupted up did not succeed");
        // the CLI waits up to 5 s for its plugins before killing them; then nothing may remain
        const settle = Date.now() + 8_000;
        while (processesWith(marker).length > 0 && Date.now() < settle)
            await new Promise((r) => setTimeout(r, 200));
        assert.deepEqual(processesWith(marker), [], "no process of the interrupted up is left");
    });
});
