// Mutation testing of sandbox/ against the sandbox's own fast tests (test/sandbox/*): a lower bound
// on its score (the provider tests that run against the sandbox can only kill more) in a fraction
// of the time: every provider test that reaches a mutant would run for it, and they are the slow
// ones. `npx stryker run stryker.sandbox.config.mjs --concurrency 2 --mutate 'sandbox/okta/**/*.ts'`
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    ...base,
    mochaOptions: {
        ...base.mochaOptions,
        spec: [
            "dist/test/sandbox/*.unit.test.js",
            "dist/test/sandbox/*.conformance.test.js",
            "dist/test/sandbox/*.http.test.js",
        ],
    },
    incrementalFile: "reports/stryker-sandbox-incremental.json",
    htmlReporter: { fileName: "reports/mutation/sandbox.html" },
    jsonReporter: { fileName: "reports/mutation/sandbox.json" },
};
