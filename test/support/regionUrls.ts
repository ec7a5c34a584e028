// Every URL a resolved CXone region names, for the tests that hold each one to a rule.
import type { ResolvedRegion } from "../../provider/cxone/discovery/regions";

export const urlsOf = (r: ResolvedRegion): string[] => [
    r.scimBaseUrl,
    r.loginUrl,
    r.tokenEndpoint,
    r.authorizeEndpoint,
    r.issuerUrl,
    r.areaUrl,
];
