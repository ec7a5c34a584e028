// Runs Pulumi projects with the real engine, as a user does: the CLI built by scripts/toolchain.sh
// runs each program in its own process through the Node.js language host (the official one, or
// this project's own in langhost/). The Automation API's LocalWorkspace drives the CLI for tests and
// scripts; it never runs a program inside the calling process.
import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import * as automation from "@pulumi/pulumi/automation";
import { runPulumi } from "./pulumiCommand";
import { enginePath, toolchainBin } from "./toolchain";

// where the engine is, for the many callers that only want the repository's root or the toolchain
export { enginePath, repoRoot, toolchainBin } from "./toolchain";

/** A Pulumi.yaml for a program compiled into dist/: `main` is written relative to `dir`. */
export interface ProjectFile {
    name: string;
    /** Absolute path of the compiled program entry (e.g. dist/program/main.js). */
    main: string;
    description?: string;
    /** Project options, e.g. { refresh: "always" }. */
    options?: Record<string, string>;
}

export function writeProjectFile(dir: string, p: ProjectFile): void {
    fs.mkdirSync(dir, { recursive: true });
    const project = {
        name: p.name,
        ...(p.description ? { description: p.description } : {}),
        // Programs are compiled by `npm run build`: no TypeScript loader in the program process.
        runtime: { name: "nodejs", options: { typescript: false } },
        main: path.relative(dir, p.main),
        ...(p.options && Object.keys(p.options).length > 0 ? { options: p.options } : {}),
    };
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), stringify(project));
}

export interface EngineStackOptions {
    /** Directory holding Pulumi.yaml; inside this repo (or an installed package's project) so the
     * dynamic providers' `require` calls resolve. */
    workDir: string;
    stackName?: string;
    /** file:// backend directory. */
    backendDir: string;
    env?: Record<string, string>;
    config?: Record<string, { value: string; secret?: boolean }>;
}

/** A stack on the real engine; every operation's output is kept for secret scans and errors. */
export class EngineStack {
    private log = "";
    constructor(
        readonly stack: automation.Stack,
        readonly workDir: string,
        readonly env: Record<string, string>,
    ) {}
    output(): string {
        return this.log;
    }
    private readonly collect = (s: string): void => {
        this.log += s;
    };
    up(o: automation.UpOptions = {}) {
        return this.stack.up({ onOutput: this.collect, ...o });
    }
    preview(o: automation.PreviewOptions = {}) {
        return this.stack.preview({ onOutput: this.collect, ...o });
    }
    refresh(o: automation.RefreshOptions = {}) {
        return this.stack.refresh({ onOutput: this.collect, ...o });
    }
    destroy(o: automation.DestroyOptions = {}) {
        return this.stack.destroy({ onOutput: this.collect, ...o });
    }
    outputs() {
        return this.stack.outputs();
    }
    setConfig(key: string, value: string, secret = false) {
        return this.stack.setConfig(key, { value, secret });
    }
    /**
     * `pulumi stack export` as an operator runs it (secrets stay encrypted). The Automation API's
     * exportStack() passes --show-secrets, which would make secret scans meaningless.
     */
    exportState(): Promise<string> {
        return this.cli(["stack", "export", "--stack", this.stack.name]);
    }
    /** Any other `pulumi` command on this stack's project, as a user types it. */
    async cli(args: string[]): Promise<string> {
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: measured puts python in front and strips its figure: the same output
        const r = await runPulumi(this.workDir, this.env, args, { measured: false });
        if (r.code !== 0) throw new Error(`pulumi ${args[0]} failed: ${r.stderr}${r.stdout}`);
        return r.stdout;
    }
}

/** The engine's settings for a file backend in `backendDir`, which is made here: the CLI refuses a
 * backend URL whose folder does not exist yet (a fresh clone has none). */
export function engineEnv(
    backendDir: string,
    extra: Record<string, string> = {},
): Record<string, string> {
    fs.mkdirSync(backendDir, { recursive: true });
    return {
        PATH: enginePath(),
        PULUMI_BACKEND_URL: "file://" + backendDir,
        PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "sandbox-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_HOME: process.env.PULUMI_HOME ?? path.join(backendDir, ".pulumi-home"),
        ...extra,
    };
}

/** Selects (or creates) a stack of the project in `workDir`; the CLI runs its program. */
export async function openStack(o: EngineStackOptions): Promise<EngineStack> {
    const pulumiCommand = await commandAt(path.dirname(toolchainBin()));
    const env = engineEnv(o.backendDir, o.env);
    const stack = await automation.LocalWorkspace.createOrSelectStack(
        { stackName: o.stackName ?? "dev", workDir: o.workDir },
        { pulumiCommand, envVars: env },
    );
    // one `pulumi config set-all` for every value, not one `config set` each
    const config = Object.entries(o.config ?? {});
    if (config.length > 0)
        await stack.setAllConfig(
            Object.fromEntries(
                config.map(([k, v]) => [k, { value: v.value, secret: v.secret ?? false }]),
            ),
        );
    return new EngineStack(stack, o.workDir, env);
}

// PulumiCommand.get runs `pulumi version` to check the CLI: once per CLI and process is enough.
const commands = new Map<string, Promise<automation.PulumiCommand>>();
function commandAt(root: string): Promise<automation.PulumiCommand> {
    let command = commands.get(root);
    if (!command) {
        command = automation.PulumiCommand.get({ root });
        commands.set(root, command);
    }
    return command;
}
