// A stand-in for a command the code under test runs (pulumi, npm, node): a shell script, executable,
// written where the test puts it.
import * as fs from "fs";
import * as path from "path";

/** Writes `file` as an executable `#!/bin/sh` script running `body`; returns its folder. */
export function standInCommand(file: string, body: string): string {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`);
    fs.chmodSync(file, 0o755);
    return path.dirname(file);
}
