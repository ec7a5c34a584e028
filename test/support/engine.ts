// Test stacks on the real engine, run as a user runs them: a project directory inside the repo (so
// the dynamic providers' requires resolve through the package self-reference) whose Pulumi.yaml
// points at a compiled program, a throw-away file:// backend, and the CLI running the program in
// its own process. Nothing runs inside the test process, so tests cannot share SDK state.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EngineStack, openStack, repoRoot, writeProjectFile } from "../../scripts/lib/engine";

/** The compiled entry of a test program in test/programs/ (by file name, without extension). */
export const testProgram = (name: string): string =>
    path.join(repoRoot, "dist", "test", "programs", `${name}.js`);
/** The root program, as the repository's Pulumi.yaml runs it. */
export const rootProgram = path.join(repoRoot, "dist", "program", "main.js");

/**
 * The stack's own entry: a file in its work directory that loads `main`. The engine runs the
 * program and its provider processes in the directory of Pulumi.yaml's `main`, and the root
 * program hands its transcript setting to its provider process through a file there
 * (provider/core/transcript.ts): two stacks pointed at the same compiled program would share that
 * file, and one stack's provider would write into the other's transcript.
 */
export const stackProgram = (workDir: string): string => path.join(workDir, "program", "main.js");

export interface TestStackOptions {
    env?: Record<string, string>;
    config?: Record<string, { value: string; secret?: boolean }>;
    /** The program's parameters (config `test:params`, JSON; see test/programs/params.ts). */
    params?: unknown;
    /** Pulumi.yaml `options`, e.g. { refresh: "always" }. */
    options?: Record<string, string>;
    /** Pulumi.yaml `name` (the project's config namespace); defaults to `name`. */
    projectName?: string;
    stackName?: string;
}

export class TestStack extends EngineStack {
    /** New parameters for the program's next run. */
    setParams(params: unknown) {
        return this.setConfig("test:params", JSON.stringify(params));
    }
}

export async function testStack(
    name: string,
    main: string,
    o: TestStackOptions = {},
): Promise<TestStack> {
    const id = `${name}-${crypto.randomBytes(4).toString("hex")}`;
    const workDir = path.join(repoRoot, ".pulumi-local", "test", id);
    const own = stackProgram(workDir);
    fs.mkdirSync(path.dirname(own), { recursive: true });
    fs.writeFileSync(own, `module.exports = require(${JSON.stringify(main)});\n`);
    writeProjectFile(workDir, { name: o.projectName ?? name, main: own, options: o.options });
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), `cxone-okta-backend-${name}-`));
    const config = { ...o.config };
    if (o.params !== undefined) config["test:params"] = { value: JSON.stringify(o.params) };
    const s = await openStack({ workDir, backendDir, env: o.env, config, stackName: o.stackName });
    return new TestStack(s.stack, s.workDir, s.env);
}
