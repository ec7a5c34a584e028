// scripts/lib/engine.ts without the engine: where the toolchain is found, the PATH and settings the
// engine runs with, the Pulumi.yaml written for a compiled program, and an EngineStack's kept output
// and `pulumi` commands (a stand-in stack object and a stand-in `pulumi` on PATH).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import type * as automation from "@pulumi/pulumi/automation";
import {
    EngineStack,
    engineEnv,
    enginePath,
    repoRoot,
    toolchainBin,
    writeProjectFile,
} from "../../scripts/lib/engine";
import { standInCommand } from "../support/standIn";

const KEYS = [
    "CXONE_OKTA_PULUMI_BIN",
    "CXONE_OKTA_TOOLCHAIN_DIR",
    "PATH",
    "PULUMI_CONFIG_PASSPHRASE",
    "PULUMI_HOME",
] as const;

describe("engine harness: settings and files", () => {
    let saved: Record<string, string | undefined>;
    let root: string;
    beforeEach(() => {
        saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
        for (const k of KEYS) if (k !== "PATH") delete process.env[k];
        root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "engine-lib-")));
    });
    afterEach(() => {
        for (const k of KEYS)
            if (saved[k] === undefined) delete process.env[k];
            else process.env[k] = saved[k];
        fs.rmSync(root, { recursive: true, force: true });
    });

    it("the toolchain: CXONE_OKTA_PULUMI_BIN, else <CXONE_OKTA_TOOLCHAIN_DIR>/bin, else the cache", () => {
        assert.equal(
            toolchainBin(),
            path.join(os.homedir(), ".cache", "cxone-okta-scim", "toolchain", "bin"),
        );
        process.env.CXONE_OKTA_TOOLCHAIN_DIR = "/opt/tc";
        assert.equal(toolchainBin(), path.join("/opt/tc", "bin"));
        process.env.CXONE_OKTA_PULUMI_BIN = "/opt/pulumi/bin";
        assert.equal(toolchainBin(), "/opt/pulumi/bin");
    });
    it("PATH: the toolchain, this repo's node_modules/.bin, then the caller's", () => {
        process.env.CXONE_OKTA_PULUMI_BIN = "/opt/pulumi/bin";
        process.env.PATH = "/usr/bin";
        assert.equal(
            enginePath(),
            ["/opt/pulumi/bin", path.join(repoRoot, "node_modules", ".bin"), "/usr/bin"].join(
                path.delimiter,
            ),
        );
        delete process.env.PATH;
        assert.equal(
            enginePath(),
            ["/opt/pulumi/bin", path.join(repoRoot, "node_modules", ".bin"), ""].join(
                path.delimiter,
            ),
        );
    });
    it("engineEnv: a file backend it creates, the sandbox passphrase, no update check or plugin download, a home beside the backend", () => {
        process.env.CXONE_OKTA_PULUMI_BIN = "/opt/pulumi/bin";
        const backend = path.join(root, "state", "nested");
        const env = engineEnv(backend, { EXTRA: "1" });
        assert.ok(fs.statSync(backend).isDirectory());
        assert.deepEqual(env, {
            PATH: enginePath(),
            PULUMI_BACKEND_URL: `file://${backend}`,
            PULUMI_CONFIG_PASSPHRASE: "sandbox-passphrase",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_HOME: path.join(backend, ".pulumi-home"),
            EXTRA: "1",
        });
        process.env.PULUMI_CONFIG_PASSPHRASE = "mine";
        const usersHome = path.join(root, "users-pulumi-home");
        process.env.PULUMI_HOME = usersHome;
        const mine = engineEnv(backend, { PULUMI_HOME: "/override" });
        assert.deepEqual([mine.PULUMI_CONFIG_PASSPHRASE, mine.PULUMI_HOME], ["mine", "/override"]);
        assert.equal(engineEnv(backend).PULUMI_HOME, usersHome);
    });
    it("writeProjectFile: nodejs without TypeScript, main relative to the folder, description and options only when given", () => {
        const dir = path.join(root, "proj");
        writeProjectFile(dir, { name: "p", main: path.join(root, "dist", "main.js") });
        assert.deepEqual(parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")), {
            name: "p",
            runtime: { name: "nodejs", options: { typescript: false } },
            main: path.join("..", "dist", "main.js"),
        });
        writeProjectFile(dir, { name: "p", main: path.join(dir, "m.js"), options: {} });
        assert.equal(
            parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")).options,
            undefined,
        );
        writeProjectFile(dir, {
            name: "p",
            main: path.join(dir, "m.js"),
            description: "d",
            options: { refresh: "always" },
        });
        assert.deepEqual(parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")), {
            name: "p",
            description: "d",
            runtime: { name: "nodejs", options: { typescript: false } },
            main: "m.js",
            options: { refresh: "always" },
        });
    });
});

describe("engine harness: an EngineStack", function () {
    // a handler that never answers fails in seconds, not at the suite's two minutes
    this.timeout(5000);
    let root: string;
    let env: Record<string, string>;
    const calls: [string, Record<string, unknown>][] = [];
    /** a stand-in automation.Stack: each operation prints a line through onOutput */
    const fakeStack = {
        name: "dev",
        ...Object.fromEntries(
            ["up", "preview", "refresh", "destroy"].map((op) => [
                op,
                (o: { onOutput?: (s: string) => void } & Record<string, unknown>) => {
                    calls.push([op, o]);
                    o.onOutput?.(`${op} ran\n`);
                    return Promise.resolve(op);
                },
            ]),
        ),
        outputs: () => Promise.resolve({ x: { value: 1, secret: false } }),
        setConfig: (key: string, value: unknown) => {
            calls.push(["setConfig", { key, value }]);
            return Promise.resolve();
        },
    } as unknown as automation.Stack;
    beforeEach(() => {
        calls.length = 0;
        root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "engine-stack-")));
        const bin = standInCommand(
            path.join(root, "bin", "pulumi"),
            '[ "$1" = fail ] && { echo "out"; echo "bad" >&2; exit 1; }\necho "$* in $(pwd) as $WHO"',
        );
        env = { PATH: `${bin}:${process.env.PATH ?? ""}`, WHO: "tester" };
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("keeps every operation's output, in order; the caller's options pass through", async () => {
        const s = new EngineStack(fakeStack, root, env);
        assert.equal(s.output(), "");
        await s.up({ message: "m" });
        await s.preview();
        await s.refresh();
        await s.destroy();
        assert.equal(s.output(), "up ran\npreview ran\nrefresh ran\ndestroy ran\n");
        assert.equal(calls[0][1].message, "m");
        assert.deepEqual(await s.outputs(), { x: { value: 1, secret: false } });
        await s.setConfig("a", "1");
        await s.setConfig("b", "2", true);
        assert.deepEqual(calls.slice(4), [
            ["setConfig", { key: "a", value: { value: "1", secret: false } }],
            ["setConfig", { key: "b", value: { value: "2", secret: true } }],
        ]);
    });
    it("cli and exportState: pulumi in the project folder with the stack's env; a failure carries stderr and stdout", async () => {
        const s = new EngineStack(fakeStack, root, env);
        assert.equal(await s.cli(["whoami", "-v"]), `whoami -v in ${root} as tester\n`);
        assert.equal(await s.exportState(), `stack export --stack dev in ${root} as tester\n`);
        await assert.rejects(
            s.cli(["fail"]),
            (e: Error) => e.message === "pulumi fail failed: bad\nout\n",
        );
    });
});
