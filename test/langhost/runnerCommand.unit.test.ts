// The host/runner contract our language host follows (the SDK's internal one, pinned here): flags,
// the legacy config key form, secret keys, the TypeScript switch, and exit codes to answers.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hostArguments } from "../../langhost/hostArguments";
import { pluginOf, requiredPackages } from "../../langhost/requiredPackages";
import {
    legacyConfigKeys,
    programLocation,
    runnerCommand,
    runResult,
    RunSpec,
} from "../../langhost/runnerCommand";

const spec: RunSpec = {
    monitorAddress: "127.0.0.1:40001",
    engineAddress: "127.0.0.1:40002",
    organization: "organization",
    project: "cxone-okta-scim",
    stack: "dev",
    pwd: "/repo/dist/program",
    rootDirectory: "/repo",
    entryPoint: "main.js",
    dryRun: true,
    parallel: 16,
    config: { "cxone:region": "na1", "cxone-okta-scim:appLabel": "NICE CXone", plain: "x" },
    configSecretKeys: ["cxone-okta-scim:secretThing"],
    typescript: false,
    args: ["--extra"],
};

describe("language host: the runner's command line and environment", () => {
    it("passes every flag the SDK's runner reads, then the entry point and program arguments", () => {
        const { args } = runnerCommand("/sdk/cmd/run", spec);
        assert.deepEqual(args, [
            "/sdk/cmd/run",
            "--monitor",
            "127.0.0.1:40001",
            "--engine",
            "127.0.0.1:40002",
            "--organization",
            "organization",
            "--project",
            "cxone-okta-scim",
            "--root-directory",
            "/repo",
            "--stack",
            "dev",
            "--pwd",
            "/repo/dist/program",
            "--dry-run",
            "--parallel",
            "16",
            "main.js",
            "--extra",
        ]);
    });
    it("an update is not a dry run; an empty entry point means the package's main ('.')", () => {
        const { args } = runnerCommand("/run", {
            ...spec,
            dryRun: false,
            entryPoint: "",
            args: [],
        });
        assert.ok(!args.includes("--dry-run"));
        assert.equal(args[args.length - 1], ".");
    });
    it("the CLI's tracing URL is passed on as --tracing, last of the flags", () => {
        const { args } = runnerCommand("/run", { ...spec, tracing: "http://zipkin:9411" });
        assert.deepEqual(args.slice(-4), ["--tracing", "http://zipkin:9411", "main.js", "--extra"]);
    });
    it("config goes in the legacy ns:config:name form; secret keys and the TypeScript switch as JSON/strings", () => {
        const { env } = runnerCommand("/run", spec);
        assert.deepEqual(JSON.parse(env.PULUMI_CONFIG), {
            "cxone:config:region": "na1",
            "cxone-okta-scim:config:appLabel": "NICE CXone",
            plain: "x",
        });
        assert.deepEqual(JSON.parse(env.PULUMI_CONFIG_SECRET_KEYS), [
            "cxone-okta-scim:secretThing",
        ]);
        assert.equal(env.PULUMI_NODEJS_TYPESCRIPT, "false");
        assert.equal(
            runnerCommand("/run", { ...spec, typescript: true }).env.PULUMI_NODEJS_TYPESCRIPT,
            "true",
        );
    });
    it("a value containing a colon keeps it; only the first colon splits the key", () => {
        assert.deepEqual(legacyConfigKeys({ "a:b:c": "http://x:1" }), {
            "a:config:b:c": "http://x:1",
        });
    });
    it("exit codes: 0 ok, 32 already reported (bail), others an error naming the code, a signal named", () => {
        assert.deepEqual(runResult({ code: 0, signal: null }), { error: "", bail: false });
        assert.deepEqual(runResult({ code: 32, signal: null }), { error: "", bail: true });
        assert.deepEqual(runResult({ code: 1, signal: null }), {
            error: "Program exited with non-zero exit code: 1",
            bail: false,
        });
        assert.match(runResult({ code: null, signal: "SIGKILL" }).error, /signal SIGKILL/);
        assert.deepEqual(runResult({ code: null, signal: null }), {
            error: "Program exited on signal unknown",
            bail: false,
        });
    });
    it("program location: the program directory and entry point from Pulumi.yaml `main`", () => {
        assert.deepEqual(
            programLocation(
                { programDirectory: "/repo/dist/program", entryPoint: "main.js" },
                "/repo",
            ),
            {
                pwd: "/repo/dist/program",
                entryPoint: "main.js",
            },
        );
        assert.deepEqual(programLocation({ programDirectory: "", entryPoint: "" }, "/repo"), {
            pwd: "/repo",
            entryPoint: ".",
        });
    });
});

describe("language host: its own command line", () => {
    it("the engine address is the last plain argument, after the CLI's optional flags", () => {
        assert.deepEqual(hostArguments(["127.0.0.1:5000"]), {
            engineAddress: "127.0.0.1:5000",
            tracing: undefined,
        });
        assert.deepEqual(
            hostArguments([
                "--logtostderr",
                "-v=9",
                "--tracing",
                "http://zipkin:9411",
                "127.0.0.1:5000",
            ]),
            {
                engineAddress: "127.0.0.1:5000",
                tracing: "http://zipkin:9411",
            },
        );
        assert.equal(
            hostArguments(["--root", "/repo", "127.0.0.1:7"]).engineAddress,
            "127.0.0.1:7",
        );
    });
});

describe("language host: the packages a program needs", () => {
    it("names plugins as the engine does (@pulumi/ scope dropped, v-prefixed version, pulumi.name wins)", () => {
        assert.deepEqual(
            pluginOf({ name: "@pulumi/okta", version: "7.0.0", pulumi: { resource: true } }),
            {
                name: "okta",
                version: "v7.0.0",
                server: undefined,
            },
        );
        assert.deepEqual(
            pluginOf({
                name: "@acme/thing",
                version: "1.2.3",
                pulumi: { resource: true, name: "acme" },
            })?.name,
            "acme",
        );
        assert.equal(pluginOf({ name: "axios", version: "1.0.0" }), undefined);
    });
    it("finds @pulumi/okta in this repository's node_modules from a program directory below it", () => {
        const found = requiredPackages(path.join(__dirname, "..", "..", "program"));
        assert.ok(
            found.some((p) => p.name === "okta" && p.version === "v7.0.0"),
            JSON.stringify(found),
        );
        assert.ok(
            !found.some((p) => p.name === "pulumi"),
            "the SDK itself is not a resource plugin",
        );
    });
    it("a directory with no node_modules above it needs nothing", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "no-modules-"));
        if (!fs.existsSync(path.join(os.tmpdir(), "node_modules")))
            assert.deepEqual(requiredPackages(dir), []);
    });
});
