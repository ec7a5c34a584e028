// Role and Employee destroy over HTTP: they act on the state the refresh just read (no read before
// the write), and where that state was stale (deactivated or gone since) they end well, by one read
// after CXone's refusal, in the default world and where CXone refuses a repeated deactivation
// (variant deactivate-repeated-refused, docs/vendor-facts/unconfirmed.md).
import { strict as assert } from "assert";
import employee from "../../provider/cxone/employeeProvider";
import role from "../../provider/cxone/roleProvider";
import { CxoneError } from "../../provider/cxone/errors";
import { sandboxForSuite, unique, uniqueEmail } from "../support/sandbox";

type Props = Record<string, unknown>;

for (const variants of [[], ["deactivate-repeated-refused"]]) {
    describe(`Role and Employee destroy on the refreshed state (sandbox${variants.length ? `, ${variants[0]}` : ""}, HTTP)`, function () {
        this.timeout(30_000);
        const f = sandboxForSuite({ variants });

        const cx = () => f.sandbox.context.state.cxone;
        // every CXone call but sign-ins, as "METHOD /path"
        const calls = () =>
            f.sandbox
                .requests()
                .filter((r) => r.server === "cxone" && !r.path.startsWith("/authentication/"))
                .map((r) => `${r.method} ${r.path.split("?")[0]}`);

        async function newRole(): Promise<{ id: string; outs: Props }> {
            const { inputs } = await role.check({}, { endpoint: f.endpoint, name: unique("Del") });
            return role.create(inputs);
        }
        async function newEmployee(roleId: string): Promise<{ id: string; outs: Props }> {
            const { inputs } = await employee.check(
                {},
                {
                    endpoint: f.endpoint,
                    email: uniqueEmail("del"),
                    firstName: "SCIM",
                    lastName: "AccessKey",
                    roleId,
                    invite: false,
                },
            );
            return employee.create(inputs);
        }
        const refreshed = async (p: typeof role | typeof employee, id: string, outs: Props) =>
            (await p.read(id, outs)).props as Props;

        it("active as refreshed: one write each, no read", async () => {
            const r = await newRole();
            const e = await newEmployee(r.id);
            const eProps = await refreshed(employee, e.id, e.outs);
            const rProps = await refreshed(role, r.id, r.outs);
            f.sandbox.clearRequests();
            await employee.delete(e.id, eProps);
            await role.delete(r.id, rProps);
            assert.deepEqual(calls(), [
                "POST /user-management/v1/users/deactivate",
                `PUT /authorization/v1/roles/${r.id}`,
            ]);
            assert.equal(cx().users[e.id].status, "BLOCKED");
            assert.equal(cx().roles[r.id].status, "INACTIVE");
        });

        it("deactivated as refreshed: no call at all", async () => {
            const r = await newRole();
            const e = await newEmployee(r.id);
            await employee.delete(e.id, e.outs);
            await role.delete(r.id, r.outs);
            const eProps = await refreshed(employee, e.id, e.outs);
            const rProps = await refreshed(role, r.id, r.outs);
            f.sandbox.clearRequests();
            await employee.delete(e.id, eProps);
            await role.delete(r.id, rProps);
            assert.deepEqual(calls(), []);
        });

        it("stale state (deactivated since the refresh): done, with at most one read each", async () => {
            const r = await newRole();
            const e = await newEmployee(r.id);
            await employee.delete(e.id, e.outs);
            await role.delete(r.id, r.outs);
            f.sandbox.clearRequests();
            // e.outs and r.outs still say active
            await employee.delete(e.id, e.outs);
            await role.delete(r.id, r.outs);
            const refused = variants.length > 0;
            assert.deepEqual(calls(), [
                "POST /user-management/v1/users/deactivate",
                ...(refused ? [`GET /user-management/v1/users/${e.id}`] : []),
                `PUT /authorization/v1/roles/${r.id}`,
                ...(refused ? ["POST /authorization/v1/roles/search"] : []),
            ]);
            assert.equal(cx().users[e.id].status, "BLOCKED");
            assert.equal(cx().roles[r.id].status, "INACTIVE");
        });

        it("stale state (gone since the refresh): CXone's 404, one read, done", async () => {
            const r = await newRole();
            f.sandbox.clearRequests();
            await employee.delete("no-such-user", {
                endpoint: f.endpoint,
                email: "gone@example.com",
                status: "ACTIVE",
            });
            await role.delete("no-such-role", r.outs);
            assert.deepEqual(calls(), [
                "POST /user-management/v1/users/deactivate",
                "GET /user-management/v1/users/no-such-user",
                "PUT /authorization/v1/roles/no-such-role",
                "POST /authorization/v1/roles/search",
            ]);
        });

        it("a refusal about something else is reported as CXone gave it, after one read", async () => {
            const r = await newRole();
            await newEmployee(r.id); // an active holder: CXone refuses to deactivate the role
            f.sandbox.clearRequests();
            await assert.rejects(role.delete(r.id, r.outs), (e: Error) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, 409);
                assert.equal(e.code, "ROLE_IN_USE");
                return true;
            });
            assert.deepEqual(calls(), [
                `PUT /authorization/v1/roles/${r.id}`,
                "POST /authorization/v1/roles/search",
            ]);
            assert.equal(cx().roles[r.id].status, "ACTIVE");
        });
    });
}
