// One CXone employee as the sandbox stores it, for tests of its SCIM view; `over` changes fields.
import type { CxoneUser } from "../../sandbox/cxone/state";

export function cxoneEmployee(over: Partial<CxoneUser> = {}): CxoneUser {
    return {
        id: "u-1",
        userName: "ana@example.com",
        firstName: "Ana",
        lastName: "Agent",
        emailAddress: "ana@example.com",
        role: "Agent",
        roleUUID: "r-1",
        secondaryRoleIds: [],
        status: "ACTIVE",
        billable: true,
        teamId: null,
        timeZone: null,
        loginAuthenticatorId: "la-1",
        createdDate: "2026-01-01T00:00:00.000Z",
        modifiedDate: "2026-01-02T00:00:00.000Z",
        ...over,
    };
}
