// A real CXone tenant's endpoint (region na1) as a stack names it: for the pure tests, which call
// nothing, so the URLs only have to pass the checks.
export const NA1_ENDPOINT = {
    issuerUrl: "https://cxone.niceincontact.com",
    areaUrl: "https://na1.nice-incontact.com",
};
