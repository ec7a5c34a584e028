// The Role provider's methods against the sandbox over HTTP, asserting the exact results and the
// exact role CXone holds afterwards: the writes create, adoption, update and destroy make (and the
// ones they must not make), a create whose answer was lost after CXone acted, a failed create, and
// a list that does not show the new role yet.
import { strict as assert } from "assert";
import role from "../../provider/cxone/roleProvider";
import type { RoleState } from "../../provider/cxone/roleLogic";
import { sandboxForSuite, unique } from "../support/sandbox";
import { IN_PLACE, NO_CHANGE, replacing } from "../support/cxoneDiffs";
import { answering, resetting, whileCxoneFails } from "../support/cxoneFaults";

type Props = Record<string, unknown>;
const CREATE = "Employees: Create and Edit";
const VIEW = "Employees: View";
const CREATE_PATH = "^/authorization/roleByPermissions$";

describe("Role provider (sandbox, HTTP): exact writes and end states", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();

    const cx = () => f.sandbox.context.state.cxone;
    // what CXone holds for a role, in the provider's terms
    const held = (id: string) => {
        const r = cx().roles[id];
        return {
            name: r.displayName,
            description: r.description,
            permissions: r.permissions.map((p) => p.permission).sort(),
            status: r.status,
        };
    };
    // changes only (searches and sign-ins are POSTs too), as "METHOD /path"
    const changes = () =>
        f
            .writes()
            .filter((w) => !w.path.endsWith("/search") && !w.path.startsWith("/authentication/"))
            .map((w) => `${w.method} ${w.path.split("?")[0]}`);
    const searches = () =>
        f.sandbox.requests().filter((r) => r.path === "/authorization/v1/roles/search").length;
    // a role's outputs: its inputs, CXone's id and name for it, and whether it was adopted
    const outputsOf = (inputs: Props, roleId: string, roleName: string, adopted: boolean) => ({
        ...inputs,
        roleId,
        roleName,
        adopted,
    });
    const byName = (name: string) =>
        Object.values(cx().roles).filter((r) => r.displayName.toLowerCase() === name.toLowerCase());

    async function inputs(extra: Props = {}, endpoint = f.endpoint): Promise<RoleState> {
        const { inputs, failures } = await role.check(
            {},
            { endpoint, name: unique("Role"), ...extra },
        );
        assert.deepEqual(failures, []);
        return inputs;
    }

    describe("diff", () => {
        it("answers exactly the engine's fields: changes and replaces", async () => {
            const s = await inputs();
            const olds = { ...s, roleId: "r", roleName: s.name, adopted: false };
            assert.deepEqual(await role.diff("r", olds, s), NO_CHANGE);
            assert.deepEqual(
                await role.diff("r", olds, { ...s, name: "Other" }),
                replacing("name"),
            );
            assert.deepEqual(await role.diff("r", olds, { ...s, status: "INACTIVE" }), IN_PLACE);
        });
    });

    describe("create", () => {
        it("one POST and nothing else; CXone holds exactly the inputs; outputs are the inputs plus id and name", async () => {
            const s = await inputs({ description: "for Okta" });
            f.sandbox.clearRequests();
            const r = await role.create(s);
            assert.deepEqual(changes(), ["POST /authorization/roleByPermissions"]);
            assert.deepEqual(held(r.id), {
                name: s.name,
                description: "for Okta",
                permissions: [CREATE, VIEW],
                status: "ACTIVE",
            });
            assert.deepEqual(r.outs, outputsOf(s, r.id, cx().roles[r.id].roleName, false));
        });

        it("an inactive role with one permission is created so", async () => {
            const s = await inputs({ status: "INACTIVE", permissions: [VIEW] });
            const r = await role.create(s);
            assert.deepEqual(held(r.id), {
                name: s.name,
                description: "",
                permissions: [VIEW],
                status: "INACTIVE",
            });
            assert.equal(r.outs.status, "INACTIVE");
        });

        it("adopting this stack's role that is already as desired writes nothing", async () => {
            const s = await inputs({ description: "SCIM [pulumi stack: p/s]" });
            const first = await role.create(s);
            f.sandbox.clearRequests();
            const again = await role.create({ ...s, adoptExisting: true });
            assert.deepEqual(changes(), []);
            assert.equal(again.id, first.id);
            assert.deepEqual(again.outs, { ...first.outs, adoptExisting: true, adopted: true });
        });

        it("adopting converges description, permissions and status in one PUT", async () => {
            const s = await inputs({
                description: "old [pulumi stack: p/s]",
                permissions: [VIEW],
                status: "INACTIVE",
            });
            const first = await role.create(s);
            f.sandbox.clearRequests();
            const desired = {
                ...s,
                description: "new [pulumi stack: p/s]",
                permissions: [CREATE, VIEW],
                status: "ACTIVE" as const,
                adoptExisting: true,
            };
            const adopted = await role.create(desired);
            assert.deepEqual(changes(), [`PUT /authorization/v1/roles/${first.id}`]);
            assert.deepEqual(held(first.id), {
                name: s.name,
                description: "new [pulumi stack: p/s]",
                permissions: [CREATE, VIEW],
                status: "ACTIVE",
            });
            assert.deepEqual(adopted.outs, outputsOf(desired, first.id, first.outs.roleName, true));
            assert.equal(byName(s.name).length, 1);
        });

        it("a refused adoption writes nothing and says why", async () => {
            const s = await inputs({ description: "made by hand" });
            await role.create(s);
            f.sandbox.clearRequests();
            await assert.rejects(
                role.create({ ...s, description: "x [pulumi stack: p/s]", adoptExisting: true }),
                /carries no mark of this stack, so it is not adopted/,
            );
            assert.deepEqual(changes(), []);
        });

        it("the answer lost after CXone created the role: the role is found, exactly one exists", async () => {
            const { proxy, endpoint } = await f.cxoneProxy();
            proxy.dropAnswer("POST", /^\/authorization\/roleByPermissions$/);
            const s = await inputs({ description: "lost answer" }, endpoint);
            const r = await role.create(s);
            const [only] = byName(s.name);
            assert.equal(byName(s.name).length, 1);
            assert.equal(r.id, only.roleId);
            assert.deepEqual(r.outs, outputsOf(s, only.roleId, only.roleName, false));
            assert.deepEqual(
                proxy.calls().filter((x) => x.startsWith("POST /authorization/roleBy")),
                ["POST /authorization/roleByPermissions"],
                "never posted twice",
            );
        });

        it("no answer and no role: CXone's failure is reported as it is, nothing is created", async () => {
            const s = await inputs();
            await whileCxoneFails(f, resetting("POST", CREATE_PATH), () =>
                assert.rejects(role.create(s), (e: Error) => {
                    assert.match(
                        e.message,
                        new RegExp(
                            `^could not create CXone role "${s.name}": no response from CXone \\(`,
                        ),
                    );
                    return true;
                }),
            );
            assert.deepEqual(byName(s.name), []);
        });

        it("an error answer is rethrown at once: no look-up for a role that cannot exist", async () => {
            const s = await inputs();
            f.sandbox.clearRequests();
            await whileCxoneFails(f, answering(500, CREATE_PATH), () =>
                assert.rejects(role.create(s), (e: Error) =>
                    e.message.startsWith(
                        `could not create CXone role "${s.name}": CXone answered HTTP 500`,
                    ),
                ),
            );
            assert.equal(searches(), 1, "only the look-up before the create");
            assert.deepEqual(byName(s.name), []);
        });

        it("created but not listed yet (a lagging search): a clear error to run up again", async () => {
            const { proxy, endpoint } = await f.cxoneProxy();
            const s = await inputs({}, endpoint);
            // both look-ups show no role: the first truly, the one after the create because it lags
            proxy.replaceAnswer(
                "POST",
                /^\/authorization\/v1\/roles\/search$/,
                { status: 200, body: { roles: [] } },
                { times: 2 },
            );
            await assert.rejects(
                role.create(s),
                (e: Error) =>
                    e.message ===
                    `CXone accepted role "${s.name}" but does not list it; run pulumi up again`,
            );
            assert.equal(byName(s.name).length, 1, "CXone has it: the next up adopts it");
        });
    });

    describe("read", () => {
        it("returns the id, the live role as props and as inputs", async () => {
            const s = await inputs({ description: "d" });
            const r = await role.create(s);
            assert.deepEqual(await role.read(r.id, r.outs), {
                id: r.id,
                props: r.outs,
                inputs: s,
            });
        });
        it("a role CXone does not have is gone", async () => {
            const r = await role.create(await inputs());
            assert.deepEqual(await role.read("no-such-role", r.outs), { id: "" });
        });
    });

    describe("update", () => {
        it("nothing differs: no write; outputs keep the id, CXone's name and adopted", async () => {
            const s = await inputs();
            const r = await role.create(s);
            f.sandbox.clearRequests();
            const u = await role.update(r.id, { ...r.outs, adopted: true }, s);
            assert.deepEqual(changes(), []);
            assert.deepEqual(u.outs, outputsOf(s, r.id, r.outs.roleName, true));
            const { adopted: _, ...noFlag } = r.outs;
            assert.equal((await role.update(r.id, noFlag, s)).outs.adopted, false);
        });

        it("writes only what differs, and CXone then holds the desired role", async () => {
            const s = await inputs({ description: "d" });
            const r = await role.create(s);
            f.sandbox.clearRequests();
            const next = { ...s, permissions: [VIEW], status: "INACTIVE" as const };
            const u = await role.update(r.id, r.outs, next);
            assert.deepEqual(changes(), [`PUT /authorization/v1/roles/${r.id}`]);
            assert.deepEqual(held(r.id), {
                name: s.name,
                description: "d",
                permissions: [VIEW],
                status: "INACTIVE",
            });
            assert.deepEqual(u.outs, outputsOf(next, r.id, r.outs.roleName, false));
        });

        it("the change is judged against the refreshed state (olds): an edit by hand is written back", async () => {
            const s = await inputs({ description: "d" });
            const r = await role.create(s);
            const api = await f.adminApi();
            await api.put(`/authorization/v1/roles/${r.id}`, { description: "edited by hand" });
            f.sandbox.clearRequests();
            await role.update(r.id, { ...r.outs, description: "edited by hand" }, s);
            assert.deepEqual(changes(), [`PUT /authorization/v1/roles/${r.id}`]);
            assert.equal(held(r.id).description, "d");
        });
    });

    describe("destroy", () => {
        it("an active role is deactivated with one write", async () => {
            const r = await role.create(await inputs());
            f.sandbox.clearRequests();
            await role.delete(r.id, r.outs);
            assert.deepEqual(changes(), [`PUT /authorization/v1/roles/${r.id}`]);
            assert.equal(cx().roles[r.id].status, "INACTIVE");
        });
        it("a DRAFT role is deactivated too", async () => {
            const r = await role.create(await inputs());
            // CXone shows roles as DRAFT while an administrator edits them in the console
            cx().roles[r.id].status = "DRAFT";
            await role.delete(r.id, r.outs);
            assert.equal(cx().roles[r.id].status, "INACTIVE");
        });
        it("inactive or deleted as the refresh read it: done, with no call", async () => {
            const inactive = await role.create(await inputs({ status: "INACTIVE" }));
            const deleted = await role.create(await inputs());
            // CXone has no API that deletes a role; its own back office marks one DELETED
            cx().roles[deleted.id].status = "DELETED";
            const refreshed = (await role.read(deleted.id, deleted.outs)).props as Props;
            f.sandbox.clearRequests();
            await role.delete(inactive.id, inactive.outs);
            await role.delete(deleted.id, refreshed);
            await role.delete("no-such-role", inactive.outs);
            assert.deepEqual(f.sandbox.requests(), []);
            assert.equal(cx().roles[inactive.id].status, "INACTIVE");
            assert.equal(cx().roles[deleted.id].status, "DELETED");
        });
    });
});
