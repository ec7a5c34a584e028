// A `main:` that names a folder must hold a program of its own. The SDK's runner resolves a folder
// through the nearest package.json ABOVE it when the folder has none, so `main: dist/` in a package
// ran that package's library entry: a program that declares nothing, and an `up` that deletes the
// whole stack. The host refuses such a folder before the program runs, naming the path it tried.
import * as fs from "fs";
import * as path from "path";

/** Why the program directory holds no program, or undefined when it does (or `main` is a file). */
export function missingProgram(where: {
    rootDirectory: string;
    pwd: string;
    entryPoint: string;
    typescript: boolean;
}): string | undefined {
    if (where.entryPoint !== "." && where.entryPoint !== "") return undefined;
    const dir = where.pwd;
    const own = [
        "package.json",
        "package.yaml",
        "index.js",
        ...(where.typescript ? ["index.ts"] : []),
    ];
    if (own.some((f) => fs.existsSync(path.join(dir, f)))) return undefined;
    const typed = path.relative(where.rootDirectory, dir) || ".";
    const above = nearestPackage(path.dirname(dir));
    const wouldRun = above
        ? ` (the Node.js runner would have run the entry of ${path.join(above, "package.json")} instead, which is not this program)`
        : "";
    return (
        `Pulumi.yaml main: "${typed}" resolves to no program: the folder ${dir} holds no ` +
        `${own.slice(2).join(" or ")} and no package.json of its own${wouldRun}. ` +
        "Point main at the program's entry file, or at a folder with its own index.js or package.json"
    );
}

function nearestPackage(dir: string): string | undefined {
    for (let d = dir; ; d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, "package.json"))) return d;
        if (path.dirname(d) === d) return undefined;
    }
}
