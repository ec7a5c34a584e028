// The Role's pure rules, exactly: each name rule's message, each permissions-list rule, the
// defaults check() applies, what roleChange sends, what read() maps and each adoption answer.
import { strict as assert } from "assert";
import {
    checkRole,
    diffRole,
    KNOWN_PERMISSIONS,
    ROLE_NAME_FORBIDDEN,
    roleAdoptionProblem,
    roleChange,
    roleFromLive,
    roleNameProblem,
    roleOutputs,
    RoleOutputs,
    RoleState,
    SCIM_ROLE_PERMISSIONS,
} from "../../provider/cxone/roleLogic";
import type { RoleRecord } from "../../provider/cxone/client";
import { newRoleSteps } from "../../provider/cxone/facts";
import { UNKNOWN } from "../../provider/cxone/validation";
import { assertRefusals, reasonsFor, tooLong, type CheckRow } from "../support/cxoneChecks";
import { NA1_ENDPOINT as endpoint } from "../support/cxoneEndpoint";
import { assertDiffRows, type DiffRow } from "../support/cxoneDiffs";

const FORBIDDEN_HINT = '(CXone forbids / \\ + ! ? < > # & , % ")';
const CREATE = "Employees: Create and Edit";
const VIEW = "Employees: View";

const reasons = reasonsFor(checkRole, { endpoint, name: "SCIM Access Key" });

/** A role as a stack declares it, after check(). */
const state: RoleState = {
    endpoint,
    name: "SCIM",
    description: "d",
    permissions: [CREATE, VIEW],
    status: "ACTIVE",
    adoptExisting: false,
};

/** The role as CXone answers it: the declared one, active, unless `over` says otherwise. */
const liveRole = (over: Partial<RoleRecord> = {}): RoleRecord => ({
    roleId: "r",
    roleName: "SCIM",
    displayName: "SCIM",
    description: "d",
    permissions: [VIEW, CREATE],
    status: "ACTIVE",
    ...over,
});

