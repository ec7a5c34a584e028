// Mutation testing (`npm run mutate`): Stryker changes the product's TypeScript (provider/, program/)
// one small bug at a time and runs the FAST tests (unit, logic, check, property, sandbox, provider
// against the sandbox) on the compiled code; a mutant the tests do not notice "survives".
// Real-engine tests (test/cli, integration, reliability, scim, examples, engine, langhost host,
// cxone engine, bench) are left out: minutes per run, far too slow to run per mutant.
// How: Stryker writes every mutant into the TS sources of a sandbox copy (mutation switching), the
// build command compiles that copy into its dist/, and mocha runs dist/test there, as `npm test` does.
// The TypeScript checker drops mutants that would not compile (not counted in the score).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    packageManager: "npm",
    mutate: ["provider/**/*.ts", "program/**/*.ts", "!**/*.d.ts"],
    buildCommand: "tsc -p tsconfig.json",
    testRunner: "mocha",
    mochaOptions: {
        config: ".mocharc.json",
        spec: [
            "dist/test/unit/*.test.js",
            "dist/test/core/*.test.js",
            "dist/test/program/*.test.js",
            "dist/test/regions/*.test.js",
            "dist/test/okta/*.test.js",
            "dist/test/cxone/check.test.js",
            "dist/test/cxone/logic.test.js",
            "dist/test/cxone/*.sandbox.test.js",
            "dist/test/conformance/*.test.js",
            "dist/test/sandbox/*.test.js",
        ],
    },
    checkers: ["typescript"],
    tsconfigFile: "tsconfig.json",
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: "perTest",
    // This machine has 2 cores shared with other work: one test process, one checker.
    concurrency: 1,
    timeoutMS: 20000,
    incremental: true,
    incrementalFile: "reports/stryker-incremental.json",
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: "reports/mutation/mutation.html" },
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    thresholds: { high: 85, low: 70, break: null },
    ignoreStatic: true,
};
