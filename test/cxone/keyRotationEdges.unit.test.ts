// Edges of the phased key rotation rules (provider/cxone/keyRotation.ts): dates CXone may leave
// out or garble, the exact moment a rotation starts or an overlap ends, and the operator's warning.
import { strict as assert } from "assert";
import { keySchedule, oktaUsesNewKey, retirement } from "../../provider/cxone/keyRotation";

const T0 = Date.parse("2026-06-01T00:00:00.000Z");
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0 + ms).toISOString();

describe("key rotation rules: edges", () => {
    const previous = { accessKeyId: "OLD", rotationStartedAt: at(0), isActive: true };

    it("the new key used exactly when it was created counts; a use before it does not", () => {
        const current = { accessKeyId: "NEW", isActive: true, createdDate: at(0) };
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: at(0) }, previous), true);
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: at(-1) }, previous), false);
    });

    it("without the new key's creation date the rotation's start is the boundary", () => {
        const current = { accessKeyId: "NEW", isActive: true };
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: at(-1) }, previous), false);
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: at(1) }, previous), true);
        // neither date known: any use of the new key, with the old one unused, is evidence
        assert.equal(
            oktaUsesNewKey(
                { ...current, lastUsedDate: at(-DAY) },
                { ...previous, rotationStartedAt: "not a date" },
            ),
            true,
        );
    });

    it("a date CXone garbles is no date", () => {
        const current = { accessKeyId: "NEW", isActive: true, createdDate: at(0) };
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: "yesterday" }, previous), false);
        assert.equal(oktaUsesNewKey({ ...current, lastUsedDate: "" }, previous), false);
        assert.equal(
            oktaUsesNewKey(
                { ...current, lastUsedDate: at(5) },
                { ...previous, lastUsedDate: "garbage" },
            ),
            true,
            "an unreadable old use is no use",
        );
    });

    it("the overlap ends exactly maxOverlapDays after the start; the warning names both keys", () => {
        const current = { accessKeyId: "NEW", isActive: true, createdDate: at(0) };
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
        const current = { accessKeyId: "NEW", isActive: true, lastUsedDate: at(1) };
        const off = { ...previous, isActive: false };
        assert.deepEqual(retirement(current, off, T0 + 9 * DAY, 1), { action: "forget" });
    });

    it("schedule: a creation date in the future is age 0; a garbled one has no schedule", () => {
        assert.deepEqual(keySchedule(at(DAY), 30, T0), {
            keyAgeDays: 0,
            nextRotationDate: at(31 * DAY),
            rotationDue: false,
        });
        assert.deepEqual(keySchedule("soon", 30, T0), { rotationDue: false });
        assert.deepEqual(keySchedule("", 30, T0), { rotationDue: false });
        assert.deepEqual(keySchedule(at(0), undefined, T0 + DAY - 1), {
            keyAgeDays: 0,
            rotationDue: false,
        });
        assert.deepEqual(keySchedule(at(0), 1, T0 + DAY), {
            keyAgeDays: 1,
            nextRotationDate: at(DAY),
            rotationDue: true,
        });
    });
});
