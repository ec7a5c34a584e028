// The root program (program/index.ts) on the real engine against an in-process sandbox.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, RunningSandbox } from "../../sandbox/index";
import type { OktaServerOptions } from "../../sandbox/okta/app";
import { integrationProgram } from "../../program/index";
import { EngineStack } from "../../scripts/lib/engine";
import { IntegrationOutputs } from "../../sandbox/operator";
import { testStack } from "./engine";

export interface IntegrationFixture {
    sandbox: RunningSandbox;
    stack: EngineStack;
    outputs(): Promise<IntegrationOutputs & Record<string, unknown>>;
    /** what the sandbox's Okta reports for the SCIM connection (see useOktaConnection) */
    oktaConnection: "reported" | "unknown";
}

export interface FixtureOptions {
    latencyMs?: number;
    /** the sandbox Okta's behaviour; default: the mode set by useOktaConnection */
    okta?: OktaServerOptions;
}

let defaultOktaConnection: "reported" | "unknown" = "reported";

/**
 * Makes fixtures that choose no Okta mode start the sandbox in `mode`, so one suite runs in both
 * (test/integration/unknownConnection.test.ts). Returns a function that restores the previous mode.
 */
export function useOktaConnection(mode: "reported" | "unknown"): () => void {
    const before = defaultOktaConnection;
    defaultOktaConnection = mode;
    return () => { defaultOktaConnection = before; };
}

export async function integrationFixture(name: string, config: Record<string, string> = {}, opts: FixtureOptions = {}): Promise<IntegrationFixture> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sandbox-${name}-`));
    const okta: OktaServerOptions = { connectionStatus: defaultOktaConnection, ...opts.okta };
    const sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0, latencyMs: opts.latencyMs, okta });
    // The program runs in this process; the providers run in the engine's: both find the sandbox here.
    process.env.CXONE_OKTA_SANDBOX_DIR = dir;
    const stack = await testStack(name, integrationProgram, {
        env: { CXONE_OKTA_SANDBOX_DIR: dir },
        projectOptions: { options: { refresh: "always" } },
        config: Object.fromEntries(Object.entries(config).map(([k, v]) => [k, { value: v }])),
    });
    return {
        sandbox,
        stack,
        oktaConnection: okta.connectionStatus ?? "reported",
        async outputs() {
            const outs = await stack.outputs();
            return Object.fromEntries(Object.entries(outs).map(([k, o]) => [k, o.value])) as IntegrationOutputs & Record<string, unknown>;
        },
    };
}

const isTokenRequest = (p: string) => p.startsWith("/authentication/v1/token/access-key") || p.startsWith("/auth/token");

// CXone's searches are POSTs that change nothing.
const isSearch = (p: string) => /\/search(\?|$)/.test(p);

/** Requests that change something (not GETs, searches or sign-ins), as the sandbox logged them. */
export const writes = (s: RunningSandbox) => s.requests().filter((r) => r.method !== "GET" && !isTokenRequest(r.path) && !isSearch(r.path));
/** Reads: GETs and searches. */
export const reads = (s: RunningSandbox) => s.requests().filter((r) => r.method === "GET" || isSearch(r.path));
/** Sign-ins (token requests) the sandbox saw. */
export const tokenRequests = (s: RunningSandbox) => s.requests().filter((r) => isTokenRequest(r.path));
