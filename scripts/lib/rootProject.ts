// The repository's own Pulumi.yaml as `pulumi` reads it at the root: tests, bench and the demo run
// the root program with its name and options.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { repoRoot } from "./engine";

/** The repository's Pulumi.yaml: its name and options, as `pulumi` reads them at the root. */
export function rootProject(): { name: string; options: Record<string, string> } {
    const project = parse(fs.readFileSync(path.join(repoRoot, "Pulumi.yaml"), "utf8")) as {
        name?: string;
        options?: Record<string, unknown>;
    };
    const options = Object.fromEntries(
        Object.entries(project.options ?? {}).map(([k, v]) => [k, String(v)]),
    );
    return { name: project.name ?? "", options };
}
