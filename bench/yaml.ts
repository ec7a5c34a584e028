// Section 6: `up` from empty of the integration from Pulumi YAML (examples/yaml: the YAML language
// host, the package's component provider run by our Node.js host's RunPlugin) against the
// TypeScript root program (dist/program/main.js), on the same sandbox, interleaved in rotating
// order so load drift hits both alike. Each `up` is from empty: a new stack in a freshly reset
// sandbox world (CXone never reuses a role name, so a destroyed stack's world cannot be reused).
// docs/design.md: the YAML `up` within 1.5 x the TypeScript one.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseDocument } from "yaml";
import { EngineStack, openStack, repoRoot } from "../scripts/lib/engine";
import { CallCounts, countCalls } from "./requests";
import { benchPaths, benchSandbox, median, rootStack, timed } from "./world";

export const languages = ["typescript", "yaml"] as const;
export type Language = (typeof languages)[number];

export interface YamlResult {
    runs: number;
    /** wall time of each `up` from empty, in run order */
    ms: Record<Language, number[]>;
    medianMs: Record<Language, number>;
    /** yaml / typescript of the medians: the docs/design.md figure, target <= 1.5 */
    ratio: number;
    /** calls of the last `up` of each (both must do the same work) */
    calls: Record<Language, CallCounts>;
    load: number[];
}

/** The YAML example's project file, its package path re-pointed from `workDir` to plugin/. */
function yamlProject(workDir: string): void {
    const example = parseDocument(
        fs.readFileSync(path.join(repoRoot, "examples", "yaml", "Pulumi.yaml"), "utf8"),
    );
    if (!example.hasIn(["packages", "cxone-okta-scim"]))
        throw new Error("examples/yaml/Pulumi.yaml names no package path");
    example.setIn(
        ["packages", "cxone-okta-scim"],
        path.relative(workDir, path.join(repoRoot, "plugin")),
    );
    fs.mkdirSync(workDir, { recursive: true });
    fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), example.toString());
}

export async function benchYaml(runs: number): Promise<YamlResult> {
    const sandbox = await benchSandbox("yaml");
    try {
        const stacks: EngineStack[] = [];
        const fresh: Record<Language, (i: number) => Promise<EngineStack>> = {
            typescript: (i) => rootStack(`yaml-ts-${i}`, { sandbox }),
            yaml: async (i) => {
                const { workDir, backendDir } = benchPaths(`yaml-yaml-${i}`);
                yamlProject(workDir);
                const s = await openStack({
                    workDir,
                    backendDir,
                    env: { CXONE_OKTA_SANDBOX_DIR: process.env.CXONE_OKTA_SANDBOX_DIR ?? "" },
                    config: {
                        oktaOrgUrl: { value: sandbox.urls.okta },
                        employeeEmail: { value: "scim.key@example.com" },
                    },
                });
                await s.cli(["config", "set", "--path", "cxone.sandboxUrl", sandbox.urls.cxone]);
                return s;
            },
        };
        const ms: Record<Language, number[]> = { typescript: [], yaml: [] };
        const calls: Partial<Record<Language, CallCounts>> = {};
        const load = [os.loadavg()[0]];
        for (let i = 0; i < runs; i++) {
            for (let j = 0; j < languages.length; j++) {
                const language = languages[(i + j) % languages.length];
                sandbox.reset();
                const stack = await fresh[language](i);
                stacks.push(stack);
                sandbox.clearRequests();
                const up = await timed(() => stack.up());
                if (up.value.summary.result !== "succeeded")
                    throw new Error(`${language} up: ${up.value.summary.result}`);
                ms[language].push(up.ms);
                calls[language] = countCalls(sandbox.requests());
            }
        }
        load.push(os.loadavg()[0]);
        // the worlds they made are gone (reset): only the stacks' records are left to remove
        for (const s of stacks) await s.cli(["stack", "rm", "--yes", "--force", s.stack.name]);
        const medianMs = { typescript: median(ms.typescript), yaml: median(ms.yaml) };
        const none = countCalls([]);
        return {
            runs,
            ms,
            medianMs,
            ratio: +(medianMs.yaml / medianMs.typescript).toFixed(2),
            calls: { typescript: calls.typescript ?? none, yaml: calls.yaml ?? none },
            load,
        };
    } finally {
        await sandbox.stop();
    }
}
