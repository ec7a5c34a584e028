// Shared fixture for the Okta provider tests: one sandbox per file, the org's API token in env (as
// the engine passes it), and the org's public API over HTTP for out-of-band edits and read-backs.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from "../../sandbox/index";

export interface OktaFixture {
    sandbox: RunningSandbox;
    orgUrl: string;
    /** a login URL the checks accept (the sandbox's CXone host) */
    loginUrl: string;
    /** Okta's public API with the org's token; never throws on a status */
    api(method: string, path: string, data?: unknown): Promise<{ status: number; data: any }>;
    /** the product's calls to Okta since the last clearRequests(), as "METHOD path" */
    oktaCalls(): string[];
    /** the product's non-GET calls to Okta since the last clearRequests() */
    oktaWrites(): string[];
    stop(): Promise<void>;
}

/** @param okta the Okta org's options (e.g. a smaller app user base set) */
export async function oktaFixture(okta?: StartSandboxOptions["okta"]): Promise<OktaFixture> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-test-"));
    const sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0, okta });
    const saved = process.env.OKTA_API_TOKEN;
    process.env.OKTA_API_TOKEN = sandbox.endpoints.okta.apiToken;
    const orgUrl = sandbox.urls.okta;
    const calls = () => sandbox.requests().filter((r) => r.server === "okta");
    return {
        sandbox,
        orgUrl,
        loginUrl: `${sandbox.urls.cxone}/login`,
        api: async (method, p, data) => {
            const res = await axios.request({
                method,
                url: `${orgUrl}${p}`,
                data,
                headers: { Authorization: `SSWS ${sandbox.endpoints.okta.apiToken}` },
                proxy: false,
                validateStatus: () => true,
            });
            return { status: res.status, data: res.data };
        },
        oktaCalls: () => calls().map((r) => `${r.method} ${r.path}`),
        oktaWrites: () =>
            calls()
                .filter((r) => r.method !== "GET")
                .map((r) => `${r.method} ${r.path}`),
        stop: async () => {
            await sandbox.stop();
            if (saved === undefined) delete process.env.OKTA_API_TOKEN;
            else process.env.OKTA_API_TOKEN = saved;
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

let counter = 0;
/** A unique app label for one test. */
export function uniqueLabel(prefix: string): string {
    return `${prefix} ${process.pid % 1000}-${Date.now() % 100000}-${counter++}`;
}
