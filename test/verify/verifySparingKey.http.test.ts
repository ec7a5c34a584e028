// The connection test that spares the key (provider/verify/verifySparingKey.ts) against the sandbox over
// HTTP, outcome by outcome: it passes for a working key without moving the key's lastUsedDate (the
// stack's evidence that Okta uses the key), reports each step exactly, revokes its temporary key
// whatever fails (a failed revocation names the key to revoke by hand), and fails naming the
// reason for a key switched off or revoked. Faults are injected where the sandbox would answer well.
import { strict as assert } from "assert";
import { CxoneClient } from "../../provider/cxone/client";
import { sandboxRegion } from "../../provider/cxone/discovery/regions";
import { DEFAULT_PROBE_USER_NAME, formatVerifyResult } from "../../provider/verify/verify";
import { SPARED_KEY_NOTE, verifySparingKey } from "../../provider/verify/verifySparingKey";
// its three steps
import { STEP_KEY } from "../../provider/verify/verifySparingKey";
import { STEP_SCIM, STEP_TOKEN } from "../../provider/verify/verify";
import { sandboxForSuite } from "../support/sandbox";
import { newRole } from "../support/cxoneObjects";
import { newHeldKey, type HeldKey } from "../support/cxoneKeyHolder";
import * as net from "net";
import type { AddressInfo } from "net";
import { accessKeyToken } from "../../provider/cxone/accessKeyToken";
import { closedPort } from "../support/loopbackServer";
import { assertPassed } from "../support/verifySteps";
import { startScriptedCxone } from "../support/scriptedCxone";

describe("connection test sparing the key (sandbox)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();
    let held: HeldKey;
    const cxone = () => new CxoneClient(f.endpoint);
    const run = () =>
        verifySparingKey({
            region: sandboxRegion(f.sandbox.urls.cxone),
            accessKeyId: held.keyId,
            timeoutMs: 5000,
        });

    before(async () => {
        held = await newHeldKey(f.endpoint);
    });

    it("passes every step; the key's lastUsedDate does not move; no temporary key is left", async () => {
        const v = await run();
        assertPassed(v, [STEP_KEY, STEP_TOKEN, STEP_SCIM]);
        const key = await cxone().getAccessKey(held.keyId);
        assert.equal(key?.lastUsedDate, undefined, "the key never signed in");
        const keys = await cxone().listAccessKeys(held.userId);
        assert.deepEqual(
            keys.map((k) => k.accessKeyId),
            [held.keyId],
            "the temporary key is revoked",
        );
        assert.ok(!JSON.stringify(v).includes(held.secret));
    });

    it("a key switched off in CXone fails at the key check, naming it", async () => {
        await cxone().setAccessKeyActive({ accessKeyId: held.keyId, userId: held.userId }, false);
        const v = await run();
        assert.equal(v.ok, false);
        assert.match(v.steps[0].detail, new RegExp(`access key ${held.keyId} is switched off`));
        assert.equal(v.steps[1].skipped, true);
        await cxone().setAccessKeyActive({ accessKeyId: held.keyId, userId: held.userId }, true);
    });

    it("a revoked key fails at the key check", async () => {
        await cxone().revokeAccessKey(held.keyId);
        const v = await run();
        assert.equal(v.ok, false);
        assert.match(v.steps[0].detail, /does not exist in this tenant/);
    });
});

