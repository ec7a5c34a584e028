// Providers run in the program's directory (dist/program for the root project): the sandbox's
// endpoints file is found upward from there, or where CXONE_OKTA_SANDBOX_DIR says.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { sandboxEndpointsFile } from "../../provider/cxone/credentials";

describe("sandbox endpoints file lookup", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "lookup-"));
    const nested = path.join(root, "dist", "program");
    fs.mkdirSync(nested, { recursive: true });

    it("falls back to <cwd>/.sandbox when there is none", () => {
        assert.equal(
            sandboxEndpointsFile({}, nested),
            path.join(nested, ".sandbox", "endpoints.json"),
        );
    });
    it("finds the nearest .sandbox upward", () => {
        fs.mkdirSync(path.join(root, ".sandbox"));
        fs.writeFileSync(path.join(root, ".sandbox", "endpoints.json"), "{}");
        assert.equal(
            sandboxEndpointsFile({}, nested),
            path.join(root, ".sandbox", "endpoints.json"),
        );
    });
    it("CXONE_OKTA_SANDBOX_DIR wins", () => {
        assert.equal(
            sandboxEndpointsFile({ CXONE_OKTA_SANDBOX_DIR: "/elsewhere" }, nested),
            "/elsewhere/endpoints.json",
        );
    });
});
