// The judgements of the reads before the first write, without servers: whose an object is (the
// mark, exactly), what is refused and which hint it carries (never one that shares or takes over
// another stack's object), and how the groups are judged.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { EmployeeRecord, RoleRecord } from "../../provider/cxone/client";
import type { OktaApp, OktaGroup } from "../../provider/okta/client";
import { ownerMarker, withMarker } from "../../provider/framework/ownership";
import { PreWriteFacts, shown } from "../../provider/preflight/facts";
import { claim, collisions, forgetClaims } from "../../provider/preflight/collisions";
import { installMocks } from "../support/pulumiMocks";
import {
    appFindings,
    employeeFindings,
    groupFindings,
    roleFindings,
} from "../../provider/preflight/findings";

const facts = (over: Partial<PreWriteFacts> = {}): PreWriteFacts => ({
    owner: "proj/dev",
    endpoint: {
        issuerUrl: "https://cxone.niceincontact.com",
        areaUrl: "https://na1.nice-incontact.com",
    },
    oktaOrgUrl: "https://example.okta.com",
    roleName: "SCIM Access Key",
    employeeEmail: "scim@example.com",
    appLabel: "NICE CXone",
    groupIds: [],
    allowEveryoneGroup: false,
    people: {
        switches: { createUsers: true, updateUserAttributes: true, deactivateUsers: true },
        threshold: 0,
    },
    secret: [],
    ...over,
});
const role = (id: string, description: string, name = "SCIM Access Key"): RoleRecord => ({
    roleId: id,
    roleName: name,
    displayName: name,
    description,
    status: "ACTIVE",
    permissions: [],
});
const employee = (id: string, roleId: string, email = "scim@example.com"): EmployeeRecord => ({
    id,
    userName: email,
    emailAddress: email,
    firstName: "S",
    lastName: "K",
    role: "r",
    roleId,
    status: "ACTIVE",
    billable: false,
    loginAuthenticatorId: "a",
});
const app = (id: string, admin?: string, label = "NICE CXone"): OktaApp => ({
    id,
    name: "x",
    label,
    status: "ACTIVE",
    signOnMode: "AUTO_LOGIN",
    settings: { app: {}, ...(admin ? { notes: { admin } } : {}) },
});
const group = (id: string, type: string, name: string): OktaGroup => ({
    id,
    type,
    profile: { name },
});
const paths = (r: { propertyPath: string }[]) => r.map((x) => x.propertyPath);

