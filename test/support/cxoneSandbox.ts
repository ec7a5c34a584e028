// Shared fixtures for the CXone tests: a sandbox in a temp dir, its endpoint, admin credentials in
// env (as the engine passes them), and helpers to act on the sandbox "out of band" over HTTP.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import type { CxoneEndpoint } from "../../provider/cxone/session";
import { clearSessionCache } from "../../provider/cxone/session";

export interface CxoneFixture {
    sandbox: RunningSandbox;
    dir: string;
    endpoint: CxoneEndpoint;
    env: Record<string, string>;
    /** non-GET requests to the CXone server since the last clearRequests() */
    writes(): { method: string; path: string; status: number }[];
    /** a token of the sandbox admin, for out-of-band edits through the public API */
    adminApi(): Promise<ReturnType<typeof axios.create>>;
    stop(): Promise<void>;
}

export async function cxoneFixture(): Promise<CxoneFixture> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-test-"));
    const sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
    const base = sandbox.urls.cxone;
    const e = sandbox.endpoints.cxone;
    const env = {
        CXONE_ACCESS_KEY_ID: e.adminAccessKeyId,
        CXONE_ACCESS_KEY_SECRET: e.adminAccessKeySecret,
    };
    const saved = {
        id: process.env.CXONE_ACCESS_KEY_ID,
        secret: process.env.CXONE_ACCESS_KEY_SECRET,
    };
    Object.assign(process.env, env);
    clearSessionCache();
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
        stop: async () => {
            await sandbox.stop();
            if (saved.id === undefined) delete process.env.CXONE_ACCESS_KEY_ID;
            else process.env.CXONE_ACCESS_KEY_ID = saved.id;
            if (saved.secret === undefined) delete process.env.CXONE_ACCESS_KEY_SECRET;
            else process.env.CXONE_ACCESS_KEY_SECRET = saved.secret;
            clearSessionCache();
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

let counter = 0;
/** A unique, valid role name / email for one test. */
export function unique(prefix: string): string {
    return `${prefix} ${process.pid % 1000}-${Date.now() % 100000}-${counter++}`;
}
export function uniqueEmail(prefix: string): string {
    return `${prefix}-${process.pid % 1000}-${Date.now() % 100000}-${counter++}@example.com`;
}
