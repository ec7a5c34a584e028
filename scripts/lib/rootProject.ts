// The repository's own Pulumi.yaml as `pulumi` reads it at the root: tests, bench and the demo run
// the root program with its name and options.
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "./engine";

/** The repository's Pulumi.yaml: its name and options, as `pulumi` reads them at the root. */
export function rootProject(): { name: string; options: Record<string, string> } {
    const text = fs.readFileSync(path.join(repoRoot, "Pulumi.yaml"), "utf8");
    const name = /^name:\s*(\S+)/m.exec(text)?.[1] ?? "";
    const block = /^options:\n((?:[ \t]+.*\n?)+)/m.exec(text)?.[1] ?? "";
    const options: Record<string, string> = {};
    for (const m of block.matchAll(/^[ \t]+(\w+):\s*(\S+)/gm)) options[m[1]] = m[2];
    return { name, options };
}
