// Pure logic of the Okta side: connection status from evidence, the console steps, the feature
// switches, and input checks (which must never call an API).
import { strict as assert } from "assert";
import { fromCapabilities, toCapabilities } from "../../provider/okta/capabilities";
import { connectionStatus, remainingSteps, StepContext } from "../../provider/okta/connectionSteps";
import * as app from "../../provider/okta/autoLoginAppProvider";
import * as actions from "../../provider/okta/provisioningActionsProvider";
import * as scim from "../../provider/okta/scimConnectionProvider";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

describe("Okta: connection status from evidence", () => {
    const cases: [Parameters<typeof connectionStatus>[0], string][] = [
        // ENABLED is about the credentials Okta holds: it proves the current key only once used or seen before.
        [{ oktaConnectionStatus: "ENABLED" }, "pending"],
        [{ oktaConnectionStatus: "ENABLED", previouslyAuthorized: true }, "authorized"],
        [
            { oktaConnectionStatus: "ENABLED", keyLastUsedDate: "2026-01-01T00:00:00Z" },
            "authorized",
        ],
        [{ oktaConnectionStatus: "DISABLED" }, "pending"],
        [{ oktaConnectionStatus: "DISABLED", previouslyAuthorized: true }, "disabled"],
        [{ oktaConnectionStatus: "DISABLED", keyLastUsedDate: "2026-01-01T00:00:00Z" }, "disabled"],
        [{ oktaConnectionStatus: "UNKNOWN", keyLastUsedDate: null }, "pending"],
        [
            { oktaConnectionStatus: "UNKNOWN", keyLastUsedDate: "2026-01-01T00:00:00Z" },
            "authorized",
        ],
        [{ keyIsActive: false, oktaConnectionStatus: "ENABLED" }, "key-revoked"],
    ];
    for (const [evidence, expected] of cases) {
        it(`${JSON.stringify(evidence)} -> ${expected}`, () =>
            assert.equal(connectionStatus(evidence), expected));
    }
});

describe("Okta: remaining console steps", () => {
    const ctx: StepContext = {
        appLabel: "NICE CXone",
        appId: "0oa1",
        settings: {
            scimBaseUrl: "https://na1.nice-incontact.com/scim/v2",
            uniqueIdentifierField: "userName",
            supportedActions: ["pushNewUsers", "pushProfileUpdates"],
            authMode: "oauth2",
            tokenEndpoint: "https://cxone.niceincontact.com/auth/token",
            authorizeEndpoint: "https://cxone.niceincontact.com/auth/authorize?scope=openid",
            clientId: "KEYID",
        },
        secretReference: "pulumi stack output accessKeySecret --show-secrets",
    };
    it("lists every value to enter, the secret by reference", () => {
        const steps = remainingSteps("pending", ctx).join("\n");
        for (const v of [
            "Enable SCIM provisioning",
            ctx.settings.scimBaseUrl,
            "userName",
            "Push New Users, Push Profile Updates",
            "OAuth 2",
            ctx.settings.tokenEndpoint,
            ctx.settings.authorizeEndpoint,
            "Client ID = KEYID",
            ctx.secretReference,
            "Authenticate with CXone",
        ]) {
            assert.ok(steps.includes(v), `missing: ${v}`);
        }
    });
    it("is empty once authorized; short for a deactivated connection; names the key when revoked", () => {
        assert.deepEqual(remainingSteps("authorized", ctx), []);
        assert.match(remainingSteps("disabled", ctx)[0], /deactivated/);
        assert.match(remainingSteps("key-revoked", ctx)[0], /KEYID/);
    });
});

describe("Okta: provisioning switches <-> USER_PROVISIONING capabilities", () => {
    it("round-trips and matches the seed's body", () => {
        const on = { createUsers: true, updateUserAttributes: true, deactivateUsers: true };
        assert.deepEqual(toCapabilities(on), {
            create: { lifecycleCreate: { status: "ENABLED" } },
            update: { profile: { status: "ENABLED" }, lifecycleDeactivate: { status: "ENABLED" } },
        });
        const mixed = { createUsers: true, updateUserAttributes: false, deactivateUsers: true };
        assert.deepEqual(fromCapabilities(toCapabilities(mixed)), mixed);
    });
});

describe("Okta: input checks name the property and tolerate unknowns", () => {
    const props = async (r: { failures?: { property: string }[] }) =>
        (r.failures ?? []).map((f) => f.property).sort();
    it("AutoLoginApp", async () => {
        const base = {
            orgUrl: "https://dev-1.okta.com",
            label: "NICE CXone",
            loginUrl: "https://cxone.niceincontact.com/login",
            active: true,
            adoptExisting: false,
        };
        assert.deepEqual(await props(await app.check(base, base)), []);
        assert.deepEqual(
            await props(
                await app.check(base, { ...base, loginUrl: "http://cxone.example.com/login" }),
            ),
            ["loginUrl"],
        );
        assert.deepEqual(await props(await app.check(base, { ...base, label: "" })), ["label"]);
        assert.deepEqual(await props(await app.check(base, { ...base, orgUrl: "not a url" })), [
            "orgUrl",
        ]);
        assert.deepEqual(
            await props(await app.check(base, { ...base, label: UNKNOWN, loginUrl: UNKNOWN })),
            [],
        );
    });
    it("ProvisioningActions", async () => {
        const base = {
            orgUrl: "https://dev-1.okta.com",
            appId: "0oa1",
            connectionStatus: "pending",
            createUsers: true,
            updateUserAttributes: true,
            deactivateUsers: true,
        };
        assert.deepEqual(
            await props(
                await actions.check(base, { ...base, createUsers: "yes" as unknown as boolean }),
            ),
            ["createUsers"],
        );
        assert.deepEqual(
            await props(
                await actions.check(base, { ...base, appId: UNKNOWN, connectionStatus: UNKNOWN }),
            ),
            [],
        );
    });
    it("ScimConnection: never echoes the secret", async () => {
        const base = {
            orgUrl: "https://dev-1.okta.com",
            appId: "0oa1",
            appLabel: "NICE CXone",
            scimBaseUrl: "https://na1.nice-incontact.com/scim/v2",
            uniqueIdentifierField: "userName",
            supportedActions: ["pushNewUsers"],
            authMode: "oauth2",
            tokenEndpoint: "https://cxone.niceincontact.com/auth/token",
            authorizeEndpoint: "https://cxone.niceincontact.com/auth/authorize",
            clientId: "KEY",
            clientSecret: "TOP-SECRET-VALUE",
            cxoneEndpoint: {
                issuerUrl: "https://cxone.niceincontact.com",
                areaUrl: "https://na1.nice-incontact.com",
            },
            secretReference: "ref",
            waitForAuthorizationSeconds: 0,
            pollIntervalSeconds: 5,
        };
        assert.deepEqual(await props(await scim.check(base, base)), []);
        const bad = await scim.check(base, {
            ...base,
            uniqueIdentifierField: "email",
            authMode: "basic",
            supportedActions: ["pushGroups"],
            waitForAuthorizationSeconds: -1,
            scimBaseUrl: "ftp://x",
        });
        assert.deepEqual(await props(bad), [
            "authMode",
            "scimBaseUrl",
            "supportedActions",
            "uniqueIdentifierField",
            "waitForAuthorizationSeconds",
        ]);
        assert.ok(!JSON.stringify(bad).includes("TOP-SECRET-VALUE"));
        assert.deepEqual(await props(await scim.check(base, { ...base, clientSecret: "" })), [
            "clientSecret",
        ]);
    });
});
