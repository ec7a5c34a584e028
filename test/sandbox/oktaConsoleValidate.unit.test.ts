// The console's checks on the SCIM connection form (sandbox/okta/consoleValidate.ts) beyond the
// form test in oktaConsole.http: a URL that does not parse, a client secret that is no text, an
// action the console does not offer; and which changes end the current authentication.
import * as assert from "assert";
import {
    authSettingsChanged,
    SUPPORTED_ACTIONS,
    validateScimForm,
} from "../../sandbox/okta/consoleValidate";
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
    it("an action the console does not offer is refused, naming the ones it does", () => {
        const r = validateScimForm({ ...form(), supportedActions: ["pushEverything"] }, null);
        assert.deepStrictEqual(r.problems, [
            `supportedActions: must be a list of ${SUPPORTED_ACTIONS.join(", ")}`,
        ]);
        assert.ok(r.problems[0].includes("pushNewUsers, "));
    });

    it("a change of any setting the OAuth client uses ends the authentication; another does not", () => {
        const a = validateScimForm(form(), null).settings!;
        assert.strictEqual(authSettingsChanged(null, a), true);
        assert.strictEqual(authSettingsChanged(a, { ...a }), false);
        assert.strictEqual(authSettingsChanged(a, { ...a, uniqueIdentifierField: "email" }), false);
        for (const k of [
            "tokenEndpoint",
            "authorizeEndpoint",
            "clientId",
            "clientSecret",
            "scimBaseUrl",
        ] as const)
            assert.strictEqual(authSettingsChanged(a, { ...a, [k]: `${a[k]}-other` }), true, k);
    });
});
