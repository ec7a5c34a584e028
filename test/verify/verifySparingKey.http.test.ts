// The connection test that spares the key (provider/verifySparingKey.ts), against the sandbox over
// HTTP: it passes for a working key without moving the key's lastUsedDate (the stack's evidence
// that Okta uses the key), leaves no temporary key behind, and fails naming the reason for a key
// switched off or revoked.
import { strict as assert } from "assert";
import * as accessKey from "../../provider/cxone/accessKeyProvider";
import * as employee from "../../provider/cxone/employeeProvider";
import * as role from "../../provider/cxone/roleProvider";
import { CxoneClient } from "../../provider/cxone/client";
import { sandboxRegion } from "../../provider/regions";
import { formatVerifyResult, STEP_SCIM, STEP_TOKEN } from "../../provider/verify";
import { STEP_KEY, verifySparingKey } from "../../provider/verifySparingKey";
import { cxoneFixture, CxoneFixture, unique, uniqueEmail } from "../support/cxoneSandbox";

describe("connection test sparing the key (sandbox)", function () {
    this.timeout(30_000);
    let f: CxoneFixture;
    let keyId: string;
    let secret: string;
    let employeeId: string;
    const cxone = () => new CxoneClient(f.endpoint);
    const run = () =>
        verifySparingKey({
            region: sandboxRegion(f.sandbox.urls.cxone),
            accessKeyId: keyId,
            timeoutMs: 5000,
        });

    before(async () => {
        f = await cxoneFixture();
        const r = await role.create(
            (await role.check({}, { endpoint: f.endpoint, name: unique("SCIM Key") })).inputs,
        );
        const e = await employee.create(
            (
                await employee.check(
                    {},
                    {
                        endpoint: f.endpoint,
                        email: uniqueEmail("scim"),
                        firstName: "SCIM",
                        lastName: "AccessKey",
                        roleId: r.id,
                    },
                )
            ).inputs,
        );
        employeeId = e.id;
        const k = await accessKey.create(
            (await accessKey.check({}, { endpoint: f.endpoint, employeeId })).inputs,
        );
        keyId = k.id;
        secret = k.outs.secret;
    });
    after(async () => {
        await f?.stop();
    });

    it("passes every step; the key's lastUsedDate does not move; no temporary key is left", async () => {
        const v = await run();
        assert.equal(v.ok, true, formatVerifyResult(v));
        assert.deepEqual(
            v.steps.map((s) => [s.name, s.ok]),
            [
                [STEP_KEY, true],
                [STEP_TOKEN, true],
                [STEP_SCIM, true],
            ],
        );
        const key = await cxone().getAccessKey(keyId);
        assert.equal(key?.lastUsedDate, undefined, "the key never signed in");
        const keys = await cxone().listAccessKeys(employeeId);
        assert.deepEqual(
            keys.map((k) => k.accessKeyId),
            [keyId],
            "the temporary key is revoked",
        );
        assert.ok(!JSON.stringify(v).includes(secret));
    });

    it("a key switched off in CXone fails at the key check, naming it", async () => {
        await cxone().setAccessKeyActive({ accessKeyId: keyId, userId: employeeId }, false);
        const v = await run();
        assert.equal(v.ok, false);
        assert.match(v.steps[0].detail, new RegExp(`access key ${keyId} is switched off`));
        assert.equal(v.steps[1].skipped, true);
        await cxone().setAccessKeyActive({ accessKeyId: keyId, userId: employeeId }, true);
    });

    it("a revoked key fails at the key check", async () => {
        await cxone().revokeAccessKey(keyId);
        const v = await run();
        assert.equal(v.ok, false);
        assert.match(v.steps[0].detail, /does not exist in this tenant/);
    });
});
