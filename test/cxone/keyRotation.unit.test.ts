// The rules of a phased key rotation (provider/cxone/keyRotation.ts), with their edges (dates CXone
// may leave out or garble, the exact moment a rotation starts or an overlap ends, the operator's
// warning), and the status and steps the SCIM connection shows during one. Pure: no servers.
import { strict as assert } from "assert";
import {
    keySchedule,
    oktaUsesNewKey,
    PreviousKey,
    retirement,
} from "../../provider/cxone/keyRotation";
import { connectionStatus, remainingSteps } from "../../provider/okta/connectionSteps";

const T0 = Date.parse("2026-06-01T00:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const DAY = 86_400_000;

describe("key rotation rules", () => {
    const previous: PreviousKey = {
        accessKeyId: "OLD",
        rotationStartedAt: at(0),
        isActive: true,
        lastUsedDate: at(-5),
    };
    const fresh = { accessKeyId: "NEW", isActive: true, createdDate: at(0) };

    it("evidence: the new key used after its creation and the old one not since", () => {
        const cases: [string | undefined, string | undefined, boolean][] = [
            [undefined, at(-5), false], // new key never used: Okta still holds the old one
            [at(10), at(-5), true], // Okta switched: only the new key signs in now
            [at(10), at(20), false], // the old key signed in after the new one: Okta still uses it
            [at(10), at(10), false], // equal dates prove nothing
            [at(10), undefined, true], // the old key was never used at all
        ];
        for (const [newUse, oldUse, expected] of cases) {
            const got = oktaUsesNewKey(
                { ...fresh, lastUsedDate: newUse },
                { ...previous, lastUsedDate: oldUse },
            );
            assert.equal(got, expected, `new ${newUse} old ${oldUse}`);
        }
    });

    it("retirement: keep, revoke on evidence, forget a key gone out of band, overlap limit", () => {
        const now = T0 + 60_000;
        assert.deepEqual(retirement(fresh, previous, now), { action: "keep" });
        assert.deepEqual(retirement({ ...fresh, lastUsedDate: at(1) }, previous, now), {
            action: "revoke",
            reason: "okta-uses-new-key",
        });
        assert.deepEqual(retirement(fresh, { ...previous, isActive: false }, now), {
            action: "forget",
        });
        assert.deepEqual(retirement(fresh, previous, T0 + 2 * DAY - 1, 2), { action: "keep" });
        const late = retirement(fresh, previous, T0 + 2 * DAY, 2);
        assert.equal(late.action, "revoke");
        assert.ok(late.action === "revoke" && late.reason === "overlap-expired");
        assert.match(
            late.action === "revoke" && late.reason === "overlap-expired" ? late.warning : "",
            /maximum overlap of 2 days/,
        );
    });

    it("schedule: age in whole days, next due date, due from that moment", () => {
        const created = new Date(T0).toISOString();
        assert.deepEqual(keySchedule(created, undefined, T0 + 3.5 * DAY), {
            keyAgeDays: 3,
            rotationDue: false,
        });
        const s = keySchedule(created, 90, T0 + 10 * DAY);
        assert.deepEqual(s, {
            keyAgeDays: 10,
            nextRotationDate: new Date(T0 + 90 * DAY).toISOString(),
            rotationDue: false,
        });
        assert.equal(keySchedule(created, 90, T0 + 90 * DAY).rotationDue, true);
        assert.deepEqual(keySchedule(undefined, 90, T0), { rotationDue: false });
    });
});

describe("SCIM connection during a rotation", () => {
    const rotation = (active: boolean, switched: boolean) => ({
        previousClientId: "OLD",
        previousKeyActive: active,
        oktaUsesNewKey: switched,
    });
    it("status: rotating while the old key works; key-revoked if it died before Okta switched", () => {
        const base = { oktaConnectionStatus: "ENABLED" as const, keyIsActive: true };
        assert.equal(connectionStatus({ ...base, rotation: rotation(true, false) }), "rotating");
        assert.equal(connectionStatus({ ...base, rotation: rotation(true, true) }), "rotating");
        assert.equal(
            connectionStatus({ ...base, rotation: rotation(false, false) }),
            "key-revoked",
        );
        assert.equal(
            connectionStatus({
                ...base,
                keyLastUsedDate: at(1),
                rotation: rotation(false, true),
            }),
            "authorized",
        );
        assert.equal(
            connectionStatus({ ...base, keyIsActive: false, rotation: rotation(true, false) }),
            "key-revoked",
        );
    });
    it("steps: the new client id, the secret by reference, then the up that revokes the old key", () => {
        const ctx = {
            appLabel: "NICE CXone",
            appId: "0oa1",
            secretReference: "pulumi stack output accessKeySecret --show-secrets",
            settings: {
                scimBaseUrl: "https://x/scim/v2",
                uniqueIdentifierField: "userName",
                supportedActions: ["pushNewUsers"],
                authMode: "oauth2",
                tokenEndpoint: "https://x/auth/token",
                authorizeEndpoint: "https://x/auth/authorize",
                clientId: "NEW",
            },
        };
        const steps = remainingSteps("rotating", { ...ctx, rotation: rotation(true, false) });
        const text = steps.join("\n");
        assert.match(
            text,
            /Client ID = NEW; Client secret = the value of `pulumi stack output accessKeySecret --show-secrets`/,
        );
        assert.match(text, /Authenticate with CXone/);
        assert.match(text, /revokes the old key OLD/);
        const done = remainingSteps("rotating", { ...ctx, rotation: rotation(true, true) });
        assert.deepEqual(done, [
            "Okta signs in with the new CXone access key NEW. Run `pulumi up`: it revokes the old key OLD.",
        ]);
    });
    it("Okta's UNKNOWN after ENABLED: SCIM provisioning was switched off, so pending", () => {
        assert.equal(
            connectionStatus({
                oktaConnectionStatus: "UNKNOWN",
                oktaReportedBefore: true,
                keyIsActive: true,
                keyLastUsedDate: at(1),
                previouslyAuthorized: true,
            }),
            "pending",
        );
    });
});

// Edges of the phased key rotation rules (provider/cxone/keyRotation.ts): dates CXone may leave
// out or garble, the exact moment a rotation starts or an overlap ends, and the operator's warning.
const atMs = (ms: number) => new Date(T0 + ms).toISOString();

describe("key rotation rules: edges", () => {
    const previous = { accessKeyId: "OLD", rotationStartedAt: atMs(0), isActive: true };

    it("the new key used exactly when it was created counts; a use before it does not", () => {
        const current = { accessKeyId: "NEW", isActive: true, createdDate: atMs(0) };
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: atMs(0) }, previous), true);
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: atMs(-1) }, previous), false);
    });

    it("without the new key's creation date the rotation's start is the boundary", () => {
        const current = { accessKeyId: "NEW", isActive: true };
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: atMs(-1) }, previous), false);
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: atMs(1) }, previous), true);
        // neither date known: any use of the new key, with the old one unused, is evidence
        assert.equal(
            oktaUsesNewKey(
                { ...current, lastUsedDate: atMs(-DAY) },
                { ...previous, rotationStartedAt: "not a date" },
            ),
            true,
        );
    });

    it("a date CXone garbles is no date", () => {
        const current = { accessKeyId: "NEW", isActive: true, createdDate: atMs(0) };
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: "yesterday" }, previous), false);
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: "" }, previous), false);
        assert.equal(
            oktaUsesNewKey(
                { ...current, lastUsedDate: atMs(5) },
                { ...previous, lastUsedDate: "garbage" },
            ),
            true,
            "an unreadable old use is no use",
        );
    });

    it("the overlap ends exactly maxOverlapDays after the start; the warning names both keys", () => {
        const current = { accessKeyId: "NEW", isActive: true, createdDate: atMs(0) };
        assert.deepEqual(retirement(current, previous, T0 + 3 * DAY - 1, 3), { action: "keep" });
        assert.deepEqual(retirement(current, previous, T0 + 3 * DAY, 3), {
            action: "revoke",
            reason: "overlap-expired",
            warning:
                "access key OLD was revoked after the maximum overlap of 3 days without evidence " +
                "that Okta uses the new key NEW: if Okta still holds the old key, provisioning " +
                "fails until a person enters the new client id and secret in Okta",
        });
        assert.equal(retirement(current, previous, T0, 0).action, "revoke", "0 days: at once");
        assert.deepEqual(retirement(current, previous, T0 + 999 * DAY), { action: "keep" });
        assert.deepEqual(
            retirement(current, { ...previous, rotationStartedAt: "?" }, T0 + 999 * DAY, 1),
            { action: "keep" },
            "no readable start: no limit can be computed",
        );
    });

    it("a previous key already off is forgotten, even with evidence or an expired overlap", () => {
        const current = { accessKeyId: "NEW", isActive: true, lastUsedDate: atMs(1) };
        const off = { ...previous, isActive: false };
        assert.deepEqual(retirement(current, off, T0 + 9 * DAY, 1), { action: "forget" });
    });

    it("schedule: a creation date in the future is age 0; a garbled one has no schedule", () => {
        assert.deepEqual(keySchedule(atMs(DAY), 30, T0), {
            keyAgeDays: 0,
            nextRotationDate: atMs(31 * DAY),
            rotationDue: false,
        });
        assert.deepEqual(keySchedule("soon", 30, T0), { rotationDue: false });
        assert.deepEqual(keySchedule("", 30, T0), { rotationDue: false });
        assert.deepEqual(keySchedule(atMs(0), undefined, T0 + DAY - 1), {
            keyAgeDays: 0,
            rotationDue: false,
        });
        assert.deepEqual(keySchedule(atMs(0), 1, T0 + DAY), {
            keyAgeDays: 1,
            nextRotationDate: atMs(DAY),
            rotationDue: true,
        });
    });
});
