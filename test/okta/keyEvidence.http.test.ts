// CXone's side of the SCIM connection's evidence, read from the sandbox over real HTTP: whether the
// access key works and was used, and during a rotation whether the previous key still works and
// whether Okta has switched to the new one (judged from the keys' dates).
import { strict as assert } from "assert";
import { forgetKeyReads } from "../../provider/cxone/keyReads";
import { accessKeyEvidence } from "../../provider/okta/keyEvidence";
import { connectionForSuite } from "../support/connectionFixture";

describe("access key evidence (CXone sandbox, HTTP)", function () {
    this.timeout(30_000);
    const c = connectionForSuite();
    beforeEach(() => forgetKeyReads());

    const evidence = (id: string, previous?: string) => {
        forgetKeyReads(); // the keys changed since the last look
        return accessKeyEvidence(c.f.endpoint, id, previous);
    };
    const lastUsed = async (id: string) => (await c.keyRecord(id)).lastUsedDate;
    const tick = () => new Promise((r) => setTimeout(r, 5));

    it("a new key: active, never used", async () => {
        const k = await c.newKey();
        assert.deepEqual(await evidence(k.accessKeyId), {
            keyIsActive: true,
            keyLastUsedDate: null,
        });
    });

    it("a used key: its last use as CXone reports it", async () => {
        const k = await c.newKey();
        await c.useKey(k);
        assert.deepEqual(await evidence(k.accessKeyId), {
            keyIsActive: true,
            keyLastUsedDate: await lastUsed(k.accessKeyId),
        });
    });

    it("a key switched off, and a key CXone does not have: not active", async () => {
        const k = await c.newKey();
        await c.useKey(k);
        await c
            .cxone()
            .setAccessKeyActive({ accessKeyId: k.accessKeyId, userId: c.employeeId }, false);
        assert.deepEqual(await evidence(k.accessKeyId), {
            keyIsActive: false,
            keyLastUsedDate: await lastUsed(k.accessKeyId),
        });
        await c.cxone().revokeAccessKey(k.accessKeyId);
        assert.deepEqual(await evidence(k.accessKeyId), {
            keyIsActive: false,
            keyLastUsedDate: null,
        });
    });

    it("rotation: the old key still works and Okta still uses it", async () => {
        const old = await c.newKey();
        await c.useKey(old);
        await tick();
        const k = await c.newKey();
        assert.deepEqual(await evidence(k.accessKeyId, old.accessKeyId), {
            keyIsActive: true,
            keyLastUsedDate: null,
            rotation: {
                previousClientId: old.accessKeyId,
                previousKeyActive: true,
                previousKeyUsed: true,
                oktaUsesNewKey: false,
            },
        });
    });

    it("rotation: the new key used after the old one's last use means Okta switched", async () => {
        const old = await c.newKey();
        await c.useKey(old);
        await tick();
        const k = await c.newKey();
        await tick();
        await c.useKey(k);
        assert.deepEqual(await evidence(k.accessKeyId, old.accessKeyId), {
            keyIsActive: true,
            keyLastUsedDate: await lastUsed(k.accessKeyId),
            rotation: {
                previousClientId: old.accessKeyId,
                previousKeyActive: true,
                previousKeyUsed: true,
                oktaUsesNewKey: true,
            },
        });
    });

    it("rotation: the old key used again after the new one means Okta has not switched", async () => {
        const old = await c.newKey();
        const k = await c.newKey();
        await tick();
        await c.useKey(k);
        await tick();
        await c.useKey(old);
        const e = await evidence(k.accessKeyId, old.accessKeyId);
        assert.deepEqual(e.rotation, {
            previousClientId: old.accessKeyId,
            previousKeyActive: true,
            previousKeyUsed: true,
            oktaUsesNewKey: false,
        });
    });

    it("rotation: a previous key CXone no longer has is not active", async () => {
        const old = await c.newKey();
        const k = await c.newKey();
        await c.cxone().revokeAccessKey(old.accessKeyId);
        const e = await evidence(k.accessKeyId, old.accessKeyId);
        assert.deepEqual(e.rotation, {
            previousClientId: old.accessKeyId,
            previousKeyActive: false,
            oktaUsesNewKey: false,
        });
    });

    it("rotation whose new key CXone no longer has: inactive, Okta cannot use it", async () => {
        const old = await c.newKey();
        const k = await c.newKey();
        await c.useKey(k);
        await c.cxone().revokeAccessKey(k.accessKeyId);
        assert.deepEqual(await evidence(k.accessKeyId, old.accessKeyId), {
            keyIsActive: false,
            keyLastUsedDate: null,
            rotation: {
                previousClientId: old.accessKeyId,
                previousKeyActive: true,
                // never used: a rotation of a connection that was never authorized is no rotation
                previousKeyUsed: false,
                oktaUsesNewKey: false,
            },
        });
    });

    it("asks CXone once per key: one read of the key, one of the previous key", async () => {
        const old = await c.newKey();
        const k = await c.newKey();
        c.f.sandbox.clearRequests();
        await evidence(k.accessKeyId, old.accessKeyId);
        await evidence(k.accessKeyId);
        const reads = c.calls().filter((x) => x.includes("GET /access-key-management/"));
        assert.deepEqual(
            reads.sort(),
            [
                `cxone GET /access-key-management/v1/access-keys/${k.accessKeyId}`,
                `cxone GET /access-key-management/v1/access-keys/${k.accessKeyId}`,
                `cxone GET /access-key-management/v1/access-keys/${old.accessKeyId}`,
            ].sort(),
        );
    });
});
