// The resource plugins a program needs, read from the packages under its node_modules: plain and
// scoped packages, hidden folders skipped, unreadable entries ignored, one entry per name@version,
// sorted by name, each named and versioned as the engine names plugins.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pluginOf, requiredPackages } from "../../langhost/requiredPackages";

describe("language host: the plugins under a program's node_modules", () => {
    let root: string;
    const write = (rel: string, content: unknown) => {
        const file = path.join(root, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    };
    const plugin = (name: string, version: string, extra: object = {}) => ({
        name,
        version,
        pulumi: { resource: true, ...extra },
    });
    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "required-packages-"));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("plain and scoped packages, sorted by plugin name; libraries, hidden folders and unreadable entries left out", () => {
        write("node_modules/aaa/package.json", plugin("aaa", "1.0.0", { name: "zeta" }));
        write("node_modules/bbb/package.json", plugin("bbb", "2.0.0", { name: "alpha" }));
        write("node_modules/@acme/thing/package.json", plugin("@acme/thing", "3.0.0"));
        write("node_modules/lib/package.json", { name: "lib", version: "1.0.0" });
        write("node_modules/.cache/package.json", plugin("cached", "9.9.9"));
        write("node_modules/broken/package.json", "{not json");
        fs.mkdirSync(path.join(root, "node_modules/empty"));
        write("node_modules/@file", "not a scope folder");
        write("program/index.js", "");
        assert.deepEqual(
            requiredPackages(path.join(root, "program")).map((p) => `${p.name}@${p.version}`),
            ["acme/thing@v3.0.0", "alpha@v2.0.0", "zeta@v1.0.0"],
        );
    });
    it("two packages declaring the same plugin and version are one entry", () => {
        write("node_modules/one/package.json", plugin("one", "1.0.0", { name: "same" }));
        write("node_modules/two/package.json", plugin("two", "1.0.0", { name: "same" }));
        write("node_modules/three/package.json", plugin("three", "1.0.1", { name: "same" }));
        assert.deepEqual(
            requiredPackages(root).map((p) => `${p.name}@${p.version}`),
            ["same@v1.0.0", "same@v1.0.1"],
        );
    });
    it("a directory under no node_modules needs no plugins", () => {
        assert.deepEqual(requiredPackages(root), []);
    });
});

describe("language host: a package.json's plugin, as the engine names it", () => {
    it("none without a package.json, the resource mark, a name or a version", () => {
        assert.equal(pluginOf(undefined), undefined);
        assert.equal(pluginOf({ name: "x", version: "1.0.0" }), undefined);
        assert.equal(pluginOf({ version: "1.0.0", pulumi: { resource: true } }), undefined);
        assert.equal(pluginOf({ name: "x", pulumi: { resource: true } }), undefined);
    });
    it("another scope keeps its name without the @; a v-prefixed version is kept as is", () => {
        assert.deepEqual(
            pluginOf({
                name: "@acme/thing",
                pulumi: { resource: true, version: "v2.0.0", server: "s" },
            }),
            { name: "acme/thing", version: "v2.0.0", server: "s" },
        );
    });
});
