// A real CXone tenant's endpoint (region na1) as a stack names it, and an employee declared on it:
// for the pure tests, which call nothing, so the values only have to pass the checks.
export const NA1_ENDPOINT = {
    issuerUrl: "https://cxone.niceincontact.com",
    areaUrl: "https://na1.nice-incontact.com",
};

/** An employee on that endpoint as a stack declares it after check(): invited, neither billable nor adopting. */
export const declaredEmployee = (over: Record<string, unknown> = {}) => ({
    endpoint: NA1_ENDPOINT,
    email: "scim@example.com",
    firstName: "SCIM",
    lastName: "Key",
    roleId: "r",
    billable: false,
    invite: true,
    adoptExisting: false,
    ...over,
});
