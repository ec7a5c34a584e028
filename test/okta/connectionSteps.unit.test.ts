// The SCIM connection's status from every kind of evidence, and the exact console steps the
// operator reads for each status (pure: no servers). The steps are the product's words to a person
// at the Okta Admin Console, so they are compared whole.
import { strict as assert } from "assert";
import { fromCapabilities, toCapabilities } from "../../provider/okta/capabilities";
import {
    connectionStatus,
    remainingSteps,
    StepContext,
    type ConnectionEvidence,
} from "../../provider/okta/connectionSteps";

const USED = "2026-01-01T00:00:00Z";

describe("Okta: connection status, every rule", () => {
    const rotation = (previousKeyActive: boolean, oktaUsesNewKey: boolean) => ({
        previousClientId: "OLD",
        previousKeyActive,
        oktaUsesNewKey,
    });
    const cases: [ConnectionEvidence, string][] = [
        [{}, "pending"],
        [{ keyIsActive: true }, "pending"],
        [{ keyIsActive: true, keyLastUsedDate: USED }, "authorized"],
        [
            { keyIsActive: false, keyLastUsedDate: USED, oktaConnectionStatus: "ENABLED" },
            "key-revoked",
        ],
        // Okta silent: a key switched off in CXone is still seen, through CXone alone
        [
            { keyIsActive: false, keyLastUsedDate: USED, oktaConnectionStatus: "UNKNOWN" },
            "key-revoked",
        ],
        // a rotation: the old key still works, whatever Okta reports
        [{ rotation: rotation(true, false), oktaConnectionStatus: "DISABLED" }, "rotating"],
        [{ rotation: rotation(true, true), oktaConnectionStatus: "UNKNOWN" }, "rotating"],
        // the old key is gone: fine only once Okta uses the new one
        [{ rotation: rotation(false, false), oktaConnectionStatus: "ENABLED" }, "key-revoked"],
        [
            {
                rotation: rotation(false, true),
                oktaConnectionStatus: "ENABLED",
                keyLastUsedDate: USED,
            },
            "authorized",
        ],
        // "Enable SCIM provisioning" unticked after Okta had reported a status
        [
            { oktaConnectionStatus: "UNKNOWN", oktaReportedBefore: true, keyLastUsedDate: USED },
            "pending",
        ],
        [{ oktaConnectionStatus: "UNKNOWN", keyLastUsedDate: USED }, "authorized"],
        [{ oktaConnectionStatus: "ENABLED", oktaReportedBefore: true }, "pending"],
        [
            {
                oktaConnectionStatus: "DISABLED",
                oktaReportedBefore: true,
                previouslyAuthorized: true,
            },
            "disabled",
        ],
        // the rules as first written, one case each
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

describe("Okta: the console steps for each status, word for word", () => {
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
    const app = 'Okta Admin Console > Applications > "NICE CXone" (app id 0oa1)';
    /** The evidence of a rotation from the old key OLDKEY: whether it works, whether Okta switched. */
    const rotationFromOldKey = (previousKeyActive: boolean, oktaUsesNewKey: boolean) => ({
        previousClientId: "OLDKEY",
        previousKeyActive,
        oktaUsesNewKey,
    });
    const save =
        "2. Provisioning > Integration > Edit: SCIM connector base URL = https://na1.nice-incontact.com/scim/v2; " +
        "Unique identifier field for users = userName; Supported provisioning actions = Push New Users, Push Profile Updates; " +
        "Authentication Mode = OAuth 2; Access token endpoint URI = https://cxone.niceincontact.com/auth/token; " +
        "Authorization endpoint URI = https://cxone.niceincontact.com/auth/authorize?scope=openid; Client ID = KEYID; " +
        "Client secret = the value of `pulumi stack output accessKeySecret --show-secrets` > Save.";
    const authenticate =
        '3. Provisioning > Integration: click "Authenticate with CXone" and sign in to CXone.';
    const again =
        "4. Run `pulumi up` again: it switches on the provisioning actions (or set waitForAuthorizationSeconds so one `pulumi up` waits for you).";

    it("pending: the four steps of the procedure", () => {
        assert.deepEqual(remainingSteps("pending", ctx), [
            `1. ${app} > General > App Settings > Edit: tick "Enable SCIM provisioning" > Save.`,
            save,
            authenticate,
            again,
        ]);
    });

    it("authorized: none", () => {
        assert.deepEqual(remainingSteps("authorized", ctx), []);
    });

    it("disabled: re-activated by `pulumi up`; sign in again if Okta asks", () => {
        assert.deepEqual(remainingSteps("disabled", ctx), [
            `The provisioning connection of ${app} was deactivated in Okta. \`pulumi up\` re-activates it; if Okta then asks, repeat:`,
            authenticate,
            again,
        ]);
    });

    it("key-revoked: enter the current key, then sign in", () => {
        assert.deepEqual(remainingSteps("key-revoked", ctx), [
            "The CXone access key KEYID that Okta holds is revoked or inactive. Enter the current key in Okta:",
            save,
            authenticate,
            again,
        ]);
    });

    it("rotating, Okta still on the old key: enter the new key; the up after that revokes the old one", () => {
        const rotation = rotationFromOldKey(true, false);
        assert.deepEqual(
            remainingSteps("rotating", {
                ...ctx,
                rotation,
                cxoneSignInHint: "as admin@example.com",
            }),
            [
                "Key rotation: the new CXone access key KEYID is active and the old key OLDKEY still works, so provisioning goes on. In the Okta Admin Console:",
                `1. ${app} > Provisioning > Integration > Edit: Client ID = KEYID; Client secret = the value of \`pulumi stack output accessKeySecret --show-secrets\` > Save.`,
                '2. Provisioning > Integration: click "Authenticate with CXone" and sign in to CXone (as admin@example.com).',
                "3. Run `pulumi up`: once CXone shows Okta signing in with the new key and no longer with the old one, it revokes the old key OLDKEY.",
            ],
        );
    });

    it("rotating, Okta on the new key: one `pulumi up` revokes the old key", () => {
        const rotation = rotationFromOldKey(true, true);
        assert.deepEqual(remainingSteps("rotating", { ...ctx, rotation }), [
            "Okta signs in with the new CXone access key KEYID. Run `pulumi up`: it revokes the old key OLDKEY.",
        ]);
    });

    it("rotation evidence changes only the steps of a rotation", () => {
        const rotation = rotationFromOldKey(false, false);
        for (const status of ["pending", "key-revoked", "disabled"] as const) {
            assert.deepEqual(
                remainingSteps(status, { ...ctx, rotation }),
                remainingSteps(status, ctx),
                status,
            );
        }
        assert.deepEqual(remainingSteps("authorized", { ...ctx, rotation }), []);
    });

    it("rotating without rotation evidence: the full steps", () => {
        assert.equal(remainingSteps("rotating", ctx).length, 4);
    });

    it("the sign-in hint and an action Okta names differently are shown as given", () => {
        const steps = remainingSteps("pending", {
            ...ctx,
            cxoneSignInHint: "as scim@example.com",
            settings: { ...ctx.settings, supportedActions: ["pushNewUsers", "importGroups"] },
        });
        assert.equal(
            steps[2],
            '3. Provisioning > Integration: click "Authenticate with CXone" and sign in to CXone (as scim@example.com).',
        );
        assert.match(steps[1], /; Supported provisioning actions = Push New Users, importGroups; /);
    });
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

describe("Okta: the switches <-> USER_PROVISIONING capabilities, each on its own", () => {
    const off = { createUsers: false, updateUserAttributes: false, deactivateUsers: false };
    it("each switch lands in its own capability", () => {
        assert.deepEqual(toCapabilities(off), {
            create: { lifecycleCreate: { status: "DISABLED" } },
            update: {
                profile: { status: "DISABLED" },
                lifecycleDeactivate: { status: "DISABLED" },
            },
        });
        for (const k of Object.keys(off) as (keyof typeof off)[]) {
            const one = { ...off, [k]: true };
            assert.deepEqual(fromCapabilities(toCapabilities(one)), one, k);
        }
    });
    it("an absent or partial capabilities object reads as off", () => {
        assert.deepEqual(fromCapabilities(undefined), off);
        assert.deepEqual(fromCapabilities({} as never), off);
        assert.deepEqual(fromCapabilities({ create: {}, update: {} } as never), off);
        assert.deepEqual(
            fromCapabilities({ update: { profile: { status: "ENABLED" } } } as never),
            { ...off, updateUserAttributes: true },
        );
    });
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
