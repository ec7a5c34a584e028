// Drift matrix on the real engine: for every resource type an out-of-band change and an
// out-of-band deletion (deactivation where the API has no deletion) made through the public HTTP
// APIs of the sandbox; `preview --refresh` shows each on the right resource, `up` repairs it, and a
// further `preview --refresh` is clean. One integration stack serves all rows: first every change
// at once, then every deletion at once.
import { strict as assert } from "assert";
import { cxoneClientOf } from "../support/integrationAgents";
import axios from "axios";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { oktaApi } from "../../provider/okta/client";
import { completeConsoleSteps } from "../../sandbox/operator";
import { integrationFixture, IntegrationFixture, writes } from "../support/integrationStack";
import { assertOktaAppRepaired } from "../support/integrationOktaApp";
import { census } from "../support/reliability";
import { pulumiOk } from "../../scripts/lib/pulumiCommand";

/** Short type names of the dynamic resources, as in `pulumi-nodejs:dynamic/<module>:<Type>`. */
const TYPES = [
    "Role",
    "Employee",
    "AccessKey",
    "AutoLoginApp",
    "GroupAssignment",
    "ScimConnection",
    "ProvisioningActions",
] as const;
type TypeName = (typeof TYPES)[number];

/** Planned operation per resource type from a preview's engine events ("same" when none). */
async function plannedOps(f: IntegrationFixture): Promise<Record<TypeName, string>> {
    const ops: Partial<Record<TypeName, string>> = {};
    const pv = await f.stack.preview({
        refresh: true,
        onEvent: (e: EngineEvent) => {
            const m = e.resourcePreEvent?.metadata;
            const type = m?.type.match(/^pulumi-nodejs:dynamic\/\w+:(\w+)$/)?.[1] as
                TypeName | undefined;
            if (
                m &&
                type &&
                TYPES.includes(type) &&
                m.op !== "same" &&
                m.op !== "refresh" &&
                m.op !== "read"
            )
                ops[type] = ops[type] && ops[type] !== m.op ? `${ops[type]},${m.op}` : m.op;
        },
    });
    assert.ok(pv.changeSummary, "a preview summary");
    return Object.fromEntries(TYPES.map((t) => [t, ops[t] ?? "same"])) as Record<TypeName, string>;
}

