// The Pulumi packages a program needs: every package under the program's node_modules whose
// package.json says `"pulumi": { "resource": true }` (how @pulumi/okta declares its plugin). The engine
// installs or checks those plugins before the program runs.
import * as fs from "fs";
import * as path from "path";

export interface PluginPackage {
    name: string;
    version: string;
    server?: string;
}

interface PackageJson {
    name?: string;
    version?: string;
    pulumi?: { resource?: boolean; name?: string; version?: string; server?: string };
}

/** Walks up from `dir` to the nearest node_modules and lists the resource plugins found there. */
export function requiredPackages(dir: string): PluginPackage[] {
    const modules = nearestNodeModules(dir);
    if (!modules) return [];
    const found = new Map<string, PluginPackage>();
    for (const pkgDir of packageDirs(modules)) {
        const plugin = pluginOf(readPackageJson(pkgDir));
        if (plugin) found.set(`${plugin.name}@${plugin.version}`, plugin);
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The plugin a package.json declares, named as the engine names plugins. */
export function pluginOf(pkg: PackageJson | undefined): PluginPackage | undefined {
    if (!pkg?.pulumi?.resource || !pkg.name) return undefined;
    // Stryker disable next-line Regex: an npm name holds @ only as its first character
    const name = pkg.pulumi.name ?? pkg.name.replace(/^@pulumi\//, "").replace(/^@/, "");
    const version = pkg.pulumi.version ?? pkg.version;
    if (!version) return undefined;
    return {
        name,
        version: version.startsWith("v") ? version : `v${version}`,
        server: pkg.pulumi.server,
    };
}

/**
 * The node_modules of the package `dir` belongs to: the nearest one above, but not past a directory
 * with its own package.json (a package of its own, such as this repository's plugin/, whose
 * dependencies are what it declares, not its parent's).
 */
function nearestNodeModules(dir: string): string | undefined {
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
        const candidate = path.join(d, "node_modules");
        if (fs.existsSync(candidate)) return candidate;
        if (fs.existsSync(path.join(d, "package.json"))) return undefined;
        if (path.dirname(d) === d) return undefined;
    }
}

/** Top-level packages and scoped packages (`@scope/name`) of one node_modules. */
function packageDirs(modules: string): string[] {
    // Stryker disable next-line ArrayDeclaration: a made-up entry has no package.json: skipped
    const dirs: string[] = [];
    for (const entry of safeReaddir(modules)) {
        if (entry.startsWith(".")) continue;
        const full = path.join(modules, entry);
        if (entry.startsWith("@")) dirs.push(...safeReaddir(full).map((n) => path.join(full, n)));
        else dirs.push(full);
    }
    return dirs;
}

function safeReaddir(dir: string): string[] {
    try {
        return fs.readdirSync(dir);
    } catch {
        // Stryker disable next-line ArrayDeclaration: a made-up entry has no package.json: skipped
        return [];
    }
}

function readPackageJson(dir: string): PackageJson | undefined {
    try {
        return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as PackageJson;
    } catch /* Stryker disable next-line BlockStatement: an empty catch returns undefined too */ {
        return undefined;
    }
}
