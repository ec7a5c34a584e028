// AutoLoginApp's pure half: every input check (named property, exact reason), the diff field by
// field, the state mapping of a live app, which app may be adopted, and which app a lost create made.
import { strict as assert } from "assert";
import * as fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import {
    adoptable,
    APP_LABEL_MAX,
    appFromLive,
    appOutputs,
    appSettingsDiffer,
    appSpec,
    appsMadeBy,
    AutoLoginAppState,
    checkAutoLoginApp,
    diffAutoLoginApp,
    LOST_ANSWER_WINDOW_MS,
    mayHaveCreated,
} from "../../provider/okta/autoLoginAppLogic";
import type { OktaApp } from "../../provider/okta/client";

const LOGIN = "https://cxone.niceincontact.com/login";
const base: AutoLoginAppState = {
    orgUrl: "https://dev-1.okta.com",
    label: "NICE CXone",
    loginUrl: LOGIN,
    active: true,
    adoptExisting: false,
};

const liveApp = (over: Partial<OktaApp> = {}, notes?: unknown): OktaApp => ({
    id: "0oa1",
    name: "nicecxone_1",
    label: "NICE CXone",
    status: "ACTIVE",
    signOnMode: "AUTO_LOGIN",
    created: "2026-11-30T12:00:00.000Z",
    settings: { app: {}, signOn: { loginUrl: LOGIN }, ...(notes ? { notes } : {}) },
    ...over,
});

describe("AutoLoginApp check(): each input named, with the reason", () => {
    const failures = (news: Record<string, unknown>) => checkAutoLoginApp(news).failures;

    it("accepts a complete set and applies the defaults active=true, adoptExisting=false", () => {
        const r = checkAutoLoginApp({ orgUrl: base.orgUrl, label: "L", loginUrl: LOGIN });
        assert.deepEqual(r.failures, []);
        assert.deepEqual(r.inputs, {
            orgUrl: base.orgUrl,
            label: "L",
            loginUrl: LOGIN,
            active: true,
            adoptExisting: false,
        });
        // set values win over the defaults
        const set = checkAutoLoginApp({ ...base, active: false, adoptExisting: true }).inputs;
        assert.deepEqual([set.active, set.adoptExisting], [false, true]);
    });

    it("orgUrl must be an https URL", () => {
        assert.deepEqual(failures({ ...base, orgUrl: "ftp://dev-1.okta.com" }), [
            { property: "orgUrl", reason: "orgUrl must be an http(s) URL" },
        ]);
    });

    it(`label is required and at most ${APP_LABEL_MAX} characters`, () => {
        assert.equal(APP_LABEL_MAX, 100);
        assert.deepEqual(failures({ ...base, label: "x".repeat(100) }), []);
        assert.deepEqual(failures({ ...base, label: "x".repeat(101) }), [
            { property: "label", reason: "label must be at most 100 characters (got 101)" },
        ]);
        assert.deepEqual(failures({ ...base, label: undefined }), [
            { property: "label", reason: "label is required and must be a string" },
        ]);
    });

    it("loginUrl must be https and on a CXone region host (users follow it to sign in)", () => {
        assert.deepEqual(
            failures({ ...base, loginUrl: "https://evil.example/login" }).map((f) => f.property),
            ["loginUrl"],
        );
        assert.match(
            failures({ ...base, loginUrl: "https://evil.example/login" })[0].reason,
            /^loginUrl must be on one of CXone's region hosts .*got host "evil\.example"/,
        );
        assert.deepEqual(failures({ ...base, loginUrl: "http://cxone.niceincontact.com/x" }), [
            {
                property: "loginUrl",
                reason:
                    "loginUrl must use https (plain http is accepted only on loopback): " +
                    '"http://cxone.niceincontact.com/x"',
            },
        ]);
        assert.deepEqual(failures({ ...base, loginUrl: "http://127.0.0.1:8080/login" }), []);
    });

    it("redirectUrl is optional but, when given, an https URL", () => {
        assert.deepEqual(failures({ ...base, redirectUrl: undefined }), []);
        assert.deepEqual(failures({ ...base, redirectUrl: "https://example.com/after" }), []);
        assert.deepEqual(failures({ ...base, redirectUrl: "not a url" }), [
            {
                property: "redirectUrl",
                reason: 'redirectUrl must be an absolute http(s) URL (got "not a url")',
            },
        ]);
    });

    it("active and adoptExisting must be true or false", () => {
        assert.deepEqual(failures({ ...base, active: "yes", adoptExisting: 1 }), [
            { property: "active", reason: "active must be true or false" },
            { property: "adoptExisting", reason: "adoptExisting must be true or false" },
        ]);
    });

    it("owner (at most 200) and adoptAppId (at most 100) are optional strings", () => {
        assert.deepEqual(failures({ ...base, owner: "p/".padEnd(200, "s") }), []);
        assert.deepEqual(failures({ ...base, owner: "p/".padEnd(201, "s") }), [
            { property: "owner", reason: "owner must be at most 200 characters (got 201)" },
        ]);
        assert.deepEqual(failures({ ...base, adoptAppId: "0".repeat(100) }), []);
        assert.deepEqual(failures({ ...base, adoptAppId: "0".repeat(101) }), [
            {
                property: "adoptAppId",
                reason: "adoptAppId must be at most 100 characters (got 101)",
            },
        ]);
        assert.deepEqual(failures({ ...base, adoptAppId: 7 }), [
            { property: "adoptAppId", reason: "adoptAppId must be a string" },
        ]);
    });

    it("an unknown value (preview) passes every check", () => {
        const U = pulumi.runtime.unknownValue;
        const all = { orgUrl: U, label: U, loginUrl: U, redirectUrl: U, active: U, owner: U };
        assert.deepEqual(failures({ ...all, adoptExisting: U, adoptAppId: U }), []);
    });
});

