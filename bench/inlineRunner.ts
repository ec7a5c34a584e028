// Kept ONLY as bench section 4's comparison (bench/preview.ts): nothing else runs programs inline.
// The Automation API's inline runner is how this project ran stacks before the language host: the
// program runs inside the calling process (the SDK serves the language runtime itself, no language
// host). Tests, the demo and users run programs through the CLI (scripts/lib/engine.ts).
import * as path from "path";
import * as automation from "@pulumi/pulumi/automation";
import { EngineStack, engineEnv, toolchainBin } from "../scripts/lib/engine";

export interface InlineStackOptions {
    /** Must not be the CLI stack's work directory: the workspace writes its own Pulumi.yaml. */
    workDir: string;
    backendDir: string;
    project: { name: string; options?: Record<string, string> };
    program: automation.PulumiFn;
    stackName?: string;
    env?: Record<string, string>;
}

/** Selects (or creates) the stack with an inline program; same backend and env as openStack. */
export async function openInlineStack(o: InlineStackOptions): Promise<EngineStack> {
    const root = path.dirname(toolchainBin());
    const pulumiCommand = await automation.PulumiCommand.get({ root });
    const env = engineEnv(o.backendDir, o.env);
    // The SDK's type lacks Pulumi.yaml `options` (refresh: always); the workspace writes them
    // as given.
    const projectSettings: automation.ProjectSettings & { options?: Record<string, string> } = {
        name: o.project.name,
        runtime: "nodejs",
        options: o.project.options,
    };
    const stack = await automation.LocalWorkspace.createOrSelectStack(
        { stackName: o.stackName ?? "dev", projectName: o.project.name, program: o.program },
        {
            pulumiCommand,
            workDir: o.workDir,
            envVars: env,
            projectSettings,
        },
    );
    return new EngineStack(stack, o.workDir, env);
}
