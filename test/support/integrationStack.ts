// The root program on the real engine against its own sandbox, through the CLI: the project file is
// the repository's own Pulumi.yaml (its options included), only `main` is re-pointed from the stack's
// work directory.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, RunningSandbox } from "../../sandbox/index";
import type { OktaServerOptions } from "../../sandbox/okta/app";
import { rootProject } from "../../scripts/lib/rootProject";
import { IntegrationOutputs } from "../../sandbox/operator";
import { rootProgram, TestStack, testStack } from "./engine";

export interface IntegrationFixture {
    sandbox: RunningSandbox;
    stack: TestStack;
    outputs(): Promise<IntegrationOutputs & Record<string, unknown>>;
    /** what the sandbox's Okta reports for the SCIM connection (see useOktaConnection) */
    oktaConnection: "reported" | "unknown";
}

export interface FixtureOptions {
    latencyMs?: number;
    /** the sandbox Okta's behaviour; default: the mode set by useOktaConnection */
    okta?: OktaServerOptions;
    /** sandbox variants: other worlds where an unconfirmed vendor fact is false */
    variants?: string[];
}

let defaultOktaConnection: "reported" | "unknown" = "reported";

/**
 * Makes fixtures that choose no Okta mode start the sandbox in `mode`, so one suite runs in both
 * (test/integration/unknownConnection.engine.test.ts). Returns a function that restores the previous mode.
 */
export function useOktaConnection(mode: "reported" | "unknown"): () => void {
    const before = defaultOktaConnection;
    defaultOktaConnection = mode;
    return () => {
        defaultOktaConnection = before;
    };
}

export async function integrationFixture(
    name: string,
    config: Record<string, string> = {},
    opts: FixtureOptions = {},
): Promise<IntegrationFixture> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sandbox-${name}-`));
    const okta: OktaServerOptions = { connectionStatus: defaultOktaConnection, ...opts.okta };
    const sandbox = await startSandbox({
        dir,
        cxonePort: 0,
        oktaPort: 0,
        latencyMs: opts.latencyMs,
        okta,
        variants: opts.variants,
    });
    // The test's own API clients (read-back, out-of-band changes) find the sandbox here too.
    process.env.CXONE_OKTA_SANDBOX_DIR = dir;
    const project = rootProject();
    const stack = await testStack(name, rootProgram, {
        projectName: project.name,
        options: project.options,
        // The program and its providers run in the engine's processes: they find the sandbox here.
        env: { CXONE_OKTA_SANDBOX_DIR: dir },
        config: Object.fromEntries(Object.entries(config).map(([k, v]) => [k, { value: v }])),
    });
    return {
        sandbox,
        stack,
        oktaConnection: okta.connectionStatus ?? "reported",
        async outputs() {
            const outs = await stack.outputs();
            return Object.fromEntries(
                Object.entries(outs).map(([k, o]) => [k, o.value]),
            ) as IntegrationOutputs & Record<string, unknown>;
        },
    };
}

const isTokenRequest = (p: string) =>
    p.startsWith("/authentication/v1/token/access-key") || p.startsWith("/auth/token");

// CXone's searches are POSTs that change nothing.
const isSearch = (p: string) => /\/search(\?|$)/.test(p);

/** Requests that change something (not GETs, searches or sign-ins), as the sandbox logged them. */
export const writes = (s: RunningSandbox) =>
    s.requests().filter((r) => r.method !== "GET" && !isTokenRequest(r.path) && !isSearch(r.path));
/** Reads: GETs and searches. */
export const reads = (s: RunningSandbox) =>
    s.requests().filter((r) => r.method === "GET" || isSearch(r.path));
/** Sign-ins (token requests) the sandbox saw. */
export const tokenRequests = (s: RunningSandbox) =>
    s.requests().filter((r) => isTokenRequest(r.path));
