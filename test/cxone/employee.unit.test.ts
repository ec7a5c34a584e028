// The Employee's pure rules, exactly: every check() message and default, the email shape, which
// change is which kind in diff(), the UserHub payload, when an update must write, what read()
// maps and each adoption answer.
import { strict as assert } from "assert";
import {
    checkEmployee,
    diffEmployee,
    employeeFields,
    employeeNeedsUpdate,
    employeeOutputs,
} from "../../provider/cxone/employeeLogic";
import {
    DEACTIVATED,
    employeeAdoptionProblem,
    employeeFromLive,
    GONE,
} from "../../provider/cxone/employeeLogic";
import type { EmployeeOutputs, EmployeeState } from "../../provider/cxone/employeeLogic";
import type { EmployeeRecord } from "../../provider/cxone/client";
import { assertRefusals, reasonsFor, tooLong, type CheckRow } from "../support/cxoneChecks";
import { NA1_ENDPOINT as endpoint } from "../support/cxoneEndpoint";
import { assertDiffRows, kinds, UNCHANGED, type DiffRow } from "../support/cxoneDiffs";

const good = {
    endpoint,
    email: "scim-key@example.com",
    firstName: "SCIM",
    lastName: "AccessKey",
    roleId: "r-1",
};
const reasons = reasonsFor(checkEmployee, good);

const state: EmployeeState = {
    endpoint,
    email: "Scim-Key@Example.com",
    firstName: "SCIM",
    lastName: "AccessKey",
    roleId: "r-1",
    billable: false,
    invite: true,
    adoptExisting: false,
};
const live: EmployeeRecord = {
    id: "u-1",
    userName: "scim-key@example.com",
    emailAddress: "scim-key@example.com",
    firstName: "SCIM",
    lastName: "AccessKey",
    role: "SCIM Role",
    roleId: "r-1",
    status: "PENDING",
    billable: false,
    loginAuthenticatorId: "la-1",
};

/** The state a create of `state` leaves, CXone holding `live` (an invited employee). */
const stateAfterCreate: EmployeeOutputs = {
    ...state,
    employeeId: "u-1",
    userName: "scim-key@example.com",
    roleName: "SCIM Role",
    status: "PENDING",
    effectiveLoginAuthenticatorId: "la-1",
    invited: true,
    adopted: false,
};

