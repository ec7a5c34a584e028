// Status truth: every transition between the SCIM connection's statuses, each caused out of band
// in the sandbox (Okta's public API, its console, CXone's API), is seen by the very next read():
// what `pulumi preview` (refresh always on) reports, not one `up` later. Provider methods are
// called directly over real HTTP. The rows are one walk, in order, each starting where the last
// one ended, so they are one test: no test depends on another having run.
import { strict as assert } from "assert";
import axios from "axios";
import * as accessKey from "../../provider/cxone/accessKeyProvider";
import * as employee from "../../provider/cxone/employeeProvider";
import * as role from "../../provider/cxone/roleProvider";
import { CxoneClient } from "../../provider/cxone/client";
import { forgetKeyReads } from "../../provider/cxone/keyReads";
import type { AccessKeyOutputs } from "../../provider/cxone/accessKeyLogic";
import * as app from "../../provider/okta/autoLoginAppProvider";
import * as connection from "../../provider/okta/scimConnectionProvider";
import type { ScimConnectionOutputs } from "../../provider/okta/scimConnectionLogic";
import { sandboxRegion } from "../../provider/regions";
import { completeConsoleSteps } from "../../sandbox/operator";
import { cxoneFixture, CxoneFixture, unique, uniqueEmail } from "../support/cxoneSandbox";

type Row = [from: string, to: string, cause: string, act: () => Promise<void>];

describe("SCIM connection status: every transition, caused out of band, seen by the next read", function () {
    this.timeout(60_000);
    let f: CxoneFixture;
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
        f = await cxoneFixture();
        okta = f.sandbox.urls.okta;
        process.env.OKTA_API_TOKEN = f.sandbox.endpoints.okta.apiToken;
    });

    /** A new role, employee, key, app and (pending) connection for one test. */
    async function freshConnection(): Promise<void> {
        const rl = await role.create(
            (await role.check({}, { endpoint: f.endpoint, name: unique("SCIM Key") })).inputs,
        );
        const em = await employee.create(
            (
                await employee.check(
                    {},
                    {
                        endpoint: f.endpoint,
                        email: uniqueEmail("scim"),
                        firstName: "SCIM",
                        lastName: "AccessKey",
                        roleId: rl.id,
                    },
                )
            ).inputs,
        );
        const k = await accessKey.create(
            (await accessKey.check({}, { endpoint: f.endpoint, employeeId: em.id })).inputs,
        );
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
        await f?.stop();
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
        [
            "authorized",
            "rotating",
            "`up` with a new rotation value (not out of band)",
            () => up("r1"),
        ],
        ["rotating", "key-revoked", "CXone: the old key revoked before Okta switched", revokeOld],
        ["key-revoked", "authorized", "the person enters the new key in Okta", consoleSteps],
        [
            "authorized",
            "rotating",
            "`up` with a new rotation value (not out of band)",
            () => up("r2"),
        ],
        [
            "rotating",
            "rotating",
            "the person enters the new key (the steps say: run up)",
            consoleSteps,
        ],
        ["rotating", "authorized", "CXone: the old key revoked after Okta switched", revokeOld],
        [
            "authorized",
            "rotating",
            "`up` with a new rotation value (not out of band)",
            () => up("r3"),
        ],
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
