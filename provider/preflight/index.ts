// The preflight (preflight.ts): the read-only questions asked of real tenants before a first
// `pulumi up`. The reads before the first write of every `up` (gate.ts, integrationGate.ts) are
// the component's, imported by their own paths.
export * from "./preflight";
