// The inputs of one ScimConnection, the unit suites' common case: app 0oa1 ("NICE CXone") in
// Okta's dev-1 org, connecting to NICE's na1 area with the access key "KEY".

/** A secret that must never show in a failure, a step or a log. */
export const OKTA_TEST_SECRET = "TOP-SECRET-VALUE";

/** The connection's inputs as a stack gives them (no defaults applied); `overrides` replace any. */
export function oktaConnectionInputs<T extends object = object>(overrides?: T) {
    return {
        orgUrl: "https://dev-1.okta.com",
        appId: "0oa1",
        appLabel: "NICE CXone",
        scimBaseUrl: "https://na1.nice-incontact.com/scim/v2",
        tokenEndpoint: "https://cxone.niceincontact.com/auth/token",
        authorizeEndpoint: "https://cxone.niceincontact.com/auth/authorize",
        clientId: "KEY",
        clientSecret: OKTA_TEST_SECRET,
        cxoneEndpoint: {
            issuerUrl: "https://cxone.niceincontact.com",
            areaUrl: "https://na1.nice-incontact.com",
        },
        ...overrides,
    };
}
