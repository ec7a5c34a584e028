// Each kind of stack config value the root program reads (program/settings.ts), at its edges:
// what is accepted as what, and the exact error for what is not, naming the key and the value typed.
import { strict as assert } from "assert";
import {
    asConfigProblem,
    integrationArgs,
    SandboxEndpoints,
    SettingsError,
    targetsRealTenant,
} from "../../program/settings";

const sandbox: SandboxEndpoints = {
    cxone: { baseUrl: "http://127.0.0.1:4610" },
    okta: { orgUrl: "http://127.0.0.1:4620" },
};
const config = (c: Record<string, string>) => (k: string) => c[k];
const args = (c: Record<string, string>) => integrationArgs(config(c), sandbox);
/** The one-line error for one setting. */
function refusal(c: Record<string, string>): string {
    try {
        args(c);
    } catch (e) {
        assert.ok(e instanceof SettingsError, String(e));
        return e.message;
    }
    assert.fail(`accepted ${JSON.stringify(c)}`);
}
const WAIT = "cxone-okta-scim:waitForAuthorizationSeconds";
const DAYS = "cxone-okta-scim:rotateAfterDays";

describe("root program settings: each kind of value at its edges", () => {
    it("seconds: any non-negative number; blank, negative, infinite or words refused", () => {
        for (const [typed, seconds] of [
            ["0", 0],
            ["30", 30],
            ["1.5", 1.5],
            ["1e3", 1000],
            [" 45 ", 45],
        ] as const) {
            assert.equal(args({ [WAIT]: typed }).waitForAuthorizationSeconds, seconds, typed);
        }
        for (const typed of ["", " ", "-1", "-0.5", "Infinity", "ten", "NaN"]) {
            assert.equal(
                refusal({ [WAIT]: typed }),
                `${WAIT} must be a number of seconds (got "${typed}")`,
            );
        }
        assert.equal(args({}).waitForAuthorizationSeconds, undefined);
    });

    it("days: any non-negative number; blank, negative, infinite or words refused", () => {
        for (const [typed, days] of [
            ["0", 0],
            ["90", 90],
            ["0.5", 0.5],
        ] as const) {
            assert.equal(args({ [DAYS]: typed }).rotateAfterDays, days, typed);
        }
        for (const typed of ["", "  ", "-1", "Infinity", "-Infinity", "soon"]) {
            assert.equal(
                refusal({ [DAYS]: typed }),
                `${DAYS} must be a number of days (got "${typed}")`,
            );
        }
    });

    it("booleans: exactly true or false", () => {
        const key = "cxone-okta-scim:updateUserAttributes";
        assert.equal(args({ [key]: "true" }).updateUserAttributes, true);
        assert.equal(args({ [key]: "false" }).updateUserAttributes, false);
        assert.equal(args({}).updateUserAttributes, undefined);
        for (const typed of ["TRUE", "1", "", "yes"]) {
            assert.equal(
                refusal({ [key]: typed }),
                `${key} must be true or false (got "${typed}")`,
            );
        }
    });

    it("group ids: a JSON list of strings (empty allowed); anything else refused as typed", () => {
        const key = "cxone-okta-scim:groupIds";
        assert.deepEqual(args({ [key]: "[]" }).groupIds, []);
        assert.deepEqual(args({ [key]: '["00g1","00g2"]' }).groupIds, ["00g1", "00g2"]);
        for (const typed of ['"00g1"', '{"a":"00g1"}', "[1]", '["00g1",null]', "[", "null"]) {
            assert.equal(
                refusal({ [key]: typed }),
                `${key} must be a JSON list of strings, e.g. ["00g1abc"] (got ${typed})`,
            );
        }
    });

    it("attribute mappings: a JSON object, every bad key named under the config key", () => {
        const key = "cxone-okta-scim:attributeMappings";
        assert.deepEqual(args({ [key]: '{"timezone":"user.timezone"}' }).attributeMappings, {
            timezone: "user.timezone",
        });
        assert.deepEqual(args({ [key]: "{}" }).attributeMappings, {});
        assert.equal(
            refusal({ [key]: "{timezone" }),
            `${key} must be a JSON object, e.g. {"nice:team": "user.department"} (got {timezone)`,
        );
        assert.equal(
            refusal({ [key]: '["timezone"]' }),
            `${key}: must be an object of CXone attribute -> Okta expression, e.g. ` +
                '{"nice:team": "user.department"}',
        );
        const two = refusal({ [key]: '{"timezone":5,"userName":"user.login"}' });
        assert.deepEqual(two.split("\n"), [
            `${key}["timezone"]: "timezone" must map to an Okta expression string, e.g. "user.department"`,
            `${key}["userName"]: userName is the app username (the app's username format in Okta), not a mapping`,
        ]);
    });

    it("the Okta org: okta:orgName under okta:baseUrl; a real tenant without it is refused", () => {
        const tenant = { "cxone:region": "eu1", "cxone:employeeEmail": "k@example.com" };
        assert.equal(
            integrationArgs(config({ ...tenant, "okta:orgName": "acme" })).oktaOrgUrl,
            "https://acme.okta.com",
        );
        assert.equal(
            integrationArgs(
                config({ ...tenant, "okta:orgName": "acme", "okta:baseUrl": "okta-emea.com" }),
            ).oktaOrgUrl,
            "https://acme.okta-emea.com",
        );
        for (const orgName of [undefined, ""]) {
            const c: Record<string, string> = { ...tenant };
            if (orgName !== undefined) c["okta:orgName"] = orgName;
            assert.throws(
                () => integrationArgs(config(c)),
                (e: Error) =>
                    e instanceof SettingsError &&
                    e.message ===
                        "okta:orgName is required for a real tenant (e.g. dev-123456); with " +
                            "okta:baseUrl (default okta.com)",
            );
        }
        // the sandbox's own Okta org, whatever okta:orgName says
        assert.equal(args({ "okta:orgName": "acme" }).oktaOrgUrl, "http://127.0.0.1:4620");
    });

    it("the resources mode: builtin by default, or pulumi-okta; anything else refused as typed", () => {
        const key = "cxone-okta-scim:resources";
        assert.equal(args({}).oktaResources, "builtin");
        assert.equal(args({ [key]: "builtin" }).oktaResources, "builtin");
        assert.equal(args({ [key]: "pulumi-okta" }).oktaResources, "pulumi-okta");
        assert.equal(
            refusal({ [key]: "Pulumi-Okta" }),
            `${key} must be "builtin" or "pulumi-okta" (got "Pulumi-Okta")`,
        );
    });

    it("a real tenant is the one with cxone:region; its email is required, the sandbox has one", () => {
        assert.equal(targetsRealTenant(config({ "cxone:region": "na1" })), true);
        assert.equal(targetsRealTenant(config({ "cxone:region": "" })), true);
        assert.equal(targetsRealTenant(config({ "okta:orgName": "acme" })), false);
        for (const email of [{}, { "cxone:employeeEmail": "" }] as Record<string, string>[]) {
            assert.throws(
                () =>
                    integrationArgs(
                        config({ "cxone:region": "na1", "okta:orgName": "acme", ...email }),
                    ),
                (e: Error) =>
                    e.message ===
                    "cxone:employeeEmail is required: an email address you own (CXone sends the " +
                        "activation email there)",
            );
        }
        assert.equal(args({}).employeeEmail, "scim.accesskey@sandbox.example");
        assert.equal(
            args({ "cxone:employeeEmail": "me@example.com" }).employeeEmail,
            "me@example.com",
        );
        assert.deepEqual(args({}).cxone, {
            sandboxUrl: "http://127.0.0.1:4610",
            tenantId: undefined,
        });
    });

    it("a component problem in config words: the key, the argument path when it differs, the reason", () => {
        const rows: [string, string, string][] = [
            [
                "appLabel",
                "appLabel: label is required",
                "cxone-okta-scim:appLabel: label is required",
            ],
            [
                "cxone.fedramp",
                "cxone.fedramp: fedramp is true but region",
                "cxone:fedramp (cxone.fedramp): fedramp is true but region",
            ],
            [
                "oktaResources",
                "oktaResources: must be one of",
                "cxone-okta-scim:resources (oktaResources): must be one of",
            ],
            [
                "groupIds[12]",
                "groupIds[12]: groupId is required",
                "cxone-okta-scim:groupIds (groupIds[12]): groupId is required",
            ],
            // a reason that does not start with its path is kept whole
            ["roleName", "name must not contain /", "cxone:roleName: name must not contain /"],
            // an argument with no config key: the reason as it is
            ["secretReference", "secretReference: is required", "secretReference: is required"],
            ["groupIds[x]", "groupIds[x]: odd", "groupIds[x]: odd"],
        ];
        for (const [propertyPath, reason, expected] of rows) {
            assert.equal(asConfigProblem({ propertyPath, reason }), expected, propertyPath);
        }
    });
});
