// The API reference is generated from the TSDoc comments (npm run docs): it must keep building and
// cover the public API.
import { strict as assert } from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { repoRoot } from "../../scripts/lib/engine";

describe("API reference (typedoc)", function () {
    this.timeout(180_000);
    it("builds from the TSDoc comments and documents the public resources", async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "api-docs-"));
        await promisify(execFile)(
            path.join(repoRoot, "node_modules", ".bin", "typedoc"),
            ["--out", out, "--logLevel", "Error"],
            { cwd: repoRoot },
        );
        for (const name of [
            "ScimIntegration",
            "ScimConnection",
            "Role",
            "Employee",
            "AccessKey",
            "AutoLoginApp",
            "ProvisioningActions",
        ]) {
            assert.ok(
                fs.existsSync(path.join(out, "classes", `${name}.html`)),
                `${name} is documented`,
            );
        }
        const page = fs.readFileSync(path.join(out, "classes", "ScimConnection.html"), "utf8");
        assert.match(page, /remaining Admin Console steps/);
    });
});
