// The package as users install it: this checkout packed, or an earlier version packed from git
// history. An earlier version is built once and cached outside the repo (never committed).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../../scripts/lib/engine";

const releases = path.join(os.homedir(), ".cache", "cxone-okta-scim", "releases");

const run = (cmd: string, args: string[], cwd: string): string =>
    execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"] }).toString();

/** `npm pack` of `dir` into `into`; the tarball's path. */
export function pack(dir: string, into: string): string {
    const name = run("npm", ["pack", "--silent", "--pack-destination", into], dir)
        .trim()
        .split("\n")
        .pop()!;
    return path.join(into, name);
}

/** This checkout, packed (it must be built: `npm run build`). */
export const packThisCheckout = (into: string): string => pack(repoRoot, into);

/**
 * The package as it was at `commit`, packed: the commit's tree checked out from this repo's
 * history, its own locked dependencies installed, compiled, packed. Cached by commit.
 */
export function packRelease(commit: string): string {
    const cached = path.join(releases, `cxone-okta-scim-${commit}.tgz`);
    if (fs.existsSync(cached)) return cached;
    fs.mkdirSync(releases, { recursive: true });
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), "release-"));
    try {
        const archive = path.join(tree, "release.tar");
        run("git", ["archive", "--output", archive, commit], repoRoot);
        run("tar", ["-xf", archive, "-C", tree], tree);
        run("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--silent"], tree);
        run("npx", ["tsc", "-p", "tsconfig.json"], tree);
        fs.renameSync(pack(tree, tree), cached);
        return cached;
    } finally {
        fs.rmSync(tree, { recursive: true, force: true });
    }
}

/** Installs `tgz` as the project's `cxone-okta-scim` (replacing any installed version). */
export function installInto(project: string, tgz: string): void {
    fs.writeFileSync(
        path.join(project, "package.json"),
        JSON.stringify({
            name: "upgrading-user",
            private: true,
            dependencies: { "cxone-okta-scim": `file:${tgz}` },
        }),
    );
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--silent"], project);
}
