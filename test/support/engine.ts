// Test stacks on the real engine: a work dir inside the repo (so dynamic providers' requires
// resolve through the package self-reference) and a throw-away file:// backend.
// Run one engine operation at a time per process: inline programs share the Pulumi runtime's
// global state, and overlapping runs corrupt each other (and the tests after them).
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { EngineStack, openStack, repoRoot } from "../../scripts/lib/engine";

export interface TestStackOptions {
    env?: Record<string, string>;
    config?: Record<string, { value: string; secret?: boolean }>;
    projectOptions?: Record<string, unknown>;
}

export async function testStack(name: string, program: PulumiFn, o: TestStackOptions = {}): Promise<EngineStack> {
    const id = `${name}-${crypto.randomBytes(4).toString("hex")}`;
    const workDir = path.join(repoRoot, ".pulumi-local", "test", id);
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), `cxone-okta-backend-${name}-`));
    return openStack({ projectName: name, program, workDir, backendDir, ...o });
}
