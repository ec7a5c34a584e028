// The reads before the first write against the sandbox, each probe called as the gate calls it:
// the CXone probe finds the role of the name and the employee of the email (and each adopt id, or
// that there is none), each role's mark read once, the Okta probe the app of the label, each group
// once and its name, the people probe what the change does; the questions two probes share are
// sent once per run. Reads only.
import { strict as assert } from "assert";
import { cxoneProbe, oktaProbe, peopleProbe } from "../../provider/preflight/probes";
import { runReads } from "../../provider/preflight/runReads";
import type { PreWriteFacts } from "../../provider/preflight/facts";
import { preWriteFacts, type PlainGateInputs } from "../../provider/preflight/integrationGate";
import { newEmployee, newRole } from "../support/cxoneObjects";
import roleProvider from "../../provider/cxone/roleProvider";
import { withMarker } from "../../provider/framework/ownership";
import { isWrite } from "../support/variantFlow";
import { oktaNewApp } from "../support/oktaApps";
import { sandboxForSuite, unique, uniqueEmail } from "../support/sandbox";

describe("reads before the first write: each probe against the sandbox", function () {
    this.timeout(30_000);
    const f = sandboxForSuite({}, { reset: true });
    // the facts as the component makes them from its inputs
    const facts = (over: Partial<PlainGateInputs> = {}): PreWriteFacts =>
        preWriteFacts(
            {
                oktaOrgUrl: f.orgUrl,
                roleName: unique("Probe role"),
                employeeEmail: uniqueEmail("probe"),
                appLabel: unique("Probe app"),
                groupIds: [],
                createUsers: true,
                updateUserAttributes: true,
                deactivateUsers: true,
                deactivationThreshold: 0,
                ...over,
            },
            { owner: "proj/probes", endpoint: f.endpoint },
            [],
        );

    /** A new role of this label and a new employee (email, last name) holding it. */
    const heldRole = async (label: string, email: string, lastName: string) => {
        const role = await newRole(f.endpoint, label);
        const person = await newEmployee(f.endpoint, {
            roleId: role.id,
            email,
            firstName: "P",
            lastName,
        });
        return { role, person };
    };

    /** An employee holding a role marked as another stack's (proj/other). */
    const anotherStacksEmployee = async () => {
        const other = await roleProvider.create(
            (
                await roleProvider.check(
                    {},
                    {
                        endpoint: f.endpoint,
                        name: unique("Probe other"),
                        description: withMarker("x", "proj/other"),
                    },
                )
            ).inputs,
        );
        return newEmployee(f.endpoint, {
            roleId: other.id,
            email: "probe.theirs",
            firstName: "P",
            lastName: "O",
        });
    };

    it("CXone: unknown adopt ids refused; the role of the name and its employee found, the mark of a role held read", async () => {
        const { role, person } = await heldRole("Probe taken", "probe.taken", "T");
        const theirs = await anotherStacksEmployee();
        f.sandbox.clearRequests();
        const free = await cxoneProbe.run(
            facts({ adoptRoleId: "no-such-role", adoptEmployeeId: "no-such-employee" }),
            runReads(),
        );
        assert.deepEqual(free, {
            refusals: [
                {
                    propertyPath: "adoptRoleId",
                    reason: 'adoptRoleId: CXone has no role with id "no-such-role"',
                },
                {
                    propertyPath: "adoptEmployeeId",
                    reason: 'adoptEmployeeId: CXone has no employee with id "no-such-employee"',
                },
            ],
        });
        const taken = await cxoneProbe.run(
            facts({ roleName: role.outs.roleName, employeeEmail: person.outs.email }),
            runReads(),
        );
        // the employee holds the role of the name: each may be this stack's with a lost mark
        assert.deepEqual(
            taken.refusals!.map((r) => [
                r.propertyPath,
                r.reason.includes(r.propertyPath === "roleName" ? role.id : person.id),
                !!r.unlessDeployed,
            ]),
            [
                ["roleName", true, true],
                ["employeeEmail", true, true],
            ],
        );
        // an employee holding another stack's role (not the role of the name): that role's mark read
        const held = await cxoneProbe.run(
            facts({
                employeeEmail: theirs.outs.email,
                adoptRoleId: role.id,
                roleName: role.outs.roleName,
            }),
            runReads(),
        );
        assert.deepEqual(
            held.refusals!.map((r) =>
                r.reason.replace(theirs.id, "<id>").replace(theirs.outs.email, "<email>"),
            ),
            [
                'employeeEmail: a CXone employee with email "<email>" already exists (id <id>, status PENDING) and holds a role of Pulumi stack proj/other, so it belongs to that stack: use another employeeEmail',
            ],
        );
        assert.deepEqual(f.sandbox.requests().filter(isWrite), []);
    });

    it("CXone: each role read once; the adopted employee's role mark read; a held role CXone no longer has", async () => {
        const roleReads = () =>
            f.sandbox
                .requests()
                .filter((r) => r.server === "cxone" && r.path === "/authorization/v1/roles/search")
                .length;
        const { role: plain, person } = await heldRole("Probe plain", "probe.plain", "P");
        const theirs = await anotherStacksEmployee();
        const { role: gone, person: orphan } = await heldRole("Probe gone", "probe.orphan", "G");
        delete f.sandbox.context.state.cxone.roles[gone.id];
        f.sandbox.context.save();
        const refusals = async (over: Partial<PlainGateInputs>, reads: number) => {
            f.sandbox.clearRequests();
            const r = await cxoneProbe.run(facts(over), runReads());
            assert.equal(roleReads(), reads, `role reads for ${JSON.stringify(over)}`);
            return r.refusals!.map((x) => [x.propertyPath, !!x.unlessDeployed]);
        };
        // the role of the name, held by the employee: read once, by its name
        await refusals({ roleName: plain.outs.roleName, employeeEmail: person.outs.email }, 1);
        // the adoptRoleId role, held by the employee: read once, by its id (the name finds none)
        await refusals({ adoptRoleId: plain.id, employeeEmail: person.outs.email }, 2);
        // an unmarked role held that is not the role of the name (none has it): no lost mark to find
        assert.deepEqual(await refusals({ employeeEmail: person.outs.email }, 2), [
            ["employeeEmail", false],
        ]);
        // the adopted employee holds another stack's role: that role's mark is read, it refuses
        f.sandbox.clearRequests();
        const adopted = await cxoneProbe.run(
            facts({ adoptEmployeeId: theirs.id, employeeEmail: theirs.outs.email }),
            runReads(),
        );
        assert.deepEqual(adopted.refusals, [
            {
                propertyPath: "adoptEmployeeId",
                reason: `adoptEmployeeId: CXone employee ${theirs.id} holds a role of Pulumi stack proj/other, so it belongs to that stack: it is not adopted`,
            },
        ]);
        // the employee holds a role CXone no longer has, not the (unmarked) role of the name: no
        // mark, and no lost mark of this stack's to find
        const orphaned = { roleName: plain.outs.roleName, employeeEmail: orphan.outs.email };
        assert.deepEqual(await refusals(orphaned, 2), [
            ["roleName", false],
            ["employeeEmail", false],
        ]);
        assert.deepEqual(f.sandbox.requests().filter(isWrite), []);
    });

    it("Okta: the app of the label and the adopt id, each group by id (in batches) with its name and type", async () => {
        const appId = await oktaNewApp(f, "Probe app", false);
        const label = (await f.api("GET", `/api/v1/apps/${appId}`)).data.label as string;
        const all = (await f.api("GET", "/api/v1/groups")).data as {
            id: string;
            type: string;
            profile: { name: string };
        }[];
        const agents = all.find((g) => g.type === "OKTA_GROUP")!;
        const everyone = all.find((g) => g.type === "BUILT_IN")!;
        const missing = Array.from({ length: 8 }, (_, i) => `00gnosuchgroup00000${i}`);
        f.sandbox.clearRequests();
        const r = await oktaProbe.run(
            facts({
                appLabel: label,
                adoptAppId: "0oanosuchapp",
                groupIds: [agents.id, ...missing, everyone.id],
            }),
            runReads(),
        );
        assert.deepEqual(
            r.refusals!.map((x) => x.propertyPath),
            [
                "adoptAppId",
                "appLabel",
                ...missing.map((_, i) => `groupIds[${i + 1}]`),
                "groupIds[9]",
            ],
        );
        assert.equal(r.refusals![0].reason, 'adoptAppId: Okta has no app with id "0oanosuchapp"');
        assert.match(
            r.refusals![1].reason,
            new RegExp(`\\(id ${appId}\\) that carries no stack's mark`),
        );
        assert.deepEqual(r.warnings, []);
        // each group read once, however many batches
        assert.equal(
            f.sandbox
                .requests()
                .filter((x) => x.method === "GET" && x.path.startsWith("/api/v1/groups/")).length,
            10,
        );
        assert.deepEqual(r.groups, {
            [agents.id]: { name: agents.profile.name, type: "OKTA_GROUP" },
            [everyone.id]: { name: "Everyone", type: "BUILT_IN" },
        });
        // the adopt id names the app of the label: taken, no refusal for the label
        const adopted = await oktaProbe.run(
            facts({ appLabel: label, adoptAppId: appId }),
            runReads(),
        );
        assert.deepEqual(adopted, { refusals: [], warnings: [], groups: {} });
        assert.deepEqual(f.sandbox.requests().filter(isWrite), []);
    });

    it("people: what the change does to the people Okta provisions, and no refusal where no one loses access", async () => {
        const p = await peopleProbe.run(facts(), runReads());
        assert.deepEqual(
            { refusals: p.refusals, deployed: p.deployed, lines: p.people?.lines },
            {
                refusals: [],
                deployed: false,
                lines: ["No one loses CXone access: Okta provisions 0 people through the app."],
            },
        );
    });
});
