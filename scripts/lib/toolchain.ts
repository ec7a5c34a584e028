// Where the engine is: this repository, the toolchain built by scripts/toolchain.sh (the `pulumi`
// CLI and its Node.js language host), and the PATH every `pulumi` this project runs is given.
import * as os from "os";
import * as path from "path";

export const repoRoot = path.resolve(__dirname, "..", "..", "..");

/** Where `pulumi` and its language host are: what scripts/setup.sh printed, else the toolchain cache. */
export function toolchainBin(): string {
    if (process.env.CXONE_OKTA_PULUMI_BIN) return process.env.CXONE_OKTA_PULUMI_BIN;
    const dir =
        process.env.CXONE_OKTA_TOOLCHAIN_DIR ??
        path.join(os.homedir(), ".cache", "cxone-okta-scim", "toolchain");
    return path.join(dir, "bin");
}

/** PATH for the engine: the toolchain first, then this repo's Node 22 (node_modules/.bin). */
export function enginePath(): string {
    return [
        toolchainBin(),
        path.join(repoRoot, "node_modules", ".bin"),
        process.env.PATH ?? "",
    ].join(path.delimiter);
}
