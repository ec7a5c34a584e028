// The ScimConnection provider's every method called directly against the sandbox over real HTTP:
// the status it judges from Okta's and CXone's evidence, the exact console steps it lists, the
// repair of a connection deactivated out of band, the wait for the console steps, the calls it
// makes; and every transition between statuses, caused out of band, seen by the very next read().
import { strict as assert } from "assert";
import { forgetKeyReads } from "../../provider/cxone/keyReads";
import { clearSessionCache } from "../../provider/cxone/session";
import scim from "../../provider/okta/scimConnectionProvider";
import type {
    ScimConnectionOutputs,
    ScimConnectionState,
} from "../../provider/okta/scimConnectionLogic";
import { connectionForSuite, Key } from "../support/connectionFixture";
import { sandboxForSuite, uniqueLabel } from "../support/sandbox";
import { oktaScimKey } from "../support/oktaScimKey";
import axios from "axios";
import accessKey from "../../provider/cxone/accessKeyProvider";
import { CxoneClient } from "../../provider/cxone/client";
import type { AccessKeyOutputs } from "../../provider/cxone/accessKeyLogic";
import app from "../../provider/okta/autoLoginAppProvider";
import connection from "../../provider/okta/scimConnectionProvider";
import { sandboxRegion } from "../../provider/cxone/discovery/regions";
import { completeConsoleSteps } from "../../sandbox/operator";

