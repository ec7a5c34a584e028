// The walls between the repository's parts are lint rules (eslint.config.mjs): each one fires on a
// deliberate crossing, and the tree as it stands crosses none.
import { strict as assert } from "assert";
import * as path from "path";
import { ESLint } from "eslint";
import { repoRoot } from "../../scripts/lib/engine";

const eslint = new ESLint({
    cwd: repoRoot,
    ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports",
});

/** The wall messages ESLint reports for `code` as if it were the file `file`. */
async function crossings(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
    return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("walls between the parts (eslint.config.mjs)", function () {
    this.timeout(60_000);

    const crossing: [string, string][] = [
        ["provider/x.ts", 'import { startSandbox } from "../sandbox/index";'],
        ["provider/cxone/x.ts", 'import { startSandbox } from "../../sandbox/index";'],
        ["provider/x.ts", 'import { testStack } from "../test/support/engine";'],
        ["provider/okta/x.ts", 'export { repoRoot } from "../../scripts/lib/engine";'],
        ["provider/x.ts", 'import "../bench/run";'],
        ["provider/x.ts", 'import { startSandbox } from "cxone-okta-scim/sandbox/index";'],
        ["sandbox/okta/x.ts", 'import { Role } from "../../provider/index";'],
        ["sandbox/x.ts", 'import type { Role } from "../provider";'],
        ["bench/x.ts", 'import { testStack } from "../test/support/engine";'],
    ];
    for (const [file, code] of crossing) {
        it(`refuses in ${file}: ${code}`, async () => {
            const found = await crossings(file, code);
            assert.equal(found.length, 1, found.join("\n"));
            assert.match(found[0], /^no-restricted-imports: .* \w+\/ imports nothing from /);
        });
    }

    // the product's HTTP is node:http through provider/core/transport.ts (axios loads slowly)
    for (const [file, code] of [
        ["provider/core/x.ts", 'import axios from "axios";'],
        ["program/x.ts", 'import { get } from "axios";'],
    ]) {
        it(`refuses in ${file}: ${code}`, async () => {
            const found = await crossings(file, code);
            assert.equal(found.length, 1, found.join("\n"));
            assert.match(found[0], /go through provider\/core\/transport\.ts/);
        });
    }

    const allowed: [string, string][] = [
        ["provider/cxone/x.ts", 'import { forwarder } from "../forwarder";'],
        ["provider/x.ts", 'import { sandboxRegion } from "./regions";'],
        ["sandbox/x.ts", 'import { okta } from "./okta/state";'],
        ["bench/x.ts", 'import { rootProject } from "../scripts/lib/rootProject";'],
        ["test/x.ts", 'import { startSandbox } from "../sandbox/index";'],
        ["sandbox/okta/x.ts", 'import axios from "axios";'],
        ["program/x.ts", 'import { send } from "../provider/core/transport";'],
    ];
    for (const [file, code] of allowed) {
        it(`allows in ${file}: ${code}`, async () => {
            assert.deepEqual(await crossings(file, code), []);
        });
    }

    it("the tree crosses no wall", async () => {
        const results = await eslint.lintFiles(["provider", "program", "sandbox", "bench"]);
        const found = results.flatMap((r) =>
            r.messages.map((m) => `${path.relative(repoRoot, r.filePath)}:${m.line} ${m.message}`),
        );
        assert.deepEqual(found, []);
    });
});

describe("no import cycles in the code that runs (eslint.config.mjs)", function () {
    this.timeout(60_000);
    const cycles = new ESLint({
        cwd: repoRoot,
        ruleFilter: ({ ruleId }) => ruleId === "import-x/no-cycle",
    });
    const found = async (file: string, code: string) =>
        (await cycles.lintText(code, { filePath: path.join(repoRoot, file) }))[0].messages.map(
            (m) => `${m.ruleId}: ${m.message}`,
        );

    // the HTTP core importing the Okta client, which imports the core: a cycle
    it("refuses provider/core/http.ts importing the Okta client (which imports it)", async () => {
        assert.deepEqual(
            await found(
                "provider/core/http.ts",
                'import { oktaApi } from "../okta/client";\nexport const x = oktaApi;\n',
            ),
            ["import-x/no-cycle: Dependency cycle detected"],
        );
    });

    it("a type-only import back is no cycle (it vanishes at compile time)", async () => {
        assert.deepEqual(
            await found(
                "provider/core/http.ts",
                'import type { OktaApp } from "../okta/client";\nexport type X = OktaApp;\n',
            ),
            [],
        );
    });

    it("the tree has none", async () => {
        const results = await cycles.lintFiles([
            "provider",
            "program",
            "sandbox",
            "langhost",
            "scripts",
            "bench",
            "plugin",
        ]);
        const where = results.flatMap((r) =>
            r.messages.map((m) => `${path.relative(repoRoot, r.filePath)}:${m.line} ${m.message}`),
        );
        assert.deepEqual(where, []);
    });
});
