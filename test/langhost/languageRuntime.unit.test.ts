// The LanguageRuntime service's handlers called in process, as grpc-js calls them: what each answers
// for the program directory the CLI names (or, missing, the next place the official host looks),
// and Run's answers before and after it starts the program (a stand-in node here).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as languagePb from "@pulumi/pulumi/proto/language_pb";
import { LanguageRuntime } from "../../langhost/languageRuntime";
import { RecordedStream } from "../support/recordedStream";
import { standInCommand } from "../support/standIn";

/** Calls a unary handler and returns its answer (or throws its error). */
function unary<Req, Res>(handler: grpc.handleUnaryCall<Req, Res>, request: Req): Promise<Res> {
    return new Promise((resolve, reject) =>
        handler({ request } as grpc.ServerUnaryCall<Req, Res>, (err, value) =>
            err ? reject(err) : resolve(value as Res),
        ),
    );
}

describe("language host: the LanguageRuntime handlers, in process", function () {
    // a handler that never answers fails in seconds, not at the suite's two minutes
    this.timeout(5000);
    let root: string;
    let node: string;
    let runtime: LanguageRuntime;
    const nodeModules = path.dirname(
        path.dirname(path.dirname(require.resolve("@pulumi/pulumi/package.json"))),
    );
    const write = (rel: string, content: unknown) => {
        const file = path.join(root, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    };
    const inDir = <T>(dir: string, fn: () => Promise<T>): Promise<T> => {
        const saved = process.cwd();
        process.chdir(dir);
        return fn().finally(() => process.chdir(saved));
    };
    beforeEach(() => {
        root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "language-runtime-")));
        node = path.join(root, "node");
        runtime = new LanguageRuntime({
            engineAddress: "127.0.0.1:1",
            nodePath: node,
            version: "9.9.9",
        });
        // a program whose node_modules holds two resource plugins, one with a download server
        write("prog/package.json", { name: "prog", main: "index.js" });
        write("prog/node_modules/@pulumi/okta/package.json", {
            name: "@pulumi/okta",
            version: "7.0.0",
            pulumi: { resource: true },
        });
        write("prog/node_modules/acme/package.json", {
            name: "acme",
            version: "1.2.3",
            pulumi: { resource: true, server: "https://get.acme.example" },
        });
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
    const prog = () => path.join(root, "prog");

    it("GetPluginInfo and About: the host's version, the node it runs programs with", async () => {
        assert.equal(
            (await unary(runtime.getPluginInfo, new emptyPb.Empty())).getVersion(),
            "9.9.9",
        );
        const about = await unary(runtime.about, new languagePb.AboutRequest());
        assert.deepEqual(
            [about.getExecutable(), about.getVersion()],
            [node, process.versions.node],
        );
    });

    const packages = (r: languagePb.GetRequiredPackagesResponse) =>
        r.getPackagesList().map((p) => [p.getName(), p.getKind(), p.getVersion(), p.getServer()]);
    const expected = [
        ["acme", "resource", "v1.2.3", "https://get.acme.example"],
        ["okta", "resource", "v7.0.0", ""],
    ];
    it("GetRequiredPackages: from the program directory, else the root directory, else the host's directory", async () => {
        const req = (info: languagePb.ProgramInfo | undefined) =>
            unary(
                runtime.getRequiredPackages,
                new languagePb.GetRequiredPackagesRequest().setInfo(info),
            );
        assert.deepEqual(
            packages(
                await req(
                    new languagePb.ProgramInfo().setProgramDirectory(prog()).setRootDirectory(root),
                ),
            ),
            expected,
        );
        assert.deepEqual(
            packages(await req(new languagePb.ProgramInfo().setRootDirectory(prog()))),
            expected,
        );
        assert.deepEqual(packages(await inDir(prog(), () => req(undefined))), expected);
    });
    it("GetRequiredPlugins: from the program directory, else the request's program, else the host's directory", async () => {
        const plugins = (r: languagePb.GetRequiredPluginsResponse) =>
            r
                .getPluginsList()
                .map((p) => [p.getName(), p.getKind(), p.getVersion(), p.getServer()]);
        const req = (r: languagePb.GetRequiredPluginsRequest) =>
            unary(runtime.getRequiredPlugins, r);
        assert.deepEqual(
            plugins(
                await req(
                    new languagePb.GetRequiredPluginsRequest()
                        .setInfo(new languagePb.ProgramInfo().setProgramDirectory(prog()))
                        .setProgram(root),
                ),
            ),
            expected,
        );
        assert.deepEqual(
            plugins(await req(new languagePb.GetRequiredPluginsRequest().setProgram(prog()))),
            expected,
        );
        assert.deepEqual(
            plugins(await inDir(prog(), () => req(new languagePb.GetRequiredPluginsRequest()))),
            expected,
        );
    });
    it("GetProgramDependencies: name and version of each, from the program directory, else the host's", async () => {
        const deps = (r: languagePb.GetProgramDependenciesResponse) =>
            r.getDependenciesList().map((d) => [d.getName(), d.getVersion()]);
        const want = [
            ["acme", "v1.2.3"],
            ["okta", "v7.0.0"],
        ];
        const req = (info?: languagePb.ProgramInfo) =>
            unary(
                runtime.getProgramDependencies,
                new languagePb.GetProgramDependenciesRequest().setInfo(info),
            );
        assert.deepEqual(
            deps(await req(new languagePb.ProgramInfo().setProgramDirectory(prog()))),
            want,
        );
        assert.deepEqual(deps(await inDir(prog(), () => req())), want);
    });
    it("RunPlugin and InstallDependencies are this host's own handlers", async () => {
        // each called with an empty request: its own refusal shows whose handler answered
        async function refusal<Req, Res>(
            handler: (call: grpc.ServerWritableStream<Req, Res>) => void,
            request: Req,
        ) {
            const call = new RecordedStream<Req, Res>(request);
            handler(call.as());
            await call.done;
            return call.failure?.details;
        }
        assert.equal(
            await refusal(runtime.runPlugin, new languagePb.RunPluginRequest()),
            "RunPlugin needs the plugin's directory",
        );
        assert.equal(
            await refusal(runtime.installDependencies, new languagePb.InstallDependenciesRequest()),
            "InstallDependencies needs the program's directory",
        );
    });

    describe("Run", () => {
        const run = (req: languagePb.RunRequest) => unary(runtime.run, req);
        const standIn = (body: string) => {
            standInCommand(node, body);
        };
        it("a main: folder with no program of its own is refused before anything starts (no program info: the CLI's directory)", async () => {
            fs.mkdirSync(path.join(prog(), "dist"));
            const answer = await run(new languagePb.RunRequest().setPwd(path.join(prog(), "dist")));
            assert.match(answer.getError(), /^Pulumi.yaml main: "\." resolves to no program: /);
            assert.ok(
                answer
                    .getError()
                    .includes(`the folder ${path.join(prog(), "dist")} has no package.json`),
                answer.getError(),
            );
            assert.equal(runtime.runningPrograms, 0);
        });
        it("no Pulumi SDK for the program: says to install it", async () => {
            const answer = await run(
                new languagePb.RunRequest().setInfo(
                    new languagePb.ProgramInfo()
                        .setProgramDirectory(prog())
                        .setEntryPoint("index.js"),
                ),
            );
            assert.equal(
                answer.getError(),
                `the Pulumi SDK is not installed for ${prog()}: run npm install (or npm ci) first`,
            );
        });
        it("a node that cannot start: says so; nothing left running", async () => {
            fs.symlinkSync(nodeModules, path.join(root, "node_modules"));
            const answer = await run(
                new languagePb.RunRequest().setInfo(
                    new languagePb.ProgramInfo()
                        .setProgramDirectory(prog())
                        .setEntryPoint("index.js"),
                ),
            );
            assert.match(answer.getError(), /^could not start the program: .*ENOENT/);
            assert.equal(runtime.runningPrograms, 0);
        });
        it("runs the program in its directory; the root directory and Pulumi.yaml's typescript option reach the runner", async () => {
            fs.symlinkSync(nodeModules, path.join(root, "node_modules"));
            const record = path.join(root, "started");
            standIn(`echo "$* | $(pwd) | $PULUMI_NODEJS_TYPESCRIPT" > ${record}\nexit 0`);
            const info = new languagePb.ProgramInfo()
                .setProgramDirectory(prog())
                .setRootDirectory(root)
                .setEntryPoint("index.js")
                .setOptions(Struct.fromJavaScript({ typescript: false }));
            const pending = run(new languagePb.RunRequest().setInfo(info));
            assert.equal(runtime.runningPrograms, 1);
            const answer = await pending;
            assert.deepEqual([answer.getError(), answer.getBail()], ["", false]);
            assert.equal(runtime.runningPrograms, 0);
            const [args, pwd, typescript] = fs.readFileSync(record, "utf8").trim().split(" | ");
            assert.match(
                args,
                new RegExp(`--root-directory ${root} .*--pwd ${prog()} .*index\\.js$`),
            );
            assert.deepEqual([pwd, typescript], [prog(), "false"]);
        });
        it("without a root directory the program's directory is the root; TypeScript is on by default", async () => {
            // the SDK only in the program's own node_modules
            fs.symlinkSync(
                path.join(nodeModules, "@pulumi/pulumi"),
                path.join(prog(), "node_modules/@pulumi/pulumi"),
            );
            const record = path.join(root, "started");
            standIn(`echo "$* | $PULUMI_NODEJS_TYPESCRIPT" > ${record}\nexit 0`);
            await run(
                new languagePb.RunRequest().setInfo(
                    new languagePb.ProgramInfo()
                        .setProgramDirectory(prog())
                        .setEntryPoint("index.js"),
                ),
            );
            const [args, typescript] = fs.readFileSync(record, "utf8").trim().split(" | ");
            assert.match(args, new RegExp(`--root-directory ${prog()} `));
            assert.equal(typescript, "true");
        });
    });
});