describe("ScimConnection provider against the sandbox (HTTP)", function () {
    this.timeout(30_000);
    const c = connectionForSuite();
    // each test as a new provider process: no key read carried over
    beforeEach(() => {
        forgetKeyReads();
        clearSessionCache();
    });

    /** An app with its label, a key, and the connection's inputs. */
    async function setUp(extra: Partial<ScimConnectionState> = {}) {
        const label = uniqueLabel("SCIM");
        const appId = await c.newApp(label);
        const key = await c.newKey();
        const s = await c.inputs(appId, label, key, extra);
        return { label, appId, key, s };
    }
    /** The outputs of a connection Okta has enabled with the key, last used at `used`. */
    const authorized = (s: ScimConnectionState, used: string) => ({
        ...s,
        status: "authorized",
        oktaConnectionStatus: "ENABLED",
        keyLastUsedDate: used,
        oktaReportedStatus: true,
        remainingSteps: [],
    });
    /** The console steps NICE's procedure leaves for a connection not yet set up. */
    const pendingSteps = (s: ScimConnectionState, hint = "") => [
        `1. Okta Admin Console > Applications > "${s.appLabel}" (app id ${s.appId}) > General > App Settings > Edit: tick "Enable SCIM provisioning" > Save.`,
        `2. Provisioning > Integration > Edit: SCIM connector base URL = ${s.scimBaseUrl}; Unique identifier field for users = userName; ` +
            `Supported provisioning actions = Push New Users, Push Profile Updates; Authentication Mode = OAuth 2; Access token endpoint URI = ${s.tokenEndpoint}; ` +
            `Authorization endpoint URI = ${s.authorizeEndpoint}; Client ID = ${s.clientId}; Client secret = the value of \`pulumi stack output accessKeySecret --show-secrets\` > Save.`,
        `3. Provisioning > Integration: click "Authenticate with CXone" and sign in to CXone${hint}.`,
        "4. Run `pulumi up` again: it switches on the provisioning actions (or set waitForAuthorizationSeconds so one `pulumi up` waits for you).",
    ];
    const connectionGets = (appId: string) =>
        c.calls().filter((x) => x === `okta GET /api/v1/apps/${appId}/connections/default`).length;
    const keyGets = (k: Key) =>
        c
            .calls()
            .filter((x) => x === `cxone GET /access-key-management/v1/access-keys/${k.accessKeyId}`)
            .length;
    const writes = () => c.calls().filter((x) => !/^\w+ GET /.test(x) && !x.includes("/token"));
    const liveStatus = async (appId: string) =>
        (await c.okta("GET", `/api/v1/apps/${appId}/connections/default`)).data.status;

    describe("check and diff", () => {
        it("check applies the defaults; a bad input is named and the secret is not echoed", async () => {
            const { s } = await setUp();
            assert.equal(s.uniqueIdentifierField, "userName");
            assert.deepEqual(s.supportedActions, ["pushNewUsers", "pushProfileUpdates"]);
            assert.equal(s.waitForAuthorizationSeconds, 0);
            assert.equal(s.requireAuthorization, false);
            assert.equal(s.pollIntervalSeconds, 5);
            const bad = await scim.check({}, { ...s, authMode: "basic" });
            assert.deepEqual(
                bad.failures.map((x) => x.property),
                ["authMode"],
            );
            assert.equal(bad.inputs.clientSecret, "");
        });

        it("diff: settings change in place, another app replaces", async () => {
            const { s, appId } = await setUp();
            const olds = { ...s, status: "pending", remainingSteps: [] };
            assert.deepEqual(await scim.diff(`${appId}/scim`, olds, s), {
                changes: false,
                replaces: [],
            });
            assert.deepEqual(await scim.diff(`${appId}/scim`, olds, { ...s, appId: "0oaOther" }), {
                changes: true,
                replaces: ["appId"],
            });
        });
    });

    describe("create", () => {
        it("before the console steps: pending, every step listed with its values, one read per vendor, no write", async () => {
            const { s, appId, key } = await setUp({ cxoneSignInHint: "as the admin" });
            c.f.sandbox.clearRequests();
            const r = await scim.create(s);
            assert.deepEqual(r, {
                id: `${appId}/scim`,
                outs: {
                    ...s,
                    status: "pending",
                    oktaConnectionStatus: "UNKNOWN",
                    remainingSteps: pendingSteps(s, " (as the admin)"),
                },
            });
            assert.equal(connectionGets(appId), 1);
            assert.equal(keyGets(key), 1);
            assert.deepEqual(writes(), []);
        });

        it("right after this process created its key: no read of the key (it cannot have been used yet); a poll or a new process asks CXone", async () => {
            const label = uniqueLabel("SCIM");
            const appId = await c.newApp(label);
            const checked = await accessKey.check(
                {},
                { endpoint: c.f.endpoint, employeeId: c.employeeId },
            );
            const made = await accessKey.create(checked.inputs);
            const key = { accessKeyId: made.id, secret: String(made.outs.secret) };
            const s = await c.inputs(appId, label, key);
            c.f.sandbox.clearRequests();
            const r = await scim.create(s);
            assert.equal(r.outs.status, "pending");
            assert.equal(keyGets(key), 0, "the new key is not read");
            assert.equal(connectionGets(appId), 1);
            forgetKeyReads(); // as a poll does, or the next `pulumi` command
            await c.consoleSteps(appId, key);
            c.f.sandbox.clearRequests();
            const again = await scim.read(r.id, r.outs);
            assert.equal(again.props?.status, "authorized");
            assert.equal(keyGets(key), 1);
        });

        it("after the console steps: authorized, no step left, the key's last use recorded", async () => {
            const { s, appId, key } = await setUp();
            await c.consoleSteps(appId, key);
            const used = (await c.keyRecord(key.accessKeyId)).lastUsedDate;
            assert.ok(used);
            const r = await scim.create(s);
            assert.deepEqual(r.outs, authorized(s, used));
        });

        it("a connection deactivated out of band is activated again (one POST) and reads authorized", async () => {
            const { s, appId, key } = await setUp();
            await c.consoleSteps(appId, key);
            const off = await c.okta(
                "POST",
                `/api/v1/apps/${appId}/connections/default/lifecycle/deactivate`,
            );
            assert.equal(off.status, 204);
            assert.equal(await liveStatus(appId), "DISABLED");
            c.f.sandbox.clearRequests();
            const r = await scim.create(s);
            assert.deepEqual(writes(), [
                `okta POST /api/v1/apps/${appId}/connections/default/lifecycle/activate`,
            ]);
            assert.equal(r.outs.status, "authorized");
            assert.equal(r.outs.oktaConnectionStatus, "ENABLED");
            assert.equal(connectionGets(appId), 2);
            assert.equal(await liveStatus(appId), "ENABLED");
        });

        it("requireAuthorization while pending: fails at once with the steps left, no wait", async () => {
            const { s, appId, label } = await setUp({ requireAuthorization: true });
            c.f.sandbox.clearRequests();
            const started = Date.now();
            await assert.rejects(scim.create(s), (e: Error) => {
                assert.equal(
                    e.message,
                    `the SCIM connection of Okta app "${label}" is pending: the provisioning actions need it authorized first. Remaining steps:\n` +
                        pendingSteps(s).join("\n"),
                );
                assert.ok(!e.message.includes(s.clientSecret));
                return true;
            });
            assert.ok(Date.now() - started < 4000);
            assert.equal(connectionGets(appId), 1);
        });

        it("waiting, already authorized: returns at once after one read", async () => {
            const { s, appId, key } = await setUp({ waitForAuthorizationSeconds: 30 });
            await c.consoleSteps(appId, key);
            c.f.sandbox.clearRequests();
            const started = Date.now();
            const r = await scim.create(s);
            assert.equal(r.outs.status, "authorized");
            assert.ok(Date.now() - started < 4000, `took ${Date.now() - started} ms`);
            assert.equal(connectionGets(appId), 1);
        });

        it("waiting: the person's steps during the wait are seen by the next poll (Okta and CXone asked again)", async () => {
            const setup = await setUp({ waitForAuthorizationSeconds: 8 });
            const { appId, key } = setup;
            // a quarter-second poll keeps the test short (check() allows 1 s and more)
            const s = { ...setup.s, pollIntervalSeconds: 0.25 };
            c.f.sandbox.clearRequests();
            const started = Date.now();
            const created = scim.create(s);
            // the person acts once the first look (Okta and CXone) has been answered
            while (keyGets(key) < 1 || connectionGets(appId) < 1)
                await new Promise((r) => setTimeout(r, 5));
            await c.consoleSteps(appId, key);
            const r = await created;
            const took = Date.now() - started;
            assert.equal(r.outs.status, "authorized");
            assert.deepEqual(r.outs.remainingSteps, []);
            // returned once authorized, long before the deadline
            assert.ok(took >= 200 && took < 4000, `took ${took} ms`);
            assert.ok(connectionGets(appId) >= 2);
            assert.equal(keyGets(key), connectionGets(appId), "each poll asks CXone again");
        });

        it("waiting in vain: polls every interval until the deadline, then fails with the steps", async () => {
            const { s, appId, label } = await setUp({
                waitForAuthorizationSeconds: 1.5,
                pollIntervalSeconds: 5,
            });
            c.f.sandbox.clearRequests();
            const started = Date.now();
            await assert.rejects(scim.create(s), (e: Error) => {
                assert.equal(
                    e.message,
                    `the SCIM connection of Okta app "${label}" is still pending after waiting 1.5s. Remaining steps:\n` +
                        pendingSteps(s).join("\n"),
                );
                return true;
            });
            const took = Date.now() - started;
            // the last sleep is cut to the deadline, not the full 5 s interval
            assert.ok(took >= 1400 && took < 4500, `took ${took} ms`);
            assert.equal(connectionGets(appId), 2);
        });
    });

    it("during a key rotation: Okta on the old key, which still works, is rotating, with the steps to enter the new key", async () => {
        const label = uniqueLabel("Rotation");
        const appId = await c.newApp(label);
        const old = await c.newKey();
        await c.consoleSteps(appId, old);
        const key = await c.newKey();
        const s = await c.inputs(appId, label, key, { previousClientId: old.accessKeyId });
        c.f.sandbox.clearRequests();
        const r = await scim.create(s);
        assert.equal(r.outs.status, "rotating");
        assert.deepEqual(r.outs.remainingSteps, [
            `Key rotation: the new CXone access key ${key.accessKeyId} is active and the old key ${old.accessKeyId} still works, so provisioning goes on. In the Okta Admin Console:`,
            `1. Okta Admin Console > Applications > "${label}" (app id ${appId}) > Provisioning > Integration > Edit: Client ID = ${key.accessKeyId}; Client secret = the value of \`pulumi stack output accessKeySecret --show-secrets\` > Save.`,
            '2. Provisioning > Integration: click "Authenticate with CXone" and sign in to CXone.',
            `3. Run \`pulumi up\`: once CXone shows Okta signing in with the new key and no longer with the old one, it revokes the old key ${old.accessKeyId}.`,
        ]);
        assert.equal(keyGets(key), 1);
        assert.equal(keyGets(old), 1);
        // no previous key ("" once the rotation ended): judged on the new key alone
        forgetKeyReads();
        const after = await scim.create({ ...s, previousClientId: "" });
        assert.equal(after.outs.status, "pending");
    });

    describe("read", () => {
        it("judges the status again from live evidence; the stored inputs come back as inputs", async () => {
            const { s, appId, key } = await setUp();
            const made = await scim.create(s);
            await c.consoleSteps(appId, key);
            forgetKeyReads();
            c.f.sandbox.clearRequests();
            const r = await scim.read(made.id, made.outs);
            assert.deepEqual(
                c.calls().filter((x) => x.startsWith("okta ")),
                [`okta GET /api/v1/apps/${appId}/connections/default`],
            );
            const used = (await c.keyRecord(key.accessKeyId)).lastUsedDate!;
            assert.deepEqual(r, {
                id: made.id,
                props: authorized(s, used),
                inputs: s,
            });
        });

        it("an Okta that answers 404 for the connection of an app it has: judged from the key, not gone", async () => {
            const { s, appId, key } = await setUp();
            await c.consoleSteps(appId, key);
            const made = await scim.create(s);
            c.f.sandbox.setFaults([
                {
                    kind: "status",
                    status: 404,
                    server: "okta",
                    method: "GET",
                    path: "/connections/default$",
                },
            ]);
            try {
                const r = await scim.read(made.id, made.outs);
                assert.equal(r.id, made.id);
                const p = r.props as ScimConnectionOutputs;
                assert.equal(p.status, "authorized");
                assert.equal("oktaConnectionStatus" in p, false);
            } finally {
                c.f.sandbox.clearFaults();
            }
        });

        it("without stored properties it asks for a refresh", async () => {
            await assert.rejects(scim.read("0oa1/scim"), {
                message: "no stored properties for SCIM connection 0oa1/scim: run `pulumi refresh`",
            });
        });

        it("Okta ENABLED with a key never used: authorized only if this resource saw it authorized before", async () => {
            // the person entered another key in Okta: Okta's ENABLED says nothing about the declared one
            const { s, appId } = await setUp();
            const other = await c.newKey();
            await c.consoleSteps(appId, other);
            const outs = (status: string) =>
                ({ ...s, status, remainingSteps: [] }) as unknown as ScimConnectionOutputs;
            const seen: Record<string, string> = {};
            for (const before of ["authorized", "disabled", "rotating", "pending", "key-revoked"]) {
                const r = await scim.read(`${appId}/scim`, outs(before));
                seen[before] = (r.props as ScimConnectionOutputs).status;
            }
            assert.deepEqual(seen, {
                authorized: "authorized",
                disabled: "authorized",
                rotating: "authorized",
                pending: "pending",
                "key-revoked": "pending",
            });
        });

        it("Okta's UNKNOWN after it had reported a status means provisioning was switched off", async () => {
            const { s, appId, key } = await setUp();
            await c.consoleSteps(appId, key);
            const made = await scim.create(s);
            assert.equal(made.outs.oktaReportedStatus, true);
            const { default: axios } = await import("axios");
            const untick = await axios.delete(
                `${c.orgUrl}/sandbox/console/apps/${appId}/provisioning`,
                { proxy: false },
            );
            assert.equal(untick.status, 200);
            const r = await scim.read(made.id, made.outs);
            assert.equal((r.props as ScimConnectionOutputs).status, "pending");
            assert.equal((r.props as ScimConnectionOutputs).oktaReportedStatus, true);
            // without that memory, a used key and Okta's UNKNOWN read as authorized
            const { oktaReportedStatus: _o, ...never } = made.outs;
            const r2 = await scim.read(made.id, never as ScimConnectionOutputs);
            assert.equal((r2.props as ScimConnectionOutputs).status, "authorized");
            assert.equal((r2.props as ScimConnectionOutputs).oktaReportedStatus, undefined);
        });

        it("an app deleted out of band: the connection went with it (gone), never authorized", async () => {
            const { s, appId, key } = await setUp();
            await c.consoleSteps(appId, key);
            const made = await scim.create(s);
            assert.equal(made.outs.status, "authorized");
            await c.okta("POST", `/api/v1/apps/${appId}/lifecycle/deactivate`);
            assert.equal((await c.okta("DELETE", `/api/v1/apps/${appId}`)).status, 204);
            forgetKeyReads();
            c.f.sandbox.clearRequests();
            assert.deepEqual(await scim.read(made.id, made.outs), { id: "" });
            assert.deepEqual(
                c.calls().filter((x) => x.startsWith("okta ")),
                [
                    `okta GET /api/v1/apps/${appId}/connections/default`,
                    `okta GET /api/v1/apps/${appId}`,
                ],
            );
        });
    });

    describe("update", () => {
        it("the same settings keep the earlier authorization; a new client id does not", async () => {
            const { s, appId } = await setUp();
            const other = await c.newKey();
            await c.consoleSteps(appId, other);
            const old = { ...s, status: "authorized", remainingSteps: [] };
            const same = await scim.update(`${appId}/scim`, old, s);
            assert.equal(same.outs.status, "authorized");
            const newer = await c.newKey();
            const moved = await scim.update(`${appId}/scim`, old, {
                ...s,
                clientId: newer.accessKeyId,
                clientSecret: newer.secret,
            });
            assert.equal(moved.outs.status, "pending");
            assert.equal(moved.outs.clientId, newer.accessKeyId);
        });
    });

    it("delete makes no call: the connection goes with its app", async () => {
        const { s, appId, key } = await setUp();
        await c.consoleSteps(appId, key);
        const made = await scim.create(s);
        c.f.sandbox.clearRequests();
        await scim.delete(made.id, made.outs);
        assert.deepEqual(c.calls(), []);
        assert.equal(await liveStatus(appId), "ENABLED");
        assert.equal(made.outs.status, "authorized");
    });
});

