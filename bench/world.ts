// A sandbox and real-engine stacks for one benchmark run: everything under .pulumi-local/bench,
// stacks' work dirs inside the repo so the dynamic providers' package requires resolve. Every
// stack is a project directory whose Pulumi.yaml `main` is a compiled program: the CLI runs it in
// its own process through the Node.js language host, as `pulumi up` does for a user.
import * as crypto from "crypto";
import * as path from "path";
import { startSandbox, RunningSandbox, type StartSandboxOptions } from "../sandbox/index";
import type { IntegrationOutputs } from "../sandbox/operator";
import { EngineStack, openStack, repoRoot, writeProjectFile } from "../scripts/lib/engine";
import { rootProject } from "../scripts/lib/rootProject";
import { paramsKey } from "./params";

export const benchDir = path.join(repoRoot, ".pulumi-local", "bench");
export const runId = crypto.randomBytes(3).toString("hex");

/** The compiled entry of a bench program (bench/<name>.ts). */
export const benchProgram = (name: string): string =>
    path.join(repoRoot, "dist", "bench", `${name}.js`);
/** The root program, as the repository's Pulumi.yaml runs it. */
export const rootProgram = path.join(repoRoot, "dist", "program", "main.js");

/**
 * A fresh sandbox. The engine's processes find it through the stack's env; this process's
 * variable is set too, for the Automation API's inline runner (bench/inlineRunner.ts).
 */
export async function benchSandbox(
    name: string,
    options: Pick<StartSandboxOptions, "okta"> = {},
): Promise<RunningSandbox> {
    const dir = path.join(benchDir, runId, `sandbox-${name}`);
    const sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0, ...options });
    process.env.CXONE_OKTA_SANDBOX_DIR = dir;
    return sandbox;
}

export interface BenchStackOptions {
    sandbox: RunningSandbox;
    /** The program's parameters (stack config `bench:params`, JSON; see bench/params.ts). */
    params?: unknown;
    config?: Record<string, string>;
    /** More environment for the CLI and the processes it starts. */
    env?: Record<string, string>;
    /** Pulumi.yaml name and options; defaults to `bench-<name>`, no options. */
    project?: { name: string; options?: Record<string, string> };
}

/** Where a bench stack's project and backend live. */
export function benchPaths(name: string): { workDir: string; backendDir: string } {
    const base = path.join(benchDir, runId, name);
    return { workDir: path.join(base, "work"), backendDir: path.join(base, "backend") };
}

export async function benchStack(
    name: string,
    main: string,
    o: BenchStackOptions,
): Promise<EngineStack> {
    const { workDir, backendDir } = benchPaths(name);
    const project = o.project ?? { name: `bench-${name}` };
    writeProjectFile(workDir, { name: project.name, main, options: project.options });
    const config: Record<string, { value: string }> = {};
    for (const [k, v] of Object.entries(o.config ?? {})) config[k] = { value: v };
    if (o.params !== undefined) config[paramsKey] = { value: JSON.stringify(o.params) };
    return openStack({
        workDir,
        backendDir,
        env: { CXONE_OKTA_SANDBOX_DIR: process.env.CXONE_OKTA_SANDBOX_DIR ?? "", ...o.env },
        config,
    });
}

/**
 * The root program (dist/program/main.js) with a project file mirroring the repository's
 * Pulumi.yaml (its name, hence the `cxone-okta-scim:` config namespace, and `refresh: always`).
 */
export function rootStack(
    name: string,
    o: Omit<BenchStackOptions, "params" | "project">,
): Promise<EngineStack> {
    return benchStack(name, rootProgram, { ...o, project: rootProject() });
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

/** The root stack's outputs the console steps need (sandbox/operator.ts), checked to be strings. */
export async function integrationOutputs(stack: EngineStack): Promise<IntegrationOutputs> {
    const outs = await plainOutputs(stack);
    const text = (k: keyof IntegrationOutputs): string => {
        const v = outs[k];
        if (typeof v !== "string")
            throw new Error(`stack output ${k} is ${typeof v}, not a string`);
        return v;
    };
    return {
        appId: text("appId"),
        scimBaseUrl: text("scimBaseUrl"),
        tokenEndpoint: text("tokenEndpoint"),
        authorizeEndpoint: text("authorizeEndpoint"),
        accessKeyId: text("accessKeyId"),
        accessKeySecret: text("accessKeySecret"),
    };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
