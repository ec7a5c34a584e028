// Provider methods called directly against the sandbox over real HTTP: the full life of each
// resource, adoption rules, drift seen by read(), repair by update(), destroy semantics.
import { strict as assert } from "assert";
import { forgetKeyReads } from "../../provider/cxone/keyReads";
import role from "../../provider/cxone/roleProvider";
import employee from "../../provider/cxone/employeeProvider";
import accessKey from "../../provider/cxone/accessKeyProvider";
import type { Provider } from "../../provider/framework/defineProvider";
import { sandboxForSuite, uniqueEmail } from "../support/sandbox";
import { checkedCreate, createdEmployee, createdRole } from "../support/cxoneCreated";
import { IN_PLACE, verdict } from "../support/cxoneDiffs";

type Props = Record<string, unknown>;
type Made<I> = { id: string; outs: Props; inputs: I };

/** read() after an edit by hand: what it refreshed, which diff() finds an in-place change from the inputs. */
async function readDrifted<I>(p: Provider<I, Props>, m: Made<I>) {
    const read = await p.read(m.id, m.outs);
    const d = await p.diff(m.id, read.props!, m.inputs);
    assert.deepEqual(verdict(d), IN_PLACE);
    return { props: read.props as Props, inputs: read.inputs as Props };
}

