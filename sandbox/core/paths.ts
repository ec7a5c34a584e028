// Where a sandbox keeps its files: `.sandbox/` under the working directory, or
// CXONE_OKTA_SANDBOX_DIR when set.
import * as path from "path";

export function sandboxDir(cwd: string = process.cwd()): string {
    return path.resolve(cwd, process.env.CXONE_OKTA_SANDBOX_DIR || ".sandbox");
}

export function sandboxFiles(dir: string) {
    return {
        state: path.join(dir, "state.json"),
        endpoints: path.join(dir, "endpoints.json"),
        requestLog: path.join(dir, "requests.log"),
        pid: path.join(dir, "sandbox.pid"),
        daemonLog: path.join(dir, "daemon.log"),
    };
}