describe("AutoLoginApp diff(): another org replaces, every other field updates in place", () => {
    it("no change, no replace", () => {
        assert.deepEqual(diffAutoLoginApp(base, { ...base }), { changes: false, replaces: [] });
    });
    it("orgUrl replaces", () => {
        assert.deepEqual(diffAutoLoginApp(base, { ...base, orgUrl: "https://dev-2.okta.com" }), {
            changes: true,
            replaces: ["orgUrl"],
        });
    });
    const inPlace: [keyof AutoLoginAppState, unknown][] = [
        ["label", "Other"],
        ["loginUrl", "https://na1.nice-incontact.com/login"],
        ["redirectUrl", "https://example.com/after"],
        ["active", false],
    ];
    for (const [key, value] of inPlace) {
        it(`${key} updates in place`, () => {
            assert.deepEqual(diffAutoLoginApp(base, { ...base, [key]: value }), {
                changes: true,
                replaces: [],
            });
        });
    }
    it("settings that matter only at create (adoption, owner) plan no update", () => {
        const later = { ...base, adoptExisting: true, owner: "p/s", adoptAppId: "0oa9" };
        assert.deepEqual(diffAutoLoginApp(base, later), { changes: false, replaces: [] });
    });
    it("a redirectUrl stored as null equals one not given", () => {
        const olds = { ...base, redirectUrl: null as unknown as string };
        assert.deepEqual(diffAutoLoginApp(olds, base), { changes: false, replaces: [] });
    });
});

