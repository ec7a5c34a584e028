// scripts/toolchain.sh's YAML language host section, in a toolchain directory of its own: a Pulumi
// installed with its own YAML host is used as it is, a host on PATH is linked next to the
// toolchain's CLI, a built one is reused; none of these builds anything. (The build itself, from
// the Go module, takes minutes: it runs where the cache is cold, e.g. a fresh CI machine.)
import { strict as assert } from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot, toolchainBin } from "../../scripts/lib/engine";

const PULUMI_VERSION = "v3.274.1";

/** A toolchain directory whose CLI and shim are already there (the CLI linked from the real cache). */
function toolchainDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "toolchain-"));
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    fs.symlinkSync(path.join(toolchainBin(), "pulumi"), path.join(bin, "pulumi"));
    fs.writeFileSync(path.join(bin, "pulumi-resource-pulumi-nodejs"), "#!/bin/sh\n", {
        mode: 0o755,
    });
    fs.writeFileSync(path.join(bin, `.shim-${PULUMI_VERSION}`), "");
    // the module probe is fresh: no Go module proxy query from a test
    fs.writeFileSync(path.join(dir, "module-probe.txt"), "(probed by the test)\n");
    return dir;
}

function executable(dir: string, name: string, text: string): string {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/bin/sh\n${text}\n`, { mode: 0o755 });
    return file;
}

/** Runs the toolchain with PATH = `extraPath` + the system's (no Go needed: nothing is built). */
function toolchain(dir: string, extraPath: string[]): Promise<{ code: number; log: string }> {
    return new Promise((resolve) => {
        execFile(
            "bash",
            [path.join(repoRoot, "scripts", "toolchain.sh")],
            {
                env: {
                    HOME: process.env.HOME ?? "",
                    PATH: [...extraPath, path.dirname(process.execPath), "/usr/bin", "/bin"].join(
                        ":",
                    ),
                    CXONE_OKTA_TOOLCHAIN_DIR: dir,
                },
            },
            (e, stdout, stderr) =>
                resolve({ code: e ? Number(e.code ?? 1) : 0, log: stderr + stdout }),
        );
    });
}

describe("toolchain: the YAML language host", function () {
    this.timeout(60_000);

    it("a pulumi-language-yaml on PATH is linked next to the toolchain's pulumi; nothing is built", async () => {
        const dir = toolchainDir();
        const elsewhere = path.join(dir, "elsewhere");
        const host = executable(elsewhere, "pulumi-language-yaml", "echo a yaml host");
        const first = await toolchain(dir, [elsewhere]);
        assert.equal(first.code, 0, first.log);
        assert.match(
            first.log,
            /pulumi-language-yaml: the one on PATH .* linked next to pulumi; nothing built/,
        );
        assert.equal(fs.realpathSync(path.join(dir, "bin", "pulumi-language-yaml")), host);
        const again = await toolchain(dir, [path.join(dir, "bin"), elsewhere]);
        assert.equal(again.code, 0, again.log);
        assert.match(again.log, /pulumi-language-yaml: linked \(/);
    });

    it("one built before (the version's mark) is reused", async () => {
        const dir = toolchainDir();
        executable(path.join(dir, "bin"), "pulumi-language-yaml", "echo built");
        fs.writeFileSync(path.join(dir, "bin", ".yaml-v1.25.0"), "");
        const r = await toolchain(dir, []);
        assert.equal(r.code, 0, r.log);
        assert.match(r.log, /pulumi-language-yaml v1\.25\.0: cached/);
    });

    it("an installed Pulumi with its own YAML host: that one, nothing linked or built", async () => {
        const dir = toolchainDir();
        fs.rmSync(path.join(dir, "bin", "pulumi")); // the toolchain has no CLI of its own
        const installed = path.join(dir, "installed-pulumi");
        executable(installed, "pulumi", "echo v3.260.0");
        executable(installed, "pulumi-language-yaml", "echo its yaml host");
        executable(installed, "pulumi-language-nodejs", "echo its node host");
        executable(installed, "pulumi-resource-pulumi-nodejs", "echo its shim");
        const r = await toolchain(dir, [installed]);
        assert.equal(r.code, 0, r.log);
        assert.match(r.log, /pulumi-language-yaml: installed with Pulumi \(/);
        assert.ok(!fs.existsSync(path.join(dir, "bin", "pulumi-language-yaml")));
        assert.equal(r.log.trim().split("\n").pop(), installed, "the installed Pulumi's directory");
    });
});
