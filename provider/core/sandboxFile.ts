// Where the running sandbox publishes its addresses and credentials (`.sandbox/endpoints.json`).
// Only calls to a loopback URL may read it (see loopback.ts): real tenants use env credentials.
import * as fs from "fs";
import * as path from "path";

export const SANDBOX_DIR_ENV = "CXONE_OKTA_SANDBOX_DIR";

/** The sandbox's endpoints.json location: env CXONE_OKTA_SANDBOX_DIR or `<cwd>/.sandbox`. */
export function sandboxEndpointsFile(
    env: NodeJS.ProcessEnv = process.env,
    cwd = process.cwd(),
): string {
    const dir = env[SANDBOX_DIR_ENV];
    if (dir) return path.join(path.resolve(cwd, dir), "endpoints.json");
    // The engine runs providers in the program's directory (e.g. dist/program with Pulumi.yaml's
    // `main`), so look upward for the sandbox, as git looks for .git.
    for (let d = path.resolve(cwd); ; d = path.dirname(d)) {
        const file = path.join(d, ".sandbox", "endpoints.json");
        if (fs.existsSync(file)) return file;
        if (path.dirname(d) === d)
            return path.join(path.resolve(cwd), ".sandbox", "endpoints.json");
    }
}

/** The parsed endpoints file, or undefined when it is missing or not JSON. */
export function readSandboxEndpoints(file: string): Record<string, unknown> | undefined {
    // Stryker disable BlockStatement: the catch block; an empty one returns undefined as well
    try {
        // Stryker disable next-line StringLiteral: without an encoding JSON.parse reads the Buffer as UTF-8 text anyway
        const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
        return parsed && typeof parsed === "object"
            ? (parsed as Record<string, unknown>)
            : undefined;
    } catch {
        return undefined;
    }
    // Stryker restore BlockStatement
}
