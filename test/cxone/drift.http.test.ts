// Drift, one table per resource: every field read() maps is changed out of band through CXone's
// public API, then read() must return exactly the old state with that one field changed (props
// and inputs), and diff() must call it a change. A refresh that drops any field fails its row.
import { strict as assert } from "assert";
import role from "../../provider/cxone/roleProvider";
import employee from "../../provider/cxone/employeeProvider";
import accessKey from "../../provider/cxone/accessKeyProvider";
import { forgetKeyReads } from "../../provider/cxone/keyReads";
import { sandboxForSuite, CxoneFixture } from "../support/sandbox";
import { checkedCreate, createdEmployee, createdRole } from "../support/cxoneCreated";
import { IN_PLACE, verdict } from "../support/cxoneDiffs";

type Props = Record<string, unknown>;
type Api = Awaited<ReturnType<CxoneFixture["adminApi"]>>;

describe("drift: read() maps every field after an out-of-band change (sandbox, HTTP)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();
    let api: Api;
    before(async () => {
        api = await f.adminApi();
    });

    const makeRole = (extra: Props = {}) => createdRole(f.endpoint, "Drift", extra);
    const makeEmployee = (roleId: string, extra: Props = {}) =>
        createdEmployee(f.endpoint, { roleId, prefix: "drift" }, { invite: false, ...extra });

    // the one changed field must be the only difference between the old state and what read() says
    function assertOnly(
        read: { props?: unknown; inputs?: unknown },
        old: { outs: Props; inputs: Props },
        props: Props,
        inputs: Props,
    ) {
        assert.deepEqual(read.props, { ...old.outs, ...props });
        assert.deepEqual(read.inputs, {
            ...stripOutputs(old.inputs, read.inputs as Props),
            ...inputs,
        });
    }
    // read() inputs hold exactly the input keys it maps; compare those keys only
    function stripOutputs(inputs: Props, readInputs: Props): Props {
        return Object.fromEntries(Object.keys(readInputs).map((k) => [k, inputs[k]]));
    }

    describe("Role", () => {
        const rows: { what: string; change: Props; props: Props; inputs: Props }[] = [
            {
                what: "description",
                change: { description: "edited by hand" },
                props: { description: "edited by hand" },
                inputs: { description: "edited by hand" },
            },
            {
                what: "permissions (one removed)",
                change: { permissions: ["Employees: View"] },
                props: { permissions: ["Employees: View"] },
                inputs: { permissions: ["Employees: View"] },
            },
            {
                what: "permissions (one added)",
                change: {
                    permissions: ["Employees: View", "Employees: Create and Edit", "Roles: View"],
                },
                props: {
                    permissions: ["Employees: View", "Employees: Create and Edit", "Roles: View"],
                },
                inputs: {
                    permissions: ["Employees: View", "Employees: Create and Edit", "Roles: View"],
                },
            },
            {
                what: "status",
                change: { status: "INACTIVE" },
                props: { status: "INACTIVE" },
                inputs: { status: "INACTIVE" },
            },
        ];
        for (const row of rows) {
            it(`${row.what}`, async () => {
                const r = await makeRole({ description: "managed" });
                const same = await role.read(r.id, r.outs);
                assertOnly(same, r, {}, {});
                await api.put(`/authorization/v1/roles/${r.id}`, row.change);
                const read = await role.read(r.id, r.outs);
                assert.equal(read.id, r.id);
                const sorted = (p: unknown) => ({
                    ...(p as Props),
                    permissions: [...((p as Props).permissions as string[])].sort(),
                });
                assert.deepEqual(sorted(read.props), sorted({ ...r.outs, ...row.props }));
                assert.deepEqual(
                    sorted(read.inputs),
                    sorted({ ...stripOutputs(r.inputs, read.inputs as Props), ...row.inputs }),
                );
                const d = await role.diff(r.id, read.props as Props, r.inputs as never);
                assert.deepEqual(verdict(d), IN_PLACE);
            });
        }

        it("a role CXone no longer has reads as gone", async () => {
            const r = await makeRole();
            assert.equal((await role.read("11111111-2222-3333-4444-555555555555", r.outs)).id, "");
        });
    });

    describe("Employee", () => {
        let roleId: string;
        let otherRole: { id: string; outs: Props };
        before(async () => {
            roleId = (await makeRole()).id;
            otherRole = await makeRole();
        });

        // out-of-band edits: the full-update PUT with the live employee as the base, or a console action
        const put = (change: (live: Props) => Props) => async (id: string) => {
            const live = (await api.get(`/user-management/v1/users/${id}`)).data.user as Props;
            await api.put("/user-management/v1/users", { ...live, ...change(live) });
        };
        type Row = {
            what: string;
            act: (id: string) => Promise<void>;
            props: () => Props;
            inputs: () => Props;
            changes?: boolean;
        };
        /** A field edited in CXone: read() shows it (`seen`, in the provider's names) as input and state. */
        const edited = (what: string, change: Props, seen: Props = change): Row => ({
            what,
            act: put(() => change),
            props: () => seen,
            inputs: () => seen,
        });
        const rows: Row[] = [
            edited("firstName", { firstName: "Renamed" }),
            edited("lastName", { lastName: "Other" }),
            edited("billable", { billable: true }),
            edited(
                "email address",
                { emailAddress: "moved-elsewhere@example.com" },
                { email: "moved-elsewhere@example.com" },
            ),
            {
                what: "userName",
                act: put(() => ({ userName: "renamed.login@example.com" })),
                props: () => ({ userName: "renamed.login@example.com" }),
                inputs: () => ({}),
                changes: false,
            },
            {
                what: "role (id and name)",
                act: put(() => ({ role: otherRole.outs.roleName })),
                props: () => ({ roleId: otherRole.id, roleName: otherRole.outs.roleName }),
                inputs: () => ({ roleId: otherRole.id }),
            },
            {
                what: "status (deactivated)",
                act: async (id) => {
                    await api.post("/user-management/v1/users/deactivate", { userIds: [id] });
                },
                props: () => ({ status: "BLOCKED" }),
                inputs: () => ({}),
            },
        ];
        for (const row of rows) {
            it(`${row.what}`, async () => {
                const e = await makeEmployee(roleId);
                assertOnly(await employee.read(e.id, e.outs), e, {}, {});
                await row.act(e.id);
                const read = await employee.read(e.id, e.outs);
                assert.equal(read.id, e.id);
                assertOnly(read, e, row.props(), row.inputs());
                const d = await employee.diff(e.id, read.props as Props, e.inputs as never);
                // userName is an output only (CXone's login name): shown, never repaired
                assert.equal(d.changes, row.changes ?? true, `diff on the ${row.what} change`);
            });
        }

        it("an email that differs only in case keeps the program's spelling (no change)", async () => {
            const e = await makeEmployee(roleId);
            await put((live) => ({ emailAddress: (live.emailAddress as string).toUpperCase() }))(
                e.id,
            );
            const read = await employee.read(e.id, e.outs);
            assertOnly(read, e, {}, {});
            assert.equal(
                (await employee.diff(e.id, read.props as Props, e.inputs as never)).changes,
                false,
            );
        });

        it("an explicit login authenticator is read back from CXone", async () => {
            const auth = (
                await api.post("/authorization/v1/login-authenticator/search", { filter: {} })
            ).data.loginAuthenticators[0].id as string;
            const e = await makeEmployee(roleId, { loginAuthenticatorId: auth });
            assert.equal(e.outs.effectiveLoginAuthenticatorId, auth);
            const read = await employee.read(e.id, e.outs);
            assertOnly(read, e, {}, {});
            assert.equal((read.inputs as Props).loginAuthenticatorId, auth);
        });
    });

    describe("AccessKey", () => {
        let employeeId: string;
        before(async () => {
            employeeId = (await makeEmployee((await makeRole()).id)).id;
        });

        const makeKey = () => checkedCreate(accessKey, { endpoint: f.endpoint, employeeId });
        const tenantId = () => f.sandbox.endpoints.cxone.tenantId;

        const rows: {
            what: string;
            act: (id: string, secret: string) => Promise<void>;
            props: (id: string) => Props;
            inputs: Props;
            changes: boolean;
        }[] = [
            {
                what: "switched off",
                act: async (id) => {
                    await api.patch(
                        "/access-key-management/v1/access-keys",
                        { isActive: false },
                        { params: { tenantId: tenantId(), userId: employeeId, accessKeyId: id } },
                    );
                },
                props: () => ({ isActive: false }),
                inputs: { active: false },
                changes: true,
            },
            {
                what: "used (lastUsedDate)",
                act: async (id, secret) => {
                    await api.post("/authentication/v1/token/access-key", {
                        accessKeyId: id,
                        accessKeySecret: secret,
                    });
                },
                props: () => ({ lastUsedDate: "<set>" }),
                inputs: {},
                changes: false,
            },
        ];
        for (const row of rows) {
            it(`${row.what}`, async () => {
                const k = await makeKey();
                assertOnly(await accessKey.read(k.id, k.outs), k, {}, {});
                await row.act(k.id, k.outs.secret as string);
                // a new refresh: the provider process shares one key read per refresh (5 s), and
                // each `pulumi` command is a new process
                forgetKeyReads();
                const read = await accessKey.read(k.id, k.outs);
                assert.equal(read.id, k.id);
                const props = { ...(read.props as Props) };
                if (
                    typeof props.lastUsedDate === "string" &&
                    !Number.isNaN(Date.parse(props.lastUsedDate))
                )
                    props.lastUsedDate = "<set>";
                assert.deepEqual(props, { ...k.outs, ...row.props(k.id) });
                assert.deepEqual(read.inputs, {
                    ...stripOutputs(k.inputs, read.inputs as Props),
                    ...row.inputs,
                });
                assert.ok(
                    !JSON.stringify(read.inputs).includes(k.outs.secret as string),
                    "inputs never carry the secret",
                );
                assert.equal(
                    (await accessKey.diff(k.id, read.props as Props, k.inputs as never)).changes,
                    row.changes,
                );
            });
        }
    });
});
