// Lint rules of the project: typescript-eslint's recommended set (no type information, so it stays
// fast), plus the house rules. Formatting is prettier's job (.prettierrc), not the linter's.
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import { importX, createNodeResolver } from "eslint-plugin-import-x";

const NO_AXIOS = {
    name: "axios",
    message:
        "The product's calls go through provider/core/transport.ts (node:http); loading axios costs each provider process and the program 60-110 ms (docs/dependencies.md).",
};

export default defineConfig(
    globalIgnores([
        "dist/",
        "node_modules/",
        "docs/api/",
        ".sandbox/",
        ".pulumi-local/",
        "**/*.js",
        "**/*.mjs",
    ]),
    tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        rules: {
            // `_name` marks a parameter or binding that is deliberately unused (provider signatures,
            // fields left out of a rest copy)
            "@typescript-eslint/no-unused-vars": [
                "error",
                {
                    argsIgnorePattern: "^_",
                    varsIgnorePattern: "^_",
                    caughtErrors: "none",
                    ignoreRestSiblings: true,
                },
            ],
            "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
            "no-var": "error",
            eqeqeq: ["error", "smart"],
        },
    },
    {
        // The product: no double casts that silence the compiler (check() types the inputs instead).
        files: ["provider/**/*.ts"],
        rules: {
            "no-restricted-syntax": [
                "error",
                {
                    selector:
                        "TSAsExpression > TSAsExpression[typeAnnotation.type='TSUnknownKeyword']",
                    message:
                        "No `as unknown as`: type the value where it is checked (see provider/framework/checks.ts).",
                },
            ],
        },
    },
    // The walls between the parts: the product never reaches into the emulator, the tests or the
    // tooling; the emulator never borrows the product's code (it behaves as the vendors do, not as
    // we call them); benchmarks measure without test helpers. Only `../` paths (or the package's
    // own name) cross a wall: no folder inside these is named like a top-level one.
    // test/scripts/walls.unit.test.ts proves each wall fires. The provider and the program send
    // through provider/core/transport.ts: axios would cost every provider process 60-110 ms.
    wall("provider/**/*.ts", ["sandbox", "test", "scripts", "bench"], [NO_AXIOS]),
    wall("program/**/*.ts", [], [NO_AXIOS]),
    wall("sandbox/**/*.ts", ["provider"]),
    wall("bench/**/*.ts", ["test"]),
    {
        // No import cycles in the code that runs (type-only imports vanish at compile time): a
        // cycle loads a module half-initialised, and the serialized providers load at call time.
        files: [
            "provider/**/*.ts",
            "program/**/*.ts",
            "sandbox/**/*.ts",
            "langhost/**/*.ts",
            "scripts/**/*.ts",
            "bench/**/*.ts",
            "plugin/**/*.ts",
        ],
        plugins: { "import-x": importX },
        settings: {
            "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js"] })],
            "import-x/extensions": [".ts"],
            "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
        },
        rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
    },
    {
        // Tests build deliberately ill-typed inputs to prove the checks reject them, and their
        // inline programs are closures Pulumi serializes: those must `require` at call time.
        files: ["test/**/*.ts"],
        rules: {
            "@typescript-eslint/no-explicit-any": "off",
            "@typescript-eslint/no-require-imports": "off",
        },
    },
);

/**
 * `files` import nothing from the top-level folders `banned`, by relative path or package name,
 * nor the packages in `paths`.
 */
function wall(files, banned, paths = []) {
    const names = banned.join("|");
    const patterns = banned.length
        ? [
              {
                  regex: `^((\\.\\./)+|cxone-okta-scim/)(${names})(/|$)`,
                  message: `${files.split("/")[0]}/ imports nothing from ${banned.join("/, ")}/ (the walls in eslint.config.mjs).`,
              },
          ]
        : [];
    return {
        files: [files],
        rules: { "no-restricted-imports": ["error", { patterns, paths }] },
    };
}
