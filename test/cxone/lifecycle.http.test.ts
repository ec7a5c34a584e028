// Life-cycle edges of the CXone resources, provider methods against the sandbox over HTTP: an
// access key switched off and on by the program, a connection reset on the key POST, and the
// exact state destroy leaves (what CXone holds afterwards, not just "no longer ACTIVE").
import { strict as assert } from "assert";
import role from "../../provider/cxone/roleProvider";
import employee from "../../provider/cxone/employeeProvider";
import accessKey from "../../provider/cxone/accessKeyProvider";
import { sandboxForSuite, uniqueEmail } from "../support/sandbox";
import { createdEmployee, createdRole } from "../support/cxoneCreated";
import { IN_PLACE, verdict } from "../support/cxoneDiffs";
import { resetting, whileCxoneFails } from "../support/cxoneFaults";
import { keySignInStatus } from "../support/cxoneKeyHolder";

type Props = Record<string, unknown>;

describe("CXone life-cycle edges (sandbox, HTTP)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();

    const cx = () => f.sandbox.context.state.cxone;
    const keysOf = (userId: string) =>
        Object.values(cx().accessKeys).filter((k) => k.userId === userId);

    const makeRole = () => createdRole(f.endpoint, "Life");
    const makeEmployee = (roleId: string) =>
        createdEmployee(f.endpoint, { roleId, prefix: "life" }, { invite: false });
    async function keyInputs(employeeId: string, extra: Props = {}) {
        const { inputs, failures } = await accessKey.check(
            {},
            { endpoint: f.endpoint, employeeId, ...extra },
        );
        assert.deepEqual(failures, []);
        return inputs!;
    }
    const signsIn = (id: string, secret: string) =>
        keySignInStatus(f.sandbox.urls.cxone, id, secret);

    describe("AccessKey active: false", () => {
        let employeeId: string;
        before(async () => {
            employeeId = (await makeEmployee((await makeRole()).id)).id;
        });

        it("created inactive: CXone holds it switched off and it cannot sign in", async () => {
            const s = await keyInputs(employeeId, { active: false });
            assert.equal(s.active, false);
            const k = await accessKey.create(s);
            assert.equal(k.outs.isActive, false);
            assert.equal(cx().accessKeys[k.id].isActive, false);
            assert.equal(await signsIn(k.id, k.outs.secret), 401);
            const read = await accessKey.read(k.id, k.outs);
            assert.equal((read.props as Props).isActive, false);
            assert.equal((await accessKey.diff(k.id, read.props as Props, s)).changes, false);
        });

        it("deactivated by update, then reactivated by update: CXone follows each time", async () => {
            const on = await keyInputs(employeeId);
            const k = await accessKey.create(on);
            assert.equal(await signsIn(k.id, k.outs.secret), 200);
            const off = await keyInputs(employeeId, { active: false });
            const d = await accessKey.diff(k.id, k.outs, off);
            assert.deepEqual(verdict(d), IN_PLACE);
            const u1 = await accessKey.update!(k.id, k.outs, off);
            assert.equal(u1.outs.isActive, false);
            assert.equal(u1.outs.secret, k.outs.secret, "the secret is kept: the same key");
            assert.equal(cx().accessKeys[k.id].isActive, false);
            assert.equal(await signsIn(k.id, k.outs.secret), 401);
            assert.equal((await accessKey.diff(k.id, u1.outs, off)).changes, false);
            const u2 = await accessKey.update!(k.id, u1.outs, on);
            assert.equal(u2.outs.isActive, true);
            assert.equal(cx().accessKeys[k.id].isActive, true);
            assert.equal(await signsIn(k.id, k.outs.secret), 200);
            assert.equal(keysOf(employeeId).filter((x) => x.accessKeyId === k.id).length, 1);
        });

        it("an update with no change of active makes no call to CXone", async () => {
            const s = await keyInputs(employeeId);
            const k = await accessKey.create(s);
            f.sandbox.clearRequests();
            await accessKey.update!(k.id, k.outs, { ...s, rotation: undefined });
            assert.deepEqual(f.writes(), []);
        });
    });

    describe("a connection reset on the key POST", () => {
        it("is not retried: one POST, a clear error, no key left behind; the next create makes exactly one", async () => {
            const employeeId = (await makeEmployee((await makeRole()).id)).id;
            const s = await keyInputs(employeeId);
            await accessKey
                .create(await keyInputs(employeeId))
                .then((k) => accessKey.delete!(k.id, k.outs)); // warm the session
            f.sandbox.clearRequests();
            const reset = resetting("POST", "^/access-key-management/v1/access-keys$");
            await whileCxoneFails(f, reset, () =>
                assert.rejects(accessKey.create(s), (e: Error) => {
                    assert.match(
                        e.message,
                        /could not create a CXone access key for employee .*no response from CXone/,
                    );
                    assert.ok(!/accessKeySecret|[A-Za-z0-9]{36}/.test(e.message), e.message);
                    return true;
                }),
            );
            const posts = f
                .writes()
                .filter((w) => w.method === "POST" && w.path.startsWith("/access-key-management/"));
            assert.equal(posts.length, 1, "exactly one POST: never retried");
            assert.deepEqual(
                keysOf(employeeId).filter((k) => k.isActive),
                [],
                "no active key left behind",
            );
            const k = await accessKey.create(s);
            assert.deepEqual(
                keysOf(employeeId)
                    .filter((x) => x.isActive)
                    .map((x) => x.accessKeyId),
                [k.id],
            );
        });
    });

    describe("destroy leaves the exact end state", () => {
        it("employee (PENDING, invited) -> BLOCKED; key -> revoked (gone); role -> INACTIVE", async () => {
            const r = await makeRole();
            const { inputs, failures } = await employee.check(
                {},
                {
                    endpoint: f.endpoint,
                    email: uniqueEmail("gone"),
                    firstName: "Go",
                    lastName: "Ne",
                    roleId: r.id,
                },
            );
            assert.deepEqual(failures, []);
            const e = await employee.create(inputs);
            assert.equal(e.outs.status, "PENDING", "invited: PENDING before destroy");
            const k = await accessKey.create(await keyInputs(e.id));
            assert.equal(cx().accessKeys[k.id].isActive, true);

            await accessKey.delete!(k.id, k.outs);
            assert.equal(cx().accessKeys[k.id], undefined, "the key is revoked (CXone forgets it)");
            assert.equal(await signsIn(k.id, k.outs.secret), 401);
            assert.equal((await accessKey.read(k.id, k.outs)).id, "");

            await employee.delete!(e.id, e.outs);
            assert.equal(cx().users[e.id].status, "BLOCKED");
            assert.equal(cx().users[e.id].statusBeforeDeactivation, "PENDING");
            assert.equal((await employee.read(e.id, e.outs)).props?.status, "BLOCKED");

            await role.delete!(r.id, r.outs);
            assert.equal(cx().roles[r.id].status, "INACTIVE");
            // destroying again, on the state a refresh reads, changes nothing and makes no call
            const eNow = (await employee.read(e.id, e.outs)).props!;
            const rNow = (await role.read(r.id, r.outs)).props!;
            f.sandbox.clearRequests();
            await employee.delete!(e.id, eNow);
            await role.delete!(r.id, rNow);
            assert.deepEqual(f.sandbox.requests(), []);
            assert.equal(cx().users[e.id].status, "BLOCKED");
        });
    });
});
