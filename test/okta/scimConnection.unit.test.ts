// ScimConnection's pure half: every input check (named property, exact reason, the secret never
// echoed), the diff clause by clause, the outputs judged from evidence, and the `up` gate.
import { strict as assert } from "assert";
import { OKTA_TEST_SECRET, oktaConnectionInputs } from "../support/oktaConnectionInputs";
import * as pulumi from "@pulumi/pulumi";
import {
    checkScimConnection,
    connectionInputs,
    describeConnection,
    diffScimConnection,
    KNOWN_ACTIONS,
    mustFail,
    provisioningWorks,
    sameSettings,
    SCIM_CONNECTION_DEFAULTS,
    scimConnectionId,
    ScimConnectionOutputs,
    ScimConnectionState,
    SETTING_KEYS,
    stillWaitingMessage,
} from "../../provider/okta/scimConnectionLogic";

const U = pulumi.runtime.unknownValue;
const SECRET = OKTA_TEST_SECRET;
const raw = oktaConnectionInputs();
const state: ScimConnectionState = { ...raw, ...SCIM_CONNECTION_DEFAULTS };

/** The failures of a check, each with its exact reason; the secret must not be in any of them. */
function failures(news: Record<string, unknown>) {
    const r = checkScimConnection(news);
    assert.ok(!JSON.stringify(r).includes(SECRET) || r.failures.length === 0);
    return r.failures;
}