// The connection test that spares the key (provider/verify/verifySparingKey.ts), outcome by outcome
// against the sandbox: each step's exact report, the temporary key revoked whatever fails, and a
// failed revocation naming the key to revoke by hand. Faults are injected where the sandbox would
// otherwise answer well.
describe("connection test sparing the key: each outcome (sandbox)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();
    let roleId: string;
    const admin = () => new CxoneClient(f.endpoint);
    const region = () => sandboxRegion(f.sandbox.urls.cxone);

    /** A fresh employee with one access key. */
    const employeeWithKey = () => newHeldKey(f.endpoint, { roleId });
    const spare = (accessKeyId: string, as = admin()) =>
        verifySparingKey({ region: region(), accessKeyId, admin: as });
    /** CXone answers `status` once to `method` on `path` (a regular expression). */
    const cxoneAnswersOnce = (method: string, path: string, status: number) =>
        f.sandbox.setFaults([{ kind: "status", server: "cxone", method, path, status, times: 1 }]);
    /** CXone's SCIM user lookup answers `status` once. */
    const scimAnswersOnce = (status: number) => cxoneAnswersOnce("GET", "^/scim/v2/Users$", status);
    /** A step not run, and why. */
    const skipped = (name: string, detail: string) => ({ name, ok: false, skipped: true, detail });
    const keysOf = async (userId: string) =>
        (await admin().listAccessKeys(userId)).map((k) => k.accessKeyId);

    before(async () => {
        roleId = (await newRole(f.endpoint, "Spare Key")).id;
    });
    afterEach(() => f.sandbox.clearFaults());

    it("passes, reporting the key's last use and the temporary key; the result is complete", async () => {
        const { userId, keyId, secret } = await employeeWithKey();
        await accessKeyToken(f.sandbox.urls.cxone, { accessKeyId: keyId, accessKeySecret: secret });
        const lastUsed = (await admin().getAccessKey(keyId))?.lastUsedDate;
        assert.ok(lastUsed, "signing in with the key set its lastUsedDate");
        const v = await verifySparingKey({
            region: region(),
            accessKeyId: keyId,
            admin: admin(),
            timeoutMs: 5000,
        });
        assert.equal(v.ok, true, formatVerifyResult(v));
        assert.deepEqual(v.steps[0], {
            name: STEP_KEY,
            ok: true,
            detail: `access key ${keyId} is active, employee ${userId}, last used ${lastUsed}`,
        });
        const tmp = new RegExp(`^employee ${userId} signed in with temporary key (\\S+)$`).exec(
            v.steps[1].detail,
        );
        assert.ok(tmp && v.steps[1].ok && v.steps[1].name === STEP_TOKEN, v.steps[1].detail);
        assert.notEqual(tmp[1], keyId);
        assert.deepEqual(v.steps[2], {
            name: STEP_SCIM,
            ok: true,
            detail: `${region().scimBaseUrl} answered the userName lookup Okta makes (0 matches for "${DEFAULT_PROBE_USER_NAME}")`,
        });
        assert.deepEqual(
            [v.region, v.accessKeyId, v.scimBaseUrl, v.notes],
            ["sandbox", keyId, region().scimBaseUrl, [...region().notes, SPARED_KEY_NOTE]],
        );
        assert.equal(await admin().getAccessKey(tmp[1]), undefined, "temporary key revoked");
        assert.equal((await admin().getAccessKey(keyId))?.lastUsedDate, lastUsed);
        assert.ok(!JSON.stringify(v).includes(secret));
    });

    it("a key never used says so; the lookup asks for the userName given", async () => {
        const { keyId } = await employeeWithKey();
        const v = await verifySparingKey({
            region: region(),
            accessKeyId: keyId,
            admin: admin(),
            probeUserName: "nobody@example.com",
        });
        assert.match(v.steps[0].detail, /, never used yet$/);
        assert.match(v.steps[2].detail, / \(0 matches for "nobody@example\.com"\)$/);
    });

    it("a key that does not exist: fails at the key check, the other steps skipped", async () => {
        const v = await spare("AKNOSUCHKEY1");
        assert.equal(v.ok, false);
        assert.deepEqual(v.steps, [
            {
                name: STEP_KEY,
                ok: false,
                detail: "access key AKNOSUCHKEY1 does not exist in this tenant (revoked, or another region)",
            },
            skipped(STEP_TOKEN, "skipped: the key does not work"),
            skipped(STEP_SCIM, "skipped: no token"),
        ]);
    });

    it("a key switched off: fails at the key check, saying Okta cannot sign in with it", async () => {
        const { userId, keyId } = await employeeWithKey();
        await admin().setAccessKeyActive({ accessKeyId: keyId, userId }, false);
        const v = await spare(keyId);
        assert.deepEqual(v.steps[0], {
            name: STEP_KEY,
            ok: false,
            detail: `access key ${keyId} is switched off in CXone: Okta cannot sign in with it`,
        });
        assert.equal(v.steps.length, 3);
        assert.deepEqual(await keysOf(userId), [keyId], "no temporary key was made");
    });

    it("CXone unreachable for the admin: the key could not be checked, with the reason", async () => {
        const port = await closedPort();
        const down = new CxoneClient({
            issuerUrl: `http://127.0.0.1:${port}`,
            areaUrl: `http://127.0.0.1:${port}`,
        });
        const v = await spare("AK1", down);
        assert.equal(v.ok, false);
        assert.match(v.steps[0].detail, /^could not read the key: could not .*ECONNREFUSED/);
        assert.deepEqual([v.steps[0].name, v.steps[0].ok], [STEP_KEY, false]);
        assert.deepEqual(v.steps.slice(1), [
            skipped(STEP_TOKEN, "skipped: the key could not be checked"),
            skipped(STEP_SCIM, "skipped: no token"),
        ]);
    });

    it("the temporary key cannot be made: sign-in fails with CXone's answer, nothing to revoke", async () => {
        const { userId, keyId } = await employeeWithKey();
        cxoneAnswersOnce("POST", "^/access-key-management/v1/access-keys$", 400);
        f.sandbox.clearRequests();
        const v = await spare(keyId);
        assert.equal(v.ok, false);
        assert.deepEqual(
            f.sandbox.requests().filter((q) => q.method === "DELETE"),
            [],
            "no key was made, so none is revoked",
        );
        assert.match(
            v.steps[1].detail,
            new RegExp(
                `^employee ${userId} could not sign in: could not create a CXone access key for ` +
                    `employee ${userId}: CXone answered HTTP 400.* \\(is the employee activated\\?\\)$`,
            ),
        );
        assert.deepEqual(v.steps[2], skipped(STEP_SCIM, "skipped: no token"));
        assert.deepEqual(v.notes, [...region().notes, SPARED_KEY_NOTE]);
        assert.deepEqual(await keysOf(userId), [keyId]);
    });

    it("the temporary key is refused at sign-in: kind, status and CXone's words; key revoked", async () => {
        const { userId, keyId } = await employeeWithKey();
        const cx = await startScriptedCxone();
        try {
            cx.script = {
                token: {
                    status: 401,
                    body: { error: "invalid_client", errorDescription: "Invalid access key" },
                },
            };
            const area = region();
            area.areaUrl = cx.url;
            const v = await verifySparingKey({ region: area, accessKeyId: keyId, admin: admin() });
            assert.equal(
                v.steps[1].detail,
                `employee ${userId} could not sign in: http, HTTP 401, invalid_client, Invalid ` +
                    "access key (is the employee activated?)",
            );
            assert.deepEqual(await keysOf(userId), [keyId], "the temporary key was revoked");
        } finally {
            await cx.stop();
        }
    });

    it("nothing answers the temporary key's sign-in: the kind alone; key revoked", async () => {
        const { userId, keyId } = await employeeWithKey();
        const area = region();
        const port = await closedPort();
        area.areaUrl = `http://127.0.0.1:${port}`;
        const v = await verifySparingKey({ region: area, accessKeyId: keyId, admin: admin() });
        assert.equal(v.ok, false);
        assert.deepEqual(v.steps.slice(1), [
            {
                name: STEP_TOKEN,
                ok: false,
                detail: `employee ${userId} could not sign in: refused (is the employee activated?)`,
            },
            skipped(STEP_SCIM, "skipped: no token"),
        ]);
        assert.deepEqual(await keysOf(userId), [keyId], "the temporary key was revoked");
    });

    it("a sign-in that never answers gives up after the time asked; key revoked", async () => {
        const { userId, keyId } = await employeeWithKey();
        const hang = net.createServer(() => undefined);
        await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
        try {
            const area = region();
            area.areaUrl = `http://127.0.0.1:${(hang.address() as AddressInfo).port}`;
            const t0 = Date.now();
            const v = await verifySparingKey({
                region: area,
                accessKeyId: keyId,
                admin: admin(),
                timeoutMs: 200,
            });
            assert.ok(Date.now() - t0 < 3000, `${Date.now() - t0} ms`);
            assert.equal(
                v.steps[1].detail,
                `employee ${userId} could not sign in: timeout (is the employee activated?)`,
            );
            assert.deepEqual(await keysOf(userId), [keyId]);
        } finally {
            hang.close();
        }
    });

    // The SCIM step is the connection test's own (provider/verify/scimStep.ts): the same words.
    it("SCIM 403: names the permission to give; the temporary key is revoked", async () => {
        const { userId, keyId } = await employeeWithKey();
        scimAnswersOnce(403);
        const v = await spare(keyId);
        assert.equal(v.ok, false);
        assert.deepEqual(v.steps[2], {
            name: STEP_SCIM,
            ok: false,
            detail:
                `the employee of access key ${keyId} lacks permission (HTTP 403): give its role ` +
                '"Employees: Create and Edit" (which switches on "Employees: View") under Admin > ' +
                "Security > Roles and Permissions, then activate the role; CXone said: Forbidden: " +
                "injected fault",
        });
        assert.deepEqual(await keysOf(userId), [keyId]);
    });

    it("another SCIM failure is quoted with its status and CXone's words", async () => {
        const { keyId } = await employeeWithKey();
        scimAnswersOnce(500);
        const v = await spare(keyId);
        assert.equal(v.ok, false);
        assert.equal(
            v.steps[2].detail,
            "CXone's SCIM server failed (HTTP 500): try again later; CXone said: Internal Server Error: injected fault",
        );
        assert.equal(v.steps[2].ok, false);
    });

    it("a SCIM server nobody answers: refused, with where to look", async () => {
        const { keyId } = await employeeWithKey();
        const r = region();
        const port = await closedPort();
        r.scimBaseUrl = `http://127.0.0.1:${port}/scim/v2`;
        const v = await verifySparingKey({
            region: r,
            accessKeyId: keyId,
            admin: admin(),
            timeoutMs: 2000,
        });
        assert.equal(
            v.steps[2].detail,
            `connection refused by 127.0.0.1:${port}: nothing listens there; check that the sandbox ` +
                "is running and the URL in .sandbox/endpoints.json is current, and any firewall or proxy",
        );
    });

    it("a failed revocation fails the test and names the temporary key to revoke by hand", async () => {
        const { userId, keyId } = await employeeWithKey();
        cxoneAnswersOnce("DELETE", "^/access-key-management/v1/access-keys/", 400);
        const v = await spare(keyId);
        assert.equal(v.ok, false, "every step passed, but a temporary key is left");
        assert.deepEqual(
            v.steps.map((s) => s.ok),
            [true, true, true],
        );
        const left = (await keysOf(userId)).filter((k) => k !== keyId);
        assert.equal(left.length, 1);
        assert.equal(v.notes.length, region().notes.length + 2);
        assert.match(
            v.notes.at(-1)!,
            new RegExp(
                `^could not revoke the temporary key ${left[0]}: revoke it in CXone \\(could not ` +
                    `revoke CXone access key ${left[0]}: CXone answered HTTP 400.*\\)$`,
            ),
        );
        await admin().revokeAccessKey(left[0]);
    });
});
