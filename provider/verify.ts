// The old module path: kept until the next major version (stored stacks and programs load it).
export * from "./verify/verify";
