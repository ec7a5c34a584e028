// The connection test: with the key (verify.ts) or sparing it (verifySparingKey.ts), both reporting
// the same steps (steps.ts) and sharing the SCIM step (scimStep.ts).
export * from "./verify";
export * from "./verifySparingKey";
