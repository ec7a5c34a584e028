// The ScimIntegration component as a TypeScript program uses it: the class, its arguments and their
// checks. (componentPackage.ts, the same component for other languages, is loaded by plugin/.)
export * from "./integration";
export * from "./args";
export * from "./argumentChecks";