describe("CXone providers against the sandbox (HTTP)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();

    const makeRole = (extra: Props = {}) => createdRole(f.endpoint, "SCIM Key", extra);
    const makeEmployee = (roleId: string, extra: Props = {}) =>
        createdEmployee(f.endpoint, { roleId, prefix: "scim" }, extra);

    describe("Role", () => {
        it("creates an active role with the SCIM permissions, reads it back unchanged", async () => {
            const r = await makeRole({ description: "for Okta" });
            assert.equal(r.outs.status, "ACTIVE");
            assert.deepEqual([...(r.outs.permissions as string[])].sort(), [
                "Employees: Create and Edit",
                "Employees: View",
            ]);
            const read = await role.read(r.id, r.outs);
            assert.equal(read.id, r.id);
            const d = await role.diff(r.id, read.props!, r.inputs);
            assert.equal(d.changes, false);
        });

        it("refuses an existing name (any case, any status) unless adoptExisting and the role carries this stack's mark, then adopts and reactivates", async () => {
            const r = await makeRole({ description: "Okta SCIM [pulumi stack: proj/a]" });
            await role.delete!(r.id, r.outs); // deactivate
            const name = (r.outs.name as string).toUpperCase();
            await assert.rejects(role.create({ ...r.inputs, name }), (e: Error) => {
                assert.match(
                    e.message,
                    /already exists \(status INACTIVE\); role names can never be reused; it is marked as this stack's \(proj\/a\): set adoptExisting: true/,
                );
                return true;
            });
            const adopted = await role.create({ ...r.inputs, name, adoptExisting: true });
            assert.equal(adopted.id, r.id);
            assert.equal(adopted.outs.status, "ACTIVE");
            assert.equal(adopted.outs.adopted, true);
            const live = await role.read(r.id, adopted.outs);
            assert.equal((live.props as Props).status, "ACTIVE");
        });

        it("never adopts another stack's role, even with adoptExisting or its id; the hint never suggests taking it", async () => {
            const r = await makeRole({ description: "Okta SCIM [pulumi stack: proj/a]" });
            // this stack (proj/a2) has a name that extends the mark's (proj/a): still another stack's role
            const other = { ...r.inputs, description: "Okta SCIM [pulumi stack: proj/a2]" };
            for (const attempt of [
                other,
                { ...other, adoptExisting: true },
                { ...other, adoptRoleId: r.id },
            ]) {
                await assert.rejects(role.create(attempt), (e: Error) => {
                    assert.match(
                        e.message,
                        /managed by Pulumi stack proj\/a(, not proj\/a2)?: it is not adopted; choose another roleName/,
                    );
                    assert.doesNotMatch(e.message, /set adopt/);
                    return true;
                });
            }
            const live = await role.read(r.id, r.outs);
            assert.equal(
                (live.props as Props).description,
                "Okta SCIM [pulumi stack: proj/a]",
                "the other stack's role untouched",
            );
        });

        it("an unmarked role (made by hand) is adopted only with its explicit id (adoptRoleId)", async () => {
            const r = await makeRole({ description: "made by hand" });
            const mine = {
                ...r.inputs,
                description: "Okta SCIM [pulumi stack: proj/a]",
                adoptExisting: true,
            };
            await assert.rejects(
                role.create(mine),
                /carries no mark of this stack, so it is not adopted; .*only if you made it yourself and no other stack manages it, set adoptRoleId: "/,
            );
            await assert.rejects(
                role.create({ ...mine, adoptRoleId: "not-this-one" }),
                /not the adoptRoleId "not-this-one" you gave/,
            );
            const adopted = await role.create({ ...mine, adoptRoleId: r.id });
            assert.equal(adopted.id, r.id);
            assert.equal(
                adopted.outs.description,
                "Okta SCIM [pulumi stack: proj/a]",
                "adopting writes the mark",
            );
        });

        it("read() shows an out-of-band deactivation and description edit; update() repairs both", async () => {
            const r = await makeRole({ description: "managed" });
            const api = await f.adminApi();
            await api.put(`/authorization/v1/roles/${r.id}`, {
                status: "INACTIVE",
                description: "edited by hand",
            });
            const read = await readDrifted(role, r);
            assert.equal(read.props.status, "INACTIVE");
            assert.equal(read.inputs.description, "edited by hand");
            await role.update!(r.id, read.props, r.inputs);
            const again = await role.read(r.id, r.outs);
            assert.equal((again.props as Props).status, "ACTIVE");
            assert.equal((again.props as Props).description, "managed");
        });

        it("delete deactivates (never deletes); deleting twice is fine", async () => {
            const r = await makeRole();
            await role.delete!(r.id, r.outs);
            await role.delete!(r.id, r.outs);
            const read = await role.read(r.id, r.outs);
            assert.equal(read.id, r.id);
            assert.equal((read.props as Props).status, "INACTIVE");
        });
    });

    describe("Employee", () => {
        let roleId: string;
        before(async () => {
            roleId = (await makeRole()).id;
        });

        it("creates a non-billable, invited employee with the tenant's default authenticator and the role", async () => {
            const e = await makeEmployee(roleId);
            assert.equal(e.outs.billable, false);
            assert.equal(e.outs.invited, true);
            assert.equal(e.outs.status, "PENDING");
            assert.equal(e.outs.roleId, roleId);
            assert.ok(e.outs.effectiveLoginAuthenticatorId);
            const read = await employee.read(e.id, e.outs);
            assert.equal((await employee.diff(e.id, read.props!, e.inputs)).changes, false);
        });

        it("refuses an existing email unless adoptExisting; adopting revives a deactivated employee", async () => {
            const e = await makeEmployee(roleId, { invite: false });
            await employee.delete!(e.id, e.outs);
            await assert.rejects(
                employee.create(e.inputs),
                /already exists .*status BLOCKED.*adoptExisting: true/,
            );
            const adopted = await employee.create({
                ...e.inputs,
                adoptExisting: true,
                firstName: "Adopted",
            });
            assert.equal(adopted.id, e.id);
            assert.notEqual(adopted.outs.status, "BLOCKED");
            assert.equal(adopted.outs.firstName, "Adopted");
        });

        it("never adopts an employee holding another role (another stack's or a person's) unless its id is given", async () => {
            const e = await makeEmployee(roleId, { invite: false });
            const other = await makeRole();
            const theirs = { ...e.inputs, roleId: other.id, adoptExisting: true };
            await assert.rejects(employee.create(theirs), (err: Error) => {
                assert.match(
                    err.message,
                    /with another role .*so it is not adopted\. Use another employeeEmail, or, only if you made it yourself/,
                );
                return true;
            });
            const live = await employee.read(e.id, e.outs);
            assert.equal((live.props as Props).roleId, roleId, "its role unchanged");
            const adopted = await employee.create({ ...theirs, adoptEmployeeId: e.id });
            assert.equal(adopted.id, e.id);
        });

        it("read() shows an out-of-band deactivation and rename as changes; update() revives and restores", async () => {
            const e = await makeEmployee(roleId, { invite: false });
            const api = await f.adminApi();
            const live = (await api.get(`/user-management/v1/users/${e.id}`)).data.user;
            await api.put("/user-management/v1/users", { ...live, firstName: "Renamed" });
            await api.post("/user-management/v1/users/deactivate", { userIds: [e.id] });
            const read = await readDrifted(employee, e);
            assert.equal(read.props.status, "BLOCKED");
            assert.equal(read.inputs.firstName, "Renamed");
            const u = await employee.update!(e.id, read.props, e.inputs);
            assert.equal((u.outs as Props).firstName, "SCIM");
            assert.notEqual((u.outs as Props).status, "BLOCKED");
        });

        it("a new email is a replacement; other fields update in place", async () => {
            const e = await makeEmployee(roleId, { invite: false });
            const d1 = await employee.diff(e.id, e.outs, {
                ...e.inputs,
                email: "other@example.com",
            });
            assert.deepEqual(d1.replaces, ["email"]);
            const d2 = await employee.diff(e.id, e.outs, {
                ...e.inputs,
                lastName: "Key",
                billable: true,
            });
            assert.deepEqual(verdict(d2), IN_PLACE);
            const u = await employee.update!(e.id, e.outs, {
                ...e.inputs,
                lastName: "Key",
                billable: true,
            });
            assert.equal((u.outs as Props).lastName, "Key");
            assert.equal((u.outs as Props).billable, true);
        });
    });

    describe("AccessKey", () => {
        let employeeId: string;
        before(async () => {
            employeeId = (await makeEmployee((await makeRole()).id, { invite: false })).id;
        });

        const makeKey = (extra: Props = {}) =>
            checkedCreate(accessKey, { endpoint: f.endpoint, employeeId, ...extra });
        /** Okta signs in with the key once: a rotation then keeps it working (never used: revoked). */
        async function usedKey(extra: Props = {}) {
            const k = await makeKey(extra);
            const axios = (await import("axios")).default;
            await axios.post(`${f.sandbox.urls.cxone}/authentication/v1/token/access-key`, {
                accessKeyId: k.id,
                accessKeySecret: k.outs.secret,
            });
            forgetKeyReads();
            return k;
        }

        it("creates a working key whose secret authenticates; read keeps the secret and reports lastUsedDate", async () => {
            const k = await makeKey();
            assert.equal(k.id, k.outs.accessKeyId);
            assert.equal(k.outs.isActive, true);
            assert.ok(typeof k.outs.secret === "string" && (k.outs.secret as string).length > 20);
            const axios = (await import("axios")).default;
            const t = await axios.post(
                `${f.sandbox.urls.cxone}/authentication/v1/token/access-key`,
                { accessKeyId: k.id, accessKeySecret: k.outs.secret },
            );
            assert.ok(t.data.access_token);
            const read = await accessKey.read(k.id, k.outs);
            assert.equal((read.props as Props).secret, k.outs.secret);
            assert.ok((read.props as Props).lastUsedDate);
            assert.ok(
                !JSON.stringify(read.inputs).includes(k.outs.secret as string),
                "inputs never carry the secret",
            );
            assert.equal((await accessKey.diff(k.id, read.props!, k.inputs)).changes, false);
        });

        it("a key switched off in CXone shows as a change and update switches it back on", async () => {
            const k = await makeKey();
            const api = await f.adminApi();
            await api.patch(
                "/access-key-management/v1/access-keys",
                { isActive: false },
                {
                    params: {
                        tenantId: f.sandbox.endpoints.cxone.tenantId,
                        userId: employeeId,
                        accessKeyId: k.id,
                    },
                },
            );
            const read = await accessKey.read(k.id, k.outs);
            assert.equal((read.props as Props).isActive, false);
            const d = await accessKey.diff(k.id, read.props!, k.inputs);
            assert.deepEqual(verdict(d), IN_PLACE);
            const u = await accessKey.update!(k.id, read.props!, k.inputs);
            assert.equal((u.outs as Props).isActive, true);
            assert.equal((await accessKey.read(k.id, k.outs)).props!.isActive, true);
        });

        it("another employee replaces; a rotation updates in place and keeps the old key; delete revokes both", async () => {
            const k = await usedKey({ rotation: "1" });
            assert.deepEqual(
                (await accessKey.diff(k.id, k.outs, { ...k.inputs, employeeId: "x" })).replaces,
                ["employeeId"],
            );
            const d = await accessKey.diff(k.id, k.outs, { ...k.inputs, rotation: "2" });
            assert.deepEqual([d.changes, d.replaces], [true, []]);
            const rotated = (await accessKey.update!(k.id, k.outs, { ...k.inputs, rotation: "2" }))
                .outs as Props;
            assert.notEqual(rotated.accessKeyId, k.id, "a new key");
            assert.equal(rotated.previousAccessKeyId, k.id, "the old key is kept");
            const api = await f.adminApi();
            assert.equal(
                (await api.get(`/access-key-management/v1/access-keys/${k.id}`)).data.resultSet
                    .isActive,
                true,
            );
            await accessKey.delete!(k.id, rotated);
            await accessKey.delete!(k.id, rotated); // already revoked: fine
            assert.equal((await accessKey.read(k.id, rotated)).id, "");
            const gone = await api.get(`/access-key-management/v1/access-keys/${k.id}`, {
                validateStatus: () => true,
            });
            assert.equal(gone.status, 404, "the old key is revoked too");
        });

        it("with maxOverlapDays 0, the next update revokes the old key without evidence and says so", async () => {
            const k = await usedKey({ maxOverlapDays: 0 });
            const rotated = (await accessKey.update!(k.id, k.outs, { ...k.inputs, rotation: "1" }))
                .outs as Props;
            const old = rotated.previousAccessKeyId as string;
            assert.equal(old, k.id);
            const d = await accessKey.diff(k.id, rotated, { ...k.inputs, rotation: "1" });
            assert.equal(d.changes, true, "the overlap is over: the old key is due");
            const ended = (await accessKey.update!(k.id, rotated, { ...k.inputs, rotation: "1" }))
                .outs as Props;
            assert.equal(ended.previousAccessKeyId, "");
            assert.match(
                ended.rotationNote as string,
                new RegExp(
                    `access key ${old} was revoked after the maximum overlap of 0 days without evidence`,
                ),
            );
            const api = await f.adminApi();
            assert.equal(
                (
                    await api.get(`/access-key-management/v1/access-keys/${old}`, {
                        validateStatus: () => true,
                    })
                ).status,
                404,
            );
            const read = await accessKey.read(k.id, ended);
            assert.equal((read.props as Props).rotationNote, "", "the warning is for that up only");
        });
    });

    describe("read without stored properties", () => {
        const cases = [
            ["role", role, "r-42"],
            ["employee", employee, "u-42"],
            ["access key", accessKey, "K-42"],
        ] as const;
        for (const [kind, p, id] of cases) {
            it(`a ${kind}: an error naming it and the fix`, async () => {
                await assert.rejects(
                    p.read(id),
                    (e: Error) =>
                        e.message ===
                        `no stored properties for ${kind} ${id}: run \`pulumi refresh\``,
                );
            });
        }
    });

    describe("faults", () => {
        it("retries 429 and 503 (honouring Retry-After) and creates exactly one role", async () => {
            f.sandbox.setFaults([
                {
                    kind: "status",
                    status: 429,
                    retryAfterSeconds: 0,
                    path: "roleByPermissions",
                    times: 1,
                },
                { kind: "status", status: 503, path: "roles/search", times: 2 },
            ]);
            const r = await makeRole();
            f.sandbox.clearFaults();
            const api = await f.adminApi();
            const found = (
                await api.post("/authorization/v1/roles/search", {
                    filter: { displayName: [r.outs.name] },
                })
            ).data.roles;
            assert.equal(found.length, 1);
        });

        it("a reset on a create is not blindly retried: clear error, then the next create makes exactly one employee", async () => {
            // a reset may come after the server acted: create looks the email up instead of re-posting
            f.sandbox.setFaults([
                { kind: "reset", method: "POST", path: "/user-management/v1/users$", times: 1 },
            ]);
            const roleId = (await makeRole()).id;
            const email = uniqueEmail("reset");
            await assert.rejects(
                makeEmployee(roleId, { invite: false, email }),
                /could not create CXone employee .*no response from CXone/,
            );
            f.sandbox.clearFaults();
            await makeEmployee(roleId, { invite: false, email });
            const api = await f.adminApi();
            const found = (
                await api.post("/user-management/v2/users/search", {
                    filter: { emailAddress: [email] },
                })
            ).data.users;
            assert.equal(found.length, 1);
        });

        it("gives up after bounded attempts with a clear error", async () => {
            f.sandbox.setFaults([
                { kind: "status", status: 503, path: "roles/search", retryAfterSeconds: 0 },
            ]);
            const started = Date.now();
            await assert.rejects(makeRole(), (e: Error) => {
                assert.match(
                    e.message,
                    /could not look up CXone roles named .*CXone answered HTTP 503.*after 6 attempts/,
                );
                return true;
            });
            f.sandbox.clearFaults();
            assert.ok(Date.now() - started < 20_000);
        });
    });
});
