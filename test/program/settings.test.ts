// Stack config -> integration inputs: the sandbox default, a real tenant, and clear errors.
import { strict as assert } from "assert";
import { integrationArgs, SettingsError } from "../../program/settings";

const sandbox = { cxone: { baseUrl: "http://127.0.0.1:4610", tenantId: "t1" }, okta: { orgUrl: "http://127.0.0.1:4620" } };
const config = (c: Record<string, string>) => (k: string) => c[k];

describe("root program settings", () => {
    it("no cxone:region targets the sandbox with defaults", () => {
        const a = integrationArgs(config({}), sandbox);
        assert.deepEqual(a.cxone, { sandboxUrl: sandbox.cxone.baseUrl, tenantId: "t1" });
        assert.equal(a.oktaOrgUrl, sandbox.okta.orgUrl);
        assert.equal(a.oktaResources, "builtin");
    });
    it("a real tenant from cxone:region + okta:orgName", () => {
        const a = integrationArgs(config({ "cxone:region": "na1", "cxone:employeeEmail": "k@example.com", "okta:orgName": "dev-1", "okta:groupIds": '["00g1"]', "okta:createUsers": "false" }));
        assert.deepEqual(a.cxone, { region: "na1", fedramp: undefined, tenantId: undefined });
        assert.equal(a.oktaOrgUrl, "https://dev-1.okta.com");
        assert.deepEqual(a.groupIds, ["00g1"]);
        assert.equal(a.createUsers, false);
    });
    const bad: [Record<string, string>, RegExp][] = [
        [{ "cxone:region": "na1", "okta:orgName": "dev-1" }, /cxone:employeeEmail/],
        [{ "cxone:region": "na1", "cxone:employeeEmail": "k@example.com" }, /okta:orgName/],
        [{ "cxone:region": "na2", "cxone:fedramp": "yes", "cxone:employeeEmail": "k@example.com", "okta:orgName": "dev-1" }, /cxone:fedramp/],
        [{ "okta:groupIds": "00g1" }, /okta:groupIds/],
        [{ "okta:waitForAuthorizationSeconds": "-5" }, /okta:waitForAuthorizationSeconds/],
        [{ "okta:resources": "terraform" }, /okta:resources/],
    ];
    for (const [c, re] of bad) {
        it(`rejects ${JSON.stringify(c)} naming the key`, () => {
            assert.throws(() => integrationArgs(config(c), sandbox), (e: Error) => e instanceof SettingsError && re.test(e.message));
        });
    }
});
