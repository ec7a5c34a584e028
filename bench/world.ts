// A sandbox and real-engine stacks for one benchmark run: everything under .pulumi-local/bench,
// stacks' work dirs inside the repo so the dynamic providers' package requires resolve.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { startSandbox, RunningSandbox } from "../sandbox/index";
import { EngineStack, openStack, repoRoot } from "../scripts/lib/engine";

export const benchDir = path.join(repoRoot, ".pulumi-local", "bench");
export const runId = crypto.randomBytes(3).toString("hex");

/** A fresh sandbox; the providers (engine's process) and the program (this one) both find it. */
export async function benchSandbox(name: string): Promise<RunningSandbox> {
    const dir = path.join(benchDir, runId, `sandbox-${name}`);
    const sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
    process.env.CXONE_OKTA_SANDBOX_DIR = dir;
    return sandbox;
}

export interface BenchStackOptions {
    sandbox: RunningSandbox;
    config?: Record<string, string>;
    /** refresh on every up, as the root Pulumi.yaml does */
    refreshAlways?: boolean;
}

export async function benchStack(name: string, program: PulumiFn, o: BenchStackOptions): Promise<EngineStack> {
    const base = path.join(benchDir, runId, name);
    fs.mkdirSync(base, { recursive: true });
    return openStack({
        projectName: `bench-${name}`,
        program,
        workDir: path.join(base, "work"),
        backendDir: path.join(base, "backend"),
        env: { CXONE_OKTA_SANDBOX_DIR: process.env.CXONE_OKTA_SANDBOX_DIR ?? "" },
        projectOptions: o.refreshAlways ? { options: { refresh: "always" } } : {},
        config: Object.fromEntries(Object.entries(o.config ?? {}).map(([k, v]) => [k, { value: v }])),
    });
}

/** Wall time of one async step in ms. */
export async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
    const t0 = performance.now();
    const value = await f();
    return { ms: Math.round(performance.now() - t0), value };
}

/** Stack outputs as plain values. */
export async function plainOutputs(stack: EngineStack): Promise<Record<string, unknown>> {
    const outs = await stack.outputs();
    return Object.fromEntries(Object.entries(outs).map(([k, o]) => [k, o.value]));
}
