// Stack config -> integration inputs: the sandbox default, a real tenant, and clear errors.
import { strict as assert } from "assert";
import {
    asConfigProblem,
    foreignOktaKeys,
    integrationArgs,
    SettingsError,
} from "../../program/settings";

const sandbox = {
    cxone: { baseUrl: "http://127.0.0.1:4610", tenantId: "t1" },
    okta: { orgUrl: "http://127.0.0.1:4620" },
};
const config = (c: Record<string, string>) => (k: string) => c[k];

describe("root program settings", () => {
    it("every bad setting is reported at once, each by its key", () => {
        assert.throws(
            () =>
                integrationArgs(
                    config({
                        "cxone-okta-scim:createUsers": "maybe",
                        "cxone-okta-scim:groupIds": "00g1",
                        "cxone-okta-scim:resources": "terraform",
                    }),
                    sandbox,
                ),
            (e: Error) => {
                assert.ok(e instanceof SettingsError);
                for (const k of ["createUsers", "groupIds", "resources"])
                    assert.match(e.message, new RegExp(`cxone-okta-scim:${k}`));
                assert.equal(e.message.split("\n").length, 3, e.message);
                return true;
            },
        );
    });
    it("a component argument's problem is reworded with the config key the operator set", () => {
        assert.equal(
            asConfigProblem({
                propertyPath: "employeeEmail",
                reason: "employeeEmail: email must be an email address",
            }),
            "cxone:employeeEmail: email must be an email address",
        );
        assert.equal(
            asConfigProblem({
                propertyPath: "groupIds[1]",
                reason: "groupIds[1]: groupId is required",
            }),
            "cxone-okta-scim:groupIds (groupIds[1]): groupId is required",
        );
        assert.equal(
            asConfigProblem({
                propertyPath: "oktaOrgUrl",
                reason: "oktaOrgUrl: orgUrl must use https",
            }),
            "okta:orgName (oktaOrgUrl): orgUrl must use https",
        );
        assert.equal(
            asConfigProblem({
                propertyPath: "cxone.sandboxUrl",
                reason: "cxone.sandboxUrl: not loopback",
            }),
            "cxone.sandboxUrl: not loopback",
        );
    });
    it("no cxone:region targets the sandbox with defaults", () => {
        const a = integrationArgs(config({}), sandbox);
        assert.deepEqual(a.cxone, { sandboxUrl: sandbox.cxone.baseUrl, tenantId: "t1" });
        assert.equal(a.oktaOrgUrl, sandbox.okta.orgUrl);
        assert.equal(a.oktaResources, "builtin");
    });
    it("a real tenant from cxone:region + okta:orgName", () => {
        const a = integrationArgs(
            config({
                "cxone:region": "na1",
                "cxone:employeeEmail": "k@example.com",
                "okta:orgName": "dev-1",
                "cxone-okta-scim:groupIds": '["00g1"]',
                "cxone-okta-scim:createUsers": "false",
            }),
        );
        assert.deepEqual(a.cxone, { region: "na1", fedramp: undefined, tenantId: undefined });
        assert.equal(a.oktaOrgUrl, "https://dev-1.okta.com");
        assert.deepEqual(a.groupIds, ["00g1"]);
        assert.equal(a.createUsers, false);
    });
    it("rotation settings: the key's age and the maximum overlap, in days", () => {
        const a = integrationArgs(
            config({
                "cxone-okta-scim:rotateAfterDays": "90",
                "cxone-okta-scim:maxRotationOverlapDays": "14",
                "cxone:accessKeyRotation": "2026-q4",
            }),
            sandbox,
        );
        assert.deepEqual(
            [a.rotateAfterDays, a.maxRotationOverlapDays, a.accessKeyRotation],
            [90, 14, "2026-q4"],
        );
    });
    const bad: [Record<string, string>, RegExp][] = [
        [{ "cxone:region": "na1", "okta:orgName": "dev-1" }, /cxone:employeeEmail/],
        [{ "cxone:region": "na1", "cxone:employeeEmail": "k@example.com" }, /okta:orgName/],
        [
            {
                "cxone:region": "na2",
                "cxone:fedramp": "yes",
                "cxone:employeeEmail": "k@example.com",
                "okta:orgName": "dev-1",
            },
            /cxone:fedramp/,
        ],
        [{ "cxone-okta-scim:groupIds": "00g1" }, /cxone-okta-scim:groupIds/],
        [
            { "cxone-okta-scim:waitForAuthorizationSeconds": "-5" },
            /cxone-okta-scim:waitForAuthorizationSeconds/,
        ],
        [{ "cxone-okta-scim:resources": "terraform" }, /cxone-okta-scim:resources/],
        [
            { "cxone-okta-scim:rotateAfterDays": "quarterly" },
            /cxone-okta-scim:rotateAfterDays must be a number of days \(got "quarterly"\)/,
        ],
        [
            { "cxone-okta-scim:maxRotationOverlapDays": "-1" },
            /cxone-okta-scim:maxRotationOverlapDays/,
        ],
    ];
    for (const [c, re] of bad) {
        it(`rejects ${JSON.stringify(c)} naming the key`, () => {
            assert.throws(
                () => integrationArgs(config(c), sandbox),
                (e: Error) => e instanceof SettingsError && re.test(e.message),
            );
        });
    }
});

describe("okta: config keys", () => {
    // The Okta provider's own keys, as @pulumi/okta declares them: anything else under okta: is rejected by it.
    const providerKeys = new Set(Object.keys(require("@pulumi/okta/config/vars")));

    it("the program reads no okta: key that the Okta provider does not own", () => {
        const read: string[] = [];
        const spy = (c: Record<string, string>) => (k: string) => {
            read.push(k);
            return c[k];
        };
        integrationArgs(spy({}), sandbox);
        integrationArgs(
            spy({
                "cxone:region": "na1",
                "cxone:employeeEmail": "k@example.com",
                "okta:orgName": "dev-1",
            }),
        );
        const foreign = read.filter((k) => k.startsWith("okta:") && !providerKeys.has(k.slice(5)));
        assert.deepEqual(foreign, []);
        assert.ok(read.includes("okta:orgName"), "the spy saw the reads");
    });
    it("an old program key under okta: gets an error naming its new key", () => {
        const [msg] = foreignOktaKeys(["okta:orgName", "okta:groupIds"], providerKeys);
        assert.match(msg, /okta:groupIds has moved to cxone-okta-scim:groupIds/);
        assert.equal(
            foreignOktaKeys(["okta:orgName", "okta:baseUrl", "okta:apiToken"], providerKeys).length,
            0,
        );
        assert.match(
            foreignOktaKeys(["okta:colour"], providerKeys)[0],
            /okta:colour is not a setting/,
        );
    });
});