describe("AutoLoginApp state mapping", () => {
    it("appSpec: label, URLs and, with an owner, the stack's mark as the admin note", () => {
        assert.deepEqual(appSpec({ ...base, redirectUrl: "https://r", owner: "proj/dev" }), {
            label: "NICE CXone",
            loginUrl: LOGIN,
            redirectUrl: "https://r",
            adminNote: "[pulumi stack: proj/dev]",
        });
        assert.deepEqual(appSpec(base), {
            label: "NICE CXone",
            loginUrl: LOGIN,
            redirectUrl: undefined,
            adminNote: undefined,
        });
    });

    it("appOutputs: the inputs plus Okta's name and status, no undefined keys", () => {
        const out = appOutputs(
            { ...base, redirectUrl: undefined },
            liveApp({ status: "INACTIVE" }),
        );
        assert.deepEqual(out, { ...base, name: "nicecxone_1", status: "INACTIVE" });
        assert.ok(!Object.keys(out).includes("redirectUrl"));
    });

    it("appFromLive: label, URLs and status from Okta; create-time settings carried over", () => {
        const old = { ...base, adoptExisting: true, owner: "proj/dev", adoptAppId: "0oa1" };
        const app = liveApp({ label: "Renamed", status: "ACTIVE" });
        app.settings.signOn = {
            loginUrl: "https://na1.nice-incontact.com/x",
            redirectUrl: "https://r",
        };
        const r = appFromLive({ ...old, orgUrl: "https://dev-1.okta.com" }, app);
        const inputs = {
            orgUrl: "https://dev-1.okta.com",
            label: "Renamed",
            loginUrl: "https://na1.nice-incontact.com/x",
            redirectUrl: "https://r",
            active: true,
            adoptExisting: true,
            owner: "proj/dev",
            adoptAppId: "0oa1",
        };
        assert.deepEqual(r.inputs, inputs);
        assert.deepEqual(r.props, { ...inputs, name: "nicecxone_1", status: "ACTIVE" });
    });

    it("appFromLive: an empty redirect URL is none; no signOn at all is an empty login URL", () => {
        const app = liveApp({ status: "INACTIVE" });
        app.settings.signOn = { loginUrl: LOGIN, redirectUrl: "" };
        const r = appFromLive(base, app);
        assert.ok(!("redirectUrl" in r.inputs));
        assert.equal(r.inputs.active, false);
        const bare = liveApp();
        delete bare.settings.signOn;
        assert.equal(appFromLive(base, bare).inputs.loginUrl, "");
    });

    it("appSettingsDiffer: label, login URL or redirect URL each need a PUT; status does not", () => {
        const app = liveApp();
        assert.equal(appSettingsDiffer(base, app), false);
        assert.equal(appSettingsDiffer({ ...base, active: false }, app), false);
        assert.equal(appSettingsDiffer({ ...base, label: "Other" }, app), true);
        assert.equal(appSettingsDiffer({ ...base, loginUrl: "https://other/login" }, app), true);
        assert.equal(appSettingsDiffer({ ...base, redirectUrl: "https://r" }, app), true);
        const withRedirect = liveApp();
        withRedirect.settings.signOn = { loginUrl: LOGIN, redirectUrl: "https://r" };
        assert.equal(appSettingsDiffer({ ...base, redirectUrl: "https://r" }, withRedirect), false);
        assert.equal(appSettingsDiffer(base, withRedirect), true);
        // "" and absent are the same redirect (Okta may send either)
        const emptyRedirect = liveApp();
        emptyRedirect.settings.signOn = { loginUrl: LOGIN, redirectUrl: "" };
        assert.equal(appSettingsDiffer(base, emptyRedirect), false);
        const noSignOn = liveApp();
        delete noSignOn.settings.signOn;
        assert.equal(appSettingsDiffer(base, noSignOn), true);
    });
});

describe("AutoLoginApp adoptable(): only the stack's own app, or the one named by id", () => {
    const owner = "proj/dev";
    const marked = (id: string, by: string, over: Partial<OktaApp> = {}) =>
        liveApp({ id, ...over }, { admin: `made here [pulumi stack: ${by}]` });

    it("no app with the label: nothing to adopt, nothing refused (a new app is made)", () => {
        assert.deepEqual(adoptable({ owner }, []), {});
    });

    it("apps of another sign-on mode are not candidates", () => {
        const saml = marked("0oaS", owner, { signOnMode: "SAML_2_0" });
        assert.deepEqual(adoptable({ owner }, [saml]), {});
    });

    it("adopts the app carrying this stack's mark, wherever it is in the list", () => {
        const other = marked("0oa2", "proj/dev2");
        const mine = marked("0oa3", owner);
        assert.deepEqual(adoptable({ owner }, [other, mine]), { app: mine });
    });

    it("refuses an app marked by another stack, naming that stack", () => {
        assert.deepEqual(adoptable({ owner }, [marked("0oa2", "proj/dev2")]), {
            refusal:
                'Okta app "NICE CXone" (id 0oa2) is managed by Pulumi stack proj/dev2: it is not ' +
                "adopted; choose another appLabel",
        });
    });

    it("refuses an unmarked app, telling how to adopt it by id", () => {
        assert.deepEqual(adoptable({ owner }, [liveApp({ id: "0oa7" })]), {
            refusal:
                'Okta app "NICE CXone" (id 0oa7) carries no mark of this stack, so it is not ' +
                "adopted; choose another appLabel, or, only if you made it yourself and no other " +
                'stack manages it, set adoptAppId: "0oa7"',
        });
    });

    it("without an owner, a marked app is never taken as ours", () => {
        const r = adoptable({}, [marked("0oa2", owner)]);
        assert.equal(r.app, undefined);
        assert.match(r.refusal ?? "", /is managed by Pulumi stack proj\/dev/);
    });

    it("adoptAppId adopts exactly that unmarked app", () => {
        const a = liveApp({ id: "0oa1" });
        const b = liveApp({ id: "0oa2" });
        assert.deepEqual(adoptable({ owner, adoptAppId: "0oa2" }, [a, b]), { app: b });
    });

    it("adoptAppId refuses the app when another stack marked it", () => {
        const r = adoptable({ owner, adoptAppId: "0oa2" }, [marked("0oa2", "proj/dev2")]);
        assert.deepEqual(r, {
            refusal:
                'Okta app "NICE CXone" (id 0oa2) is managed by Pulumi stack proj/dev2, not ' +
                "proj/dev: it is not adopted; choose another appLabel",
        });
    });

    it("adoptAppId naming no app of the label refuses the first, naming both ids", () => {
        const r = adoptable({ owner, adoptAppId: "0oaX" }, [liveApp({ id: "0oa1" })]);
        assert.deepEqual(r, {
            refusal:
                'Okta app "NICE CXone" already exists with id 0oa1, not the adoptAppId "0oaX" you gave',
        });
    });

    it("adoptAppId wins over the mark: another app of the stack is not taken", () => {
        const mine = marked("0oa1", owner);
        const named = liveApp({ id: "0oa2" });
        assert.deepEqual(adoptable({ owner, adoptAppId: "0oa2" }, [mine, named]), { app: named });
    });

    it("admin notes that are not text carry no mark", () => {
        const odd = liveApp({ id: "0oa4" }, { admin: 42 });
        assert.match(adoptable({ owner }, [odd]).refusal ?? "", /carries no mark of this stack/);
    });
});