describe("Role rules (pure)", () => {
    describe("role name [doc]", () => {
        it("each rule gives its own message, naming the property given", () => {
            assert.equal(roleNameProblem(42), "name is required and must be a string");
            assert.equal(
                roleNameProblem(undefined, "roleName"),
                "roleName is required and must be a string",
            );
            assert.equal(roleNameProblem("   "), "name must not be empty");
            assert.equal(roleNameProblem(""), "name must not be empty");
            assert.equal(roleNameProblem(" SCIM"), "name must not start or end with spaces");
            assert.equal(roleNameProblem("SCIM "), "name must not start or end with spaces");
            assert.equal(
                roleNameProblem("x".repeat(51)),
                "name must be at most 50 characters (got 51)",
            );
            assert.equal(roleNameProblem("x".repeat(50)), undefined);
            assert.equal(roleNameProblem("SCIM Access Key"), undefined);
        });

        it("every forbidden character is named, in CXone's order, with the full list as a hint", () => {
            assert.equal(ROLE_NAME_FORBIDDEN.length, 12);
            for (const c of ROLE_NAME_FORBIDDEN) {
                assert.equal(
                    roleNameProblem(`SCIM${c}Key`),
                    `name must not contain ${c} ${FORBIDDEN_HINT}`,
                    c,
                );
            }
            assert.equal(
                roleNameProblem("a&b/c%", "roleName"),
                `roleName must not contain / & % ${FORBIDDEN_HINT}`,
            );
        });
    });

    describe("check()", () => {
        it("applies the defaults: no description, the SCIM permissions, ACTIVE, no adoption", () => {
            const r = checkRole({ endpoint, name: "SCIM Access Key" });
            assert.deepEqual(r.failures, []);
            assert.deepEqual(r.inputs, {
                endpoint,
                name: "SCIM Access Key",
                description: "",
                permissions: [CREATE, VIEW],
                status: "ACTIVE",
                adoptExisting: false,
            });
            r.inputs.permissions.push("changed");
            assert.deepEqual(SCIM_ROLE_PERMISSIONS, [CREATE, VIEW], "defaults are a copy");
        });

        it("null inputs take the defaults and are not refused", () => {
            const r = checkRole({
                endpoint,
                name: "SCIM",
                permissions: null,
                description: null,
                status: null,
                adoptExisting: null,
            });
            assert.deepEqual(r.failures, []);
            assert.deepEqual(r.inputs.permissions, [CREATE, VIEW]);
            assert.equal(r.inputs.status, "ACTIVE");
            assert.equal(r.inputs.description, "");
        });

        it("given values are kept", () => {
            const given = {
                endpoint,
                name: "SCIM",
                description: "d",
                permissions: [VIEW],
                status: "INACTIVE",
                adoptExisting: true,
                adoptRoleId: "r-1",
                allowUnknownPermissions: false,
            };
            assert.deepEqual(checkRole(given), { inputs: given, failures: [] });
        });

        it("each bad input is one failure with its own message", () => {
            const rows: CheckRow[] = [
                [{ name: 7 }, "name", "name is required and must be a string"],
                tooLong("description", 1000),
                [{ description: 5 }, "description", "description must be a string"],
                [
                    { permissions: "Employees: View" },
                    "permissions",
                    "permissions must be a list of permission names",
                ],
                [
                    { permissions: [] },
                    "permissions",
                    "permissions must not be empty (omit it for the SCIM defaults)",
                ],
                [
                    { permissions: [VIEW, ""] },
                    "permissions",
                    "permissions[1] must be a non-empty permission name",
                ],
                [
                    { permissions: [VIEW, "  "] },
                    "permissions",
                    "permissions[1] must be a non-empty permission name",
                ],
                [
                    { permissions: [5, VIEW] },
                    "permissions",
                    "permissions[0] must be a non-empty permission name",
                ],
                [
                    { permissions: [VIEW, CREATE, VIEW] },
                    "permissions",
                    "permissions lists a permission twice",
                ],
                [{ status: "DELETED" }, "status", "status must be one of ACTIVE, INACTIVE"],
                [{ adoptExisting: "yes" }, "adoptExisting", "adoptExisting must be true or false"],
                tooLong("adoptRoleId", 100),
                [
                    { allowUnknownPermissions: 1, permissions: [VIEW] },
                    "allowUnknownPermissions",
                    "allowUnknownPermissions must be true or false",
                ],
            ];
            assertRefusals(reasons, rows);
        });

        it("the endpoint is checked too", () => {
            assert.deepEqual(reasons({ endpoint: undefined }), [
                [
                    "endpoint",
                    "endpoint is required: an object with issuerUrl and areaUrl (see provider/cxone/discovery/regions.ts)",
                ],
            ]);
        });

        it("an unknown permission name is refused, naming it and the known ones, unless allowed", () => {
            const hint =
                "is not a known CXone permission (known [guess:permission-keys]: Employees: Create and Edit, " +
                "Employees: View); set allowUnknownPermissions: true only if your tenant shows that " +
                "exact name";
            assert.deepEqual(reasons({ permissions: [VIEW, "Roles: View"] }), [
                ["permissions", `permissions: "Roles: View" ${hint}`],
            ]);
            assert.deepEqual(reasons({ permissions: ["Roles: View", "Users: Edit", VIEW] }), [
                ["permissions", `permissions: "Roles: View", "Users: Edit" ${hint}`],
            ]);
            assert.deepEqual(
                reasons({ permissions: ["Roles: View"], allowUnknownPermissions: true }),
                [],
            );
            // only an explicit true allows them
            assert.deepEqual(
                reasons({ permissions: ["Roles: View"], allowUnknownPermissions: false }),
                [["permissions", `permissions: "Roles: View" ${hint}`]],
            );
            assert.deepEqual(KNOWN_PERMISSIONS, [CREATE, VIEW]);
        });

        it("unknown names are reported next to another input's failure", () => {
            assert.deepEqual(
                reasons({ status: "DELETED", permissions: ["Roles: View"] }).map(([p]) => p),
                ["status", "permissions"],
            );
        });

        it("a list already refused is not refused twice for unknown names", () => {
            assert.deepEqual(reasons({ permissions: ["Roles: View", "Roles: View"] }), [
                ["permissions", "permissions lists a permission twice"],
            ]);
            assert.deepEqual(reasons({ permissions: ["Roles: View", ""] }), [
                ["permissions", "permissions[1] must be a non-empty permission name"],
            ]);
        });

        it("unknown entries (preview) are neither empty names, duplicates nor unknown permissions", () => {
            assert.deepEqual(reasons({ permissions: [UNKNOWN, UNKNOWN] }), []);
            assert.deepEqual(reasons({ permissions: [UNKNOWN, VIEW, UNKNOWN] }), []);
            assert.deepEqual(reasons({ permissions: [UNKNOWN, VIEW, VIEW] }), [
                ["permissions", "permissions lists a permission twice"],
            ]);
        });
    });

    describe("diff()", () => {
        const old = {
            ...state,
            roleId: "r",
            roleName: "SCIM",
            adopted: false,
        };
        // the same role declared again, its permissions in another order
        const news = { ...state, permissions: [VIEW, CREATE] };
        it("each field alone: name replaces, the rest update in place", () => {
            const rows: DiffRow[] = [
                [{ name: "Other" }, ["name"], ["name"]],
                [{ description: "x" }, ["description"], []],
                [{ permissions: [VIEW] }, ["permissions"], []],
                [{ status: "INACTIVE" }, ["status"], []],
                [{ adoptExisting: true, adoptRoleId: "r", allowUnknownPermissions: true }, [], []],
            ];
            assertDiffRows((change) => diffRole(old, { ...news, ...change }), rows);
        });
        it("unknown permissions in preview are a change", () => {
            assert.deepEqual(diffRole(old, { ...news, permissions: [UNKNOWN] }).changed, [
                "permissions",
            ]);
        });
    });

    describe("roleChange()", () => {
        const live = liveRole();
        const desired = {
            description: "d",
            permissions: [CREATE, VIEW],
            status: "ACTIVE" as const,
        };
        it("nothing differs (permission order aside): no change", () => {
            assert.equal(roleChange(desired, live), undefined);
        });
        it("sends only the field that differs", () => {
            assert.deepEqual(roleChange({ ...desired, description: "" }, live), {
                description: "",
            });
            assert.deepEqual(roleChange({ ...desired, status: "INACTIVE" }, live), {
                status: "INACTIVE",
            });
            const perms = [VIEW];
            const c = roleChange({ ...desired, permissions: perms }, live);
            assert.deepEqual(c, { permissions: [VIEW] });
            c!.permissions!.push("x");
            assert.deepEqual(perms, [VIEW], "a copy of the desired list");
        });
        it("a DELETED or DRAFT live role is set to the desired status", () => {
            assert.deepEqual(roleChange(desired, { ...live, status: "DELETED" }), {
                status: "ACTIVE",
            });
            assert.deepEqual(roleChange(desired, { ...live, status: "DRAFT" }), {
                status: "ACTIVE",
            });
        });
    });

    describe("outputs and read()", () => {
        const live = liveRole({
            roleId: "r-9",
            roleName: "SCIM_9",
            description: "by hand",
            permissions: [VIEW],
            status: "DRAFT",
        });
        it("roleOutputs: the inputs plus CXone's id and name and whether it was adopted", () => {
            assert.deepEqual(roleOutputs(state, live, true), {
                ...state,
                roleId: "r-9",
                roleName: "SCIM_9",
                adopted: true,
            });
            assert.equal(roleOutputs(state, live, false).adopted, false);
        });
        it("read maps every live field into props and inputs; the name and options stay the program's", () => {
            const old: RoleOutputs = { ...state, roleId: "r-9", roleName: "old", adopted: true };
            const inputs = {
                endpoint,
                name: "SCIM",
                description: "by hand",
                permissions: [VIEW],
                status: "DRAFT",
                adoptExisting: false,
            };
            assert.deepEqual(roleFromLive(old, live), {
                inputs,
                props: { ...inputs, roleId: "r-9", roleName: "SCIM_9", adopted: true },
            });
        });
        it("read keeps adoptRoleId and allowUnknownPermissions when the state has them", () => {
            const old: RoleOutputs = {
                ...state,
                adoptExisting: true,
                adoptRoleId: "r-9",
                allowUnknownPermissions: false,
                roleId: "r-9",
                roleName: "SCIM_9",
                adopted: false,
            };
            const r = roleFromLive(old, live);
            assert.equal(r.inputs.adoptRoleId, "r-9");
            assert.equal(r.inputs.allowUnknownPermissions, false);
            assert.equal(r.inputs.adoptExisting, true);
            assert.equal(r.props.adoptRoleId, "r-9");
            assert.equal(r.props.adopted, false);
            const bare = roleFromLive(
                { ...state, roleId: "r-9", roleName: "x", adopted: false },
                live,
            );
            assert.ok(!("adoptRoleId" in bare.inputs), "absent stays absent");
            assert.ok(!("allowUnknownPermissions" in bare.inputs), "absent stays absent");
        });
    });

    describe("adoption", () => {
        const mine = "Okta SCIM [pulumi stack: proj/dev]";
        // another stack whose name starts with this one's: marks are whole names, never prefixes
        const theirs = "Okta SCIM [pulumi stack: proj/dev2]";
        const s: RoleState = { ...state, name: "SCIM Key", description: mine };
        const existing = liveRole({
            roleId: "R1",
            roleName: "SCIM_KEY",
            displayName: "Scim Key",
            description: mine,
            permissions: [],
            status: "INACTIVE",
        });
        const exists =
            'a CXone role named "Scim Key" already exists (status INACTIVE); role names can never be reused';
        const unmarked =
            `${exists}. That role (id R1) carries no mark of this stack, so it is not adopted; ` +
            "choose another roleName, or, only if you made it yourself and no other stack manages " +
            'it, set adoptRoleId: "R1"';
        const other = `${exists}. That role (id R1) is managed by Pulumi stack proj/dev2: it is not adopted; choose another roleName`;

        it("without adoptExisting: this stack's role is named with the switch to adopt it", () => {
            assert.equal(
                roleAdoptionProblem(s, existing),
                `${exists}; it is marked as this stack's (proj/dev): set adoptExisting: true to adopt it`,
            );
        });
        it("without adoptExisting: a hand-made or another stack's role is refused with the right hint", () => {
            assert.equal(roleAdoptionProblem(s, { ...existing, description: "by hand" }), unmarked);
            assert.equal(roleAdoptionProblem(s, { ...existing, description: theirs }), other);
            // neither carries a mark: not "this stack's", a hand-made role
            assert.equal(
                roleAdoptionProblem({ ...s, description: "" }, { ...existing, description: "" }),
                unmarked,
            );
            assert.equal(
                roleAdoptionProblem({ ...s, description: "no mark" }, existing),
                `${exists}. That role (id R1) is managed by Pulumi stack proj/dev: it is not adopted; choose another roleName`,
            );
        });
        it("the role's display name is used, else the program's name", () => {
            assert.match(
                roleAdoptionProblem(s, { ...existing, displayName: "" })!,
                /^a CXone role named "SCIM Key" already exists/,
            );
        });
        it("adoptExisting adopts only this stack's role", () => {
            assert.equal(roleAdoptionProblem({ ...s, adoptExisting: true }, existing), undefined);
            assert.equal(
                roleAdoptionProblem(
                    { ...s, adoptExisting: true },
                    { ...existing, description: "" },
                ),
                unmarked,
            );
            assert.equal(
                roleAdoptionProblem(
                    { ...s, adoptExisting: true },
                    { ...existing, description: theirs },
                ),
                other,
            );
        });
        it("adoptRoleId adopts exactly that role, never another stack's", () => {
            const hand = { ...existing, description: "by hand" };
            assert.equal(roleAdoptionProblem({ ...s, adoptRoleId: "R1" }, hand), undefined);
            assert.equal(
                roleAdoptionProblem({ ...s, adoptRoleId: "R2" }, hand),
                `${exists}. That role already exists with id R1, not the adoptRoleId "R2" you gave`,
            );
            assert.equal(
                roleAdoptionProblem(
                    { ...s, adoptRoleId: "R1" },
                    { ...existing, description: theirs },
                ),
                `${exists}. That role (id R1) is managed by Pulumi stack proj/dev2, not proj/dev: it is not adopted; choose another roleName`,
            );
        });
    });
});

describe("Role: the console steps to make one by hand", () => {
    it("names the role and quotes each permission, joined by `and`", () => {
        assert.equal(
            newRoleSteps("SCIM Sync", ["Users: Create", "Users: Edit"]),
            'In CXone: Admin > Security > Roles and Permissions > New Role, named "SCIM Sync"; ' +
                'Permissions tab: enable "Users: Create" and "Users: Edit"; Save and Activate.',
        );
        assert.equal(
            newRoleSteps("R", ["Only"]),
            'In CXone: Admin > Security > Roles and Permissions > New Role, named "R"; ' +
                'Permissions tab: enable "Only"; Save and Activate.',
        );
    });
});
