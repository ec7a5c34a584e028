// Persistence of the sandbox world: one JSON file, written atomically (temp file + rename) so a
// crash or a concurrent reader never sees half a file.
import * as fs from "fs";
import * as path from "path";
import type { SandboxState } from "./context";

export function loadState(file: string): SandboxState | undefined {
    if (!fs.existsSync(file)) return undefined;
    return JSON.parse(fs.readFileSync(file, "utf8")) as SandboxState;
}

export function saveState(file: string, state: SandboxState): void {
    writeJsonAtomic(file, state);
}

export function writeJsonAtomic(file: string, value: unknown): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(value, null, 2) + "\n", { mode: 0o600 });
    fs.renameSync(tmp, file);
}
