// Fixture for the tests that need both vendors: one sandbox, a CXone employee whose access keys
// Okta signs in with, and the person's console steps (sandbox/operator.ts). Each test makes its
// own app and keys with the helpers below.
import { strict as assert } from "assert";
import axios from "axios";
import { CxoneClient } from "../../provider/cxone/client";
import app from "../../provider/okta/autoLoginAppProvider";
import scim from "../../provider/okta/scimConnectionProvider";
import type { ScimConnectionState } from "../../provider/okta/scimConnectionLogic";
import { sandboxRegion } from "../../provider/cxone/discovery/regions";
import { authenticateWithCxone, consoleSettings, saveScimSettings } from "../../sandbox/operator";
import { cxoneFixture, CxoneFixture } from "./sandbox";
import { newEmployee, newRole } from "./cxoneObjects";

export interface Key {
    accessKeyId: string;
    secret: string;
}

export interface ConnectionFixture {
    f: CxoneFixture;
    orgUrl: string;
    employeeId: string;
    cxone(): CxoneClient;
    /** a new active access key of the employee */
    newKey(): Promise<Key>;
    /** exchanges the key for a token, as Okta does: CXone sets its lastUsedDate */
    useKey(k: Key): Promise<void>;
    /** the key as CXone's API shows it */
    keyRecord(id: string): Promise<{ isActive: boolean; lastUsedDate: string | null }>;
    newApp(label: string): Promise<string>;
    /** the ScimConnection inputs after check() */
    inputs(
        appId: string,
        label: string,
        k: Key,
        extra?: Partial<ScimConnectionState>,
    ): Promise<ScimConnectionState>;
    /** steps 7-12: save the SCIM settings with this key (no sign-in) */
    saveSettings(appId: string, k: Key): Promise<void>;
    /** steps 7-13: save the settings with this key and sign in at "Authenticate with CXone" */
    consoleSteps(appId: string, k: Key): Promise<void>;
    /** Okta's public API with the org's token; never throws on a status */
    okta(method: string, path: string, data?: unknown): Promise<{ status: number; data: any }>;
    /** the product's calls since the last clearRequests(), as "server METHOD path" */
    calls(): string[];
    stop(): Promise<void>;
}

export async function connectionFixture(): Promise<ConnectionFixture> {
    const f = await cxoneFixture();
    const saved = process.env.OKTA_API_TOKEN;
    process.env.OKTA_API_TOKEN = f.sandbox.endpoints.okta.apiToken;
    const orgUrl = f.sandbox.urls.okta;
    const r = await newRole(f.endpoint, "SCIM Conn");
    const employeeId = (
        await newEmployee(f.endpoint, {
            roleId: r.id,
            email: "conn",
            firstName: "Conn",
            lastName: "Ection",
            invite: false,
        })
    ).id;
    const cxone = () => new CxoneClient(f.endpoint);
    const region = sandboxRegion(f.sandbox.urls.cxone);
    const settings = (k: Key) =>
        consoleSettings({ ...region, accessKeyId: k.accessKeyId, accessKeySecret: k.secret });
    return {
        f,
        orgUrl,
        employeeId,
        cxone,
        async newKey() {
            const k = await cxone().createAccessKey(employeeId);
            return { accessKeyId: k.accessKeyId, secret: k.accessKeySecret };
        },
        async useKey(k) {
            const r = await axios.post(
                `${f.sandbox.urls.cxone}/authentication/v1/token/access-key`,
                { accessKeyId: k.accessKeyId, accessKeySecret: k.secret },
                { proxy: false },
            );
            assert.equal(r.status, 200);
        },
        async keyRecord(id) {
            const api = await f.adminApi();
            const r = await api.get(`/access-key-management/v1/access-keys/${id}`);
            return r.data.resultSet;
        },
        async newApp(label) {
            const a = await app.create({
                orgUrl,
                label,
                loginUrl: `${f.sandbox.urls.cxone}/login`,
                active: true,
                adoptExisting: false,
            });
            return a.id;
        },
        async inputs(appId, label, k, extra = {}) {
            const c = await scim.check(
                {},
                {
                    orgUrl,
                    appId,
                    appLabel: label,
                    scimBaseUrl: region.scimBaseUrl,
                    tokenEndpoint: region.tokenEndpoint,
                    authorizeEndpoint: region.authorizeEndpoint,
                    clientId: k.accessKeyId,
                    clientSecret: k.secret,
                    cxoneEndpoint: f.endpoint,
                    ...extra,
                },
            );
            assert.deepEqual(c.failures, []);
            return c.inputs;
        },
        saveSettings: (appId, k) => saveScimSettings(orgUrl, appId, settings(k)),
        async consoleSteps(appId, k) {
            await saveScimSettings(orgUrl, appId, settings(k));
            const auth = await authenticateWithCxone(orgUrl, appId, {
                email: f.sandbox.endpoints.cxone.adminEmail,
                password: f.sandbox.endpoints.cxone.adminPassword,
            });
            assert.ok(auth.ok, auth.page);
        },
        okta: async (method, p, data) => {
            const res = await axios.request({
                method,
                url: `${orgUrl}${p}`,
                data,
                headers: { Authorization: `SSWS ${f.sandbox.endpoints.okta.apiToken}` },
                proxy: false,
                validateStatus: () => true,
            });
            return { status: res.status, data: res.data };
        },
        calls: () => f.sandbox.requests().map((r) => `${r.server} ${r.method} ${r.path}`),
        stop: async () => {
            if (saved === undefined) delete process.env.OKTA_API_TOKEN;
            else process.env.OKTA_API_TOKEN = saved;
            await f.stop();
        },
    };
}

/**
 * The fixture for the mocha suite this is called in: made before its first test, stopped after its
 * last. The object is filled in when the suite starts, so tests and later hooks use it as is.
 */
export function connectionForSuite(): ConnectionFixture {
    const c = {} as ConnectionFixture;
    let started = false;
    before(async () => {
        Object.assign(c, await connectionFixture());
        started = true;
    });
    after(async () => {
        if (started) await c.stop();
    });
    return c;
}
