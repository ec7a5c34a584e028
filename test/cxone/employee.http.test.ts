// The Employee provider's methods against the sandbox over HTTP, asserting the exact results and
// the exact employee CXone holds afterwards: the writes create, adoption, update and destroy make
// (and the ones they must not make), the per-process look-ups (asked once, failures not kept), a
// create whose answer was lost after CXone acted, and the partial create recorded for repair.
import { strict as assert } from "assert";
import employee from "../../provider/cxone/employeeProvider";
import role from "../../provider/cxone/roleProvider";
import type { EmployeeOutputs, EmployeeState } from "../../provider/cxone/employeeLogic";
import { sandboxForSuite, unique, uniqueEmail } from "../support/sandbox";
import { IN_PLACE, NO_CHANGE, replacing } from "../support/cxoneDiffs";
import { answering, partialCreate, whileCxoneFails } from "../support/cxoneFaults";

type Props = Record<string, unknown>;

describe("Employee provider (sandbox, HTTP): exact writes and end states", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();
    // a second authenticator, as an administrator adds one in the console (no public API)
    const otherAuth = "sso-authenticator-for-tests";
    let roleId: string;
    let roleName: string;
    let defaultAuth: string;
    before(async () => {
        const { inputs } = await role.check({}, { endpoint: f.endpoint, name: unique("Emp") });
        const r = await role.create(inputs);
        roleId = r.id;
        roleName = r.outs.roleName;
        defaultAuth = cx().loginAuthenticators.find((a) => a.isDefault)!.id;
        cx().loginAuthenticators.push({
            id: otherAuth,
            name: "SSO",
            authenticatorType: "SAML",
            isDefault: false,
            status: "ACTIVE",
        });
    });

    const cx = () => f.sandbox.context.state.cxone;
    // a new endpoint through a proxy: the provider process's memos start cold for it
    const coldEndpoint = async () => {
        const { proxy, endpoint } = await f.cxoneProxy();
        return { link: proxy, endpoint };
    };
    // what CXone holds for an employee, in the provider's terms
    const held = (id: string) => {
        const u = cx().users[id];
        return {
            email: u.emailAddress,
            firstName: u.firstName,
            lastName: u.lastName,
            role: u.role,
            roleId: u.roleUUID,
            billable: u.billable,
            loginAuthenticatorId: u.loginAuthenticatorId,
            status: u.status,
        };
    };
    const changes = () =>
        f
            .writes()
            .filter((w) => !w.path.endsWith("/search") && !w.path.startsWith("/authentication/"))
            .map((w) => `${w.method} ${w.path.split("?")[0]}`);
    const calls = (path: string) => f.sandbox.requests().filter((r) => r.path === path).length;
    const ROLE_SEARCH = "/authorization/v1/roles/search";
    const AUTH_SEARCH = "/authorization/v1/login-authenticator/search";
    const CREATE_PATH = "^/user-management/v1/users$";
    const byEmail = (email: string) =>
        Object.values(cx().users).filter(
            (u) => u.emailAddress.toLowerCase() === email.toLowerCase(),
        );

    async function inputs(extra: Props = {}, endpoint = f.endpoint): Promise<EmployeeState> {
        const { inputs, failures } = await employee.check(
            {},
            {
                endpoint,
                email: uniqueEmail("emp"),
                firstName: "SCIM",
                lastName: "AccessKey",
                roleId,
                ...extra,
            },
        );
        assert.deepEqual(failures, []);
        return inputs;
    }

    describe("diff", () => {
        it("answers exactly the engine's fields: changes and replaces", async () => {
            const s = await inputs();
            const olds = { ...s, status: "PENDING", effectiveLoginAuthenticatorId: defaultAuth };
            assert.deepEqual(await employee.diff("u", olds, s), NO_CHANGE);
            assert.deepEqual(
                await employee.diff("u", olds, { ...s, email: "new@example.com" }),
                replacing("email"),
            );
            assert.deepEqual(await employee.diff("u", olds, { ...s, billable: true }), IN_PLACE);
        });
    });

    describe("create", () => {
        it("invited: POST then invite; CXone holds exactly the inputs, PENDING; outputs say so", async () => {
            const s = await inputs();
            f.sandbox.clearRequests();
            const e = await employee.create(s);
            assert.deepEqual(changes(), [
                "POST /user-management/v1/users",
                "POST /user-management/v2/users/inviteById",
            ]);
            const readBack = f.sandbox
                .requests()
                .filter((r) => r.method === "GET" && r.path.startsWith("/user-management/"));
            assert.deepEqual(readBack, [], "no read of the employee after the invite");
            assert.deepEqual(held(e.id), {
                email: s.email,
                firstName: "SCIM",
                lastName: "AccessKey",
                role: roleName,
                roleId,
                billable: false,
                loginAuthenticatorId: defaultAuth,
                status: "PENDING",
            });
            assert.deepEqual(e.outs, {
                ...s,
                employeeId: e.id,
                userName: cx().users[e.id].userName,
                roleName,
                status: "PENDING",
                effectiveLoginAuthenticatorId: defaultAuth,
                invited: true,
                adopted: false,
            });
        });

        it("not invited, billable, another authenticator: no invite, CXone holds them", async () => {
            const s = await inputs({
                invite: false,
                billable: true,
                loginAuthenticatorId: otherAuth,
            });
            f.sandbox.clearRequests();
            const e = await employee.create(s);
            assert.deepEqual(changes(), ["POST /user-management/v1/users"]);
            assert.equal(held(e.id).status, "UNREGISTERED");
            assert.equal(held(e.id).billable, true);
            assert.equal(held(e.id).loginAuthenticatorId, otherAuth);
            assert.equal(e.outs.invited, false);
            assert.equal(e.outs.effectiveLoginAuthenticatorId, otherAuth);
        });

        it("with no credentials in the environment, a loopback tenant uses the sandbox's own admin key", async () => {
            await f.withoutKeyVariables(async () => {
                const e = await employee.create(await inputs({ invite: false }));
                assert.equal(e.outs.effectiveLoginAuthenticatorId, defaultAuth);
                assert.equal(held(e.id).status, "UNREGISTERED");
            });
        });

        it("an explicit authenticator is used as given: the default is never looked up", async () => {
            const { endpoint } = await coldEndpoint();
            const s = await inputs({ invite: false, loginAuthenticatorId: otherAuth }, endpoint);
            f.sandbox.clearRequests();
            await employee.create(s);
            assert.equal(calls(AUTH_SEARCH), 0);
        });

        it("a stack of employees asks CXone once for the role's name and the default authenticator", async () => {
            const { endpoint } = await coldEndpoint();
            f.sandbox.clearRequests();
            await Promise.all([
                employee.create(await inputs({ invite: false }, endpoint)),
                employee.create(await inputs({ invite: false }, endpoint)),
            ]);
            await employee.create(await inputs({ invite: false }, endpoint));
            assert.equal(calls(ROLE_SEARCH), 1, "the role's name");
            assert.equal(calls(AUTH_SEARCH), 1, "the default authenticator");
        });

        it("after the Role's create or refresh in this process (the component's case): no look-up of the role", async () => {
            for (const learn of ["create", "refresh"] as const) {
                const origin = (await coldEndpoint()).endpoint;
                const { inputs: ri } = await role.check(
                    {},
                    { endpoint: origin, name: unique("L") },
                );
                const made = await role.create(ri);
                // refresh: a role made by another process (another endpoint here), read by this one
                const endpoint = learn === "create" ? origin : (await coldEndpoint()).endpoint;
                if (learn === "refresh")
                    assert.equal(
                        (await role.read(made.id, { ...made.outs, endpoint })).id,
                        made.id,
                    );
                f.sandbox.clearRequests();
                const e = await employee.create(
                    await inputs({ invite: false, roleId: made.id }, endpoint),
                );
                assert.equal(calls(ROLE_SEARCH), 0, learn);
                assert.equal(held(e.id).role, made.outs.roleName, learn);
                assert.equal(held(e.id).roleId, made.id, learn);
                assert.equal(e.outs.roleName, made.outs.roleName, learn);
            }
        });

        // each per-process look-up failing once: nothing created, and the next create asks again
        const failedLookUps = [
            {
                name: "a failed look-up of the role's name is not remembered: the next create asks again",
                path: ROLE_SEARCH,
                refusal: () => `could not read CXone role ${roleId}: CXone answered HTTP 500`,
                learned: (o: EmployeeOutputs) => assert.equal(o.roleName, roleName),
            },
            {
                name: "a failed look-up of the default authenticator is not remembered either",
                path: AUTH_SEARCH,
                refusal: () =>
                    "could not find the tenant's default CXone login authenticator: CXone answered HTTP 500",
                learned: (o: EmployeeOutputs) =>
                    assert.equal(o.effectiveLoginAuthenticatorId, defaultAuth),
            },
        ];
        for (const c of failedLookUps) {
            it(c.name, async () => {
                const { endpoint } = await coldEndpoint();
                const s = await inputs({ invite: false }, endpoint);
                await whileCxoneFails(f, answering(500, c.path), () =>
                    assert.rejects(employee.create(s), (e: Error) =>
                        e.message.startsWith(c.refusal()),
                    ),
                );
                assert.deepEqual(byEmail(s.email), [], "nothing created");
                c.learned((await employee.create(s)).outs);
            });
        }

        it("a role CXone does not have: an error naming it, nothing created", async () => {
            const s = await inputs({ roleId: "no-such-role" });
            await assert.rejects(
                employee.create(s),
                (e: Error) =>
                    e.message ===
                    "could not find CXone role no-such-role for the employee: CXone answered HTTP 404 (no such role)",
            );
            assert.deepEqual(byEmail(s.email), []);
        });

        it("adopting this stack's employee that is already as desired writes nothing", async () => {
            const s = await inputs({ invite: false });
            const first = await employee.create(s);
            f.sandbox.clearRequests();
            const again = await employee.create({ ...s, adoptExisting: true, invite: true });
            assert.deepEqual(changes(), [], "no revive, no update, no invite");
            assert.equal(again.id, first.id);
            assert.deepEqual(again.outs, {
                ...first.outs,
                adoptExisting: true,
                invite: true,
                invited: false,
                adopted: true,
            });
        });

        it("adopting a deactivated employee revives it and writes the desired fields", async () => {
            const s = await inputs();
            const first = await employee.create(s);
            await employee.delete(first.id, first.outs);
            assert.equal(held(first.id).status, "BLOCKED");
            f.sandbox.clearRequests();
            const adopted = await employee.create({
                ...s,
                adoptExisting: true,
                lastName: "Adopted",
            });
            assert.deepEqual(changes(), [
                `POST /user-management/v1/users/${first.id}/revive`,
                "PUT /user-management/v1/users",
            ]);
            assert.equal(held(first.id).status, "PENDING", "back to what it was");
            assert.equal(held(first.id).lastName, "Adopted");
            assert.equal(adopted.outs.status, "PENDING");
            assert.equal(adopted.outs.adopted, true);
        });

        it("the answer lost after CXone created the employee: it is found, exactly one exists, and invited", async () => {
            const { link, endpoint } = await coldEndpoint();
            link.dropAnswer("POST", new RegExp(CREATE_PATH));
            const s = await inputs({}, endpoint);
            const e = await employee.create(s);
            const found = byEmail(s.email);
            assert.equal(found.length, 1);
            assert.equal(e.id, found[0].id);
            assert.equal(held(e.id).status, "PENDING");
            assert.equal(e.outs.invited, true);
            assert.equal(
                link.calls().filter((x) => x === "POST /user-management/v1/users").length,
                1,
                "never posted twice",
            );
        });

        it("an error answer is rethrown at once: no look-up for an employee that cannot exist", async () => {
            const s = await inputs();
            f.sandbox.clearRequests();
            await whileCxoneFails(f, answering(500, CREATE_PATH, "POST"), () =>
                assert.rejects(employee.create(s), (e: Error) =>
                    e.message.startsWith(
                        `could not create CXone employee ${s.email}: CXone answered HTTP 500`,
                    ),
                ),
            );
            assert.equal(calls("/user-management/v2/users/search"), 1, "only the look-up before");
            assert.deepEqual(byEmail(s.email), []);
        });

        it("the invite fails: the created employee is recorded (PartialCreateError) for the next up", async () => {
            const s = await inputs();
            const invite = answering(500, "^/user-management/v2/users/inviteById$");
            const err = await whileCxoneFails(f, invite, () => partialCreate(employee.create(s)));
            const [made] = byEmail(s.email);
            assert.equal(err.id, made.id);
            assert.match(err.message, new RegExp(`^could not invite CXone employee ${s.email}`));
            assert.deepEqual(err.properties, {
                ...s,
                employeeId: made.id,
                roleName,
                status: "UNREGISTERED",
                effectiveLoginAuthenticatorId: defaultAuth,
                userName: s.email,
                invited: false,
                adopted: false,
            });
        });

        it("no read-back after the invite: the outputs are what was sent and what a refresh reads", async () => {
            const s = await inputs();
            // a read of the employee would fail: create makes none
            const readFails = answering(500, "^/user-management/v1/users/[^/]+$", "GET");
            const e = await whileCxoneFails(f, readFails, () => employee.create(s));
            assert.equal(held(e.id).status, "PENDING");
            assert.deepEqual((await employee.read(e.id, e.outs)).props, e.outs);
        });

        it("given the role's name (Role's roleName), create does not look it up", async () => {
            const { endpoint } = await coldEndpoint();
            const s = await inputs({ invite: false, roleName }, endpoint);
            f.sandbox.clearRequests();
            const e = await employee.create(s);
            assert.equal(calls(ROLE_SEARCH), 0);
            assert.equal(held(e.id).role, roleName);
            assert.equal(e.outs.roleName, roleName);
            assert.deepEqual((await employee.read(e.id, e.outs)).props, e.outs);
        });
    });

    describe("read", () => {
        it("an employee CXone does not have, or marks DELETED, is gone", async () => {
            const e = await employee.create(await inputs({ invite: false }));
            assert.deepEqual(await employee.read("no-such-user", e.outs), { id: "" });
            // CXone has no public API that deletes an employee; its back office marks one DELETED
            cx().users[e.id].status = "DELETED";
            assert.deepEqual(await employee.read(e.id, e.outs), { id: "" });
        });
        it("returns the id, the live employee as props and as inputs", async () => {
            const s = await inputs({ invite: false });
            const e = await employee.create(s);
            assert.deepEqual(await employee.read(e.id, e.outs), {
                id: e.id,
                props: e.outs,
                inputs: s,
            });
        });
    });

    describe("update", () => {
        it("nothing differs: no write; outputs keep invited and adopted", async () => {
            const s = await inputs();
            const e = await employee.create(s);
            f.sandbox.clearRequests();
            const u = await employee.update(e.id, { ...e.outs, adopted: true }, s);
            assert.deepEqual(changes(), []);
            assert.deepEqual(u.outs, { ...e.outs, adopted: true });
            const { invited: _i, adopted: _a, ...noFlags } = e.outs;
            const bare = await employee.update(e.id, noFlags, s);
            assert.equal(bare.outs.invited, false);
            assert.equal(bare.outs.adopted, false);
        });

        it("the role's name comes from state when the role is unchanged: no look-up", async () => {
            const { endpoint } = await coldEndpoint();
            const s = await inputs({ invite: false }, endpoint);
            const e = await employee.create(s);
            // a new apiUrl is an in-place update; this process never looked the role up through it
            const other = await coldEndpoint();
            f.sandbox.clearRequests();
            await employee.update(e.id, e.outs, {
                ...s,
                endpoint: other.endpoint,
                firstName: "Other",
            });
            assert.equal(calls(ROLE_SEARCH), 0);
            assert.equal(held(e.id).role, roleName);
            assert.equal(held(e.id).firstName, "Other");
        });

        it("a state without the role's name (an older version's): looked up, written by name", async () => {
            const s = await inputs({ invite: false });
            const e = await employee.create(s);
            const { roleName: _, ...older } = e.outs;
            await employee.update(e.id, older, { ...s, firstName: "Again" });
            assert.equal(held(e.id).role, roleName);
            assert.equal(held(e.id).roleId, roleId);
            assert.equal(held(e.id).firstName, "Again");
        });

        it("a new role is written by name (as this process's Role create read it)", async () => {
            const { inputs: ri } = await role.check(
                {},
                { endpoint: f.endpoint, name: unique("Emp2") },
            );
            const other = await role.create(ri);
            const s = await inputs({ invite: false });
            const e = await employee.create(s);
            f.sandbox.clearRequests();
            const u = await employee.update(e.id, e.outs, { ...s, roleId: other.id });
            assert.deepEqual(changes(), ["PUT /user-management/v1/users"]);
            assert.equal(held(e.id).roleId, other.id);
            assert.equal(held(e.id).role, other.outs.roleName);
            assert.equal(u.outs.roleName, other.outs.roleName);
            assert.equal(u.outs.roleId, other.id);
        });

        it("a new explicit authenticator is written; none given keeps the one in effect", async () => {
            const s = await inputs({ invite: false });
            const e = await employee.create(s);
            const u = await employee.update(e.id, e.outs, {
                ...s,
                loginAuthenticatorId: otherAuth,
            });
            assert.equal(held(e.id).loginAuthenticatorId, otherAuth);
            assert.equal(u.outs.effectiveLoginAuthenticatorId, otherAuth);
            await employee.update(e.id, u.outs, { ...s, lastName: "Kept" });
            assert.equal(held(e.id).loginAuthenticatorId, otherAuth);
            assert.equal(held(e.id).lastName, "Kept");
        });

        it("deactivated outside Pulumi: revived, and nothing else written when the fields match", async () => {
            const s = await inputs();
            const e = await employee.create(s);
            const api = await f.adminApi();
            await api.post("/user-management/v1/users/deactivate", { userIds: [e.id] });
            const read = await employee.read(e.id, e.outs);
            f.sandbox.clearRequests();
            const u = await employee.update(e.id, read.props!, s);
            assert.deepEqual(changes(), [`POST /user-management/v1/users/${e.id}/revive`]);
            assert.equal(held(e.id).status, "PENDING");
            assert.equal(u.outs.status, "PENDING");
        });

        it("an employee that no longer exists: an error naming it", async () => {
            const s = await inputs({ invite: false });
            const e = await employee.create(s);
            await assert.rejects(
                employee.update("no-such-user", e.outs, s),
                (err: Error) =>
                    err.message ===
                    `could not read CXone employee ${s.email}: CXone answered HTTP 404 (the employee does not exist)`,
            );
        });
    });

    describe("destroy", () => {
        it("an active employee is deactivated with one write, remembering its status", async () => {
            const e = await employee.create(await inputs());
            await fetch(`${f.sandbox.urls.cxone}/sandbox/cxone/activation`, {
                method: "POST",
                headers: { "content-type": "application/json" },
                body: JSON.stringify({ userId: e.id, password: "activated-once" }),
            });
            assert.equal(held(e.id).status, "ACTIVE");
            f.sandbox.clearRequests();
            await employee.delete(e.id, e.outs);
            assert.deepEqual(changes(), ["POST /user-management/v1/users/deactivate"]);
            assert.equal(held(e.id).status, "BLOCKED");
            assert.equal(cx().users[e.id].statusBeforeDeactivation, "ACTIVE");
        });
        it("deactivated or deleted as the refresh read it: done, with no call", async () => {
            const blocked = await employee.create(await inputs({ invite: false }));
            await employee.delete(blocked.id, blocked.outs);
            const deleted = await employee.create(await inputs({ invite: false }));
            cx().users[deleted.id].status = "DELETED";
            const read = async (e: { id: string; outs: Props }) =>
                (await employee.read(e.id, e.outs)).props as Props;
            // a DELETED employee reads as gone: the state keeps the status last recorded
            const [b, d] = [await read(blocked), { ...deleted.outs, status: "DELETED" }];
            f.sandbox.clearRequests();
            await employee.delete(blocked.id, b);
            await employee.delete(deleted.id, d);
            await employee.delete("no-such-user", b);
            assert.deepEqual(f.sandbox.requests(), []);
            assert.equal(held(blocked.id).status, "BLOCKED");
            assert.equal(held(deleted.id).status, "DELETED");
        });
    });
});
