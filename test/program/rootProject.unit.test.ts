// The engine tests' integration fixture runs the root program with the repository's own Pulumi.yaml
// options: refresh: always there comes from that file, not from the tests (they set none).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../../scripts/lib/engine";
import { rootProject } from "../../scripts/lib/rootProject";

describe("the integration fixture's project file is the repository's Pulumi.yaml", () => {
    const text = fs.readFileSync(path.join(repoRoot, "Pulumi.yaml"), "utf8");

    it("name and every project option are read from the file", () => {
        const p = rootProject();
        assert.equal(p.name, "cxone-okta-scim");
        assert.deepEqual(p.options, { refresh: "always" });
        assert.match(
            text,
            /^options:\n(?: {2}#.*\n)* {2}refresh: always$/m,
            "refresh: always is the file's own",
        );
    });
});
