// The LanguageRuntime gRPC service the Pulumi CLI calls: plugin info, about, required packages,
// run, run a plugin (runPlugin.ts), install dependencies (installDependencies.ts) and cancel. Other
// RPCs (codegen, packing) answer UNIMPLEMENTED.
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import * as languagePb from "@pulumi/pulumi/proto/language_pb";
import * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import { installDependencies } from "./installDependencies";
import { missingProgram } from "./programCheck";
import { requiredPackages, type PluginPackage } from "./requiredPackages";
import { runPlugin } from "./runPlugin";
import { programLocation, runnerCommand, runResult, RunSpec } from "./runnerCommand";

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

export interface HostSettings {
    engineAddress: string;
    tracing?: string;
    /** The Node.js that runs programs (the one running this host). */
    nodePath: string;
    /** Reported by GetPluginInfo and About. */
    version: string;
}

/** The setters the engine's package and plugin dependency messages share. */
interface DependencyMessage<D> {
    setName(v: string): D;
    setKind(v: string): D;
    setVersion(v: string): D;
    setServer(v: string): D;
}

/** A required package as a resource plugin the engine installs (a package or plugin message). */
function asDependency<D extends DependencyMessage<D>>(dep: D, p: PluginPackage): D {
    dep.setName(p.name).setKind("resource").setVersion(p.version);
    return p.server ? dep.setServer(p.server) : dep;
}

export class LanguageRuntime {
    private readonly running = new Set<ChildProcess>();
    constructor(private readonly host: HostSettings) {}

    /** Stops every running program (SIGINT first, as the CLI does to the host). */
    stopPrograms(signal: NodeJS.Signals = "SIGINT"): void {
        for (const child of this.running) child.kill(signal);
    }

    get runningPrograms(): number {
        return this.running.size;
    }

    readonly getPluginInfo: Unary<emptyPb.Empty, pluginPb.PluginInfo> = (_call, done) => {
        done(null, new pluginPb.PluginInfo().setVersion(this.host.version));
    };

    readonly about: Unary<languagePb.AboutRequest, languagePb.AboutResponse> = (_call, done) => {
        done(
            null,
            new languagePb.AboutResponse()
                .setExecutable(this.host.nodePath)
                .setVersion(process.versions.node),
        );
    };

    readonly getRequiredPackages: Unary<
        languagePb.GetRequiredPackagesRequest,
        languagePb.GetRequiredPackagesResponse
    > = (call, done) => {
        const info = call.request.getInfo();
        const dir = info?.getProgramDirectory() || info?.getRootDirectory() || process.cwd();
        const packages = requiredPackages(dir).map((p) =>
            asDependency(new pluginPb.PackageDependency(), p),
        );
        done(null, new languagePb.GetRequiredPackagesResponse().setPackagesList(packages));
    };

    readonly getRequiredPlugins: Unary<
        languagePb.GetRequiredPluginsRequest,
        languagePb.GetRequiredPluginsResponse
    > = (call, done) => {
        const info = call.request.getInfo();
        const dir = info?.getProgramDirectory() || call.request.getProgram() || process.cwd();
        const plugins = requiredPackages(dir).map((p) =>
            asDependency(new pluginPb.PluginDependency(), p),
        );
        done(null, new languagePb.GetRequiredPluginsResponse().setPluginsList(plugins));
    };

    readonly getProgramDependencies: Unary<
        languagePb.GetProgramDependenciesRequest,
        languagePb.GetProgramDependenciesResponse
    > = (call, done) => {
        const info = call.request.getInfo();
        const dir = info?.getProgramDirectory() || process.cwd();
        const deps = requiredPackages(dir).map((p) =>
            new languagePb.DependencyInfo().setName(p.name).setVersion(p.version),
        );
        done(null, new languagePb.GetProgramDependenciesResponse().setDependenciesList(deps));
    };

    readonly cancel: Unary<emptyPb.Empty, emptyPb.Empty> = (_call, done) => {
        this.stopPrograms();
        done(null, new emptyPb.Empty());
    };

    /** Runs a source-based plugin (a component provider) and streams its output. */
    readonly runPlugin: grpc.handleServerStreamingCall<
        languagePb.RunPluginRequest,
        languagePb.RunPluginResponse
    > = (call) => runPlugin(call, this.host.nodePath, this.running);

    /** Installs a directory's npm dependencies where they do not resolve yet. */
    readonly installDependencies: grpc.handleServerStreamingCall<
        languagePb.InstallDependenciesRequest,
        languagePb.InstallDependenciesResponse
    > = (call) => installDependencies(call);

    readonly run: Unary<languagePb.RunRequest, languagePb.RunResponse> = (call, done) => {
        const spec = runSpec(call.request, this.host);
        const noProgram = missingProgram(spec);
        if (noProgram) {
            done(null, new languagePb.RunResponse().setError(noProgram));
            return;
        }
        let runner: string;
        try {
            runner = require.resolve("@pulumi/pulumi/cmd/run", {
                paths: [spec.pwd, spec.rootDirectory],
            });
        } catch {
            const answer = `the Pulumi SDK is not installed for ${spec.pwd}: run npm install (or npm ci) first`;
            done(null, new languagePb.RunResponse().setError(answer));
            return;
        }
        const { args, env } = runnerCommand(runner, spec);
        const preload = path.join(__dirname, "plainErrorStacks.js");
        const child = spawn(this.host.nodePath, ["-r", preload, ...args], {
            cwd: spec.pwd,
            env: { ...process.env, ...env },
            stdio: ["ignore", "inherit", "inherit"],
        });
        this.running.add(child);
        child.on("error", (e) => {
            this.running.delete(child);
            done(
                null,
                new languagePb.RunResponse().setError(`could not start the program: ${e.message}`),
            );
        });
        child.on("exit", (code, signal) => {
            this.running.delete(child);
            const result = runResult({ code, signal });
            done(null, new languagePb.RunResponse().setError(result.error).setBail(result.bail));
        });
    };
}

/** The Run request as plain values. */
function runSpec(req: languagePb.RunRequest, host: HostSettings): RunSpec {
    const info = req.getInfo();
    const options = info?.getOptions()?.toJavaScript() ?? {};
    const config: Record<string, string> = {};
    req.getConfigMap().forEach((value, key) => {
        config[key] = value;
    });
    const where = programLocation(
        {
            programDirectory: info?.getProgramDirectory() ?? "",
            entryPoint: info?.getEntryPoint() ?? "",
        },
        req.getPwd(),
    );
    return {
        monitorAddress: req.getMonitorAddress(),
        engineAddress: host.engineAddress,
        organization: req.getOrganization(),
        project: req.getProject(),
        stack: req.getStack(),
        pwd: where.pwd,
        rootDirectory: info?.getRootDirectory() || where.pwd,
        entryPoint: where.entryPoint,
        dryRun: req.getDryrun(),
        parallel: req.getParallel(),
        config,
        configSecretKeys: req.getConfigsecretkeysList(),
        typescript: options.typescript !== false,
        tracing: host.tracing,
        args: req.getArgsList(),
    };
}
