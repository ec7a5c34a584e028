// InstallDependencies in-process: what it tells the CLI when every dependency resolves, when one
// does not (then `npm install` runs in the directory; here a stand-in `npm` on PATH says what it was
// asked), and how a failed or missing npm is reported. Also how a dependency is found: by its
// package.json, or by its folder when the package's exports hide package.json, up the tree.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as languagePb from "@pulumi/pulumi/proto/language_pb";
import { installDependencies, missingDependencies } from "../../langhost/installDependencies";
import { RecordedStream } from "../support/recordedStream";
import { standInCommand } from "../support/standIn";

type Call = RecordedStream<
    languagePb.InstallDependenciesRequest,
    languagePb.InstallDependenciesResponse
>;
const text = (call: Call, which: "stdout" | "stderr") =>
    call.written
        .map((r) =>
            Buffer.from(which === "stdout" ? r.getStdout_asU8() : r.getStderr_asU8()).toString(),
        )
        .join("");

function run(request: languagePb.InstallDependenciesRequest): Call {
    const call: Call = new RecordedStream(request);
    installDependencies(call.as());
    return call;
}

const request = (dir: string, isPlugin = true) =>
    new languagePb.InstallDependenciesRequest()
        .setInfo(new languagePb.ProgramInfo().setProgramDirectory(dir))
        .setDirectory(path.join(dir, "not-this-one"))
        .setIsPlugin(isPlugin);

describe("language host: InstallDependencies, in process", function () {
    // a handler that never answers fails in seconds, not at the suite's two minutes
    this.timeout(5000);
    let root: string;
    let bin: string;
    let savedPath: string | undefined;
    const write = (rel: string, content: unknown) => {
        const file = path.join(root, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    };
    /** a stand-in npm: reads its stdin to the end (closed: an npm asking a question does not
     * wait), prints its arguments and directory, a line on stderr, exits with `code` */
    const fakeNpm = (code: number) =>
        standInCommand(
            path.join(bin, "npm"),
            `cat >/dev/null\necho "npm $* in $(pwd)"\necho "npm warn something" >&2\nexit ${code}`,
        );
    beforeEach(() => {
        root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "install-deps-")));
        bin = path.join(root, "bin");
        savedPath = process.env.PATH;
        process.env.PATH = `${bin}:${savedPath ?? ""}`;
    });
    afterEach(() => {
        process.env.PATH = savedPath;
        fs.rmSync(root, { recursive: true, force: true });
    });

    /** A program directory with this package.json. */
    const program = (packageJson: unknown) => {
        write("prog/package.json", packageJson);
        return path.join(root, "prog");
    };
    /** A program whose one dependency, @pulumi/pulumi, is installed: nothing for npm to do. */
    const installedProgram = () => {
        write("prog/node_modules/@pulumi/pulumi/package.json", { name: "@pulumi/pulumi" });
        return program({ dependencies: {} });
    };
    /** The handler called and awaited to its end (or failure). */
    const finished = async (req: languagePb.InstallDependenciesRequest) => {
        const call = run(req);
        await call.done;
        return call;
    };

    it("no directory at all: INVALID_ARGUMENT", async () => {
        const call = await finished(new languagePb.InstallDependenciesRequest());
        assert.deepEqual(call.failure, {
            code: grpc.status.INVALID_ARGUMENT,
            details: "InstallDependencies needs the program's directory",
        });
    });
    it("everything resolves: says so and ends without running npm", async () => {
        const dir = installedProgram();
        fakeNpm(0);
        const call = await finished(request(dir));
        assert.equal(call.failure, undefined);
        assert.equal(call.ended, true);
        assert.equal(text(call, "stdout"), `Dependencies of ${dir} are installed: nothing to do\n`);
    });
    it("the request's directory when no program directory is given", async () => {
        const dir = installedProgram();
        const call = await finished(new languagePb.InstallDependenciesRequest().setDirectory(dir));
        assert.equal(text(call, "stdout"), `Dependencies of ${dir} are installed: nothing to do\n`);
    });
    it("something missing: names it, runs npm install there, passes its output on, ends on exit 0", async () => {
        const dir = program({ dependencies: { "left-pad": "1" } });
        fakeNpm(0);
        const call = await finished(request(dir));
        assert.equal(call.failure, undefined);
        assert.equal(call.ended, true);
        assert.equal(
            text(call, "stdout"),
            `Installing dependencies of ${dir} (missing: @pulumi/pulumi, left-pad): npm install\n` +
                `npm install --no-audit --no-fund in ${dir}\n`,
        );
        assert.equal(text(call, "stderr"), "npm warn something\n");
    });
    it("npm install fails: UNKNOWN with its exit code", async () => {
        const dir = program({});
        fakeNpm(3);
        const call = await finished(request(dir));
        assert.equal(call.ended, false);
        assert.deepEqual(call.failure, {
            code: grpc.status.UNKNOWN,
            details: `npm install failed in ${dir} (exit code 3)`,
        });
    });
    it("no npm on PATH: FAILED_PRECONDITION saying it could not run", async () => {
        const dir = program({});
        process.env.PATH = bin; // empty: no npm
        const call = await finished(request(dir));
        assert.equal(call.failure?.code, grpc.status.FAILED_PRECONDITION);
        assert.match(
            call.failure?.details ?? "",
            new RegExp(`^could not run npm install in ${dir}: .*ENOENT`),
        );
    });
});

describe("language host: which dependencies resolve from a directory", () => {
    let root: string;
    const write = (rel: string, content: unknown) => {
        const file = path.join(root, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(content));
    };
    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "resolves-"));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("missing ones are listed sorted, and only from the directory (not from the host's own packages)", () => {
        write("prog/package.json", {
            dependencies: { "zz-missing": "1", axios: "1", "aa-missing": "1" },
        });
        assert.deepEqual(missingDependencies(path.join(root, "prog"), true), [
            "@pulumi/pulumi",
            "aa-missing",
            "axios",
            "zz-missing",
        ]);
    });
    it("a package whose exports hide package.json resolves by its folder, also further up", () => {
        const hidden = { name: "hidden", exports: { ".": "./index.js" } };
        write("node_modules/hidden/package.json", hidden);
        write("node_modules/@pulumi/pulumi/package.json", { name: "@pulumi/pulumi" });
        write("prog/node_modules/near/package.json", { name: "near", exports: { ".": "./i.js" } });
        write("prog/package.json", { dependencies: { hidden: "1", near: "1" } });
        assert.deepEqual(missingDependencies(path.join(root, "prog"), true), []);
    });
});