describe("ScimConnection check(): each input named, with the reason", () => {
    it("a complete set passes and gets exactly the documented defaults", () => {
        const r = checkScimConnection(raw);
        assert.deepEqual(r.failures, []);
        assert.deepEqual(r.inputs, {
            ...raw,
            uniqueIdentifierField: "userName",
            supportedActions: ["pushNewUsers", "pushProfileUpdates"],
            authMode: "oauth2",
            secretReference: "pulumi stack output accessKeySecret --show-secrets",
            waitForAuthorizationSeconds: 0,
            requireAuthorization: false,
            pollIntervalSeconds: 5,
        });
    });

    it("orgUrl, appId and clientId are required; appLabel is optional (left out when secret)", () => {
        const f = failures({ ...raw, orgUrl: "", appId: "", appLabel: 5, clientId: 5 });
        assert.deepEqual(f, [
            { property: "orgUrl", reason: "orgUrl is required and must be an http(s) URL" },
            { property: "appId", reason: "appId is required and must not be empty" },
            { property: "clientId", reason: "clientId is required and must be a string" },
            { property: "appLabel", reason: "appLabel must be a string" },
        ]);
        assert.deepEqual(failures({ ...raw, appLabel: undefined }), []);
        assert.deepEqual(failures({ ...raw, appLabel: "" }), []);
    });

    for (const k of ["scimBaseUrl", "tokenEndpoint", "authorizeEndpoint"]) {
        it(`${k} must be https on a CXone region host (Okta sends the secret there)`, () => {
            assert.deepEqual(failures({ ...raw, [k]: "http://cxone.niceincontact.com/x" }), [
                {
                    property: k,
                    reason: `${k} must use https (plain http is accepted only on loopback): "http://cxone.niceincontact.com/x"`,
                },
            ]);
            const elsewhere = failures({ ...raw, [k]: "https://evil.example/scim" });
            assert.deepEqual(
                elsewhere.map((f) => f.property),
                [k],
            );
            assert.match(elsewhere[0].reason, /one of CXone's region hosts .*"evil\.example"/);
            assert.deepEqual(failures({ ...raw, [k]: "http://localhost:9000/x" }), []);
        });
    }

    it("clientSecret is required, naming the CXone secret access key, never echoing it", () => {
        const reason = "clientSecret is required (the CXone secret access key)";
        assert.deepEqual(failures({ ...raw, clientSecret: "" }), [
            { property: "clientSecret", reason },
        ]);
        assert.deepEqual(failures({ ...raw, clientSecret: 12 }), [
            { property: "clientSecret", reason },
        ]);
    });

    it("a failing check answers with the secret blanked; a passing one keeps it", () => {
        const bad = checkScimConnection({ ...raw, appId: "" });
        assert.equal(bad.inputs.clientSecret, "");
        assert.equal(checkScimConnection(raw).inputs.clientSecret, SECRET);
    });

    it("uniqueIdentifierField can only be userName", () => {
        assert.deepEqual(failures({ ...raw, uniqueIdentifierField: "email" }), [
            {
                property: "uniqueIdentifierField",
                reason: 'uniqueIdentifierField must be "userName" (CXone\'s SCIM server matches users on userName)',
            },
        ]);
    });

    it("authMode can only be oauth2", () => {
        assert.deepEqual(failures({ ...raw, authMode: "basic" }), [
            {
                property: "authMode",
                reason: 'authMode must be "oauth2" (the method NICE documents for Okta)',
            },
        ]);
    });

    it("supportedActions: a non-empty list of the known actions (unknown items pass)", () => {
        assert.deepEqual(KNOWN_ACTIONS, ["pushNewUsers", "pushProfileUpdates"]);
        const reason =
            "supportedActions must be a non-empty list of pushNewUsers, pushProfileUpdates";
        for (const bad of [[], ["pushGroups"], ["pushNewUsers", "x"], "pushNewUsers"]) {
            assert.deepEqual(failures({ ...raw, supportedActions: bad }), [
                { property: "supportedActions", reason },
            ]);
        }
        assert.deepEqual(failures({ ...raw, supportedActions: ["pushProfileUpdates"] }), []);
        assert.deepEqual(failures({ ...raw, supportedActions: [U, "pushNewUsers"] }), []);
    });

    it("cxoneEndpoint must carry an issuerUrl", () => {
        const reason = "cxoneEndpoint must be the CXone endpoint (issuerUrl, areaUrl)";
        for (const bad of [{}, { issuerUrl: "" }, "https://cxone.niceincontact.com"]) {
            assert.deepEqual(failures({ ...raw, cxoneEndpoint: bad }), [
                { property: "cxoneEndpoint", reason },
            ]);
        }
    });

    for (const k of ["issuerUrl", "areaUrl", "apiUrl"]) {
        it(`cxoneEndpoint.${k} must be under CXone's own domains (the key is checked there)`, () => {
            const endpoint = { ...raw.cxoneEndpoint, [k]: "https://evil.example" };
            const f = failures({ ...raw, cxoneEndpoint: endpoint });
            assert.deepEqual(
                f.map((x) => x.property),
                [`cxoneEndpoint.${k}`],
            );
            assert.match(f[0].reason, /under CXone's own domains/);
            const api = { ...raw.cxoneEndpoint, [k]: "https://api-na1.niceincontact.com" };
            assert.deepEqual(failures({ ...raw, cxoneEndpoint: api }), []);
        });
    }

    it("secretReference: a non-empty string of at most 1000 characters", () => {
        assert.deepEqual(failures({ ...raw, secretReference: "x".repeat(1000) }), []);
        assert.deepEqual(failures({ ...raw, secretReference: "x".repeat(1001) }), [
            {
                property: "secretReference",
                reason: "secretReference must be at most 1000 characters (got 1001)",
            },
        ]);
        assert.deepEqual(failures({ ...raw, secretReference: "  " }), [
            {
                property: "secretReference",
                reason: "secretReference is required and must not be empty",
            },
        ]);
    });

    it("waitForAuthorizationSeconds: 0 to 86400", () => {
        const reason = "waitForAuthorizationSeconds must be a number from 0 to 86400";
        for (const ok of [0, 86_400]) {
            assert.deepEqual(failures({ ...raw, waitForAuthorizationSeconds: ok }), []);
        }
        for (const bad of [-1, 86_401, "5"]) {
            assert.deepEqual(failures({ ...raw, waitForAuthorizationSeconds: bad }), [
                { property: "waitForAuthorizationSeconds", reason },
            ]);
        }
    });

    it("pollIntervalSeconds: 1 to 3600", () => {
        const reason = "pollIntervalSeconds must be a number from 1 to 3600";
        for (const ok of [1, 3_600])
            assert.deepEqual(failures({ ...raw, pollIntervalSeconds: ok }), []);
        for (const bad of [0, 3_601]) {
            assert.deepEqual(failures({ ...raw, pollIntervalSeconds: bad }), [
                { property: "pollIntervalSeconds", reason },
            ]);
        }
    });

    it("requireAuthorization must be true or false", () => {
        assert.deepEqual(failures({ ...raw, requireAuthorization: "yes" }), [
            {
                property: "requireAuthorization",
                reason: "requireAuthorization must be true or false",
            },
        ]);
        assert.equal(
            checkScimConnection({ ...raw, requireAuthorization: true }).inputs.requireAuthorization,
            true,
        );
    });

    it("previousClientId: absent, null or a string", () => {
        for (const ok of [undefined, null, "", "OLD"]) {
            assert.deepEqual(failures({ ...raw, previousClientId: ok }), []);
        }
        assert.deepEqual(failures({ ...raw, previousClientId: 42 }), [
            { property: "previousClientId", reason: "previousClientId must be a string" },
        ]);
    });

    it("unknown values (preview) pass every check", () => {
        const all = Object.fromEntries(Object.keys(state).map((k) => [k, U]));
        assert.deepEqual(failures(all), []);
    });
});

describe("ScimConnection diff(): settings update in place, another app replaces", () => {
    const authorized: ScimConnectionOutputs = {
        ...state,
        status: "authorized",
        oktaConnectionStatus: "ENABLED",
        remainingSteps: [],
    };

    it("an authorized connection with the same inputs plans nothing", () => {
        assert.deepEqual(diffScimConnection(authorized, state), { changes: false, replaces: [] });
    });

    for (const [k, v] of [
        ["appId", "0oa2"],
        ["orgUrl", "https://dev-2.okta.com"],
    ] as const) {
        it(`another ${k} replaces`, () => {
            assert.deepEqual(diffScimConnection(authorized, { ...state, [k]: v }), {
                changes: true,
                replaces: ["appId"],
            });
        });
    }

    const changes: [keyof ScimConnectionState, unknown][] = [
        ...SETTING_KEYS.map((k): [keyof ScimConnectionState, unknown] => [
            k,
            `${state[k]}-changed`,
        ]),
        ["supportedActions", ["pushNewUsers"]],
        ["appLabel", "Other label"],
        ["secretReference", "vault read secret/cxone"],
        ["previousClientId", "OLD"],
        ["waitForAuthorizationSeconds", 30],
        ["requireAuthorization", true],
    ];
    for (const [k, v] of changes) {
        it(`a changed ${k} updates in place`, () => {
            assert.deepEqual(diffScimConnection(authorized, { ...state, [k]: v }), {
                changes: true,
                replaces: [],
            });
        });
    }

    it("inputs that are not Okta's settings plan nothing (the poll interval, the hint)", () => {
        const news = { ...state, pollIntervalSeconds: 60, cxoneSignInHint: "admin@x" };
        assert.deepEqual(diffScimConnection(authorized, news), { changes: false, replaces: [] });
    });

    it("an empty previousClientId is the same as none", () => {
        const olds = { ...authorized, previousClientId: "" };
        assert.equal(diffScimConnection(olds, state).changes, false);
        assert.equal(
            diffScimConnection(authorized, { ...state, previousClientId: "" }).changes,
            false,
        );
    });

    const at = (
        status: ScimConnectionOutputs["status"],
        okta?: "ENABLED" | "DISABLED" | "UNKNOWN",
    ) => ({
        ...authorized,
        status,
        oktaConnectionStatus: okta,
    });
    const waiting = { ...state, waitForAuthorizationSeconds: 10 };
    const requiring = { ...state, requireAuthorization: true };

    it("a disabled connection plans an update (it re-activates)", () => {
        assert.equal(diffScimConnection(at("disabled", "DISABLED"), state).changes, true);
        assert.equal(diffScimConnection(at("disabled"), state).changes, true);
    });
    it("Okta reporting DISABLED plans an update, except while pending or rotating", () => {
        assert.equal(diffScimConnection(at("authorized", "DISABLED"), state).changes, true);
        assert.equal(diffScimConnection(at("key-revoked", "DISABLED"), state).changes, true);
        assert.equal(diffScimConnection(at("pending", "DISABLED"), state).changes, false);
        assert.equal(diffScimConnection(at("rotating", "DISABLED"), state).changes, false);
    });
    it("a revoked key plans an update (the same up switches it on again)", () => {
        assert.equal(diffScimConnection(at("key-revoked", "ENABLED"), state).changes, true);
    });
    it("pending plans an update only when the up waits for or requires the console steps", () => {
        assert.equal(diffScimConnection(at("pending", "UNKNOWN"), state).changes, false);
        const pendingWaiting = { ...at("pending", "UNKNOWN"), waitForAuthorizationSeconds: 10 };
        assert.equal(diffScimConnection(pendingWaiting, waiting).changes, true);
        const pendingRequiring = { ...at("pending", "UNKNOWN"), requireAuthorization: true };
        assert.equal(diffScimConnection(pendingRequiring, requiring).changes, true);
    });
    it("authorized or rotating needs no wait even when waiting is asked for", () => {
        for (const s of ["authorized", "rotating"] as const) {
            const olds = {
                ...at(s, "ENABLED"),
                waitForAuthorizationSeconds: 10,
                requireAuthorization: true,
            };
            const news = { ...state, waitForAuthorizationSeconds: 10, requireAuthorization: true };
            assert.equal(diffScimConnection(olds, news).changes, false, s);
        }
    });
});

describe("ScimConnection outputs from evidence", () => {
    it("the id is the app's id and /scim", () => {
        assert.equal(scimConnectionId(state), "0oa1/scim");
    });

    it("pending with Okta silent: the steps, no Okta report, no key date", () => {
        const o = describeConnection(state, {
            oktaConnectionStatus: "UNKNOWN",
            keyLastUsedDate: null,
        });
        assert.equal(o.status, "pending");
        assert.equal(o.oktaConnectionStatus, "UNKNOWN");
        assert.ok(!("keyLastUsedDate" in o));
        assert.ok(!("oktaReportedStatus" in o));
        assert.equal(o.remainingSteps.length, 4);
        assert.match(o.remainingSteps[0], /"NICE CXone" \(app id 0oa1\)/);
        assert.match(
            o.remainingSteps[1],
            /Client secret = the value of `pulumi stack output accessKeySecret --show-secrets`/,
        );
        assert.ok(!JSON.stringify(o.remainingSteps).includes(SECRET));
    });

    it("the sign-in hint reaches the steps", () => {
        const o = describeConnection({ ...state, cxoneSignInHint: "admin@example.com" }, {});
        assert.match(o.remainingSteps[2], /sign in to CXone \(admin@example\.com\)/);
    });

    for (const okta of ["ENABLED", "DISABLED"] as const) {
        it(`Okta answering ${okta} marks that Okta reports a status for this app`, () => {
            const o = describeConnection(state, {
                oktaConnectionStatus: okta,
                keyLastUsedDate: "2026-01-01",
            });
            assert.equal(o.oktaReportedStatus, true);
            assert.equal(o.keyLastUsedDate, "2026-01-01");
        });
    }

    it("an earlier report is remembered when Okta now answers UNKNOWN (switched off)", () => {
        const o = describeConnection(state, {
            oktaConnectionStatus: "UNKNOWN",
            oktaReportedBefore: true,
        });
        assert.equal(o.oktaReportedStatus, true);
        assert.equal(o.status, "pending");
        const never = describeConnection(state, {
            oktaConnectionStatus: "UNKNOWN",
            oktaReportedBefore: false,
        });
        assert.ok(!("oktaReportedStatus" in never));
    });

    it("authorized: no steps; connectionInputs gives back exactly the inputs", () => {
        const o = describeConnection(state, {
            oktaConnectionStatus: "ENABLED",
            keyLastUsedDate: "2026-01-01",
        });
        assert.deepEqual(o, {
            ...state,
            status: "authorized",
            oktaConnectionStatus: "ENABLED",
            keyLastUsedDate: "2026-01-01",
            oktaReportedStatus: true,
            remainingSteps: [],
        });
        assert.deepEqual(connectionInputs(o), state);
    });

    it("a rotation in progress names the new client id in the steps", () => {
        const o = describeConnection(state, {
            oktaConnectionStatus: "ENABLED",
            keyLastUsedDate: "2026-01-01",
            rotation: { previousClientId: "OLD", previousKeyActive: true, oktaUsesNewKey: false },
        });
        assert.equal(o.status, "rotating");
        assert.match(o.remainingSteps.join("\n"), /new CXone access key KEY .* old key OLD/);
    });
});

describe("ScimConnection: the gate of an up", () => {
    const out = (status: ScimConnectionOutputs["status"]): ScimConnectionOutputs => ({
        ...state,
        status,
        remainingSteps: ["1. step one", "2. step two"],
    });

    it("provisioning works when authorized or rotating only", () => {
        assert.equal(provisioningWorks("authorized"), true);
        assert.equal(provisioningWorks("rotating"), true);
        for (const s of ["pending", "disabled", "key-revoked"] as const) {
            assert.equal(provisioningWorks(s), false, s);
        }
    });

    it("an up fails only when not working and a wait or a requirement was set", () => {
        for (const s of ["pending", "disabled", "key-revoked"] as const) {
            assert.equal(mustFail(state, out(s)), false);
            assert.equal(mustFail({ ...state, waitForAuthorizationSeconds: 1 }, out(s)), true);
            assert.equal(mustFail({ ...state, requireAuthorization: true }, out(s)), true);
        }
        for (const s of ["authorized", "rotating"] as const) {
            assert.equal(
                mustFail(
                    { ...state, waitForAuthorizationSeconds: 1, requireAuthorization: true },
                    out(s),
                ),
                false,
            );
        }
    });

    it("after a wait, the message says how long it waited, then every remaining step", () => {
        const s = { ...state, waitForAuthorizationSeconds: 30 };
        assert.equal(
            stillWaitingMessage(s, out("pending")),
            'the SCIM connection of Okta app "NICE CXone" is still pending after waiting 30s. ' +
                "Remaining steps:\n1. step one\n2. step two",
        );
    });

    it("without a wait, the message says the provisioning actions need the authorization", () => {
        const s = { ...state, requireAuthorization: true };
        assert.equal(
            stillWaitingMessage(s, out("key-revoked")),
            'the SCIM connection of Okta app "NICE CXone" is key-revoked: the provisioning actions ' +
                "need it authorized first. Remaining steps:\n1. step one\n2. step two",
        );
    });

    it("sameSettings compares exactly Okta's settings", () => {
        assert.equal(sameSettings(state, { ...state }), true);
        for (const k of SETTING_KEYS) {
            assert.equal(sameSettings(state, { ...state, [k]: "other" }), false, k);
        }
        assert.equal(
            sameSettings(state, { ...state, appLabel: "other", secretReference: "x" }),
            true,
        );
    });
});
