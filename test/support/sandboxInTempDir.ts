// A whole sandbox (both vendors) on free ports for one suite, its endpoints file in a new temp
// dir, for suites that need that dir or the sandbox's own API (sandboxForSuite gives neither).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";

export interface SandboxInTempDir {
    sandbox: RunningSandbox;
    dir: string;
}

/** Started before the suite (the dir named `<prefix>…`); stopped and the dir removed after it. */
export function sandboxInTempDirForSuite(prefix: string): SandboxInTempDir {
    const s = {} as SandboxInTempDir;
    before(async () => {
        s.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        s.sandbox = await startSandbox({ dir: s.dir, cxonePort: 0, oktaPort: 0 });
    });
    after(async () => {
        await s.sandbox?.stop();
        fs.rmSync(s.dir, { recursive: true, force: true });
    });
    return s;
}