// Status truth: every transition between the SCIM connection's statuses, each caused out of band
// in the sandbox (Okta's public API, its console, CXone's API), is seen by the very next read():
// what `pulumi preview` (refresh always on) reports, not one `up` later. Provider methods are
// called directly over real HTTP. The rows are one walk, in order, each starting where the last
// one ended, so they are one test: no test depends on another having run.
type Row = [from: string, to: string, cause: string, act: () => Promise<void>];

describe("SCIM connection status: every transition, caused out of band, seen by the next read", function () {
    this.timeout(60_000);
    const f = sandboxForSuite();
    let okta: string;
    let appId: string;
    let key: AccessKeyOutputs;
    let keyId: string;
    let conn: ScimConnectionOutputs;
    const savedToken = process.env.OKTA_API_TOKEN;
    const cxone = () => new CxoneClient(f.endpoint);
    const admin = () => ({
        email: f.sandbox.endpoints.cxone.adminEmail,
        password: f.sandbox.endpoints.cxone.adminPassword,
    });
    const oktaCall = (method: string, path: string) =>
        axios.request({
            method,
            url: `${okta}${path}`,
            headers: { Authorization: `SSWS ${f.sandbox.endpoints.okta.apiToken}` },
            proxy: false,
        });

    /** The person's console steps with the key the stack outputs now. */
    async function consoleSteps(): Promise<void> {
        const r = sandboxRegion(f.sandbox.urls.cxone);
        const auth = await completeConsoleSteps(
            okta,
            {
                appId,
                scimBaseUrl: r.scimBaseUrl,
                tokenEndpoint: r.tokenEndpoint,
                authorizeEndpoint: r.authorizeEndpoint,
                accessKeyId: key.accessKeyId,
                accessKeySecret: key.secret,
            },
            admin(),
        );
        assert.ok(auth.ok, auth.page);
    }

    /** What an `up` does: the key first, then the connection with the key's new outputs. */
    async function up(rotation?: string): Promise<void> {
        const { inputs } = await accessKey.check(
            {},
            {
                endpoint: key.endpoint,
                employeeId: key.employeeId,
                ...(rotation ? { rotation } : {}),
            },
        );
        const d = await accessKey.diff(keyId, key, inputs);
        if (d.changes) key = (await accessKey.update(keyId, key, inputs)).outs;
        const c = await connection.check(
            {},
            {
                ...connectionInputs(),
                clientId: key.accessKeyId,
                clientSecret: key.secret,
                previousClientId: key.previousAccessKeyId,
            },
        );
        assert.deepEqual(c.failures, []);
        conn = (await connection.update(`${appId}/scim`, conn, c.inputs)).outs;
    }

    const connectionInputs = () => {
        const r = sandboxRegion(f.sandbox.urls.cxone);
        return {
            orgUrl: okta,
            appId,
            appLabel: "NICE CXone transitions",
            scimBaseUrl: r.scimBaseUrl,
            tokenEndpoint: r.tokenEndpoint,
            authorizeEndpoint: r.authorizeEndpoint,
            cxoneEndpoint: f.endpoint,
        };
    };

    /** The refresh a preview starts with: read() of the key, then of the connection. */
    async function refreshedStatus(): Promise<string> {
        forgetKeyReads(); // each `pulumi` command is a new provider process
        const k = await accessKey.read(keyId, key);
        if (k.props) key = k.props;
        const r = await connection.read(`${appId}/scim`, conn);
        conn = r.props as ScimConnectionOutputs;
        return conn.status;
    }

    before(async () => {
        okta = f.sandbox.urls.okta;
        process.env.OKTA_API_TOKEN = f.sandbox.endpoints.okta.apiToken;
    });

    /** A new role, employee, key, app and (pending) connection for one test. */
    async function freshConnection(): Promise<void> {
        const k = await oktaScimKey(f.endpoint);
        keyId = k.id;
        key = k.outs;
        const a = await app.create({
            orgUrl: okta,
            label: "NICE CXone transitions",
            loginUrl: `${f.sandbox.urls.cxone}/login`,
            active: true,
            adoptExisting: false,
        } as never);
        appId = a.id;
        const c = await connection.check(
            {},
            {
                ...connectionInputs(),
                clientId: key.accessKeyId,
                clientSecret: key.secret,
            },
        );
        assert.deepEqual(c.failures, []);
        conn = (await connection.create(c.inputs)).outs;
    }
    after(async () => {
        process.env.OKTA_API_TOKEN = savedToken;
        if (savedToken === undefined) delete process.env.OKTA_API_TOKEN;
    });

    const keyActive = (on: boolean) => () =>
        cxone().setAccessKeyActive({ accessKeyId: key.accessKeyId, userId: key.employeeId }, on);
    const okta204 = (path: string) => async () => {
        assert.equal((await oktaCall("POST", `/api/v1/apps/${appId}${path}`)).status, 204);
    };
    const deactivate = okta204("/connections/default/lifecycle/deactivate");
    const activate = okta204("/connections/default/lifecycle/activate");
    const untick = async () => {
        const r = await axios.delete(`${okta}/sandbox/console/apps/${appId}/provisioning`, {
            proxy: false,
        });
        assert.equal(r.status, 200);
    };
    const revokeOld = async () => {
        assert.ok(key.previousAccessKeyId, "a rotation is in progress");
        await cxone().revokeAccessKey(key.previousAccessKeyId);
    };

    const upWithRotation = (rotation: string): Row => [
        "authorized",
        "rotating",
        "`up` with a new rotation value (not out of band)",
        () => up(rotation),
    ];

    const rows: Row[] = [
        ["pending", "authorized", "the person does the console steps", consoleSteps],
        ["authorized", "disabled", "Okta: connection deactivated (public API)", deactivate],
        ["disabled", "authorized", "Okta: connection activated (public API)", activate],
        ["authorized", "key-revoked", "CXone: key switched off", keyActive(false)],
        ["key-revoked", "authorized", "CXone: key switched on", keyActive(true)],
        ["authorized", "pending", "Okta console: Enable SCIM provisioning unticked", untick],
        ["pending", "key-revoked", "CXone: key switched off", keyActive(false)],
        ["key-revoked", "pending", "CXone: key switched on", keyActive(true)],
        ["pending", "authorized", "the person does the console steps", consoleSteps],
        ["authorized", "disabled", "Okta: connection deactivated", deactivate],
        ["disabled", "key-revoked", "CXone: key switched off", keyActive(false)],
        ["key-revoked", "disabled", "CXone: key switched on", keyActive(true)],
        ["disabled", "pending", "Okta console: Enable SCIM provisioning unticked", untick],
        ["pending", "authorized", "the person does the console steps", consoleSteps],
        upWithRotation("r1"),
        ["rotating", "key-revoked", "CXone: the old key revoked before Okta switched", revokeOld],
        ["key-revoked", "authorized", "the person enters the new key in Okta", consoleSteps],
        upWithRotation("r2"),
        [
            "rotating",
            "rotating",
            "the person enters the new key (the steps say: run up)",
            consoleSteps,
        ],
        ["rotating", "authorized", "CXone: the old key revoked after Okta switched", revokeOld],
        upWithRotation("r3"),
        ["rotating", "key-revoked", "CXone: the new key switched off", keyActive(false)],
        ["key-revoked", "rotating", "CXone: the new key switched on", keyActive(true)],
    ];

    it(`every transition in one walk (${rows.length} rows), each seen by the next read`, async () => {
        await freshConnection();
        for (const [from, to, cause, act] of rows) {
            const row = `${from} -> ${to}: ${cause}`;
            const steps = () => `${row}; steps: ${JSON.stringify(conn.remainingSteps)}`;
            assert.equal(await refreshedStatus(), from, steps());
            await act();
            assert.equal(await refreshedStatus(), to, steps());
            if (to === "rotating") {
                const text = conn.remainingSteps.join("\n");
                assert.ok(text.includes(key.accessKeyId), `${row}: ${text}`);
                assert.ok(!text.includes(key.secret), `${row}: the secret appears in the steps`);
            }
        }
    });

    it("the steps during a rotation name the new client id and give the secret by reference", async () => {
        await freshConnection();
        await consoleSteps();
        assert.equal(await refreshedStatus(), "authorized");
        await up("r1");
        assert.equal(await refreshedStatus(), "rotating");
        const steps = conn.remainingSteps.join("\n");
        const secretRef = "the value of `pulumi stack output accessKeySecret --show-secrets`";
        assert.ok(
            steps.includes(`Client ID = ${key.accessKeyId}; Client secret = ${secretRef}`),
            steps,
        );
        assert.ok(steps.includes(`revokes the old key ${key.previousAccessKeyId}`), steps);
        assert.ok(!steps.includes(key.secret), "the secret appears in the steps");
        // Once Okta signs in with the new key, the steps say only that the next up ends it.
        await consoleSteps();
        assert.equal(await refreshedStatus(), "rotating");
        assert.deepEqual(conn.remainingSteps, [
            `Okta signs in with the new CXone access key ${key.accessKeyId}. Run \`pulumi up\`: it revokes the old key ${key.previousAccessKeyId}.`,
        ]);
        const old = key.previousAccessKeyId!;
        await up("r1"); // the same rotation value: this up ends the rotation
        assert.equal(conn.status, "authorized");
        assert.equal(key.previousAccessKeyId, "");
        assert.equal(await cxone().getAccessKey(old), undefined, "the old key is revoked");
    });
});
