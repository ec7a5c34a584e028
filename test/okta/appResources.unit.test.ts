// The Okta children's declarations (provider/okta/appResources.ts) called directly under Pulumi's
// mocks, in both modes: which resource each function declares, its name, inputs, parent and
// provider, what a transform sees and changes, what the provisioning actions wait for, and when
// they count as applied. No engine, no servers: only the declaring code runs.
import { strict as assert } from "assert";
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import {
    createGroupAssignments,
    createOktaApp,
    createProvisioningActions,
    OktaAppOptions,
    OktaResourceKind,
} from "../../provider/okta/appResources";
import { AutoLoginApp } from "../../provider/okta/autoLoginApp";
import { GroupAssignment } from "../../provider/okta/groupAssignment";
import { ProvisioningActions } from "../../provider/okta/provisioningActions";
import { Declared, MockWorld, recordRegistrations, settled } from "../support/pulumiMocks";

describe("Okta children declared in either mode (mocks)", function () {
    const declared: Declared[] = [];
    const world: MockWorld = { connectionStatus: "pending" };
    let n = 0;

    /** Fresh mocks, a parent component and, for pulumi-okta, an explicit provider. */
    function setUp(kind: OktaResourceKind, withProvider = false) {
        recordRegistrations(declared, world, false);
        declared.length = 0;
        const name = `t${n++}`;
        const parent = new pulumi.ComponentResource("test:index:Parent", `${name}-parent`);
        const provider = withProvider
            ? new okta.Provider(`${name}-okta`, { orgName: "dev-1", baseUrl: "okta.com" })
            : undefined;
        const o: OktaAppOptions = {
            kind,
            provider,
            orgUrl: "https://dev-1.okta.com",
            label: "NICE CXone",
            loginUrl: "https://cxone.niceincontact.com/login",
            adoptExisting: true,
            owner: "proj/stack",
            adoptAppId: "0oaHand",
            parent,
        };
        return { name, parent, provider, o };
    }
    const byName = async (name: string): Promise<Declared> => {
        await new Promise((r) => setTimeout(r, 50));
        const d = declared.find((x) => x.name === name);
        assert.ok(d, `${name} declared: ${declared.map((x) => x.name).join(", ")}`);
        return d;
    };
    /** The declared inputs named in `expected` are those values (the others are not compared). */
    const assertInputs = (d: Declared, expected: Record<string, unknown>) =>
        assert.deepEqual(
            Object.fromEntries(Object.keys(expected).map((k) => [k, d.inputs[k]])),
            expected,
        );
    const parentOf = (r: pulumi.Resource) => settled(Reflect.get(r, "__parentResource").urn);

    describe("the app", () => {
        it("builtin: an AutoLoginApp with every adoption setting, under the parent, never through the Okta provider", async () => {
            const { name, parent, o } = setUp("builtin", true);
            const a = createOktaApp(name, o);
            assert.ok(a instanceof AutoLoginApp);
            const d = await byName(`${name}-app`);
            assert.match(d.type, /okta:AutoLoginApp$/);
            const { kind: _k, provider: _p, parent: _parent, ...settings } = o;
            assertInputs(d, settings);
            assert.doesNotMatch(d.provider ?? "", /pulumi:providers:okta/);
            assert.equal(await parentOf(a), await settled(parent.urn));
        });

        it("pulumi-okta: okta.app.AutoLogin with the label and sign-on URL, through the explicit provider", async () => {
            const { name, parent, o } = setUp("pulumi-okta", true);
            const a = createOktaApp(name, o);
            assert.ok(a instanceof okta.app.AutoLogin);
            const d = await byName(`${name}-app`);
            assert.equal(d.type, "okta:app/autoLogin:AutoLogin");
            assert.equal(d.inputs.label, "NICE CXone");
            assert.equal(d.inputs.signOnUrl, "https://cxone.niceincontact.com/login");
            assert.match(d.provider ?? "", new RegExp(`pulumi:providers:okta::${name}-okta::`));
            assert.equal(await parentOf(a), await settled(parent.urn));
        });

        it("pulumi-okta without an explicit provider: the default one", async () => {
            const { name, o } = setUp("pulumi-okta");
            createOktaApp(name, o);
            const d = await byName(`${name}-app`);
            assert.doesNotMatch(d.provider ?? "", new RegExp(`${name}-okta`));
        });

        it("a transform sees the arguments, options and name before the declaration, and its changes count", async () => {
            for (const kind of ["builtin", "pulumi-okta"] as const) {
                const { name, parent, o } = setUp(kind);
                const seen: string[] = [];
                createOktaApp(name, o, (args, opts, childName) => {
                    seen.push(childName);
                    assert.equal(opts.parent, parent);
                    args.label = "shaped";
                });
                assert.deepEqual(seen, [`${name}-app`], kind);
                assert.equal((await byName(`${name}-app`)).inputs.label, "shaped", kind);
            }
        });
    });

    describe("the group assignments", () => {
        it("builtin: one GroupAssignment per group, named by the group's id, with the org and app", async () => {
            const { name, o } = setUp("builtin", true);
            const seen: string[] = [];
            const aliases: unknown[] = [];
            const gs = createGroupAssignments(name, o, "0oaApp", ["00g1", "00g2"], (_a, op, n) => {
                seen.push(n);
                aliases.push(op.aliases);
            });
            assert.equal(gs.length, 2);
            assert.ok(gs.every((g) => g instanceof GroupAssignment));
            assert.deepEqual(seen, [`${name}-group-00g1`, `${name}-group-00g2`]);
            // stacks made under numbered names keep their assignments in place
            assert.deepEqual(aliases, [
                [{ name: `${name}-group-0` }],
                [{ name: `${name}-group-1` }],
            ]);
            for (const g of ["00g1", "00g2"]) {
                const d = await byName(`${name}-group-${g}`);
                assert.match(d.type, /okta:GroupAssignment$/);
                assert.deepEqual(
                    [d.inputs.orgUrl, d.inputs.appId, d.inputs.groupId],
                    ["https://dev-1.okta.com", "0oaApp", g],
                );
                assert.doesNotMatch(d.provider ?? "", /pulumi:providers:okta/);
            }
        });

        it("pulumi-okta: okta.app.GroupAssignment per group through the explicit provider", async () => {
            const { name, o } = setUp("pulumi-okta", true);
            const seen: string[] = [];
            const gs = createGroupAssignments(name, o, "0oaApp", ["00g1"], (_a, _o, n) =>
                seen.push(n),
            );
            assert.ok(gs[0] instanceof okta.app.GroupAssignment);
            assert.deepEqual(seen, [`${name}-group-00g1`]);
            const d = await byName(`${name}-group-00g1`);
            assert.equal(d.type, "okta:app/groupAssignment:GroupAssignment");
            assert.deepEqual([d.inputs.appId, d.inputs.groupId], ["0oaApp", "00g1"]);
            assert.match(d.provider ?? "", new RegExp(`pulumi:providers:okta::${name}-okta::`));
        });

        it("an id known only after deployment keeps its position in the name", () => {
            const { name, o } = setUp("builtin");
            const seen: string[] = [];
            createGroupAssignments(
                name,
                o,
                "0oaApp",
                ["00g1", pulumi.output("00g2")],
                (_a, _o, n) => seen.push(n),
            );
            assert.deepEqual(seen, [`${name}-group-00g1`, `${name}-group-1`]);
        });

        it("builtin: each group's name and type as the program's reads found them, so the create reads no group", async () => {
            const { name, o } = setUp("builtin", true);
            const known = pulumi.output({ "00g1": { name: "Agents", type: "OKTA_GROUP" } });
            createGroupAssignments(name, o, "0oaApp", ["00g1", "00g2"], undefined, known);
            const one = await byName(`${name}-group-00g1`);
            assert.deepEqual(
                [one.inputs.groupId, one.inputs.groupName, one.inputs.groupType],
                ["00g1", "Agents", "OKTA_GROUP"],
            );
            // a group the reads did not find (or no reads at all): the create reads it
            const two = await byName(`${name}-group-00g2`);
            assert.deepEqual([two.inputs.groupName, two.inputs.groupType], [undefined, undefined]);
        });

        it("no groups: none declared", () => {
            const { name, o } = setUp("builtin");
            assert.deepEqual(createGroupAssignments(name, o, "0oaApp", []), []);
        });
    });

    describe("the provisioning actions", () => {
        const switches = { createUsers: true, updateUserAttributes: false, deactivateUsers: true };
        function connection(name: string, status: string) {
            const resource = new pulumi.ComponentResource("test:index:Conn", `${name}-conn`);
            const after = new pulumi.ComponentResource("test:index:After", `${name}-after`);
            return { status: pulumi.output(status), resource, after: [after] };
        }
        type Args = Parameters<typeof createProvisioningActions>;
        /** The actions made for app 0oaApp after this connection, and what they were told to wait for. */
        function actionsAfter(name: string, o: Args[1], conn: Args[3]) {
            let dependsOn: unknown;
            const r = createProvisioningActions(name, o, "0oaApp", conn, switches, (_a, opts) => {
                dependsOn = opts.dependsOn;
            });
            return { r, dependsOn };
        }

        it("builtin: ProvisioningActions with the switches and the connection's status, after the connection and mappings", async () => {
            const { name, o } = setUp("builtin", true);
            const conn = connection(name, "pending");
            const { r, dependsOn } = actionsAfter(name, o, conn);
            assert.ok(r.resource instanceof ProvisioningActions);
            assert.deepEqual(dependsOn, [conn.resource, ...conn.after]);
            const d = await byName(`${name}-provisioning`);
            assert.match(d.type, /okta:ProvisioningActions$/);
            assertInputs(d, {
                orgUrl: "https://dev-1.okta.com",
                appId: "0oaApp",
                connectionStatus: "pending",
                ...switches,
            });
            assert.doesNotMatch(d.provider ?? "", /pulumi:providers:okta/);
        });

        it("builtin without resources to wait for besides the connection", () => {
            const { name, o } = setUp("builtin");
            const { status, resource } = connection(name, "pending");
            const { dependsOn } = actionsAfter(name, o, { status, resource });
            assert.deepEqual(dependsOn, [resource]);
        });

        it("pulumi-okta: okta.app.Features USER_PROVISIONING with the capabilities, through the explicit provider", async () => {
            const { name, o } = setUp("pulumi-okta", true);
            const conn = connection(name, "pending");
            const { r, dependsOn } = actionsAfter(name, o, conn);
            assert.ok(r.resource instanceof okta.app.Features);
            assert.deepEqual(dependsOn, [conn.resource, ...conn.after]);
            const d = await byName(`${name}-provisioning`);
            assert.equal(d.type, "okta:app/features:Features");
            assert.equal(d.inputs.appId, "0oaApp");
            assert.equal(d.inputs.name, "USER_PROVISIONING");
            assert.deepEqual(d.inputs.capabilities, {
                create: { lifecycleCreate: { status: "ENABLED" } },
                update: {
                    profile: { status: "DISABLED" },
                    lifecycleDeactivate: { status: "ENABLED" },
                },
            });
            assert.match(d.provider ?? "", new RegExp(`pulumi:providers:okta::${name}-okta::`));
        });

        it("pulumi-okta: applied once the connection is authorized or rotating, not before", async () => {
            const seen: Record<string, boolean | undefined> = {};
            for (const status of ["pending", "disabled", "key-revoked", "authorized", "rotating"]) {
                const { name, o } = setUp("pulumi-okta");
                const r = createProvisioningActions(
                    name,
                    o,
                    "0oaApp",
                    connection(name, status),
                    switches,
                );
                seen[status] = await settled(r.applied);
            }
            assert.deepEqual(seen, {
                pending: false,
                disabled: false,
                "key-revoked": false,
                authorized: true,
                rotating: true,
            });
        });
    });
});
