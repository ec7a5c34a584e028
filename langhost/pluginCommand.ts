// What the language host hands the SDK's plugin runner (`@pulumi/pulumi/cmd/run-plugin`) for a
// RunPlugin request: a source-based Node.js plugin (a directory with PulumiPlugin.yaml, e.g. a
// component provider) run as `node run-plugin <plugin dir> <plugin args...>` in the caller's
// working directory, with the environment the CLI built. Pure, so the contract is tested without
// processes (test/langhost/pluginCommand.unit.test.ts); docs/language-host.md says why each part.

/** The fields of a RunPlugin request that the runner needs (pulumirpc.RunPluginRequest, plain). */
export interface PluginSpec {
    /** The plugin's directory (absolute; where PulumiPlugin.yaml and package.json are). */
    pluginDirectory: string;
    /** The CLI's working directory: the plugin runs there. */
    pwd: string;
    /** The plugin's own arguments (flags, then the engine address), after the directory. */
    args: string[];
    /** `KEY=value` entries: the environment the CLI prepared for the plugin. */
    env: string[];
    /** resource | analyzer | converter | tool */
    kind: string;
    /** Runtime option `typescript` of PulumiPlugin.yaml (the official host's default is true). */
    typescript: boolean;
}

export interface PluginCommand {
    args: string[];
    env: Record<string, string>;
    cwd: string;
}

/** Plugins this host runs with run-plugin; policy packs need another runner and a config proxy. */
export const RUNNABLE_KINDS = ["resource", "converter", "tool"];

/** Why this host refuses a plugin kind, or undefined when it runs it. */
export function refusedKind(kind: string): string | undefined {
    if (RUNNABLE_KINDS.includes(kind)) return undefined;
    if (kind === "analyzer")
        return "policy packs (analyzer plugins) are not supported by this project's Node.js language host; install the official pulumi-language-nodejs to run them";
    return `plugin kind "${kind}" is not supported by this project's Node.js language host (it runs ${RUNNABLE_KINDS.join(", ")} plugins)`;
}

export function pluginCommand(runnerPath: string, s: PluginSpec): PluginCommand {
    const env = environment(s.env);
    // As the official host does: the switch is passed on only when on (its default).
    if (s.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
    return {
        args: [runnerPath, s.pluginDirectory, ...s.args],
        env,
        cwd: s.pwd || s.pluginDirectory,
    };
}

/** `KEY=value` list -> object; the first `=` splits, a later entry of the same key wins. */
export function environment(entries: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const entry of entries) {
        const i = entry.indexOf("=");
        if (i > 0) out[entry.slice(0, i)] = entry.slice(i + 1);
    }
    return out;
}

/** The exit code reported to the CLI for a finished plugin process. */
export function pluginExitCode(exit: { code: number | null; signal: string | null }): number {
    if (exit.code !== null) return exit.code;
    // a process killed by a signal: the shell's convention, 128 + signal number
    const numbers: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
    // Stryker disable next-line StringLiteral: no number for any other name either: 128 + 0
    return 128 + (numbers[exit.signal ?? ""] ?? 0);
}
