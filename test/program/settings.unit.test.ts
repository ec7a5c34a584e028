// Stack config -> integration inputs (program/settings.ts): the sandbox default, a real tenant,
// each kind of value at its edges (the exact error names the key and the value typed), and every
// setting carried from stack config to the child resource it shapes (Pulumi mocks): a setting
// that is read but dropped fails here.
import { strict as assert } from "assert";
import { inputsOfOnly } from "../support/integrationComponent";
import {
    asConfigProblem,
    foreignOktaKeys,
    integrationArgs,
    SettingsError,
    SandboxEndpoints,
    targetsRealTenant,
} from "../../program/settings";
import { Declared, MockWorld, recordRegistrations, settled } from "../support/pulumiMocks";

const sandbox = {
    cxone: { baseUrl: "http://127.0.0.1:4610", tenantId: "t1" },
    okta: { orgUrl: "http://127.0.0.1:4620" },
};
const config = (c: Record<string, string>) => (k: string) => c[k];
/** The least a real tenant needs: CXone's na1 area, the employee's email, Okta's dev-1 org. */
const na1Tenant = {
    "cxone:region": "na1",
    "cxone:employeeEmail": "k@example.com",
    "okta:orgName": "dev-1",
};

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
                ...na1Tenant,
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
        integrationArgs(spy(na1Tenant));
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

