// Starts the whole sandbox in-process: CXone and Okta servers on loopback, one persisted world,
// a shared request log and fault injector. Tests use this directly; the daemon wraps it.
import * as fs from "fs";
import type { SandboxContext, SandboxState } from "./core/context";
import { endpointsOf, type SandboxEndpoints } from "./core/endpoints";
import { FaultInjector, type ActiveFaultRule, type FaultRule } from "./core/faults";
import { sandboxFiles } from "./core/paths";
import { RequestLog, type RequestLogEntry } from "./core/requestLog";
import { startServiceServer, type ServiceServer } from "./core/runner";
import { loadState, saveState, writeJsonAtomic } from "./core/store";
import { freshWorld, resetInPlace } from "./core/world";
import { createCxoneApps } from "./cxone/app";
import { namedHosts, type CxoneHostUrls } from "./cxone/hosts";
import { createOktaApp, type OktaLocals, type OktaServerOptions } from "./okta/app";
import type { AdminHooks } from "./core/adminRoutes";
import express from "express";
import {
    cxoneHandlers,
    cxoneOptionsWith,
    oktaHandlers,
    oktaOptionsWith,
    resolveVariants,
    setUpWorlds,
    type VariantEnv,
} from "./variants/index";

export type { SandboxEndpoints } from "./core/endpoints";
export type { FaultRule, ActiveFaultRule, FaultKind } from "./core/faults";
export type { RequestLogEntry } from "./core/requestLog";

export interface StartSandboxOptions {
    /** directory for state.json, endpoints.json, requests.log */
    dir: string;
    /** 0 or omitted = a free port */
    cxonePort?: number;
    oktaPort?: number;
    /** fixed latency added to every product request */
    latencyMs?: number;
    /** lifetime of CXone access tokens (default 3600) */
    tokenTtlSeconds?: number;
    /** fault rules active from the start */
    faults?: FaultRule[];
    /** pid recorded in endpoints.json (the daemon sets its own) */
    pid?: number;
    /** the CXone issuer host serves only its own routes (default: every route, for old callers) */
    strictCxoneHosts?: boolean;
    /** the Okta org's rate-limit window and connection reporting (sandbox/okta/README.md) */
    okta?: OktaServerOptions;
    /**
     * other worlds: names of sandbox variants (sandbox/variants/), each making one unconfirmed
     * vendor fact false; an unknown name is refused before anything starts
     */
    variants?: string[];
}

export interface RunningSandbox {
    /** `cxone` is the CXone issuer host; `cxoneHosts` are all four CXone hosts as listened on */
    urls: { cxone: string; okta: string; cxoneHosts: CxoneHostUrls };
    endpoints: SandboxEndpoints;
    /** the variants this sandbox runs (names, as given) */
    variants: string[];
    requests(): RequestLogEntry[];
    clearRequests(): void;
    setFaults(rules: FaultRule[]): ActiveFaultRule[];
    clearFaults(): void;
    setLatency(ms: number): void;
    /** refills every Okta rate-limit bucket (a benchmark's setup calls count in no window) */
    clearRateLimits(): void;
    /** wipes the world and re-seeds it (new admin credentials; endpoints rewritten) */
    reset(): void;
    context: SandboxContext;
    stop(): Promise<void>;
}