describe("AutoLoginApp after a lost create answer", () => {
    const started = Date.parse("2026-11-30T12:00:00.000Z");
    const at = (ms: number, over: Partial<OktaApp> = {}) =>
        liveApp({ created: new Date(ms).toISOString(), ...over });

    it("an AUTO_LOGIN app at the login URL made since the call (2 min skew) is a candidate", () => {
        assert.equal(LOST_ANSWER_WINDOW_MS, 120_000);
        const edge = at(started - LOST_ANSWER_WINDOW_MS);
        assert.deepEqual(appsMadeBy(base, [edge], started), [edge]);
        assert.deepEqual(appsMadeBy(base, [at(started - LOST_ANSWER_WINDOW_MS - 1)], started), []);
        assert.deepEqual(appsMadeBy(base, [at(started + 5_000)], started).length, 1);
    });

    it("another sign-on mode or another login URL is not the app the call made", () => {
        assert.deepEqual(appsMadeBy(base, [at(started, { signOnMode: "BOOKMARK" })], started), []);
        const elsewhere = at(started);
        elsewhere.settings.signOn = { loginUrl: "https://na1.nice-incontact.com/other" };
        assert.deepEqual(appsMadeBy(base, [elsewhere], started), []);
        const none = at(started);
        delete none.settings.signOn;
        assert.deepEqual(appsMadeBy(base, [none], started), []);
    });

    it("the filter keeps exactly the apps that pass all three tests (property)", () => {
        fc.assert(
            fc.property(
                fc.array(
                    fc.record({
                        swa: fc.boolean(),
                        sameUrl: fc.boolean(),
                        ageMs: fc.integer({ min: -300_000, max: 300_000 }),
                    }),
                ),
                (specs) => {
                    const apps = specs.map((s, i) => {
                        const a = at(started - s.ageMs, {
                            id: `0oa${i}`,
                            signOnMode: s.swa ? "AUTO_LOGIN" : "SAML_2_0",
                        });
                        a.settings.signOn = { loginUrl: s.sameUrl ? LOGIN : `${LOGIN}/x` };
                        return a;
                    });
                    const expected = specs
                        .map((s, i) => (s.swa && s.sameUrl && s.ageMs <= 120_000 ? `0oa${i}` : ""))
                        .filter(Boolean);
                    const got = appsMadeBy(base, apps, started).map((a) => a.id);
                    assert.deepEqual(got, expected);
                },
            ),
        );
    });

    it("a create may have happened only without an answer or behind a gateway error", () => {
        assert.equal(mayHaveCreated(undefined), true);
        assert.equal(mayHaveCreated(502), true);
        assert.equal(mayHaveCreated(504), true);
        for (const s of [200, 400, 401, 403, 404, 429, 500, 501, 503]) {
            assert.equal(mayHaveCreated(s), false, `HTTP ${s}`);
        }
    });
});
