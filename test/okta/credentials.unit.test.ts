// Where the Okta API token comes from: env OKTA_API_TOKEN, else (for an org on loopback only) the
// running sandbox's endpoints file; never the file for a real org, and a clear error otherwise.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OKTA_API_TOKEN_ENV, oktaApiToken } from "../../provider/okta/credentials";
import { SANDBOX_DIR_ENV } from "../../provider/core/sandboxFile";

describe("Okta API token: env first, the sandbox file only for loopback", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-cred-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** An env whose sandbox directory holds this endpoints file (or none). */
    function envWith(endpoints?: unknown): NodeJS.ProcessEnv {
        const d = fs.mkdtempSync(path.join(dir, "s-"));
        if (endpoints !== undefined)
            fs.writeFileSync(path.join(d, "endpoints.json"), JSON.stringify(endpoints));
        return { [SANDBOX_DIR_ENV]: d };
    }
    const missing = (org: string) =>
        `no Okta API token for ${org}: set the environment variable OKTA_API_TOKEN`;

    it("reads OKTA_API_TOKEN, for any org, before any file", () => {
        assert.equal(OKTA_API_TOKEN_ENV, "OKTA_API_TOKEN");
        const env = { ...envWith({ okta: { apiToken: "00file" } }), OKTA_API_TOKEN: "00env" };
        assert.equal(oktaApiToken("https://dev-1.okta.com", env), "00env");
        assert.equal(oktaApiToken("http://127.0.0.1:9", env), "00env");
    });

    it("for an org on loopback with no env, the sandbox's token", () => {
        const env = envWith({ okta: { apiToken: "00sandbox" } });
        assert.equal(oktaApiToken("http://127.0.0.1:4000", env), "00sandbox");
        assert.equal(oktaApiToken("http://localhost:4000", env), "00sandbox");
    });

    it("never the sandbox file for a real org: an error naming the variable", () => {
        const env = envWith({ okta: { apiToken: "00sandbox" } });
        assert.throws(() => oktaApiToken("https://dev-1.okta.com", env), {
            message: missing("https://dev-1.okta.com"),
        });
        assert.throws(() => oktaApiToken("https://127.0.0.1.nip.io", env), {
            message: missing("https://127.0.0.1.nip.io"),
        });
    });

    it("an empty env value does not count", () => {
        const env = { ...envWith(), OKTA_API_TOKEN: "" };
        assert.throws(() => oktaApiToken("https://dev-1.okta.com", env), {
            message: missing("https://dev-1.okta.com"),
        });
    });

    it("a sandbox file without a usable token: the same error", () => {
        const org = "http://127.0.0.1:4000";
        for (const endpoints of [
            undefined,
            {},
            { okta: "00notanobject" },
            { okta: null },
            { okta: {} },
            { okta: { apiToken: "" } },
            { okta: { apiToken: 42 } },
        ]) {
            assert.throws(
                () => oktaApiToken(org, envWith(endpoints)),
                { message: missing(org) },
                JSON.stringify(endpoints),
            );
        }
    });
});
