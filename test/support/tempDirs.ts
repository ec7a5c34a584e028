// Loaded by mocha before every test file (.mocharc.json `require`): each temp dir made in the test
// process (fs.mkdtemp in any form, by a test, a helper or the product) is removed when the process
// ends, so running the suite again and again does not fill the machine's temp dir.
// CXONE_OKTA_KEEP_TEMP=1 keeps them, to look at a failed stack's backend or a sandbox's files.
import fs = require("fs"); // the module itself, whose mkdtemp functions are wrapped
import * as os from "os";
import * as path from "path";

export const KEEP_TEMP_ENV = "CXONE_OKTA_KEEP_TEMP";

const made: string[] = [];

function remember(dir: string): string {
    if (path.resolve(dir).startsWith(path.resolve(os.tmpdir()) + path.sep)) made.push(dir);
    return dir;
}

/** Removes every temp dir this process made, newest first; one that will not go is left. */
export function removeTempDirs(): void {
    for (const dir of made.splice(0).reverse()) {
        try {
            fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
        } catch {
            // a file still held open by a process that outlived its test: left for the OS
        }
    }
}

if (!process.env[KEEP_TEMP_ENV]) {
    const sync = fs.mkdtempSync;
    fs.mkdtempSync = ((prefix: string, options?: fs.EncodingOption) =>
        remember(String(sync(prefix, options)))) as typeof fs.mkdtempSync;
    const promised = fs.promises.mkdtemp;
    fs.promises.mkdtemp = (async (prefix: string, options?: fs.EncodingOption) =>
        remember(String(await promised(prefix, options)))) as typeof fs.promises.mkdtemp;
    const callback = fs.mkdtemp;
    fs.mkdtemp = ((prefix: string, ...rest: unknown[]) => {
        const done = rest.pop() as (err: NodeJS.ErrnoException | null, dir: string) => void;
        callback(prefix, ...(rest as [fs.EncodingOption]), (err, dir) =>
            done(err, err ? dir : remember(String(dir))),
        );
    }) as typeof fs.mkdtemp;
    process.on("exit", removeTempDirs);
}
