// Finding and reading the sandbox's endpoints.json: the env override (relative to the working
// directory), the search upward from a program's directory, the fallback, and unreadable files.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    readSandboxEndpoints,
    SANDBOX_DIR_ENV,
    sandboxEndpointsFile,
} from "../../provider/core/sandboxFile";

describe("core: the sandbox's endpoints file", () => {
    let root: string;
    before(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-sandbox-file-"));
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("the env variable names the directory, resolved against the working directory", () => {
        assert.equal(SANDBOX_DIR_ENV, "CXONE_OKTA_SANDBOX_DIR");
        assert.equal(
            sandboxEndpointsFile({ CXONE_OKTA_SANDBOX_DIR: "state/sb" }, "/srv/app"),
            "/srv/app/state/sb/endpoints.json",
        );
        assert.equal(
            sandboxEndpointsFile({ CXONE_OKTA_SANDBOX_DIR: "/var/sb" }, "/srv/app"),
            "/var/sb/endpoints.json",
        );
    });

    it("without it, the nearest .sandbox upward from the working directory", () => {
        const project = fs.mkdtempSync(path.join(root, "project-"));
        const program = path.join(project, "dist", "program");
        fs.mkdirSync(program, { recursive: true });
        fs.mkdirSync(path.join(project, ".sandbox"));
        fs.writeFileSync(path.join(project, ".sandbox", "endpoints.json"), "{}");
        assert.equal(
            sandboxEndpointsFile({}, program),
            path.join(project, ".sandbox", "endpoints.json"),
        );
        // an empty env value is no override
        assert.equal(
            sandboxEndpointsFile({ CXONE_OKTA_SANDBOX_DIR: "" }, program),
            path.join(project, ".sandbox", "endpoints.json"),
        );
    });

    it("none found: the working directory's .sandbox, where the sandbox would write it", () => {
        const lonely = fs.mkdtempSync(path.join(root, "lonely-"));
        const deep = path.join(lonely, "a", "b");
        fs.mkdirSync(deep, { recursive: true });
        for (let d = deep; d !== path.dirname(d); d = path.dirname(d))
            assert.ok(
                !fs.existsSync(path.join(d, ".sandbox", "endpoints.json")),
                `precondition: ${d}`,
            );
        assert.equal(sandboxEndpointsFile({}, deep), path.join(deep, ".sandbox", "endpoints.json"));
    });

    it("reads an object; a missing file, bad JSON or a non-object is undefined", () => {
        const file = (name: string, text: string) => {
            const f = path.join(root, name);
            fs.writeFileSync(f, text);
            return f;
        };
        assert.deepEqual(readSandboxEndpoints(file("ok.json", '{"cxone":{"url":"x"}}')), {
            cxone: { url: "x" },
        });
        assert.equal(readSandboxEndpoints(path.join(root, "missing.json")), undefined);
        assert.equal(readSandboxEndpoints(file("bad.json", "{not json")), undefined);
        assert.equal(readSandboxEndpoints(file("null.json", "null")), undefined);
        assert.equal(readSandboxEndpoints(file("num.json", "42")), undefined);
        assert.equal(readSandboxEndpoints(file("str.json", '"text"')), undefined);
    });
});