describe("Employee rules (pure)", () => {
    describe("check()", () => {
        it("applies the defaults: not billable, invited, not adopting, the tenant's authenticator", () => {
            const defaults = { billable: false, invite: true, adoptExisting: false };
            const r = checkEmployee(good);
            assert.deepEqual(r, { inputs: { ...good, ...defaults }, failures: [] });
            assert.ok(!("loginAuthenticatorId" in r.inputs), "absent: the tenant default");
        });

        it("given values are kept", () => {
            const all = {
                ...good,
                billable: true,
                invite: false,
                adoptExisting: true,
                loginAuthenticatorId: "la-2",
                adoptEmployeeId: "u-9",
            };
            assert.deepEqual(checkEmployee(all), { inputs: all, failures: [] });
        });

        it("each bad input is one failure with its own message", () => {
            const rows: CheckRow[] = [
                [{ email: undefined }, "email", "email is required and must be a string"],
                [{ email: " " }, "email", "email is required and must not be empty"],
                [
                    { email: `${"a".repeat(243)}@example.com` },
                    "email",
                    "email must be at most 254 characters (got 255)",
                ],
                [{ firstName: 1 }, "firstName", "firstName is required and must be a string"],
                tooLong("firstName", 50),
                [{ lastName: "" }, "lastName", "lastName is required and must not be empty"],
                tooLong("lastName", 50),
                [{ roleId: undefined }, "roleId", "roleId is required and must be a string"],
                tooLong("roleId", 100),
                [{ billable: "false" }, "billable", "billable must be true or false"],
                [
                    { loginAuthenticatorId: "" },
                    "loginAuthenticatorId",
                    "loginAuthenticatorId must not be empty (omit it for the tenant default)",
                ],
                [
                    { loginAuthenticatorId: 3 },
                    "loginAuthenticatorId",
                    "loginAuthenticatorId must be a string",
                ],
                tooLong("loginAuthenticatorId", 100),
                [{ invite: "yes" }, "invite", "invite must be true or false"],
                [{ adoptExisting: 0 }, "adoptExisting", "adoptExisting must be true or false"],
                tooLong("adoptEmployeeId", 100),
                [
                    { endpoint: [] },
                    "endpoint",
                    "endpoint is required: an object with issuerUrl and areaUrl (see provider/cxone/discovery/regions.ts)",
                ],
            ];
            assertRefusals(reasons, rows);
        });

        it("email shape: one @, something on both sides, a dot in the domain, no spaces anywhere", () => {
            const bad = "email must be an email address such as scim-key@example.com";
            for (const email of [
                "scim-key.example.com",
                "scim-key@example",
                "scim@key@example.com",
                "@example.com",
                "scim@.com",
                "scim@example.",
                "scim key@example.com",
                "scim@exa mple.com",
                "scim@example.c m",
            ])
                assert.deepEqual(reasons({ email }), [["email", bad]], JSON.stringify(email));
            // spaces around it: said to be the problem, with the value as typed
            for (const email of [" scim@example.com", "scim@example.com ", "\tscim@example.com"])
                assert.deepEqual(
                    reasons({ email }),
                    [
                        [
                            "email",
                            `email must not start or end with spaces (got ${JSON.stringify(email)})`,
                        ],
                    ],
                    JSON.stringify(email),
                );
            for (const email of ["a@b.c", "first.last@sub.example.com", "scim+okta@example.co.uk"])
                assert.deepEqual(reasons({ email }), [], email);
        });
    });

    describe("diff()", () => {
        const old = stateAfterCreate;
        const news = {
            ...state,
            email: "scim-key@EXAMPLE.com",
            invite: false,
            adoptExisting: true,
        };
        const d = (o: Record<string, unknown>, n: Record<string, unknown>) =>
            kinds(diffEmployee(o, n));

        it("email case, invite and adoption switches are no change", () => {
            assert.deepEqual(d(old, news), UNCHANGED);
            assert.deepEqual(d(old, { ...news, adoptEmployeeId: "u-1" }), UNCHANGED);
        });
        it("each field alone: a new email replaces, the rest update in place", () => {
            const rows: DiffRow[] = [
                [{ email: "other@example.com" }, ["email"], ["email"]],
                [{ firstName: "A" }, ["firstName"], []],
                [{ lastName: "B" }, ["lastName"], []],
                [{ roleId: "r-2" }, ["roleId"], []],
                [{ billable: true }, ["billable"], []],
            ];
            assertDiffRows((change) => d(old, { ...news, ...change }), rows);
        });
        it("an email missing on either side is a replace", () => {
            assert.deepEqual(d({ ...old, email: undefined }, news).replaces, ["email"]);
            assert.deepEqual(d(old, { ...news, email: undefined }).replaces, ["email"]);
        });
        it("an explicit authenticator is compared with the one in effect, else with the last input", () => {
            assert.deepEqual(d(old, { ...news, loginAuthenticatorId: "la-1" }), UNCHANGED);
            assert.deepEqual(d(old, { ...news, loginAuthenticatorId: "la-2" }), {
                changes: true,
                changed: ["loginAuthenticatorId"],
                replaces: [],
            });
            const noEffective = {
                ...old,
                effectiveLoginAuthenticatorId: undefined,
                loginAuthenticatorId: "la-7",
            };
            assert.deepEqual(d(noEffective, { ...news, loginAuthenticatorId: "la-7" }), UNCHANGED);
            assert.deepEqual(d(noEffective, { ...news, loginAuthenticatorId: "la-1" }).changed, [
                "loginAuthenticatorId",
            ]);
        });
        it("only a deactivated (BLOCKED) employee shows a status change", () => {
            assert.deepEqual(DEACTIVATED, ["BLOCKED"]);
            assert.deepEqual(GONE, ["DELETED"]);
            assert.deepEqual(d({ ...old, status: "BLOCKED" }, news), {
                changes: true,
                changed: ["status"],
                replaces: [],
            });
            for (const status of ["UNREGISTERED", "PENDING", "ACTIVE", "DELETED"])
                assert.deepEqual(d({ ...old, status }, news), UNCHANGED, status);
        });
        it("another tenant replaces, a new apiUrl updates", () => {
            assert.deepEqual(
                d(old, { ...news, endpoint: { ...endpoint, tenantId: "t2" } }).replaces,
                ["endpoint"],
            );
            assert.deepEqual(
                d(old, {
                    ...news,
                    endpoint: { ...endpoint, apiUrl: "https://api-na1.niceincontact.com" },
                }),
                { changes: true, changed: ["endpoint"], replaces: [] },
            );
        });
    });

    describe("payload and update detection", () => {
        it("UserHub fields: the role by name, the authenticator only when there is one", () => {
            // the state's own fields, as UserHub names them (the email as the program spelled it)
            const { email: emailAddress, firstName, lastName, roleId, billable } = state;
            const base = {
                emailAddress,
                firstName,
                lastName,
                roleName: "SCIM Role",
                roleId,
                billable,
            };
            assert.deepEqual(employeeFields(state, "SCIM Role", "la-1"), {
                ...base,
                loginAuthenticatorId: "la-1",
            });
            assert.deepEqual(employeeFields(state, "SCIM Role", undefined), base);
            assert.deepEqual(employeeFields(state, "SCIM Role", ""), base);
            assert.deepEqual(employeeFields({ ...state, billable: true }, "R", undefined), {
                ...base,
                roleName: "R",
                billable: true,
            });
        });

        it("an update writes when any one field differs, and not otherwise", () => {
            assert.equal(employeeNeedsUpdate(state, live, "la-1"), false, "email case aside");
            assert.equal(employeeNeedsUpdate(state, live, undefined), false);
            const rows: [Partial<EmployeeRecord>, string][] = [
                [{ firstName: "X" }, "firstName"],
                [{ lastName: "X" }, "lastName"],
                [{ roleId: "r-2" }, "roleId"],
                [{ billable: true }, "billable"],
                [{ emailAddress: "other@example.com" }, "email"],
                [{ loginAuthenticatorId: "la-2" }, "authenticator"],
            ];
            for (const [change, what] of rows)
                assert.equal(
                    employeeNeedsUpdate(state, { ...live, ...change }, "la-1"),
                    true,
                    what,
                );
            // no authenticator asked for: whatever CXone has is fine
            assert.equal(
                employeeNeedsUpdate(state, { ...live, loginAuthenticatorId: "la-2" }, undefined),
                false,
            );
            assert.equal(
                employeeNeedsUpdate(state, { ...live, loginAuthenticatorId: "la-2" }, ""),
                false,
            );
        });
    });

    describe("outputs and read()", () => {
        it("outputs: the inputs plus what CXone holds", () => {
            assert.deepEqual(
                employeeOutputs(state, live, { invited: true, adopted: false }),
                stateAfterCreate,
            );
        });

        const old: EmployeeOutputs = {
            ...employeeOutputs(state, live, { invited: true, adopted: true }),
            invite: false,
            adoptExisting: true,
        };
        const changed: EmployeeRecord = {
            id: "u-1",
            userName: "login@example.com",
            emailAddress: "moved@example.com",
            firstName: "F",
            lastName: "L",
            role: "Other Role",
            roleId: "r-2",
            status: "BLOCKED",
            billable: true,
            loginAuthenticatorId: "la-3",
        };
        it("read maps every live field; invite, adoption and the flags stay the state's", () => {
            const inputs = {
                endpoint,
                email: "moved@example.com",
                firstName: "F",
                lastName: "L",
                roleId: "r-2",
                billable: true,
                invite: false,
                adoptExisting: true,
            };
            assert.deepEqual(employeeFromLive(old, changed), {
                inputs,
                props: {
                    ...inputs,
                    employeeId: "u-1",
                    userName: "login@example.com",
                    roleName: "Other Role",
                    status: "BLOCKED",
                    effectiveLoginAuthenticatorId: "la-3",
                    invited: true,
                    adopted: true,
                },
            });
        });
        it("an email differing only in case keeps the program's spelling", () => {
            const r = employeeFromLive(old, live);
            assert.equal(r.inputs.email, "Scim-Key@Example.com");
            assert.equal(r.props.email, "Scim-Key@Example.com");
        });
        it("an explicit authenticator and adoptEmployeeId are read back when the state has them", () => {
            const r = employeeFromLive(
                { ...old, loginAuthenticatorId: "la-1", adoptEmployeeId: "u-1" },
                changed,
            );
            assert.equal(r.inputs.loginAuthenticatorId, "la-3");
            assert.equal(r.inputs.adoptEmployeeId, "u-1");
            assert.equal(r.props.adoptEmployeeId, "u-1");
            const bare = employeeFromLive(old, changed);
            assert.ok(!("loginAuthenticatorId" in bare.inputs));
            assert.ok(!("adoptEmployeeId" in bare.inputs));
        });
    });

    describe("adoption", () => {
        const what =
            "a CXone employee with email Scim-Key@Example.com already exists (id u-1, status PENDING)";
        it("an employee holding this stack's role: adopted only with adoptExisting", () => {
            assert.equal(
                employeeAdoptionProblem(state, live),
                `${what} and holds this stack's role: set adoptExisting: true to adopt it`,
            );
            assert.equal(
                employeeAdoptionProblem({ ...state, adoptExisting: true }, live),
                undefined,
            );
        });
        it("an employee with another role is never adopted without its id; the hint names that id", () => {
            const theirs = { ...live, roleId: "r-other", role: "Agent" };
            const hint =
                ": it may belong to another stack or a person, so it is not adopted. Use another " +
                "employeeEmail, or, only if you made it yourself and no other stack manages it, set " +
                'adoptEmployeeId: "u-1"';
            assert.equal(
                employeeAdoptionProblem({ ...state, adoptExisting: true }, theirs),
                `${what} with another role (Agent)${hint}`,
            );
            assert.equal(
                employeeAdoptionProblem(state, { ...theirs, role: "" }),
                `${what} with another role (r-other)${hint}`,
            );
        });
        it("adoptEmployeeId adopts exactly that employee, whatever its role", () => {
            const theirs = { ...live, roleId: "r-other" };
            assert.equal(
                employeeAdoptionProblem({ ...state, adoptEmployeeId: "u-1" }, theirs),
                undefined,
            );
            assert.equal(
                employeeAdoptionProblem({ ...state, adoptEmployeeId: "u-1" }, live),
                undefined,
            );
            assert.equal(
                employeeAdoptionProblem(
                    { ...state, adoptEmployeeId: "u-2", adoptExisting: true },
                    live,
                ),
                `${what}, not the adoptEmployeeId "u-2" you gave`,
            );
        });
    });
});
