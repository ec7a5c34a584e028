// The product's User-Agent on every path to both vendors, and the sandbox's request log naming the
// part that sent each call (never the header itself).
import { strict as assert } from "assert";
import { CxoneClient } from "../../provider/cxone/client";
import { accessKeyToken } from "../../provider/cxone/accessKeyToken";
import { oktaApi } from "../../provider/okta/client";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    asPart,
    packageVersion,
    partOfProcess,
    setProductPart,
    userAgent,
} from "../../provider/core/userAgent";
import { productPart } from "../../sandbox/core/requestLog";
import { sandboxForSuite } from "../support/sandbox";

const pkg = require("../../../package.json") as { version: string };

describe("core: the product's User-Agent", function () {
    this.timeout(30_000);

    it("is cxone-okta-scim/<package version> (<part>); the dynamic provider process is `provider`", () => {
        assert.equal(userAgent(), `cxone-okta-scim/${pkg.version} (program)`);
        const node = "/usr/bin/node";
        const sdk = "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
        assert.equal(partOfProcess([node, sdk]), "provider");
        assert.equal(
            partOfProcess([node, "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider"]),
            "provider",
        );
        assert.equal(partOfProcess([node, "/p/dist/program/main.js"]), "program");
        assert.equal(partOfProcess([node, "/p/dynamic-provider-notes/main.js"]), "program");
        assert.equal(partOfProcess([node]), "program");
    });

    it("the version: the nearest package.json naming the product with a string version, five dirs up at most", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-user-agent-"));
        try {
            const a = path.join(root, "a");
            const f = path.join(a, "b", "c", "d", "e", "f");
            fs.mkdirSync(f, { recursive: true });
            const write = (dir: string, body: unknown) =>
                fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(body));
            write(a, { name: "cxone-okta-scim", version: "1.2.3" });
            write(path.join(a, "b"), { name: "other", version: "9.9.9" });
            write(path.join(a, "b", "c"), { name: "cxone-okta-scim", version: 5 });
            fs.writeFileSync(path.join(a, "b", "c", "d", "package.json"), "{not json");
            // a is the fifth dir from e (e, d, c, b, a) and the sixth from f
            assert.equal(packageVersion(path.join(a, "b", "c", "d", "e")), "1.2.3");
            assert.equal(packageVersion(path.join(a, "b", "c")), "1.2.3");
            assert.equal(packageVersion(a), "1.2.3");
            assert.equal(packageVersion(f), "0.0.0");
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
        assert.equal(packageVersion(), pkg.version);
    });

    it("a fresh process reads the version on its first call", () => {
        // a new copy of the module, as the provider process loads it, with nothing cached yet
        const file = require.resolve("../../provider/core/userAgent");
        const cached = require.cache[file];
        delete require.cache[file];
        try {
            const fresh = require(file) as typeof import("../../provider/core/userAgent");
            assert.equal(fresh.userAgent(), `cxone-okta-scim/${pkg.version} (program)`);
        } finally {
            require.cache[file] = cached;
        }
    });

    it("a part inside a process holds for its own calls only", async () => {
        const seen = await Promise.all([
            asPart("removal-guard", async () => {
                await new Promise((r) => setTimeout(r, 5));
                return userAgent();
            }),
            (async () => {
                await new Promise((r) => setTimeout(r, 1));
                return userAgent();
            })(),
        ]);
        assert.deepEqual(
            seen.map((s) => s.replace(/\/\S+ /, " ")),
            ["cxone-okta-scim (removal-guard)", "cxone-okta-scim (program)"],
        );
    });

    it("the sandbox keeps only the product's part of a User-Agent", () => {
        assert.equal(productPart("cxone-okta-scim/0.1.0 (provider)"), "provider");
        assert.equal(productPart("cxone-okta-scim/0.1.0 (connection-test)"), "connection-test");
        assert.equal(productPart("axios/1.7.0"), undefined);
        assert.equal(productPart("Okta SCIM Client 1.0.0"), undefined);
        assert.equal(productPart("cxone-okta-scim/0.1.0 (provider) extra"), undefined);
        assert.equal(productPart(undefined), undefined);
    });

    describe("over HTTP, against the sandbox", () => {
        const f = sandboxForSuite();
        after(async () => {
            setProductPart(undefined);
        });

        it("the CXone session, the Okta client and the connection test's sign-in each name their part", async () => {
            f.sandbox.clearRequests();
            await new CxoneClient(f.endpoint).findRolesByName("Agent");
            await oktaApi.findAppsByLabel(f.sandbox.urls.okta, "NICE CXone");
            const key = {
                accessKeyId: f.env.CXONE_ACCESS_KEY_ID,
                accessKeySecret: f.env.CXONE_ACCESS_KEY_SECRET,
            };
            await accessKeyToken(f.sandbox.urls.cxone, key);
            setProductPart("connection-test");
            await accessKeyToken(f.sandbox.urls.cxone, key);
            const log = f.sandbox.requests();
            assert.deepEqual(
                log.map((r) => `${r.server} ${r.method} ${r.path.split("?")[0]} ${r.part}`).sort(),
                [
                    "cxone GET /.well-known/cxone-configuration program",
                    "cxone POST /authentication/v1/token/access-key connection-test",
                    "cxone POST /authentication/v1/token/access-key program",
                    "cxone POST /authentication/v1/token/access-key program",
                    "cxone POST /authorization/v1/roles/search program",
                    "okta GET /api/v1/apps program",
                ],
            );
            assert.ok(
                log.every((r) => !JSON.stringify(r).includes("cxone-okta-scim/")),
                "the log keeps the part, not the header",
            );
        });
    });
});
