// InstallDependencies: the CLI asks for a directory's npm dependencies before it runs a plugin from
// there (`pulumi package add`, `get-schema`, and every `up` of a program whose Pulumi.yaml lists
// the package). The official host runs the package manager every time; this one first checks
// whether every dependency already resolves from the directory and runs `npm install` only when
// one does not, so a plugin inside an installed package (this repository's plugin/) costs nothing.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as languagePb from "@pulumi/pulumi/proto/language_pb";

type Call = grpc.ServerWritableStream<
    languagePb.InstallDependenciesRequest,
    languagePb.InstallDependenciesResponse
>;

interface PackageJson {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
}

/**
 * The dependencies of `dir` that do not resolve from it: those its package.json declares (a
 * plugin needs only `dependencies`, a program also `devDependencies`, e.g. TypeScript), and the
 * Pulumi SDK, which the runner always needs.
 */
export function missingDependencies(dir: string, isPlugin: boolean): string[] {
    let pkg: PackageJson = {};
    try {
        pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as PackageJson;
    } catch {
        // no package.json (or an unreadable one): npm install says what is wrong
        return ["package.json"];
    }
    const names = new Set(["@pulumi/pulumi", ...Object.keys(pkg.dependencies ?? {})]);
    if (!isPlugin) for (const n of Object.keys(pkg.devDependencies ?? {})) names.add(n);
    return [...names].filter((name) => !resolves(name, dir)).sort();
}

function resolves(name: string, dir: string): boolean {
    try {
        // Stryker disable next-line StringLiteral,ArrayDeclaration: the folder walk below finds what this finds (node_modules up from dir)
        require.resolve(`${name}/package.json`, { paths: [dir] });
        return true;
    } catch {
        // a package whose exports hide package.json still resolves by its directory
        for (let d = path.resolve(dir); ; d = path.dirname(d)) {
            if (fs.existsSync(path.join(d, "node_modules", name))) return true;
            if (path.dirname(d) === d) return false;
        }
    }
}

export function installDependencies(call: Call): void {
    const req = call.request;
    const dir = req.getInfo()?.getProgramDirectory() || req.getDirectory();
    const out = (text: string) =>
        call.write(new languagePb.InstallDependenciesResponse().setStdout(Buffer.from(text)));
    if (!dir) {
        call.emit("error", {
            code: grpc.status.INVALID_ARGUMENT,
            details: "InstallDependencies needs the program's directory",
        });
        return;
    }
    const missing = missingDependencies(dir, req.getIsPlugin());
    if (missing.length === 0) {
        out(`Dependencies of ${dir} are installed: nothing to do\n`);
        call.end();
        return;
    }
    out(`Installing dependencies of ${dir} (missing: ${missing.join(", ")}): npm install\n`);
    const npm = spawn("npm", ["install", "--no-audit", "--no-fund"], {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
    });
    npm.stdout.on("data", (b: Buffer) =>
        call.write(new languagePb.InstallDependenciesResponse().setStdout(b)),
    );
    npm.stderr.on("data", (b: Buffer) =>
        call.write(new languagePb.InstallDependenciesResponse().setStderr(b)),
    );
    npm.on("error", (e) =>
        call.emit("error", {
            code: grpc.status.FAILED_PRECONDITION,
            details: `could not run npm install in ${dir}: ${e.message}`,
        }),
    );
    npm.on("close", (code) => {
        if (code === 0) return call.end();
        call.emit("error", {
            code: grpc.status.UNKNOWN,
            details: `npm install failed in ${dir} (exit code ${code})`,
        });
    });
}
