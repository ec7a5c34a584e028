// The console's checks on the SCIM connection form (sandbox/okta/consoleValidate.ts) beyond the
// form test in oktaConsole.http: a URL that does not parse, and a client secret that is no text.
import * as assert from "assert";
import { validateScimForm } from "../../sandbox/okta/consoleValidate";
import { consoleSettings, outputsFor } from "../../sandbox/operator";

describe("sandbox Okta: the SCIM connection form's checks (consoleValidate.ts)", () => {
    const form = () =>
        consoleSettings(outputsFor("http://127.0.0.1:9", "", "AKEY1234567890", "secret"));

    it("the operator's form passes", () => {
        const r = validateScimForm(form(), null);
        assert.deepStrictEqual(r.problems, []);
        assert.strictEqual(r.settings?.scimBaseUrl, "http://127.0.0.1:9/scim/v2");
    });

    it("a URL that does not parse is named as not valid", () => {
        const r = validateScimForm({ ...form(), scimBaseUrl: "cxone scim" }, null);
        assert.deepStrictEqual(r.problems, ["scimBaseUrl: is not a valid URL"]);
        assert.strictEqual(r.settings, undefined);
    });

    it("a client secret that is no text is refused, even with one stored", () => {
        const stored = validateScimForm(form(), null).settings!;
        const r = validateScimForm({ ...form(), clientSecret: 42 }, stored);
        assert.deepStrictEqual(r.problems, ["clientSecret: must be a string"]);
    });
});
