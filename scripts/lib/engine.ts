// Runs Pulumi programs with the real engine (the CLI built by scripts/toolchain.sh) through the
// Automation API. Inline programs need no language host: the Node SDK serves the language runtime
// in-process, which is how this project runs stacks on machines without pulumi-language-nodejs.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as automation from "@pulumi/pulumi/automation";

export const repoRoot = path.resolve(__dirname, "..", "..", "..");

export function toolchainBin(): string {
    const dir = process.env.CXONE_OKTA_TOOLCHAIN_DIR ?? path.join(os.homedir(), ".cache", "cxone-okta-scim", "toolchain");
    return path.join(dir, "bin");
}

/** PATH for the engine: the toolchain first, then this repo's Node 22 (node_modules/.bin). */
export function enginePath(): string {
    return [toolchainBin(), path.join(repoRoot, "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter);
}

export interface EngineStackOptions {
    projectName: string;
    stackName?: string;
    program: automation.PulumiFn;
    /** Directory holding Pulumi.yaml and stack config; must be inside this repo (or an installed
     * package's project) so the dynamic providers' `require` calls resolve. */
    workDir: string;
    /** file:// backend directory. */
    backendDir: string;
    env?: Record<string, string>;
    config?: Record<string, { value: string; secret?: boolean }>;
    /** Project-level options, e.g. refresh: "always". */
    projectOptions?: Record<string, unknown>;
    /** Use the Pulumi.yaml already in workDir (backend from PULUMI_BACKEND_URL) instead of writing one. */
    useProjectFile?: boolean;
}

/** A stack on the real engine; every operation's output is kept for secret scans and errors. */
export class EngineStack {
    private log = "";
    constructor(readonly stack: automation.Stack, private readonly workDir: string, private readonly env: Record<string, string>) {}
    output(): string { return this.log; }
    private readonly collect = (s: string): void => { this.log += s; };
    up(o: automation.UpOptions = {}) { return this.stack.up({ onOutput: this.collect, ...o }); }
    preview(o: automation.PreviewOptions = {}) { return this.stack.preview({ onOutput: this.collect, ...o }); }
    refresh(o: automation.RefreshOptions = {}) { return this.stack.refresh({ onOutput: this.collect, ...o }); }
    destroy(o: automation.DestroyOptions = {}) { return this.stack.destroy({ onOutput: this.collect, ...o }); }
    outputs() { return this.stack.outputs(); }
    /**
     * `pulumi stack export` as an operator runs it (secrets stay encrypted). The Automation API's
     * exportStack() passes --show-secrets, which would make secret scans meaningless.
     */
    exportState(): Promise<string> {
        return new Promise((resolve, reject) => {
            execFile("pulumi", ["stack", "export", "--stack", this.stack.name], {
                cwd: this.workDir, env: { ...process.env, ...this.env }, maxBuffer: 64 * 1024 * 1024,
            }, (err, stdout, stderr) => (err ? reject(new Error(`pulumi stack export failed: ${stderr}`)) : resolve(stdout)));
        });
    }
}

export function engineEnv(backendDir: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
        PATH: enginePath(),
        PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "sandbox-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_HOME: process.env.PULUMI_HOME ?? path.join(backendDir, ".pulumi-home"),
        ...extra,
    };
}

export async function openStack(o: EngineStackOptions): Promise<EngineStack> {
    fs.mkdirSync(o.workDir, { recursive: true });
    fs.mkdirSync(o.backendDir, { recursive: true });
    const pulumiCommand = await automation.PulumiCommand.get({ root: path.dirname(toolchainBin()) });
    const env = engineEnv(o.backendDir, { ...(o.useProjectFile ? { PULUMI_BACKEND_URL: "file://" + o.backendDir } : {}), ...o.env });
    const stack = await automation.LocalWorkspace.createOrSelectStack(
        { stackName: o.stackName ?? "dev", projectName: o.projectName, program: o.program },
        {
            pulumiCommand,
            workDir: o.workDir,
            envVars: env,
            ...(o.useProjectFile ? {} : {
                projectSettings: {
                    name: o.projectName,
                    runtime: "nodejs",
                    backend: { url: "file://" + o.backendDir },
                    ...o.projectOptions,
                } as automation.ProjectSettings,
            }),
        },
    );
    for (const [k, v] of Object.entries(o.config ?? {})) {
        await stack.setConfig(k, { value: v.value, secret: v.secret ?? false });
    }
    return new EngineStack(stack, o.workDir, env);
}