describe("drift matrix: every resource type changed and deleted out of band (real engine, sandbox)", function () {
    this.timeout(300_000);
    let f: IntegrationFixture;
    let okta: string;
    let groupId: string;
    const oktaHeaders = () => ({ Authorization: `SSWS ${f.sandbox.endpoints.okta.apiToken}` });
    const outs = () => f.outputs() as Promise<Record<string, string>>;

    before(async () => {
        f = await integrationFixture("drift");
        okta = f.sandbox.urls.okta;
        // a seeded group to assign, found the way an operator would
        const groups = (
            await axios.get(`${okta}/api/v1/groups`, {
                params: { q: "CXone" },
                headers: oktaHeaders(),
            })
        ).data as { id: string; profile: { name: string } }[];
        assert.equal(groups.length, 1, JSON.stringify(groups.map((g) => g.profile.name)));
        groupId = groups[0].id;
        await f.stack.stack.setConfig("cxone-okta-scim:groupIds", {
            value: JSON.stringify([groupId]),
        });
        await f.stack.up();
        // authorized, so the provisioning actions are applied and a clean preview is all `same`
        const auth = await completeConsoleSteps(okta, await f.outputs(), {
            email: f.sandbox.endpoints.cxone.adminEmail,
            password: f.sandbox.endpoints.cxone.adminPassword,
        });
        assert.ok(auth.ok, "console steps done");
        await f.stack.up();
        assert.equal((await outs()).connectionStatus, "authorized");
    });
    after(async () => {
        await f?.sandbox.stop();
    });

    it("baseline: preview --refresh shows nothing to do", async () => {
        assert.deepEqual(await plannedOps(f), Object.fromEntries(TYPES.map((t) => [t, "same"])));
    });

    it("a refresh keeps every input the program declared: the group's name and type (create-time hints) stay", async () => {
        const inputs = async () => {
            const exported = await pulumiOk(
                f.stack.workDir,
                f.stack.env,
                "stack",
                "export",
                "--show-secrets",
                "--stack",
                f.stack.stack.name,
            );
            const resources = JSON.parse(exported).deployment.resources ?? [];
            return Object.fromEntries(
                resources.map((r: { urn: string; inputs?: unknown }) => [r.urn, r.inputs]),
            ) as Record<string, Record<string, unknown>>;
        };
        const before = await inputs();
        const [, assignment] = Object.entries(before).find(([urn]) =>
            urn.endsWith(`::cxone-okta-group-${groupId}`),
        )!;
        assert.deepEqual(
            [assignment.groupName, assignment.groupType],
            ["CXone Agents", "OKTA_GROUP"],
        );
        await f.stack.stack.refresh();
        assert.deepEqual(await inputs(), before);
    });

    it("out-of-band changes to all seven: preview --refresh shows each, up repairs each", async () => {
        const o = await outs();
        const client = cxoneClientOf(f);
        await client.updateRole(o.roleId, { description: "edited by hand" });
        const emp = (await client.getEmployee(o.employeeId))!;
        await client.updateEmployee(o.employeeId, {
            emailAddress: emp.emailAddress,
            firstName: "Renamed",
            lastName: emp.lastName,
            roleName: emp.role,
            billable: emp.billable,
        });
        await client.setAccessKeyActive(
            { accessKeyId: o.accessKeyId, userId: o.employeeId },
            false,
        );
        const app = (await oktaApi.getApp(okta, o.appId))!;
        await oktaApi.replaceApp(okta, app, {
            label: "Renamed by hand",
            loginUrl: app.settings.signOn?.loginUrl ?? "",
        });
        // a group assignment has no settings to change: unassigning is its drift
        await oktaApi.unassignGroup(okta, o.appId, groupId);
        // the feature first: Okta refuses provisioning changes while the connection is deactivated
        await oktaApi.putProvisioningFeature(okta, o.appId, {
            create: { lifecycleCreate: { status: "ENABLED" } },
            update: { profile: { status: "DISABLED" }, lifecycleDeactivate: { status: "ENABLED" } },
        });
        // Where Okta reports the connection UNKNOWN its lifecycle is refused: no such drift to make.
        const reported = f.oktaConnection === "reported";
        if (reported)
            await axios.post(
                `${okta}/api/v1/apps/${o.appId}/connections/default/lifecycle/deactivate`,
                {},
                { headers: oktaHeaders() },
            );

        assert.deepEqual(await plannedOps(f), {
            Role: "update",
            Employee: "update",
            AccessKey: "update",
            AutoLoginApp: "update",
            // ScimConnection sees the deactivated key through CXone in either mode
            GroupAssignment: "create",
            ScimConnection: "update",
            ProvisioningActions: "update",
        });
        await f.stack.up();

        // the description is restored with the stack's ownership mark (provider/framework/ownership.ts)
        assert.match(
            (await client.getRole(o.roleId))?.description ?? "",
            /^Okta SCIM provisioning \(managed by Pulumi\) \[pulumi stack: cxone-okta-scim\/[^\]]+\]$/,
        );
        assert.equal((await client.getEmployee(o.employeeId))?.firstName, "SCIM");
        assert.equal((await client.getAccessKey(o.accessKeyId))?.isActive, true);
        await assertOktaAppRepaired(okta, o.appId, reported);
        assert.ok(
            await oktaApi.getGroupAssignment(okta, o.appId, groupId),
            "the group is assigned again",
        );
        assert.deepEqual(
            await plannedOps(f),
            Object.fromEntries(TYPES.map((t) => [t, "same"])),
            "repaired: nothing left to do",
        );
    });

    it("out-of-band deletions (deactivation for role and employee, revocation for the key): shown and repaired", async () => {
        const o = await outs();
        const client = cxoneClientOf(f);
        // an employee goes first: CXone will not deactivate a role an active employee holds
        await client.deactivateEmployee(o.employeeId);
        await client.updateRole(o.roleId, { status: "INACTIVE" });
        await client.revokeAccessKey(o.accessKeyId);
        // Okta deletes only inactive apps; the group assignment, connection and provisioning feature go with the app
        await oktaApi.setAppActive(okta, o.appId, false);
        await oktaApi.deleteApp(okta, o.appId);

        const ops = await plannedOps(f);
        assert.deepEqual(
            {
                Role: ops.Role,
                Employee: ops.Employee,
                AccessKey: ops.AccessKey,
                AutoLoginApp: ops.AutoLoginApp,
                GroupAssignment: ops.GroupAssignment,
            },
            {
                Role: "update",
                Employee: "update",
                AccessKey: "create",
                AutoLoginApp: "create",
                GroupAssignment: "create",
            },
        );
        // both follow the new app id and key: recreated or replaced, in any case not left `same`
        assert.notEqual(ops.ScimConnection, "same");
        assert.notEqual(ops.ProvisioningActions, "same");

        await f.stack.up();
        const after = await outs();
        assert.equal((await client.getRole(o.roleId))?.status, "ACTIVE", "the role is reactivated");
        assert.notEqual(
            (await client.getEmployee(o.employeeId))?.status,
            "BLOCKED",
            "the employee is revived",
        );
        assert.notEqual(after.accessKeyId, o.accessKeyId, "a new key");
        assert.notEqual(after.appId, o.appId, "a new app");
        const c = census(f.sandbox);
        assert.deepEqual(
            { roles: c.roles, employees: c.employees, activeKeys: c.activeKeys, apps: c.apps },
            { roles: 1, employees: 1, activeKeys: 1, apps: 1 },
        );
        assert.deepEqual([c.keyIds[0], c.appIds[0]], [after.accessKeyId, after.appId]);
        assert.ok(
            await oktaApi.getGroupAssignment(okta, after.appId, groupId),
            "the group is assigned to the new app",
        );
        // a new app and key need the console steps again: the stack says so instead of pretending
        assert.equal(after.connectionStatus, "pending");
        assert.ok((after.remainingSteps as unknown as string[]).length > 0);

        // nothing to create, replace or delete any more; and a further up writes nothing
        const again = await plannedOps(f);
        assert.deepEqual(
            Object.values(again).filter((op) => op !== "same" && op !== "update"),
            [],
            JSON.stringify(again),
        );
        f.sandbox.clearRequests();
        await f.stack.up();
        assert.deepEqual(
            writes(f.sandbox).map((w) => `${w.method} ${w.path}`),
            [],
            "converged: a further up writes nothing",
        );
    });
});
