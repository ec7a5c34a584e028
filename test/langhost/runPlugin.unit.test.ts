// The contract our language host follows to run a source-based plugin (RunPlugin) and to install a
// plugin's dependencies (InstallDependencies), as pure mappings: the SDK's plugin runner command,
// the environment, the kinds it runs, exit codes, and which dependencies are missing.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { missingDependencies } from "../../langhost/installDependencies";
import {
    environment,
    pluginCommand,
    pluginExitCode,
    PluginSpec,
    refusedKind,
} from "../../langhost/pluginCommand";
import { requiredPackages } from "../../langhost/requiredPackages";
import { repoRoot } from "../../scripts/lib/engine";

const spec: PluginSpec = {
    pluginDirectory: "/repo/plugin",
    pwd: "/srv/yaml-project",
    args: ["--logtostderr", "-v=9", "127.0.0.1:40001"],
    env: ["PATH=/bin", "PULUMI_HOME=/srv/pulumi-home", "EXTRA=a=b"],
    kind: "resource",
    typescript: true,
};

describe("language host: RunPlugin's command line and environment", () => {
    it("runs the SDK's plugin runner with the plugin directory first, then the plugin's own arguments", () => {
        assert.deepEqual(pluginCommand("/sdk/cmd/run-plugin", spec).args, [
            "/sdk/cmd/run-plugin",
            "/repo/plugin",
            "--logtostderr",
            "-v=9",
            "127.0.0.1:40001",
        ]);
    });
    it("runs in the CLI's working directory, or the plugin's when the CLI gave none", () => {
        assert.equal(pluginCommand("/run", spec).cwd, "/srv/yaml-project");
        assert.equal(pluginCommand("/run", { ...spec, pwd: "" }).cwd, "/repo/plugin");
    });
    it("the environment is the one the CLI prepared, the TypeScript switch added only when on", () => {
        assert.deepEqual(pluginCommand("/run", spec).env, {
            PATH: "/bin",
            PULUMI_HOME: "/srv/pulumi-home",
            EXTRA: "a=b",
            PULUMI_NODEJS_TYPESCRIPT: "true",
        });
        assert.equal(
            pluginCommand("/run", { ...spec, typescript: false }).env.PULUMI_NODEJS_TYPESCRIPT,
            undefined,
        );
    });
    it("KEY=value entries: the first = splits, a later entry wins, an entry without a key is dropped", () => {
        assert.deepEqual(environment(["A=1", "B==x", "A=2", "=nokey", "NOVALUE"]), {
            A: "2",
            B: "=x",
        });
    });
    it("runs resource, converter and tool plugins; refuses policy packs and unknown kinds, saying why", () => {
        for (const kind of ["resource", "converter", "tool"])
            assert.equal(refusedKind(kind), undefined);
        assert.match(refusedKind("analyzer")!, /policy packs .* not supported .*official/);
        assert.match(refusedKind("language")!, /plugin kind "language" is not supported/);
    });
    it("exit codes pass through; a plugin killed by a signal reports 128 + its number", () => {
        assert.equal(pluginExitCode({ code: 0, signal: null }), 0);
        assert.equal(pluginExitCode({ code: 3, signal: null }), 3);
        assert.equal(pluginExitCode({ code: null, signal: "SIGTERM" }), 143);
        assert.equal(pluginExitCode({ code: null, signal: "SIGKILL" }), 137);
        assert.equal(pluginExitCode({ code: null, signal: "SIGHUP" }), 128);
    });
});

describe("language host: InstallDependencies knows what is missing", () => {
    const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "deps-"));
    it("this repository's plugin/ needs nothing: the SDK resolves from it and it declares no dependency", () => {
        assert.deepEqual(missingDependencies(path.join(repoRoot, "plugin"), true), []);
    });
    it("outside any node_modules: the SDK and each declared dependency are missing", () => {
        const dir = tmp();
        fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({
                dependencies: { "left-pad": "1" },
                devDependencies: { typescript: "5" },
            }),
        );
        if (fs.existsSync(path.join(os.tmpdir(), "node_modules"))) return; // not a clean tmp
        assert.deepEqual(missingDependencies(dir, true), ["@pulumi/pulumi", "left-pad"]);
        // a program also needs its devDependencies (TypeScript, for instance)
        assert.deepEqual(missingDependencies(dir, false), [
            "@pulumi/pulumi",
            "left-pad",
            "typescript",
        ]);
    });
    it("a directory without package.json: npm install has to say what is wrong", () => {
        assert.deepEqual(missingDependencies(tmp(), true), ["package.json"]);
    });
});

describe("language host: the packages a plugin needs stop at its own package.json", () => {
    it("plugin/ has its own package.json and no node_modules: no plugin to install for it", () => {
        assert.deepEqual(requiredPackages(path.join(repoRoot, "plugin")), []);
    });
    it("a program directory without package.json still finds the repository's @pulumi/okta", () => {
        const found = requiredPackages(path.join(repoRoot, "examples", "yaml"));
        assert.ok(
            found.some((p) => p.name === "okta"),
            JSON.stringify(found),
        );
    });
});
