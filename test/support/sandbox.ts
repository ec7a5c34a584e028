// The tests' one sandbox fixture: both vendors' servers in a temp dir, on free ports, with the
// credentials in env as the engine passes them to providers (CXone's admin key, the Okta org's API
// token; restored on stop), and each vendor's public API for out-of-band edits and read-backs.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from "../../sandbox/index";
import type { CxoneEndpoint } from "../../provider/cxone/session";
import { clearSessionCache } from "../../provider/cxone/session";
import { startProxy, type Proxy } from "./proxy";

export interface SandboxFixture {
    sandbox: RunningSandbox;
    dir: string;
    /** the sandbox's CXone, as a stack's endpoint names it */
    endpoint: CxoneEndpoint;
    /** the credentials set in env */
    env: Record<string, string>;
    /** non-GET requests to the CXone server since the last clearRequests() */
    writes(): { method: string; path: string; status: number }[];
    /** CXone's public API with a token of the sandbox admin */
    adminApi(): Promise<ReturnType<typeof axios.create>>;
    /** the Okta org's URL */
    orgUrl: string;
    /** a login URL the checks accept (the sandbox's CXone host) */
    loginUrl: string;
    /** Okta's public API with the org's token; never throws on a status */
    api(method: string, path: string, data?: unknown): Promise<{ status: number; data: any }>;
    /** the product's calls to Okta since the last clearRequests(), as "METHOD path" */
    oktaCalls(): string[];
    /** the product's non-GET calls to Okta since the last clearRequests() */
    oktaWrites(): string[];
    /** a proxy in front of CXone's API host, and the endpoint whose API calls go through it */
    cxoneProxy(): Promise<{ proxy: Proxy; endpoint: CxoneEndpoint }>;
    /** a proxy in front of the Okta org (its url is the org URL to give the product) */
    oktaProxy(): Promise<Proxy>;
    /** runs `act` with no CXone key variables in env: the key is found in the sandbox's folder */
    withoutKeyVariables(act: () => Promise<void>): Promise<void>;
    stop(): Promise<void>;
}
export type CxoneFixture = SandboxFixture;
export type OktaFixture = SandboxFixture;

const KEYS = ["CXONE_ACCESS_KEY_ID", "CXONE_ACCESS_KEY_SECRET", "OKTA_API_TOKEN"] as const;

export async function sandboxFixture(
    o: Omit<StartSandboxOptions, "dir"> = {},
): Promise<SandboxFixture> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-test-"));
    const sandbox = await startSandbox({ cxonePort: 0, oktaPort: 0, ...o, dir });
    const base = sandbox.urls.cxone;
    const e = sandbox.endpoints.cxone;
    const env = {
        CXONE_ACCESS_KEY_ID: e.adminAccessKeyId,
        CXONE_ACCESS_KEY_SECRET: e.adminAccessKeySecret,
        OKTA_API_TOKEN: sandbox.endpoints.okta.apiToken,
    };
    const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    clearSessionCache();
    const orgUrl = sandbox.urls.okta;
    const proxies: Proxy[] = [];
    const proxy = async (target: string, rewriteHost: boolean) => {
        const p = await startProxy(target, { rewriteHost });
        proxies.push(p);
        return p;
    };
    const oktaRequests = () => sandbox.requests().filter((r) => r.server === "okta");
    return {
        sandbox,
        dir,
        env,
        endpoint: { issuerUrl: base, areaUrl: base },
        writes: () => sandbox.requests().filter((r) => r.server === "cxone" && r.method !== "GET"),
        adminApi: async () => {
            const t = await axios.post(`${base}/authentication/v1/token/access-key`, {
                accessKeyId: e.adminAccessKeyId,
                accessKeySecret: e.adminAccessKeySecret,
            });
            return axios.create({
                baseURL: base,
                headers: { Authorization: `Bearer ${t.data.access_token}` },
                proxy: false,
            });
        },
        orgUrl,
        loginUrl: `${base}/login`,
        api: async (method, p, data) => {
            const res = await axios.request({
                method,
                url: `${orgUrl}${p}`,
                data,
                headers: { Authorization: `SSWS ${env.OKTA_API_TOKEN}` },
                proxy: false,
                validateStatus: () => true,
            });
            return { status: res.status, data: res.data };
        },
        oktaCalls: () => oktaRequests().map((r) => `${r.method} ${r.path}`),
        oktaWrites: () =>
            oktaRequests()
                .filter((r) => r.method !== "GET")
                .map((r) => `${r.method} ${r.path}`),
        cxoneProxy: async () => {
            const p = await proxy(base, true);
            return { proxy: p, endpoint: { issuerUrl: base, areaUrl: base, apiUrl: p.url } };
        },
        oktaProxy: () => proxy(orgUrl, false),
        withoutKeyVariables: async (act) => {
            const before = { ...process.env };
            delete process.env.CXONE_ACCESS_KEY_ID;
            delete process.env.CXONE_ACCESS_KEY_SECRET;
            process.env.CXONE_OKTA_SANDBOX_DIR = dir;
            try {
                await act();
            } finally {
                for (const k of ["CXONE_ACCESS_KEY_ID", "CXONE_ACCESS_KEY_SECRET"])
                    process.env[k] = before[k];
                if (before.CXONE_OKTA_SANDBOX_DIR === undefined)
                    delete process.env.CXONE_OKTA_SANDBOX_DIR;
                else process.env.CXONE_OKTA_SANDBOX_DIR = before.CXONE_OKTA_SANDBOX_DIR;
            }
        },
        stop: async () => {
            for (const p of proxies) await p.stop();
            await sandbox.stop();
            for (const k of KEYS) {
                if (saved[k] === undefined) delete process.env[k];
                else process.env[k] = saved[k];
            }
            clearSessionCache();
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}
/**
 * The fixture for the mocha suite this is called in: started before its first test, stopped after its
 * last. The object is filled in when the suite starts, so the suite's tests and later hooks use it as
 * is. `reset` also starts each test with no session cache, no faults and an empty request log.
 */
export function sandboxForSuite(
    o: Omit<StartSandboxOptions, "dir"> = {},
    { reset = false }: { reset?: boolean } = {},
): SandboxFixture {
    const f = {} as SandboxFixture;
    let started = false;
    before(async () => {
        Object.assign(f, await sandboxFixture(o));
        started = true;
    });
    after(async () => {
        if (started) await f.stop();
    });
    if (reset) {
        beforeEach(() => {
            clearSessionCache();
            f.sandbox.clearFaults();
            f.sandbox.clearRequests();
        });
    }
    return f;
}
/** The fixture, named for the CXone tests. */
export const cxoneFixture = sandboxFixture;
/** The fixture, named for the Okta tests. */
export const oktaFixture = sandboxFixture;

let counter = 0;
/** A unique, valid role name / app label for one test. */
export function unique(prefix: string): string {
    return `${prefix} ${process.pid % 1000}-${Date.now() % 100000}-${counter++}`;
}
export const uniqueLabel = unique;
export function uniqueEmail(prefix: string): string {
    return `${prefix}-${process.pid % 1000}-${Date.now() % 100000}-${counter++}@example.com`;
}
