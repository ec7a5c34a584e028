// A `main:` that names a folder must hold a program of its own. For a folder, the SDK's runner runs
// the entry (`exports`, else `main`) of the nearest package.json at or ABOVE it, so `main: dist/`
// in a package ran that package's library entry: a program that declares nothing, and an `up`
// that deletes the whole stack. The host refuses such a folder before the program runs, naming the
// path it tried and what would have run instead.
import * as fs from "fs";
import * as path from "path";

interface Manifest {
    name?: string;
    main?: unknown;
    exports?: unknown;
}

/** Why the program directory holds no program, or undefined when it does (or `main` is a file). */
export function missingProgram(where: {
    rootDirectory: string;
    pwd: string;
    entryPoint: string;
}): string | undefined {
    if (where.entryPoint !== "." && where.entryPoint !== "") return undefined;
    const dir = where.pwd;
    const root = nearestManifest(dir);
    // the folder's own package.json, or none at all (Node then loads the folder's index.js)
    if (!root || root === dir) return undefined;
    const manifest = readManifest(root);
    // a package.yaml alone, or a package.json that does not parse: left to the runner to report
    if (!manifest) return undefined;
    const entry = entryOf(manifest);
    if (!entry) return undefined;
    const typed = path.relative(where.rootDirectory, dir) || ".";
    return (
        `Pulumi.yaml main: "${typed}" resolves to no program: the folder ${dir} has no package.json ` +
        `of its own, so the Node.js runner would run ${path.join(root, entry)}, the entry of the ` +
        `package ${manifest.name ?? root} further up, instead. Point main at the program's entry ` +
        "file, or at a folder with its own package.json"
    );
}

/** The entry the runner takes from a manifest: `exports` (a string or "."), else `main`. */
function entryOf(m: Manifest): string | undefined {
    const e = m.exports;
    if (typeof e === "string") return e;
    if (e && typeof e === "object") {
        const dot = (e as Record<string, unknown>)["."];
        if (typeof dot === "string") return dot;
        if (dot && typeof dot === "object") {
            const d = dot as Record<string, unknown>;
            const pick = d.default ?? d.require ?? d.import;
            if (typeof pick === "string") return pick;
        }
    }
    return typeof m.main === "string" ? m.main : undefined;
}

function nearestManifest(dir: string): string | undefined {
    for (let d = dir; ; d = path.dirname(d)) {
        if (["package.json", "package.yaml"].some((f) => fs.existsSync(path.join(d, f)))) return d;
        if (path.dirname(d) === d) return undefined;
    }
}

function readManifest(dir: string): Manifest | undefined {
    try {
        return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
    } catch /* Stryker disable next-line BlockStatement: an empty catch returns undefined too */ {
        return undefined;
    }
}
