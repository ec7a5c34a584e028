// How the emulated Okta reads the body of an AUTO_LOGIN app's create or replace
// (sandbox/okta/appBody.ts): each refusal's cause, Okta's default for every field left out, the
// values that are read as absent, and the generated app name.
import * as assert from "assert";
import { generateAppName, parseAppBody } from "../../sandbox/okta/appBody";
import { autoLoginBody } from "../support/oktaHarness";

/** The provider's create body with `change` applied to a copy. */
function body(change: (b: any) => void = () => undefined): any {
    const b: any = structuredClone(autoLoginBody("CXone"));
    change(b);
    return b;
}
const causesOf = (b: unknown) => parseAppBody(b, "sandboxorg_cxone_1").causes;
const settingsOf = (b: unknown) => {
    const p = parseAppBody(b, "sandboxorg_cxone_1");
    assert.deepStrictEqual(p.causes, []);
    return p.settings;
};

describe("sandbox Okta: an app's create and replace body (appBody.ts)", () => {
    it("the provider's own body has no cause", () => {
        assert.deepStrictEqual(causesOf(body()), []);
    });

    it("a body that is no object (null, a list) is read as empty: label and login URL are missing", () => {
        const blank = [
            "label: The field cannot be left blank",
            "settings.signOn.loginUrl: The field cannot be left blank",
        ];
        assert.deepStrictEqual(causesOf(null), blank);
        assert.deepStrictEqual(causesOf([body()]), blank);
    });

    it("a label that is no text counts as missing", () => {
        assert.deepStrictEqual(causesOf(body((b) => (b.label = 42))), [
            "label: The field cannot be left blank",
        ]);
    });

    it("refuses any sign-on mode but AUTO_LOGIN, naming it; leaving it out is AUTO_LOGIN", () => {
        assert.deepStrictEqual(causesOf(body((b) => (b.signOnMode = "SAML_2_0"))), [
            "signOnMode: The sandbox emulates only AUTO_LOGIN apps, not SAML_2_0",
        ]);
        assert.deepStrictEqual(causesOf(body((b) => delete b.signOnMode)), []);
    });

    it("login and redirect URLs must be http or https", () => {
        assert.deepStrictEqual(
            causesOf(
                body((b) => {
                    b.settings.signOn.loginUrl = "ftp://cxone.example.com/login";
                    b.settings.signOn.redirectUrl = "not a url";
                }),
            ),
            [
                "settings.signOn.loginUrl: The URL is not valid",
                "settings.signOn.redirectUrl: The URL is not valid",
            ],
        );
        const ok = settingsOf(
            body((b) => (b.settings.signOn.redirectUrl = "http://cxone.example.com/after")),
        );
        assert.strictEqual(ok.settings.signOn.redirectUrl, "http://cxone.example.com/after");
    });

    it("notes up to 250 characters are kept, longer ones refused, each named", () => {
        const notes = (admin: string, enduser: string) =>
            body((b) => (b.settings.notes = { admin, enduser }));
        const kept = settingsOf(notes("a".repeat(250), "e".repeat(250)));
        assert.strictEqual(kept.settings.notes.admin, "a".repeat(250));
        assert.strictEqual(kept.settings.notes.enduser, "e".repeat(250));
        assert.deepStrictEqual(causesOf(notes("a".repeat(251), "e".repeat(251))), [
            "settings.notes.admin: The field is too long",
            "settings.notes.enduser: The field is too long",
        ]);
        assert.deepStrictEqual(causesOf(notes("short", "e".repeat(251))), [
            "settings.notes.enduser: The field is too long",
        ]);
    });

    it("an unknown credentials scheme is refused naming it", () => {
        assert.deepStrictEqual(causesOf(body((b) => (b.credentials.scheme = "BASIC"))), [
            "credentials.scheme: Unknown scheme BASIC",
        ]);
    });

    it("the password is revealable only where the user sets it", () => {
        const reveal = (scheme: string) =>
            body((b) => {
                b.credentials.scheme = scheme;
                b.credentials.revealPassword = true;
            });
        for (const scheme of [
            "ADMIN_SETS_CREDENTIALS",
            "SHARED_USERNAME_AND_PASSWORD",
            "EXTERNAL_PASSWORD_SYNC",
        ])
            assert.deepStrictEqual(
                causesOf(reveal(scheme)),
                ["credentials.revealPassword: Cannot reveal password for this credentials scheme"],
                scheme,
            );
        for (const scheme of ["EDIT_USERNAME_AND_PASSWORD", "EDIT_PASSWORD_ONLY"])
            assert.strictEqual(settingsOf(reveal(scheme)).credentials.revealPassword, true);
    });

    it("fields left out, or not of their type, take Okta's defaults", () => {
        const s = settingsOf({
            label: "Bare",
            settings: { signOn: { loginUrl: "https://cxone.example.com/login", redirectUrl: "" } },
            accessibility: { selfService: "yes" },
            visibility: { hide: { iOS: 1 }, autoLaunch: "yes" },
            credentials: { userNameTemplate: {} },
        });
        assert.strictEqual(s.visibility.autoLaunch, false);
        assert.strictEqual(s.visibility.autoSubmitToolbar, false);
        assert.deepStrictEqual(s.settings.app, {});
        assert.strictEqual(s.settings.signOn.redirectUrl, null, "an empty URL is no URL");
        assert.deepStrictEqual(s.settings.notes, { admin: null, enduser: null });
        assert.strictEqual(s.accessibility.selfService, false);
        assert.deepStrictEqual(s.visibility.hide, { iOS: false, web: false });
        assert.strictEqual(s.credentials.scheme, "EDIT_USERNAME_AND_PASSWORD");
        assert.strictEqual(s.credentials.revealPassword, false);
        assert.deepStrictEqual(s.credentials.userNameTemplate, {
            template: "${source.login}",
            type: "BUILT_IN",
        });
        assert.ok(!("userName" in s.credentials));
        assert.strictEqual(s.credentials.hasSharedPassword, false);
        assert.deepStrictEqual(s.visibility.appLinks, { sandboxorg_cxone_1_link: true });
    });

    it("a missing login URL is stored empty", () => {
        const p = parseAppBody(
            body((b) => delete b.settings.signOn.loginUrl),
            "n",
        );
        assert.strictEqual(p.settings.settings.signOn.loginUrl, "");
    });

    it("keeps the shared user name, a shared password only as a flag, and the app links given", () => {
        const s = settingsOf(
            body((b) => {
                b.credentials.scheme = "SHARED_USERNAME_AND_PASSWORD";
                b.credentials.userName = "shared.agent";
                b.credentials.password = { value: "pw-1" };
                b.visibility.appLinks = { cxone_link: true, other_link: "yes" };
            }),
        );
        assert.strictEqual(s.credentials.userName, "shared.agent");
        assert.strictEqual(s.credentials.hasSharedPassword, true);
        assert.ok(!JSON.stringify(s).includes("pw-1"), "the password itself is not kept");
        assert.deepStrictEqual(s.visibility.appLinks, { cxone_link: true, other_link: false });
        const empty = settingsOf(body((b) => (b.credentials.password = { value: "" })));
        assert.strictEqual(empty.credentials.hasSharedPassword, false);
    });

    it("names an app <org>_<label slug>_<n>, the first n free; 'org' and 'app' stand in for empty slugs", () => {
        assert.strictEqual(
            generateAppName("sandbox-org", "CXone SCIM!", new Set()),
            "sandboxorg_cxonescim_1",
        );
        assert.strictEqual(
            generateAppName("sandbox-org", "CXone", new Set(["sandboxorg_cxone_1"])),
            "sandboxorg_cxone_2",
        );
        assert.strictEqual(generateAppName("---", "!!!", new Set()), "org_app_1");
    });
    it("keeps the app settings and the username template's suffix and push status given; text where an object belongs is read as empty", () => {
        const s = settingsOf(
            body((b) => {
                b.settings.app = { url: "https://cxone.example.com" };
                b.credentials.userNameTemplate = {
                    template: "${source.email}",
                    type: "CUSTOM",
                    suffix: "@cx",
                    pushStatus: "PUSH",
                };
            }),
        );
        assert.deepStrictEqual(s.settings.app, { url: "https://cxone.example.com" });
        assert.deepStrictEqual(s.credentials.userNameTemplate, {
            template: "${source.email}",
            type: "CUSTOM",
            suffix: "@cx",
            pushStatus: "PUSH",
        });
        const text = settingsOf(body((b) => (b.settings.app = "abc")));
        assert.deepStrictEqual(text.settings.app, {});
    });

    it("a label's slug is cut to 40 characters", () => {
        assert.strictEqual(
            generateAppName("org", `${"a".repeat(30)} ${"b".repeat(30)}`, new Set()),
            `org_${"a".repeat(30)}${"b".repeat(10)}_1`,
        );
    });
});
