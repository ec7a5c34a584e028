// The files a clone of this repository gets (`git ls-files`), for the tests that check the tree
// itself (test/docs). Outside a git checkout, or inside another one, it says why instead.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../../scripts/lib/engine";

/** Tracked files of the checkout this test belongs to (paths from its root), or why there is none. */
export function trackedFiles(): string[] | string {
    try {
        const top = execFileSync("git", ["rev-parse", "--show-toplevel"], {
            cwd: repoRoot,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "ignore"],
        }).trim();
        if (fs.realpathSync(top) !== fs.realpathSync(repoRoot))
            return `${repoRoot} is not the root of a git checkout (it lies inside ${top})`;
    } catch {
        return `${repoRoot} is not a git checkout (or git is not installed)`;
    }
    return execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" })
        .split("\0")
        .filter((f) => f !== "" && fs.existsSync(path.join(repoRoot, f)));
}
