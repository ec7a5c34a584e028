// Mutation testing (`npm run mutate`): Stryker changes the product's TypeScript (provider/, program/,
// and the pieces every other test inherits: sandbox/, langhost/, scripts/)
// one small bug at a time and runs the FAST layers (test/README.md: *.unit, *.conformance, *.http)
// on the compiled code; a mutant the tests do not notice "survives".
// The real-engine layer (*.engine.test.ts) is left out: minutes per run, far too slow per mutant.
// How: Stryker writes every mutant into the TS sources of a sandbox copy (mutation switching), the
// build command compiles that copy into its dist/, and mocha runs dist/test there, as `npm test` does.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    packageManager: "npm",
    // forwarder.ts is left out: Pulumi serializes its function's text into state, and instrumented
    // it would carry Stryker's mutant switches (the serialization tests then see 400 KB, not 2.5 KB).
    mutate: [
        "provider/**/*.ts",
        "program/**/*.ts",
        "sandbox/**/*.ts",
        "langhost/**/*.ts",
        "scripts/**/*.ts",
        "!**/*.d.ts",
        "!provider/framework/forwarder.ts",
    ],
    buildCommand: "tsc -p tsconfig.json",
    testRunner: "mocha",
    mochaOptions: {
        config: ".mocharc.json",
        spec: [
            "dist/test/**/*.unit.test.js",
            "dist/test/**/*.conformance.test.js",
            "dist/test/**/*.http.test.js",
        ],
    },
    // The TypeScript checker (drops mutants tsc would refuse) is off by default: on 2 shared cores it
    // made a run ~10x slower (program/settings.ts: 8 min vs 44 s). Without it such mutants run as JS
    // and count as killed only when a test fails. Strict: npm run mutate -- --checkers typescript
    checkers: [],
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
