// DynamicResource: the one-line `__provider` every resource stores, loaded the way Pulumi's
// dynamic provider host loads it (`require-from-string(text).handler()`), from a program
// directory; the type token existing stacks know; and a stack made before it (holding the
// forwarder's text) loading the same module.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource, providerText } from "../../provider/framework/dynamicResource";
import { forwarder } from "../../provider/framework/forwarder";
import { installMocks, type Declared } from "../support/pulumiMocks";
import { framesFormatted, withLeakDebugging } from "../support/stackFrames";

const requireFromString: (text: string) => { handler(): unknown } = require("require-from-string");

const ROLE = "cxone-okta-scim/provider/cxone/roleProvider";

/** Runs `f` with the working directory at `dir`, as the provider process runs in the program's. */
function inDir<T>(dir: string, f: () => T): T {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
        return f();
    } finally {
        process.chdir(cwd);
    }
}

class Widget extends DynamicResource {
    constructor(name: string, props: pulumi.Inputs) {
        super(ROLE, name, props, undefined, "bench", "Widget");
    }
}

describe("DynamicResource", () => {
    it("stores one line naming the module, with nothing of this machine", () => {
        const text = providerText(ROLE);
        assert.ok(text.length < 256, `${text.length} bytes`);
        assert.ok(text.endsWith(`("${ROLE}");\n`), text);
        assert.doesNotMatch(text, /\/work\/|\/tmp\/|\/root\//);
        assert.equal(providerText(ROLE), text, "the same text on every run: no spurious diff");
    });

    it("loaded as Pulumi's host loads it, from the program's directory, it is the module itself", () => {
        // the repository's root holds package.json, so the package path resolves by self-reference
        const root = path.join(__dirname, "..", "..", "..");
        const provider = inDir(root, () => requireFromString(providerText(ROLE)).handler());
        assert.equal(provider, require(ROLE));
    });

    it("loads the module the program's directory has, not one next to this file", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provider-text-"));
        const pkg = path.join(dir, "node_modules", "cxone-okta-scim", "provider", "cxone");
        fs.mkdirSync(pkg, { recursive: true });
        fs.writeFileSync(path.join(pkg, "roleProvider.js"), "module.exports = { here: true };");
        const provider = inDir(dir, () => requireFromString(providerText(ROLE)).handler());
        assert.deepEqual(provider, { here: true });
    });

    it("a stack that still holds the forwarder's text reaches the same module's check", async () => {
        const root = path.join(__dirname, "..", "..", "..");
        const news = { name: "bad/name" };
        const old = await forwarder(ROLE).check!({}, news);
        const now = inDir(root, () =>
            requireFromString(providerText(ROLE)).handler(),
        ) as pulumi.dynamic.ResourceProvider;
        assert.deepEqual(await now.check!({}, news), old);
        assert.ok(
            old.failures?.some((f) => f.property === "name"),
            JSON.stringify(old),
        );
    });

    describe("registered (Pulumi mocks)", () => {
        const registered: Declared[] = [];
        before(() => installMocks({ declared: registered }));

        it("as pulumi-nodejs:dynamic/<module>:<type>, with the text beside the inputs", async () => {
            const w = new Widget("w", { size: 3 });
            await new Promise((resolve) => w.urn.apply(resolve));
            const r = registered.find((x) => x.name === "w");
            assert.equal(r?.type, "pulumi-nodejs:dynamic/bench:Widget");
            assert.deepEqual(r?.inputs, { size: 3, __provider: providerText(ROLE) });
        });

        it("formats no stack for its promises: one with frames, the SDK's source position", () => {
            const quiet = withLeakDebugging(undefined, () =>
                framesFormatted(() => new Widget("quiet", { a: 1, b: 2, c: 3 })),
            );
            assert.equal(quiet.filter((n) => n > 0).length, 1, JSON.stringify(quiet));
            // the same declaration with the SDK's promise-leak debugging on formats them all
            const debugging = withLeakDebugging("1", () =>
                framesFormatted(() => new Widget("debugging", { a: 1, b: 2, c: 3 })),
            );
            assert.ok(debugging.filter((n) => n > 0).length > 3, JSON.stringify(debugging));
        });

        it("puts the program's stack limit back, also when the SDK refuses the declaration", () => {
            const limit = Error.stackTraceLimit;
            new Widget("limit", {});
            assert.equal(Error.stackTraceLimit, limit);
            assert.throws(() => new Widget("", {}), /Missing resource name/);
            assert.equal(Error.stackTraceLimit, limit);
        });

        it("refuses inputs that already name a provider, before registering anything", () => {
            const before = registered.length;
            assert.throws(
                () => new Widget("x", { __provider: "exports.handler = () => ({})" }),
                /must not define the __provider key/,
            );
            assert.equal(registered.length, before);
        });
    });
});
