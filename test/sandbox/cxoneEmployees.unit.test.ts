// The sandbox CXone's employee rules shared by UserHub and SCIM (sandbox/cxone/employees.ts): each
// refusal of a body as the field error UserHub answers (field, code, message), and what a revive
// returns an employee to. Over HTTP: cxoneUserHub.http.test.ts and cxoneUsers.http.test.ts.
import { strict as assert } from "assert";
import {
    deactivate,
    employeeProblems,
    findRole,
    revive,
    type EmployeeInput,
} from "../../sandbox/cxone/employees";
import { AGENT_ROLE_NAME, seedCxone, type CxoneState } from "../../sandbox/cxone/state";
import { cxoneEmployee } from "../support/cxoneEmployee";

describe("sandbox CXone: employee rules (employees)", () => {
    // a fresh tenant per test, built inside it so each test is credited with what it runs
    let s: CxoneState;
    beforeEach(() => {
        s = seedCxone();
    });

    const valid = (over: EmployeeInput = {}): EmployeeInput => ({
        firstName: "Ana",
        lastName: "Agent",
        emailAddress: "ana@example.com",
        role: AGENT_ROLE_NAME,
        ...over,
    });

    it("accepts the four required fields alone", () => {
        assert.deepEqual(employeeProblems(s, valid()), []);
    });

    it("names each missing or blank required field with REQUIRED and its own message", () => {
        assert.deepEqual(employeeProblems(s, { firstName: "  ", lastName: 7, emailAddress: "" }), [
            { field: "firstName", code: "REQUIRED", message: "firstName is required" },
            { field: "lastName", code: "REQUIRED", message: "lastName is required" },
            { field: "emailAddress", code: "REQUIRED", message: "emailAddress is required" },
            { field: "role", code: "REQUIRED", message: "role is required" },
        ]);
    });

    it("refuses an email that is no address", () => {
        assert.deepEqual(employeeProblems(s, valid({ emailAddress: "ana.example.com" })), [
            {
                field: "emailAddress",
                code: "INVALID",
                message: "emailAddress is not a valid email address",
            },
        ]);
    });

    it("refuses a role that does not exist, and one that is not active", () => {
        assert.deepEqual(employeeProblems(s, valid({ role: "Nobody" })), [
            { field: "role", code: "NOT_FOUND", message: "Role Nobody not found" },
        ]);
        const agent = findRole(s, AGENT_ROLE_NAME)!;
        agent.status = "INACTIVE";
        assert.deepEqual(employeeProblems(s, valid({ role: "agent" })), [
            { field: "role", code: "INACTIVE", message: "Role agent is not active" },
        ]);
    });

    it("refuses an empty or non-text userName, and one another employee holds", () => {
        const empty = {
            field: "userName",
            code: "INVALID",
            message: "userName must be a non-empty string",
        };
        assert.deepEqual(employeeProblems(s, valid({ userName: "" })), [empty]);
        assert.deepEqual(employeeProblems(s, valid({ userName: 12 })), [empty]);
        const admin = s.users[s.seed.adminUserId];
        assert.deepEqual(employeeProblems(s, valid({ userName: admin.userName.toUpperCase() })), [
            {
                field: "userName",
                code: "DUPLICATE",
                message: `userName ${admin.userName.toUpperCase()} already exists`,
            },
        ]);
        // the holder itself may keep its name
        assert.deepEqual(employeeProblems(s, valid({ userName: admin.userName }), admin.id), []);
    });

    it("refuses billable that is not a boolean", () => {
        assert.deepEqual(employeeProblems(s, valid({ billable: "yes" })), [
            { field: "billable", code: "INVALID", message: "billable must be a boolean" },
        ]);
        assert.deepEqual(employeeProblems(s, valid({ billable: false })), []);
    });

    it("takes teamId and timeZone as text or null, and refuses anything else", () => {
        assert.deepEqual(employeeProblems(s, valid({ teamId: "t-1", timeZone: null })), []);
        assert.deepEqual(employeeProblems(s, valid({ teamId: 5, timeZone: { tz: "UTC" } })), [
            { field: "teamId", code: "INVALID", message: "teamId must be a string" },
            { field: "timeZone", code: "INVALID", message: "timeZone must be a string" },
        ]);
    });

    it("refuses a login authenticator the tenant does not have, and takes one it has", () => {
        assert.deepEqual(employeeProblems(s, valid({ loginAuthenticatorId: "la-none" })), [
            {
                field: "loginAuthenticatorId",
                code: "NOT_FOUND",
                message: "Login authenticator not found",
            },
        ]);
        const la = s.loginAuthenticators[0].id;
        assert.deepEqual(employeeProblems(s, valid({ loginAuthenticatorId: la })), []);
    });

    it("takes secondary roles only as a list of existing role ids", () => {
        const refused = [
            {
                field: "secondaryRoleIds",
                code: "INVALID",
                message: "secondaryRoleIds must list existing role ids",
            },
        ];
        const agentId = findRole(s, AGENT_ROLE_NAME)!.roleId;
        assert.deepEqual(employeeProblems(s, valid({ secondaryRoleIds: [agentId] })), []);
        assert.deepEqual(employeeProblems(s, valid({ secondaryRoleIds: [] })), []);
        assert.deepEqual(employeeProblems(s, valid({ secondaryRoleIds: agentId })), refused);
        assert.deepEqual(
            employeeProblems(s, valid({ secondaryRoleIds: [agentId, "r-none"] })),
            refused,
        );
        // a role's name is no id
        assert.deepEqual(
            employeeProblems(s, valid({ secondaryRoleIds: [AGENT_ROLE_NAME] })),
            refused,
        );
        assert.deepEqual(employeeProblems(s, valid({ secondaryRoleIds: [agentId, 3] })), refused);
    });

    it("revives an employee to the status it had before deactivation, or ACTIVE when none was kept", () => {
        const pending = cxoneEmployee({ status: "PENDING" });
        deactivate(pending);
        assert.equal(pending.status, "BLOCKED");
        revive(pending);
        assert.equal(pending.status, "PENDING");
        assert.equal(pending.statusBeforeDeactivation, undefined);

        // stored blocked with no earlier status (an older store, or blocked by CXone's own console)
        const blocked = cxoneEmployee({ status: "BLOCKED" });
        revive(blocked);
        assert.equal(blocked.status, "ACTIVE");
    });
});