describe("reads before the first write: judgements", () => {
    it("a role of this name: ours passes; another stack's is refused with no hint to take it; an unmarked one only by its id", () => {
        const f = facts();
        assert.deepEqual(roleFindings(f, [role("r1", withMarker("d", "proj/dev"))]), []);
        const other = roleFindings(f, [role("r1", withMarker("d", "proj/prod"))]);
        assert.deepEqual(paths(other), ["roleName"]);
        assert.match(
            other[0].reason,
            /managed by Pulumi stack proj\/prod: choose another roleName$/,
        );
        assert.doesNotMatch(other[0].reason, /adopt/);
        const unmarked = roleFindings(f, [role("r1", "made by hand")]);
        assert.match(unmarked[0].reason, /set adoptRoleId: "r1"$/);
    });

    it("marks match exactly: proj/dev is not proj/dev2, nor proj/de", () => {
        for (const owner of ["proj/dev2", "proj/de", "proj/dev/x", "Proj/dev"]) {
            const r = roleFindings(facts(), [role("r1", `d ${ownerMarker(owner)}`)]);
            assert.equal(r.length, 1, owner);
            assert.match(r[0].reason, new RegExp(`Pulumi stack ${owner.replace("/", "\\/")}:`));
        }
    });

    it("adoptRoleId: unknown id, another stack's role, another name, or another role holding the name: each refused", () => {
        const f = facts({ adoptRoleId: "r9" });
        assert.deepEqual(paths(roleFindings(f, [], null)), ["adoptRoleId"]);
        const theirs = roleFindings(f, [], role("r9", withMarker("d", "other/prod")));
        assert.match(
            theirs[0].reason,
            /adoptRoleId: CXone role r9 is managed by Pulumi stack other\/prod, not proj\/dev: it is not adopted$/,
        );
        const renamed = roleFindings(f, [], role("r9", "hand", "Other Name"));
        assert.match(renamed[0].reason, /set roleName to that role's name/);
        const held = roleFindings(f, [role("r1", "hand")], role("r9", "hand"));
        assert.match(held[0].reason, /not the adoptRoleId "r9" you gave/);
        assert.deepEqual(roleFindings(f, [role("r9", "hand")], role("r9", "hand")), []);
    });

    it("an unmarked role the key's employee holds, and that employee, may be this stack's own with a lost mark: each refusal carries the warning that replaces it once the stack is found deployed", () => {
        const f = facts();
        const held = roleFindings(f, [role("r1", "edited by hand")], undefined, [
            employee("e1", "r1"),
        ]);
        assert.deepEqual(paths(held), ["roleName"]);
        assert.match(
            held[0].unlessDeployed ?? "",
            /^CXone role "SCIM Access Key" \(id r1\) carries no stack's mark, but this stack's Okta app exists .*writes the mark \[pulumi stack: proj\/dev\] back$/,
        );
        // held by no employee of this email, or given as adoptRoleId: a plain refusal
        assert.equal(
            roleFindings(f, [role("r1", "hand")], undefined, [employee("e1", "r2")])[0]
                .unlessDeployed,
            undefined,
        );
        const adopting = facts({ adoptRoleId: "r9" });
        assert.equal(
            roleFindings(adopting, [role("r1", "hand")], undefined, [employee("e1", "r1")])[0]
                .unlessDeployed,
            undefined,
        );
        // another stack's role is never waived
        const theirs = roleFindings(f, [role("r1", withMarker("d", "other/prod"))], undefined, [
            employee("e1", "r1"),
        ]);
        assert.equal(theirs[0].unlessDeployed, undefined);
        const namesRole = (id: string) => id === "r1";
        const emp = employeeFindings(
            f,
            [employee("e1", "r1")],
            undefined,
            () => undefined,
            namesRole,
        );
        assert.match(
            emp[0].unlessDeployed ?? "",
            /^CXone employee "scim@example.com" \(id e1\) carries no stack's mark/,
        );
        const other = employeeFindings(
            f,
            [employee("e1", "r2")],
            undefined,
            () => undefined,
            namesRole,
        );
        assert.equal(other[0].unlessDeployed, undefined);
    });

    it("an employee of this email: ours (holds our role) passes; another stack's is refused, also by adoptEmployeeId", () => {
        const marks: Record<string, string> = { mine: "proj/dev", theirs: "other/prod" };
        const markOf = (id: string) => marks[id];
        assert.deepEqual(
            employeeFindings(facts(), [employee("e1", "mine")], undefined, markOf),
            [],
        );
        const other = employeeFindings(facts(), [employee("e1", "theirs")], undefined, markOf);
        assert.match(
            other[0].reason,
            /holds a role of Pulumi stack other\/prod, so it belongs to that stack: use another employeeEmail$/,
        );
        assert.doesNotMatch(other[0].reason, /adoptEmployeeId/);
        const byHand = employeeFindings(facts(), [employee("e1", "hand")], undefined, markOf);
        assert.match(byHand[0].reason, /set adoptEmployeeId: "e1"$/);
        const f = facts({ adoptEmployeeId: "e1" });
        const taken = employeeFindings(
            f,
            [employee("e1", "theirs")],
            employee("e1", "theirs"),
            markOf,
        );
        assert.deepEqual(paths(taken), ["adoptEmployeeId"]);
        assert.match(taken[0].reason, /it is not adopted$/);
        assert.deepEqual(
            employeeFindings(f, [employee("e1", "hand")], employee("e1", "hand"), markOf),
            [],
        );
        assert.deepEqual(paths(employeeFindings(f, [], null, markOf)), ["adoptEmployeeId"]);
        const otherEmail = employeeFindings(f, [], employee("e1", "hand", "x@example.com"), markOf);
        assert.match(otherEmail[0].reason, /does not have the employeeEmail "scim@example.com"/);
    });

    it("the app label must be free: ours and the adoptAppId pass; another stack's or an unmarked app is refused", () => {
        assert.deepEqual(appFindings(facts(), [app("a1", ownerMarker("proj/dev"))]), []);
        const other = appFindings(facts(), [app("a1", ownerMarker("other/dev"))]);
        assert.match(
            other[0].reason,
            /managed by Pulumi stack other\/dev: choose another appLabel$/,
        );
        const unmarked = appFindings(facts(), [app("a1")]);
        assert.match(unmarked[0].reason, /set adoptAppId: "a1"$/);
        assert.deepEqual(appFindings(facts({ adoptAppId: "a1" }), [app("a1")], app("a1")), []);
        const theirs = appFindings(facts({ adoptAppId: "a1" }), [], app("a1", ownerMarker("o/p")));
        assert.deepEqual(paths(theirs), ["adoptAppId"]);
        assert.deepEqual(paths(appFindings(facts({ adoptAppId: "a1" }), [], null)), ["adoptAppId"]);
    });

    it("a secret input's value is left out of every message", () => {
        const f = facts({ secret: ["appLabel", "roleName"], appLabel: "Top Secret App" });
        const msgs = [
            ...appFindings(f, [app("a1", undefined, "Top Secret App")]),
            ...roleFindings(f, [role("r1", "hand")]),
        ].map((r) => r.reason);
        assert.equal(msgs.length, 2);
        for (const m of msgs) assert.doesNotMatch(m, /Top Secret App|SCIM Access Key/);
        assert.equal(shown(f, "appLabel", "x"), "(secret)");
    });

    it("groups: unknown ids refused naming each, Everyone refused unless allowed (then warned), other types refused", () => {
        const f = facts({ groupIds: ["00g1", "Agents", "00g3", "00g4"] });
        const r = groupFindings(f, [
            group("00g1", "OKTA_GROUP", "Agents"),
            undefined,
            group("00g3", "BUILT_IN", "Everyone"),
            group("00g4", "SOMETHING", "x"),
        ]);
        assert.deepEqual(paths(r.refusals), ["groupIds[1]", "groupIds[2]", "groupIds[3]"]);
        assert.match(
            r.refusals[0].reason,
            /groupIds\[1\]: Okta has no group with id "Agents";.*give the group's id, not its name/,
        );
        assert.match(
            r.refusals[1].reason,
            /set allowEveryoneGroup: true if that is what you want$/,
        );
        const allowed = groupFindings({ ...f, allowEveryoneGroup: true, groupIds: ["00g3"] }, [
            group("00g3", "BUILT_IN", "Everyone"),
        ]);
        assert.deepEqual(allowed.refusals, []);
        assert.match(allowed.warnings[0], /groupIds\[0\] is Okta's built-in group "Everyone"/);
    });

    it("two integrations of one program claiming one role, employee or app label: both refused", () => {
        const claims = new Map([
            ["a", facts()],
            ["b", facts({ roleName: "scim access key", employeeEmail: "SCIM@example.com" })],
            ["c", facts({ roleName: "Other", employeeEmail: "o@example.com", appLabel: "Other" })],
        ]);
        assert.deepEqual(paths(collisions("a", claims)), ["roleName", "employeeEmail", "appLabel"]);
        assert.deepEqual(paths(collisions("b", claims)), ["roleName", "employeeEmail", "appLabel"]);
        assert.deepEqual(collisions("c", claims), []);
        assert.match(
            collisions("a", claims)[0].reason,
            /ScimIntegration "a" and "b" in this program both use the CXone role "SCIM Access Key"/,
        );
    });

    it("collisions: each reason in full, names compared trimmed and in any case, only on one tenant or org", () => {
        const a = facts({ roleName: " SCIM Access Key ", secret: ["employeeEmail"] });
        const claims = new Map([
            ["a", a],
            ["b", facts({ roleName: "scim access key", employeeEmail: " SCIM@example.com" })],
        ]);
        const both = 'ScimIntegration "a" and "b" in this program both use';
        assert.deepEqual(collisions("a", claims), [
            {
                propertyPath: "roleName",
                reason: `roleName: ${both} the CXone role " SCIM Access Key ": give each integration its own roleName`,
            },
            {
                propertyPath: "employeeEmail",
                reason: `employeeEmail: ${both} the CXone employee (secret): give each integration its own employeeEmail`,
            },
            {
                propertyPath: "appLabel",
                reason: `appLabel: ${both} the Okta app label "NICE CXone": give each integration its own appLabel`,
            },
        ]);
        // another CXone tenant (issuer or area) and another Okta org: nothing shared
        for (const endpoint of [
            {
                issuerUrl: "https://cxone.niceincontact.com",
                areaUrl: "https://eu1.nice-incontact.com",
            },
            {
                issuerUrl: "https://cxone-gov.niceincontact.com",
                areaUrl: "https://na1.nice-incontact.com",
            },
        ]) {
            const apart = new Map([
                ["a", a],
                ["b", facts({ endpoint, oktaOrgUrl: "https://other.okta.com" })],
            ]);
            assert.deepEqual(collisions("a", apart), []);
        }
        // the app label is Okta's: compared exactly, on the same org only
        const label = new Map([
            ["a", facts({ roleName: "A", employeeEmail: "a@example.com" })],
            ["b", facts({ roleName: "B", employeeEmail: "b@example.com", appLabel: "nice cxone" })],
            ["c", facts({ roleName: "C", employeeEmail: "c@example.com" })],
        ]);
        assert.deepEqual(paths(collisions("a", label)), ["appLabel"]);
        assert.deepEqual(collisions("nobody", label), [], "an integration that made no claim");
    });

    it("claims are the program's: recorded by name, compared with every other, forgotten with the program", () => {
        forgetClaims();
        claim("a", facts());
        assert.deepEqual(collisions("a"), []);
        claim("b", facts());
        assert.deepEqual(paths(collisions("a")), ["roleName", "employeeEmail", "appLabel"]);
        claim("b", facts({ roleName: "Other", employeeEmail: "o@example.com", appLabel: "Other" }));
        assert.deepEqual(collisions("a"), [], "a second claim by one name replaces the first");
        forgetClaims();
        assert.deepEqual(collisions("b"), []);
    });

    it("claims of one program run are not the next run's (inline Automation API programs, one process)", async () => {
        installMocks();
        const programRun = (name: string) =>
            pulumi.runtime.runInPulumiStack(async () => {
                claim(name, facts());
                return { shared: paths(collisions(name)) };
            });
        assert.deepEqual(await programRun("first"), { shared: [] });
        assert.deepEqual(
            await programRun("renamed"),
            { shared: [] },
            "the earlier run's integration is not in this program",
        );
    });

    it("each refusal in full, as the operator reads it: roles, employees, apps, groups", () => {
        const f = facts({ adoptRoleId: "r9", adoptEmployeeId: "e9", adoptAppId: "a9" });
        const prod = withMarker("d", "proj/prod");
        const reasons = (r: { reason: string }[]) => r.map((x) => x.reason);
        // roles
        assert.deepEqual(reasons(roleFindings(f, [], null)), [
            'adoptRoleId: CXone has no role with id "r9"',
        ]);
        assert.deepEqual(roleFindings(facts(), [], null), [], "no adoptRoleId: nothing to find");
        assert.deepEqual(reasons(roleFindings(f, [], role("r9", prod))), [
            "adoptRoleId: CXone role r9 is managed by Pulumi stack proj/prod, not proj/dev: it is not adopted",
        ]);
        assert.deepEqual(reasons(roleFindings(f, [], role("r9", "", "Other"))), [
            'adoptRoleId: CXone role r9 is not the role named by roleName "SCIM Access Key": set roleName to that role\'s name to adopt it',
        ]);
        assert.deepEqual(roleFindings(f, [], role("r9", "", " scim access KEY ")), []);
        const what = (id: string) =>
            `roleName: a CXone role named "SCIM Access Key" already exists (id ${id}, status ACTIVE); CXone never reuses a role name`;
        assert.deepEqual(
            reasons(roleFindings(f, [role("r1", withMarker("d", "proj/dev")), role("r9", "")])),
            [`${what("r1")}, and it is not the adoptRoleId "r9" you gave`],
        );
        assert.deepEqual(reasons(roleFindings(facts(), [role("r1", prod)])), [
            `${what("r1")}. It is managed by Pulumi stack proj/prod: choose another roleName`,
        ]);
        const unmarked = roleFindings(facts(), [role("r1", ""), role("r2", "")], undefined, [
            employee("e1", "r1"),
            employee("e2", "r3"),
        ]);
        assert.deepEqual(unmarked, [
            {
                propertyPath: "roleName",
                reason: `${what("r1")}. It carries no stack's mark, so it is not adopted: choose another roleName, or, only if you made it yourself and no other stack manages it, set adoptRoleId: "r1"`,
                unlessDeployed:
                    "CXone role \"SCIM Access Key\" (id r1) carries no stack's mark, but this stack's Okta app exists and the key's employee holds the role: taken as this stack's own (its description was probably edited outside Pulumi); `pulumi up` writes the mark [pulumi stack: proj/dev] back",
            },
            {
                propertyPath: "roleName",
                reason: `${what("r2")}. It carries no stack's mark, so it is not adopted: choose another roleName, or, only if you made it yourself and no other stack manages it, set adoptRoleId: "r2"`,
            },
        ]);
        // employees
        const marks = (m: Record<string, string>) => (id: string) => m[id];
        const none = marks({});
        assert.deepEqual(reasons(employeeFindings(f, [], null, none)), [
            'adoptEmployeeId: CXone has no employee with id "e9"',
        ]);
        assert.deepEqual(employeeFindings(facts(), [], null, none), []);
        assert.deepEqual(
            reasons(employeeFindings(f, [], employee("e9", "r5"), marks({ r5: "proj/prod" }))),
            [
                "adoptEmployeeId: CXone employee e9 holds a role of Pulumi stack proj/prod, so it belongs to that stack: it is not adopted",
            ],
        );
        // an employee holding no role is asked about no role's mark
        assert.deepEqual(
            reasons(
                employeeFindings(f, [], employee("e9", "", "x@example.com"), () => "proj/prod"),
            ),
            [
                'adoptEmployeeId: CXone employee e9 does not have the employeeEmail "scim@example.com": set employeeEmail to its email to adopt it',
            ],
        );
        assert.deepEqual(
            employeeFindings(f, [], employee("e9", "r5", " SCIM@Example.com "), none),
            [],
        );
        const exists = (id: string) =>
            `employeeEmail: a CXone employee with email "scim@example.com" already exists (id ${id}, status ACTIVE)`;
        assert.deepEqual(
            employeeFindings(
                f,
                [employee("e1", "r1"), employee("e9", "r1")],
                undefined,
                none,
                () => true,
            ),
            [
                {
                    propertyPath: "employeeEmail",
                    reason: `${exists("e1")}, and it is not the adoptEmployeeId "e9" you gave`,
                },
            ],
        );
        const mine = marks({ r2: "proj/prod", r3: "proj/dev" });
        assert.deepEqual(
            employeeFindings(
                facts(),
                [
                    employee("e1", "r1"),
                    employee("e2", "r2"),
                    employee("e3", "r3"),
                    employee("e4", ""),
                ],
                undefined,
                mine,
                () => true,
            ),
            [
                {
                    propertyPath: "employeeEmail",
                    reason: `${exists("e1")} with a role no stack marks: it may belong to a person, so it is not adopted. Use another employeeEmail, or, only if you made it yourself and no other stack manages it, set adoptEmployeeId: "e1"`,
                    unlessDeployed:
                        "CXone employee \"scim@example.com\" (id e1) carries no stack's mark, but this stack's Okta app exists and the key's employee holds the role: taken as this stack's own (its description was probably edited outside Pulumi); `pulumi up` writes the mark [pulumi stack: proj/dev] back",
                },
                {
                    propertyPath: "employeeEmail",
                    reason: `${exists("e2")} and holds a role of Pulumi stack proj/prod, so it belongs to that stack: use another employeeEmail`,
                },
                {
                    propertyPath: "employeeEmail",
                    reason: `${exists("e4")} with a role no stack marks: it may belong to a person, so it is not adopted. Use another employeeEmail, or, only if you made it yourself and no other stack manages it, set adoptEmployeeId: "e4"`,
                },
            ],
        );
        // apps
        assert.deepEqual(reasons(appFindings(f, [], null)), [
            'adoptAppId: Okta has no app with id "a9"',
        ]);
        assert.deepEqual(appFindings(facts(), [], null), []);
        assert.deepEqual(
            reasons(
                appFindings(
                    f,
                    [app("a1", withMarker("", "proj/prod")), app("a2")],
                    app("a9", withMarker("", "proj/prod")),
                ),
            ),
            [
                "adoptAppId: Okta app a9 is managed by Pulumi stack proj/prod, not proj/dev: it is not adopted",
                'appLabel: Okta already has an app labelled "NICE CXone" (id a1), managed by Pulumi stack proj/prod: choose another appLabel',
                'appLabel: Okta already has an app labelled "NICE CXone" (id a2) that carries no stack\'s mark: choose another appLabel, or, only if you made that app yourself and no other stack manages it, set adoptAppId: "a2"',
            ],
        );
        // groups: Okta's built-in group without a profile is still "Everyone"
        const bare = { id: "00gEVERYONE", type: "BUILT_IN" } as OktaGroup;
        const g = groupFindings(facts({ groupIds: ["00gEVERYONE", "00g5"] }), [
            bare,
            group("00g5", "OTHER", "x"),
        ]);
        assert.deepEqual(reasons(g.refusals), [
            'groupIds[0] is Okta\'s built-in group "Everyone": every user of the Okta org, administrators included, would be provisioned into CXone. Assign a narrower group, or set allowEveryoneGroup: true if that is what you want',
            'groupIds[1]: Okta group "00g5" is of type OTHER, not one Okta assigns to an app (OKTA_GROUP or APP_GROUP)',
        ]);
        const allowed = groupFindings(
            facts({ groupIds: ["00gEVERYONE"], allowEveryoneGroup: true }),
            [bare],
        );
        assert.deepEqual(allowed, {
            refusals: [],
            warnings: [
                'groupIds[0] is Okta\'s built-in group "Everyone": every user of the Okta org, administrators included, will be provisioned into CXone (allowEveryoneGroup is true)',
            ],
        });
    });
});
