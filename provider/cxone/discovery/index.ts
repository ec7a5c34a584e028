// Where a CXone tenant lives: the region table with discovery of the tenant's hosts, and where a
// CXone credential may be sent.
export * from "./regions";
export * from "./endpointPolicy";