export async function startSandbox(opts: StartSandboxOptions): Promise<RunningSandbox> {
    const variants = resolveVariants(opts.variants);
    const variantNames = variants.map((v) => v.name);
    const files = sandboxFiles(opts.dir);
    fs.mkdirSync(opts.dir, { recursive: true });
    const state: SandboxState = loadState(files.state) ?? freshWorld();
    const log = new RequestLog(files.requestLog);
    const faults = new FaultInjector(opts.latencyMs ?? 0);
    if (opts.faults?.length) faults.add(opts.faults);

    let ctx: SandboxContext | undefined;
    let listening: CxoneHostUrls | undefined;
    let endpoints: SandboxEndpoints | undefined;
    const writeEndpoints = () => {
        endpoints = endpointsOf(
            ctx!.state,
            { ...ctx!.urls, cxoneHosts: listening },
            opts.pid,
            variantNames,
        );
        writeJsonAtomic(files.endpoints, endpoints);
    };
    let clearRateLimits = () => {};
    const reset = () => {
        resetInPlace(ctx!.state);
        ctx!.save();
        writeEndpoints();
        clearRateLimits();
    };

    const servers: ServiceServer[] = [];
    const oktaHooks: AdminHooks = { server: "okta", log, faults, reset: () => reset() };
    try {
        servers.push(
            await startServiceServer(opts.cxonePort ?? 0, { server: "cxone", log, faults, reset }),
        );
        servers.push(await startServiceServer(opts.oktaPort ?? 0, oktaHooks));
        // CXone's area host, UserHub and ACD: each on its own port (hosts.ts)
        for (let i = 0; i < 3; i++)
            servers.push(await startServiceServer(0, { server: "cxone", log, faults, reset }));
    } catch (e) {
        await Promise.all(servers.map((s) => s.close()));
        throw e;
    }
    const [cx, ok, area, userHub, acd] = servers;
    // what the servers listen on, and the names discovery gives them (hosts.ts)
    const cxoneHosts: CxoneHostUrls = {
        issuer: cx.url,
        area: area.url,
        userHub: userHub.url,
        acd: acd.url,
    };
    listening = cxoneHosts;
    const named = namedHosts(cx.url, cxoneHosts);
    ctx = {
        state,
        save: () => saveState(files.state, state),
        urls: { cxone: cx.url, okta: ok.url, cxoneHosts: named },
    };
    ctx.save();
    const apps = createCxoneApps(
        ctx,
        () => named,
        cxoneOptionsWith(
            { tokenTtlSeconds: opts.tokenTtlSeconds, strictHosts: opts.strictCxoneHosts },
            variants,
        ),
    );
    const oktaApp = createOktaApp(ctx, oktaOptionsWith(opts.okta ?? {}, variants));
    const oktaLocals = oktaApp.locals.okta as OktaLocals;
    oktaHooks.faultAnswer = oktaLocals.faultAnswer;
    clearRateLimits = () => oktaLocals.rateLimiter.clear();
    const env: VariantEnv = { ctx, hosts: () => named };
    setUpWorlds(variants, env);
    // each variant's handlers in front of the service (no variant: the service itself)
    const inFront = (handlers: express.RequestHandler[], app: express.Express) => {
        if (!handlers.length) return app;
        const outer = express();
        outer.disable("x-powered-by");
        outer.set("etag", false);
        outer.locals = app.locals;
        outer.use(...handlers, app);
        return outer;
    };
    cx.mount(inFront(cxoneHandlers("issuer", variants, env), apps.issuer));
    area.mount(inFront(cxoneHandlers("area", variants, env), apps.area));
    userHub.mount(inFront(cxoneHandlers("userHub", variants, env), apps.userHub));
    acd.mount(inFront(cxoneHandlers("acd", variants, env), apps.acd));
    ok.mount(inFront(oktaHandlers(variants, env), oktaApp));
    writeEndpoints();

    let stopped = false;
    return {
        urls: { cxone: ctx.urls.cxone, okta: ctx.urls.okta, cxoneHosts },
        get endpoints() {
            return endpoints!;
        },
        variants: variantNames,
        requests: () => log.list(),
        clearRequests: () => log.clear(),
        setFaults: (rules) => faults.add(rules),
        clearFaults: () => {
            faults.clear();
            faults.baseLatencyMs = 0;
        },
        setLatency: (ms) => {
            faults.baseLatencyMs = ms;
        },
        clearRateLimits: () => clearRateLimits(),
        reset,
        context: ctx,
        stop: async () => {
            if (stopped) return;
            stopped = true;
            faults.stop();
            const engine = (
                oktaApp.locals.okta as { provisioning?: { idle(): Promise<void> } } | undefined
            )?.provisioning;
            if (engine)
                await Promise.race([
                    engine.idle().catch(() => undefined),
                    new Promise((r) => setTimeout(r, 2000).unref()),
                ]);
            await Promise.all(servers.map((s) => s.close()));
            ctx!.save();
        },
    };
}
