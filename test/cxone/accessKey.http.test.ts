// The AccessKey provider's methods against the sandbox over HTTP, asserting the exact outputs and
// the exact keys CXone holds afterwards: create (on and off, and a switch-off that fails), read
// during a rotation, each step of a phased rotation (start, keep, revoke on evidence, forget a key
// revoked by hand, a second rotation that waits) and what destroy revokes.
import { strict as assert } from "assert";
import accessKey from "../../provider/cxone/accessKeyProvider";
import type { AccessKeyOutputs, AccessKeyState } from "../../provider/cxone/accessKeyLogic";
import { forgetKeyReads } from "../../provider/cxone/keyReads";
import { sandboxForSuite } from "../support/sandbox";
import { IN_PLACE, NO_CHANGE, replacing } from "../support/cxoneDiffs";
import { answering, partialCreate, whileCxoneFails } from "../support/cxoneFaults";
import { keySignInStatus, newKeyHolder } from "../support/cxoneKeyHolder";

type Props = Record<string, unknown>;

describe("AccessKey provider (sandbox, HTTP): exact outputs and keys", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();
    let employeeId: string;
    before(async () => {
        employeeId = await newKeyHolder(f.endpoint, { invite: false });
    });

    const cx = () => f.sandbox.context.state.cxone;
    const changes = () =>
        f
            .writes()
            .filter((w) => !w.path.startsWith("/authentication/"))
            .map((w) => `${w.method} ${w.path.split("?")[0]}`);
    const KEYS = "/access-key-management/v1/access-keys";
    const signIn = (id: string, secret: string) =>
        keySignInStatus(f.sandbox.urls.cxone, id, secret);

    async function inputs(extra: Props = {}): Promise<AccessKeyState> {
        const { inputs, failures } = await accessKey.check(
            {},
            { endpoint: f.endpoint, employeeId, ...extra },
        );
        assert.deepEqual(failures, []);
        return inputs;
    }
    /** A key Okta used (one sign-in), then a rotation: the old key is kept until Okta switches. */
    async function rotated(extra: Props = {}) {
        const s = await inputs({ rotation: "1", ...extra });
        const k = await accessKey.create(s);
        assert.equal(await signIn(k.id, k.outs.secret), 200);
        await new Promise((r) => setTimeout(r, 5)); // a later sign-in has a later date
        forgetKeyReads();
        const next = { ...s, rotation: "2" };
        const u = await accessKey.update(k.id, k.outs, next);
        return { id: k.id, first: k.outs, outs: u.outs, s: next };
    }

    describe("diff", () => {
        it("answers exactly the engine's fields: changes and replaces", async () => {
            const s = await inputs();
            const k = await accessKey.create(s);
            assert.deepEqual(await accessKey.diff(k.id, k.outs, s), NO_CHANGE);
            assert.deepEqual(
                await accessKey.diff(k.id, k.outs, { ...s, employeeId: "u-2" }),
                replacing("employeeId"),
            );
            assert.deepEqual(await accessKey.diff(k.id, k.outs, { ...s, active: false }), IN_PLACE);
        });
    });

    describe("create", () => {
        it("one POST; the outputs are the key CXone holds, its secret and its schedule", async () => {
            const s = await inputs({ rotation: "r1" });
            f.sandbox.clearRequests();
            const k = await accessKey.create(s);
            assert.deepEqual(changes(), [`POST ${KEYS}`]);
            const held = cx().accessKeys[k.id];
            assert.equal(held.isActive, true);
            assert.equal(held.userId, employeeId);
            assert.deepEqual(k.outs, {
                ...s,
                accessKeyId: k.id,
                secret: k.outs.secret,
                isActive: true,
                createdDate: held.createdDate,
                keyRotation: "r1",
                keyAgeDays: 0,
                nextRotationDate: "",
                rotationDue: false,
                previousAccessKeyId: "",
                rotationNote: "",
            });
            assert.equal(await signIn(k.id, k.outs.secret), 200, "the secret is the key's");
        });

        it("switched off at create: POST then PATCH; CXone holds it inactive", async () => {
            const s = await inputs({ active: false });
            f.sandbox.clearRequests();
            const k = await accessKey.create(s);
            assert.deepEqual(changes(), [`POST ${KEYS}`, `PATCH ${KEYS}`]);
            assert.equal(cx().accessKeys[k.id].isActive, false);
            assert.equal(k.outs.isActive, false);
            assert.equal(k.outs.active, false);
        });

        it("the switch-off fails: the key is recorded as it is (active) for the next up, no secret in the message", async () => {
            const s = await inputs({ active: false });
            const err = await whileCxoneFails(f, answering(500, KEYS, "PATCH"), () =>
                partialCreate(accessKey.create(s)),
            );
            const props = err.properties as AccessKeyOutputs;
            assert.equal(cx().accessKeys[err.id].isActive, true);
            assert.equal(props.accessKeyId, err.id);
            assert.equal(props.isActive, true, "what CXone holds");
            assert.equal(props.active, false, "what the program wants");
            assert.match(
                err.message,
                new RegExp(`^could not deactivate CXone access key ${err.id}`),
            );
            assert.ok(!err.message.includes(props.secret), "no secret in the message");
            assert.equal(
                await signIn(err.id, props.secret),
                200,
                "the recorded secret is the key's",
            );
            // the next up sees the difference and switches it off
            assert.deepEqual(await accessKey.diff(err.id, props, s), IN_PLACE);
        });
    });

    describe("read", () => {
        it("returns the id, the live key as props and as inputs", async () => {
            const s = await inputs();
            const k = await accessKey.create(s);
            forgetKeyReads();
            assert.deepEqual(await accessKey.read(k.id, k.outs), {
                id: k.id,
                props: k.outs,
                inputs: s,
            });
        });
        it("during a rotation: the current key (not the resource id's) and the previous one", async () => {
            const r = await rotated();
            const api = await f.adminApi();
            await api.patch(
                KEYS,
                { isActive: false },
                {
                    params: { tenantId: cx().tenantId, userId: employeeId, accessKeyId: r.id },
                },
            );
            forgetKeyReads();
            const read = await accessKey.read(r.id, r.outs);
            const props = read.props as AccessKeyOutputs;
            assert.equal(read.id, r.id, "the resource id stays the first key's");
            assert.equal(props.accessKeyId, r.outs.accessKeyId);
            assert.equal(props.secret, r.outs.secret);
            assert.equal(props.isActive, true);
            assert.deepEqual(props.previousKey, { ...r.outs.previousKey, isActive: false });
            assert.equal(props.previousAccessKeyId, "");
        });
        it("the current key revoked: gone", async () => {
            const r = await rotated();
            const api = await f.adminApi();
            await api.delete(`${KEYS}/${r.outs.accessKeyId}`);
            forgetKeyReads();
            assert.deepEqual(await accessKey.read(r.id, r.outs), { id: "" });
        });
    });

    describe("update", () => {
        it("a key read while the update switches it off is read afresh after the update", async () => {
            const s = await inputs();
            const k = await accessKey.create(s);
            const slowSwitch = { kind: "latency", ms: 300, method: "PATCH", path: KEYS } as const;
            await whileCxoneFails(f, slowSwitch, async () => {
                const updating = accessKey.update(k.id, k.outs, { ...s, active: false });
                // another resource of the same run (the SCIM connection) reads the key meanwhile
                const during = await accessKey.read(k.id, k.outs);
                assert.equal(
                    (during.props as Props).isActive,
                    true,
                    "CXone had not switched it off",
                );
                assert.equal((await updating).outs.isActive, false);
            });
            assert.equal((await accessKey.read(k.id, k.outs)).props!.isActive, false);
        });
    });

    describe("update: a phased rotation", () => {
        it("a new rotation value: one new key, the old one kept active and recorded", async () => {
            const s = await inputs({ rotation: "1" });
            const k = await accessKey.create(s);
            assert.equal(await signIn(k.id, k.outs.secret), 200);
            forgetKeyReads();
            const used = (await accessKey.read(k.id, k.outs)).props as AccessKeyOutputs;
            f.sandbox.clearRequests();
            const before = Date.now();
            const u = (await accessKey.update(k.id, used, { ...s, rotation: "2" })).outs;
            const after = Date.now();
            assert.deepEqual(changes(), [`POST ${KEYS}`]);
            const newId = u.accessKeyId;
            assert.notEqual(newId, k.id);
            const started = Date.parse(u.previousKey!.rotationStartedAt);
            assert.ok(started >= before && started <= after, u.previousKey!.rotationStartedAt);
            const { lastUsedDate: oldUse, ...usedRest } = used;
            assert.ok(oldUse, "the old key was used");
            assert.deepEqual(u, {
                ...usedRest,
                rotation: "2",
                accessKeyId: newId,
                secret: u.secret,
                isActive: true,
                createdDate: cx().accessKeys[newId].createdDate,
                keyRotation: "2",
                keyAgeDays: 0,
                previousKey: {
                    accessKeyId: k.id,
                    rotationStartedAt: u.previousKey!.rotationStartedAt,
                    isActive: true,
                    lastUsedDate: oldUse,
                },
                previousAccessKeyId: k.id,
                rotationNote: "",
            });
            assert.notEqual(u.secret, k.outs.secret);
            assert.equal(await signIn(newId, u.secret), 200);
            assert.equal(await signIn(k.id, k.outs.secret), 200, "the old key still works");
        });

        it("a key nothing ever used (the console steps never done): revoked at once, no previous key", async () => {
            const s = await inputs({ rotation: "1" });
            const k = await accessKey.create(s);
            f.sandbox.clearRequests();
            const u = (await accessKey.update(k.id, k.outs, { ...s, rotation: "2" })).outs;
            assert.deepEqual(changes(), [`POST ${KEYS}`, `DELETE ${KEYS}/${k.id}`]);
            assert.equal(u.previousKey, undefined);
            assert.equal(u.previousAccessKeyId, "");
            assert.equal(cx().accessKeys[k.id]?.isActive ?? false, false, "the old key is revoked");
            assert.equal(cx().accessKeys[u.accessKeyId].isActive, true);
            assert.equal(u.keyRotation, "2");
        });

        it("no evidence yet: the old key is kept; a further rotation waits for this one", async () => {
            const r = await rotated();
            f.sandbox.clearRequests();
            const u = (await accessKey.update(r.id, r.outs, { ...r.s, rotation: "3" })).outs;
            assert.deepEqual(changes(), [], "no new key, nothing revoked");
            assert.equal(u.accessKeyId, r.outs.accessKeyId);
            assert.equal(u.keyRotation, "2", "still the rotation in progress");
            assert.deepEqual(u.previousKey, r.outs.previousKey);
            assert.equal(u.previousAccessKeyId, r.id);
            assert.equal(cx().accessKeys[r.id].isActive, true);
        });

        it("a rotation asked for during another starts once the first has ended", async () => {
            const r = await rotated();
            assert.ok(
                r.outs.previousKey!.lastUsedDate,
                "Okta used the old key before the rotation",
            );
            const third = { ...r.s, rotation: "3" };
            const waiting = (await accessKey.update(r.id, r.outs, third)).outs;
            const still = (await accessKey.update(r.id, waiting, third)).outs;
            assert.equal(still.keyRotation, "2", "the current key is still rotation 2's");
            assert.equal(still.accessKeyId, r.outs.accessKeyId);
            assert.deepEqual(await accessKey.diff(r.id, still, third), NO_CHANGE);
            // Okta switches to rotation 2's key: that rotation ends and rotation 3 starts
            assert.equal(await signIn(r.outs.accessKeyId, r.outs.secret), 200);
            f.sandbox.clearRequests();
            const next = (await accessKey.update(r.id, still, third)).outs;
            assert.deepEqual(changes(), [`DELETE ${KEYS}/${r.id}`, `POST ${KEYS}`]);
            assert.equal(next.keyRotation, "3");
            assert.equal(next.previousKey!.accessKeyId, r.outs.accessKeyId);
            assert.notEqual(next.accessKeyId, r.outs.accessKeyId);
        });

        it("the new key revoked by hand mid-rotation: the old key, the only one left, is kept", async () => {
            const r = await rotated();
            const api = await f.adminApi();
            await api.delete(`${KEYS}/${r.outs.accessKeyId}`);
            f.sandbox.clearRequests();
            const u = (await accessKey.update(r.id, r.outs, r.s)).outs;
            assert.deepEqual(changes(), []);
            assert.equal(cx().accessKeys[r.id].isActive, true);
            assert.equal(u.previousAccessKeyId, r.id);
        });

        it("Okta signed in with the new key: the old key is revoked, the rotation ends quietly", async () => {
            const r = await rotated();
            assert.equal(await signIn(r.outs.accessKeyId, r.outs.secret), 200);
            f.sandbox.clearRequests();
            const u = (await accessKey.update(r.id, r.outs, r.s)).outs;
            assert.deepEqual(changes(), [`DELETE ${KEYS}/${r.id}`]);
            assert.equal(cx().accessKeys[r.id], undefined, "revoked");
            assert.ok(!("previousKey" in u));
            assert.equal(u.previousAccessKeyId, "");
            assert.equal(u.rotationNote, "");
            assert.equal(u.lastUsedDate, cx().accessKeys[r.outs.accessKeyId].lastUsedDate);
            assert.equal(u.accessKeyId, r.outs.accessKeyId);
        });

        it("the old key revoked by hand: forgotten without another revoke", async () => {
            const r = await rotated();
            const api = await f.adminApi();
            await api.delete(`${KEYS}/${r.id}`);
            f.sandbox.clearRequests();
            const u = (await accessKey.update(r.id, r.outs, r.s)).outs;
            assert.deepEqual(changes(), []);
            assert.ok(!("previousKey" in u));
            assert.equal(u.previousAccessKeyId, "");
            assert.equal(u.rotationNote, "");
        });

        it("the overlap limit passed and a new rotation asked for: revoked, the warning kept, the new rotation started", async () => {
            const r = await rotated({ maxOverlapDays: 0 });
            f.sandbox.clearRequests();
            const u = (await accessKey.update(r.id, r.outs, { ...r.s, rotation: "3" })).outs;
            // the key of rotation 2 was never used (Okta never switched): nothing to keep working
            assert.deepEqual(changes(), [
                `DELETE ${KEYS}/${r.id}`,
                `POST ${KEYS}`,
                `DELETE ${KEYS}/${r.outs.accessKeyId}`,
            ]);
            assert.equal(cx().accessKeys[r.id], undefined);
            assert.equal(u.previousKey, undefined);
            assert.equal(u.previousAccessKeyId, "");
            assert.equal(u.keyRotation, "3");
            // this up revoked a key without evidence: the operator is told, new rotation or not
            assert.equal(
                u.rotationNote,
                `access key ${r.id} was revoked after the maximum overlap of 0 days without ` +
                    `evidence that Okta uses the new key ${r.outs.accessKeyId}: if Okta still ` +
                    "holds the old key, provisioning fails until a person enters the new client " +
                    "id and secret in Okta",
            );
        });

        it("a note from an earlier up is not repeated by the next one", async () => {
            const s = await inputs();
            const k = await accessKey.create(s);
            const u = (await accessKey.update(k.id, { ...k.outs, rotationNote: "earlier" }, s))
                .outs;
            assert.equal(u.rotationNote, "");
        });

        it("switching a rotated key off acts on the current key, not the resource id's", async () => {
            const r = await rotated();
            const u = (await accessKey.update(r.id, r.outs, { ...r.s, active: false })).outs;
            assert.equal(cx().accessKeys[r.outs.accessKeyId].isActive, false);
            assert.equal(cx().accessKeys[r.id].isActive, true, "the previous key untouched");
            assert.equal(u.isActive, false);
        });
    });

    describe("destroy", () => {
        it("revokes the current key, and the previous one of an unfinished rotation", async () => {
            const r = await rotated();
            f.sandbox.clearRequests();
            await accessKey.delete(r.id, r.outs);
            assert.deepEqual(
                changes().sort(),
                [`DELETE ${KEYS}/${r.id}`, `DELETE ${KEYS}/${r.outs.accessKeyId}`].sort(),
            );
            assert.equal(cx().accessKeys[r.id], undefined);
            assert.equal(cx().accessKeys[r.outs.accessKeyId], undefined);
        });
        it("a key with no rotation: one revoke, by the resource id when the state has no key id", async () => {
            const k = await accessKey.create(await inputs());
            const { accessKeyId: _, ...noKeyId } = k.outs;
            assert.equal((await accessKey.read(k.id, k.outs)).id, k.id, "read (and shared) before");
            f.sandbox.clearRequests();
            await accessKey.delete(k.id, noKeyId);
            assert.deepEqual(changes(), [`DELETE ${KEYS}/${k.id}`]);
            assert.equal(cx().accessKeys[k.id], undefined);
            assert.deepEqual(await accessKey.read(k.id, k.outs), { id: "" }, "read afresh after");
        });
    });
});