// Each kind of stack config value the root program reads (program/settings.ts), at its edges:
// what is accepted as what, and the exact error for what is not, naming the key and the value typed.
const sandboxEndpoints: SandboxEndpoints = {
    cxone: { baseUrl: "http://127.0.0.1:4610" },
    okta: { orgUrl: "http://127.0.0.1:4620" },
};
const configOf = (c: Record<string, string>) => (k: string) => c[k];
const args = (c: Record<string, string>) => integrationArgs(configOf(c), sandboxEndpoints);
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
            integrationArgs(configOf({ ...tenant, "okta:orgName": "acme" })).oktaOrgUrl,
            "https://acme.okta.com",
        );
        assert.equal(
            integrationArgs(
                configOf({ ...tenant, "okta:orgName": "acme", "okta:baseUrl": "okta-emea.com" }),
            ).oktaOrgUrl,
            "https://acme.okta-emea.com",
        );
        for (const orgName of [undefined, ""]) {
            const c: Record<string, string> = { ...tenant };
            if (orgName !== undefined) c["okta:orgName"] = orgName;
            assert.throws(
                () => integrationArgs(configOf(c)),
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
        assert.equal(targetsRealTenant(configOf({ "cxone:region": "na1" })), true);
        assert.equal(targetsRealTenant(configOf({ "cxone:region": "" })), true);
        assert.equal(targetsRealTenant(configOf({ "okta:orgName": "acme" })), false);
        for (const email of [{}, { "cxone:employeeEmail": "" }] as Record<string, string>[]) {
            assert.throws(
                () =>
                    integrationArgs(
                        configOf({ "cxone:region": "na1", "okta:orgName": "acme", ...email }),
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

// Every root-program setting, from stack config to the child resource it shapes: integrationArgs
// (program/settings.ts) gives the component its arguments, and the component (Pulumi mocks)
// declares children whose inputs carry each value. A setting that is read but dropped fails here.
const sandboxWithTenant: SandboxEndpoints = {
    cxone: { baseUrl: "http://127.0.0.1:4610", tenantId: "t-sandbox" },
    okta: { orgUrl: "http://127.0.0.1:4620" },
};
const configFrom = (c: Record<string, string>) => (k: string) => c[k];

// every setting the program reads, each with a value different from its default
const every: Record<string, string> = {
    "cxone:roleName": "Okta Provisioning",
    "cxone:roleDescription": "SCIM for Okta",
    "cxone:employeeEmail": "okta.scim@example.com",
    "cxone:employeeFirstName": "Okta",
    "cxone:employeeLastName": "Provisioner",
    "cxone:loginAuthenticatorId": "11111111-aaaa-bbbb-cccc-222222222222",
    "cxone:inviteEmployee": "false",
    "cxone:adoptExisting": "true",
    "cxone:accessKeyRotation": "2026-11",
    "cxone-okta-scim:appLabel": "CXone (SCIM)",
    "cxone-okta-scim:groupIds": '["00gA","00gB","00gC"]',
    "cxone-okta-scim:createUsers": "false",
    "cxone-okta-scim:updateUserAttributes": "false",
    "cxone-okta-scim:deactivateUsers": "false",
    "cxone-okta-scim:deactivationThreshold": "5",
    "cxone-okta-scim:allowDeactivations": "312",
    "cxone-okta-scim:waitForAuthorizationSeconds": "30",
    "cxone-okta-scim:attributeMappings": '{"nice:team":"user.department"}',
    "cxone:adoptRoleId": "role-by-hand",
    "cxone:adoptEmployeeId": "employee-by-hand",
    "cxone-okta-scim:adoptAppId": "0oaByHand",
    "cxone-okta-scim:rotateAfterDays": "90",
    "cxone-okta-scim:maxRotationOverlapDays": "14",
    "cxone-okta-scim:allowEveryoneGroup": "true",
    "cxone-okta-scim:allowRemoval": "false",
};
const real = {
    "cxone:region": "na1",
    "cxone:tenantId": "tenant-42",
    "okta:orgName": "dev-7",
    "okta:baseUrl": "oktapreview.com",
};

describe("every root-program setting reaches the component", function () {
    this.timeout(20_000);
    const declared: Declared[] = [];
    const world: MockWorld = { connectionStatus: "authorized" };
    const one = (name: string) => inputsOfOnly(declared, name);

    it("integrationArgs maps each key of a real tenant to its argument", () => {
        const a = integrationArgs(configFrom({ ...every, ...real, "cxone:fedramp": "false" }));
        assert.deepEqual(a, {
            cxone: { region: "na1", fedramp: false, tenantId: "tenant-42" },
            oktaOrgUrl: "https://dev-7.oktapreview.com",
            roleName: "Okta Provisioning",
            roleDescription: "SCIM for Okta",
            employeeEmail: "okta.scim@example.com",
            employeeFirstName: "Okta",
            employeeLastName: "Provisioner",
            loginAuthenticatorId: "11111111-aaaa-bbbb-cccc-222222222222",
            inviteEmployee: false,
            adoptExisting: true,
            accessKeyRotation: "2026-11",
            appLabel: "CXone (SCIM)",
            groupIds: ["00gA", "00gB", "00gC"],
            createUsers: false,
            updateUserAttributes: false,
            deactivateUsers: false,
            deactivationThreshold: 5,
            allowDeactivations: 312,
            waitForAuthorizationSeconds: 30,
            oktaResources: "builtin",
            attributeMappings: { "nice:team": "user.department" },
            adoptRoleId: "role-by-hand",
            adoptEmployeeId: "employee-by-hand",
            adoptAppId: "0oaByHand",
            rotateAfterDays: 90,
            maxRotationOverlapDays: 14,
            allowEveryoneGroup: true,
            allowRemoval: false,
        });
    });

    it("the opposite booleans, and the sandbox target with its own tenant id", () => {
        const a = integrationArgs(
            configFrom({
                "cxone:inviteEmployee": "true",
                "cxone:adoptExisting": "false",
                "cxone-okta-scim:createUsers": "true",
                "cxone-okta-scim:resources": "pulumi-okta",
            }),
            sandboxWithTenant,
        );
        assert.deepEqual(a.cxone, {
            sandboxUrl: "http://127.0.0.1:4610",
            tenantId: "t-sandbox",
        });
        assert.equal(a.employeeEmail, "scim.accesskey@sandbox.example");
        assert.deepEqual(
            [a.inviteEmployee, a.adoptExisting, a.createUsers, a.oktaResources],
            [true, false, true, "pulumi-okta"],
        );
        // a real tenant ignores the sandbox's endpoints
        const r = integrationArgs(
            configFrom({ ...real, "cxone:employeeEmail": "k@example.com" }),
            sandboxWithTenant,
        );
        assert.deepEqual(r.cxone, { region: "na1", fedramp: undefined, tenantId: "tenant-42" });
        assert.equal(r.oktaOrgUrl, "https://dev-7.oktapreview.com");
        assert.equal(
            integrationArgs(
                configFrom({
                    "okta:orgName": "dev-7",
                    "cxone:region": "na1",
                    "cxone:employeeEmail": "k@example.com",
                }),
            ).oktaOrgUrl,
            "https://dev-7.okta.com",
        );
    });

    // assert.throws tests a RegExp against String(error): "Error: <message>"
    it("bad values name the key and what was typed", () => {
        const rows: [Record<string, string>, RegExp][] = [
            [
                { "cxone:inviteEmployee": "no" },
                /: cxone:inviteEmployee must be true or false \(got "no"\)$/,
            ],
            [
                { "cxone:adoptExisting": "1" },
                /: cxone:adoptExisting must be true or false \(got "1"\)$/,
            ],
            [
                { "cxone-okta-scim:deactivateUsers": "False" },
                /: cxone-okta-scim:deactivateUsers must be true or false \(got "False"\)$/,
            ],
            [
                { "cxone-okta-scim:allowDeactivations": "12.5" },
                /: cxone-okta-scim:allowDeactivations must be a whole number of people, 0 or more \(got "12\.5"\)$/,
            ],
            [
                { "cxone-okta-scim:deactivationThreshold": "-1" },
                /: cxone-okta-scim:deactivationThreshold must be a whole number of people, 0 or more \(got "-1"\)$/,
            ],
            [
                { "cxone-okta-scim:waitForAuthorizationSeconds": "soon" },
                /: cxone-okta-scim:waitForAuthorizationSeconds must be a number of seconds \(got "soon"\)$/,
            ],
            [
                { "cxone-okta-scim:groupIds": "[1,2]" },
                /: cxone-okta-scim:groupIds must be a JSON list of strings, e\.g\. \["00g1abc"\] \(got \[1,2\]\)$/,
            ],
            [
                { "cxone-okta-scim:attributeMappings": "{nice" },
                /: cxone-okta-scim:attributeMappings must be a JSON object.*\(got \{nice\)$/,
            ],
            [
                { "cxone-okta-scim:attributeMappings": '{"nice:colour":"user.x"}' },
                /cxone-okta-scim:attributeMappings.*nice:colour/,
            ],
        ];
        for (const [c, re] of rows)
            assert.throws(
                () => integrationArgs(configFrom(c), sandboxWithTenant),
                re,
                JSON.stringify(c),
            );
        assert.throws(
            () =>
                integrationArgs(
                    configFrom({ "cxone-okta-scim:groupIds": '["00g1",2]' }),
                    sandboxWithTenant,
                ),
            /groupIds must be a JSON list of strings/,
        );
        assert.throws(
            () => integrationArgs(configFrom({})),
            /no tenant configured and no sandbox endpoints/,
        );
        assert.equal(
            integrationArgs(
                configFrom({ "cxone-okta-scim:waitForAuthorizationSeconds": "0" }),
                sandboxWithTenant,
            ).waitForAuthorizationSeconds,
            0,
        );
    });

    it("foreign okta: keys: only okta: keys are judged; a moved key gets the exact commands to move it", () => {
        const own = new Set(["orgName", "baseUrl"]);
        assert.deepEqual(
            foreignOktaKeys(
                ["cxone:region", "cxone-okta-scim:appLabel", "aws:region", "okta:orgName"],
                own,
            ),
            [],
        );
        assert.deepEqual(foreignOktaKeys(["okta:appLabel"], own), [
            "okta:appLabel has moved to cxone-okta-scim:appLabel (okta: holds only the Okta provider's own keys): " +
                "pulumi config rm okta:appLabel && pulumi config set cxone-okta-scim:appLabel <value>",
        ]);
    });

    it("each setting lands on the child it configures; the builtin app signs in at the region's login URL", async () => {
        recordRegistrations(declared, world, false);
        declared.length = 0;
        const { ScimIntegration } = await import("../../provider/integration/index");
        const s = new ScimIntegration("scim", integrationArgs(configFrom({ ...every, ...real })));
        await settled(s.provisioningApplied);

        const endpoint = {
            issuerUrl: "https://cxone.niceincontact.com",
            areaUrl: "https://na1.nice-incontact.com",
            tenantId: "tenant-42",
        };
        const role = one("scim-role");
        assert.deepEqual(
            [role.name, role.adoptExisting, role.endpoint],
            ["Okta Provisioning", true, endpoint],
        );
        const employee = one("scim-employee");
        assert.deepEqual(
            [
                employee.email,
                employee.firstName,
                employee.lastName,
                employee.loginAuthenticatorId,
                employee.invite,
                employee.adoptExisting,
                employee.endpoint,
            ],
            [
                "okta.scim@example.com",
                "Okta",
                "Provisioner",
                "11111111-aaaa-bbbb-cccc-222222222222",
                false,
                true,
                endpoint,
            ],
        );
        assert.equal(one("scim-key").rotation, "2026-11");
        const app = one("scim-app");
        assert.equal(app.label, "CXone (SCIM)");
        assert.equal(app.orgUrl, "https://dev-7.oktapreview.com");
        assert.equal(app.loginUrl, "https://cxone.niceincontact.com/login");
        const scim = one("scim-scim");
        assert.deepEqual([scim.appLabel, scim.waitForAuthorizationSeconds], ["CXone (SCIM)", 30]);
        assert.equal(scim.scimBaseUrl, "https://na1.nice-incontact.com/scim/v2");
        assert.deepEqual(
            ["scim-group-00gA", "scim-group-00gB", "scim-group-00gC"].map((n) => one(n).groupId),
            ["00gA", "00gB", "00gC"],
        );
        const p = one("scim-provisioning");
        assert.deepEqual(
            [p.createUsers, p.updateUserAttributes, p.deactivateUsers],
            [false, false, false],
        );
        assert.ok(
            Object.values(
                one("scim-profile-mapping").properties as Record<string, unknown>,
            ).includes("user.department"),
        );
    });

    it("FedRAMP: the builtin app signs in at the FedRAMP login URL", async () => {
        recordRegistrations(declared, world, false);
        declared.length = 0;
        const { ScimIntegration } = await import("../../provider/integration/index");
        const region = {
            "cxone:region": "na2",
            "cxone:fedramp": "true",
            "okta:orgName": "dev-7",
            "cxone:employeeEmail": "k@example.com",
        };
        const s = new ScimIntegration("scim", integrationArgs(configFrom(region)));
        await settled(s.provisioningApplied);
        assert.equal(one("scim-app").loginUrl, "https://cxone-gov.niceincontact.com/login");
    });
});
