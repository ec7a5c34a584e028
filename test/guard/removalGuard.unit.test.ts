// The guard's people settings: what it keeps for a removal's people check, each refused as typed.
import { strict as assert } from "assert";
import { checkRemovalGuard } from "../../provider/guard/removalGuardLogic";

const base = {
    integration: "cxone-okta",
    roleId: "r",
    employeeId: "e",
    accessKeyId: "k",
    appId: "0oa1",
};

describe("RemovalGuard: the people check's settings", () => {
    it("keeps the org, the threshold and the allowance", () => {
        const c = checkRemovalGuard({
            ...base,
            orgUrl: "https://example.okta.com",
            deactivationThreshold: 0,
            allowDeactivations: 312,
        });
        assert.deepEqual(c.failures, []);
        assert.equal(c.inputs.orgUrl, "https://example.okta.com");
        assert.equal(c.inputs.allowDeactivations, 312);
    });
    it("refuses a negative count and a non-text org, by name", () => {
        const c = checkRemovalGuard({
            ...base,
            orgUrl: 5 as never,
            deactivationThreshold: -1,
            allowDeactivations: "many" as never,
        });
        assert.deepEqual(
            c.failures.map((f) => f.property),
            ["orgUrl", "deactivationThreshold", "allowDeactivations"],
        );
    });
    it("a guard of an earlier version (no org) is still valid: no people check then", () => {
        assert.deepEqual(checkRemovalGuard(base).failures, []);
    });
});
