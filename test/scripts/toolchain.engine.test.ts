// The toolchain's language host is self-contained: scripts/toolchain.sh puts a versioned copy of
// the built host (its JS, the packages it loads, the Node 22 it runs on) into the toolchain cache.
// A clone runs set-up, then is deleted; a Pulumi program outside any clone still runs with plain
// `pulumi` (before, the launcher pointed into that clone: `exit status 127`). Set-up's second call
// (CXONE_OKTA_TOOLCHAIN_QUIET) answers the same without printing the report again.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { engineEnv, repoRoot, toolchainBin } from "../../scripts/lib/engine";
import { pulumi } from "../../scripts/lib/pulumiCommand";

describe("the toolchain's language host outlives the clone that installed it", function () {
    this.timeout(300_000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "toolchain-host-"));
    const cache = path.join(tmp, "toolchain");
    const clone = path.join(tmp, "clone");
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("a program outside any clone runs after the clone is gone; the launcher names no path in it", async () => {
        // a cache holding the CLI already (nothing to build), as after an earlier set-up
        const shared = toolchainBin();
        fs.mkdirSync(path.join(cache, "bin"), { recursive: true });
        fs.symlinkSync(path.join(shared, "pulumi"), path.join(cache, "bin", "pulumi"));
        for (const f of ["pulumi-resource-pulumi-nodejs", ".shim-v3.274.1"])
            fs.copyFileSync(path.join(shared, f), path.join(cache, "bin", f));
        const probe = path.join(path.dirname(shared), "module-probe.txt");
        if (fs.existsSync(probe)) fs.copyFileSync(probe, path.join(cache, "module-probe.txt"));
        // a clone: its scripts, its built host, its installed packages
        fs.mkdirSync(path.join(clone, "dist"), { recursive: true });
        fs.cpSync(path.join(repoRoot, "scripts"), path.join(clone, "scripts"), { recursive: true });
        fs.cpSync(path.join(repoRoot, "dist", "langhost"), path.join(clone, "dist", "langhost"), {
            recursive: true,
        });
        fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(clone, "package.json"));
        fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(clone, "node_modules"));
        const toolchain = (env: NodeJS.ProcessEnv) =>
            spawnSync("bash", [path.join(clone, "scripts", "toolchain.sh")], {
                env: { ...process.env, CXONE_OKTA_TOOLCHAIN_DIR: cache, ...env },
                encoding: "utf8",
            });
        const first = toolchain({});
        assert.equal(first.status, 0, first.stderr);
        assert.match(first.stderr, /^\[toolchain\] pulumi v3\.\d+\.\d+: /m, "the report");
        // set-up's second call, once the host is built: the same answer, no second report
        const again = toolchain({ CXONE_OKTA_TOOLCHAIN_QUIET: "1" });
        assert.equal(again.status, 0, again.stderr);
        assert.equal(again.stderr, "");
        assert.equal(again.stdout, first.stdout);
        fs.rmSync(clone, { recursive: true, force: true });
        const launcher = fs.readFileSync(path.join(cache, "bin", "pulumi-language-nodejs"), "utf8");
        assert.ok(!launcher.includes(clone), launcher);

        // a program far from any clone, with the SDK installed beside it
        const program = path.join(tmp, "program");
        fs.mkdirSync(program);
        fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(program, "node_modules"));
        fs.writeFileSync(
            path.join(program, "Pulumi.yaml"),
            "name: outside\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n",
        );
        fs.writeFileSync(path.join(program, "index.js"), 'exports.greeting = "hello";\n');
        const env = {
            ...engineEnv(path.join(tmp, "backend")),
            PATH: [path.join(cache, "bin"), process.env.PATH ?? ""].join(path.delimiter),
        };
        const init = await pulumi(program, env, "stack", "init", "dev");
        assert.equal(init.code, 0, init.output);
        const up = await pulumi(program, env, "up", "--yes");
        assert.equal(up.code, 0, up.output);
        assert.match(up.output, /greeting: "hello"/);
    });
});
