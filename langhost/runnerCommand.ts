// What the language host hands the SDK's program runner: pure mapping from the engine's Run request
// to a command line and environment, and from the runner's exit code to the engine's answer.
// This is the SDK's internal host/runner contract (flags, config key form, exit code 32); it has
// changed between releases, so it is pinned here and tested (test/langhost/runnerCommand.unit.test.ts).
import * as path from "path";

/** The fields of a Run request that the runner needs (pulumirpc.RunRequest, plain). */
export interface RunSpec {
    monitorAddress: string;
    engineAddress: string;
    organization: string;
    project: string;
    stack: string;
    /** The program directory: the runner chdirs here. */
    pwd: string;
    /** Project root (where Pulumi.yaml is). */
    rootDirectory: string;
    /** Entry point relative to `pwd` ("." = package.json main / index.js). */
    entryPoint: string;
    dryRun: boolean;
    parallel: number;
    /** Stack config, keys in `ns:name` form. */
    config: Record<string, string>;
    /** Keys (`ns:name`) whose values are secrets. */
    configSecretKeys: string[];
    /** Runtime option `typescript` of Pulumi.yaml (the official host's default is true). */
    typescript: boolean;
    tracing?: string;
    args: string[];
}

/** The runner exits with this after it has printed the program's error itself. */
export const EXIT_ALREADY_REPORTED = 32;

export interface RunnerCommand {
    args: string[];
    env: Record<string, string>;
}

export function runnerCommand(runnerPath: string, s: RunSpec): RunnerCommand {
    const args = [runnerPath];
    const flag = (name: string, value: string | undefined) => {
        if (value) args.push(`--${name}`, value);
    };
    flag("monitor", s.monitorAddress);
    flag("engine", s.engineAddress);
    flag("organization", s.organization);
    flag("project", s.project);
    flag("root-directory", s.rootDirectory);
    flag("stack", s.stack);
    flag("pwd", s.pwd);
    if (s.dryRun) args.push("--dry-run");
    flag("parallel", String(s.parallel));
    flag("tracing", s.tracing);
    args.push(s.entryPoint || ".", ...s.args);
    return {
        args,
        env: {
            // The SDK reads config keys in the legacy `ns:config:name` form.
            PULUMI_CONFIG: JSON.stringify(legacyConfigKeys(s.config)),
            PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(s.configSecretKeys),
            // The runner itself copies its flags into PULUMI_NODEJS_* for other SDK copies.
            PULUMI_NODEJS_TYPESCRIPT: String(s.typescript),
        },
    };
}

/** `ns:name` -> `ns:config:name`; a key without a namespace is left as it is. */
export function legacyConfigKeys(config: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        const i = key.indexOf(":");
        out[i < 0 ? key : `${key.slice(0, i)}:config:${key.slice(i + 1)}`] = value;
    }
    return out;
}

/** The engine's answer to a finished run: an error text, and `bail` when the program already said why. */
export function runResult(exit: { code: number | null; signal: string | null }): {
    error: string;
    bail: boolean;
} {
    if (exit.code === 0) return { error: "", bail: false };
    if (exit.code === EXIT_ALREADY_REPORTED) return { error: "", bail: true };
    if (exit.code === null)
        return { error: `Program exited on signal ${exit.signal ?? "unknown"}`, bail: false };
    return { error: `Program exited with non-zero exit code: ${exit.code}`, bail: false };
}

/** Entry point and working directory of the program, as Pulumi.yaml `main` placed them. */
export function programLocation(
    info: { programDirectory: string; entryPoint: string },
    pwd: string,
) {
    const dir = info.programDirectory || pwd;
    return { pwd: dir, entryPoint: info.entryPoint ? path.normalize(info.entryPoint) : "." };
}
