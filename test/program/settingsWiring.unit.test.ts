// Every root-program setting, from stack config to the child resource it shapes: integrationArgs
// (program/settings.ts) gives the component its arguments, and the component (Pulumi mocks)
// declares children whose inputs carry each value. A setting that is read but dropped fails here.
import { strict as assert } from "assert";
import { foreignOktaKeys, integrationArgs, SandboxEndpoints } from "../../program/settings";
import { Declared, MockWorld, recordRegistrations, settled } from "../support/pulumiMocks";

const sandbox: SandboxEndpoints = {
    cxone: { baseUrl: "http://127.0.0.1:4610", tenantId: "t-sandbox" },
    okta: { orgUrl: "http://127.0.0.1:4620" },
};
const config = (c: Record<string, string>) => (k: string) => c[k];

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
    const one = (name: string) => {
        const found = declared.filter((d) => d.name === name);
        assert.equal(found.length, 1, name);
        return found[0].inputs;
    };

    it("integrationArgs maps each key of a real tenant to its argument", () => {
        const a = integrationArgs(config({ ...every, ...real, "cxone:fedramp": "false" }));
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
            config({
                "cxone:inviteEmployee": "true",
                "cxone:adoptExisting": "false",
                "cxone-okta-scim:createUsers": "true",
                "cxone-okta-scim:resources": "pulumi-okta",
            }),
            sandbox,
        );
        assert.deepEqual(a.cxone, { sandboxUrl: "http://127.0.0.1:4610", tenantId: "t-sandbox" });
        assert.equal(a.employeeEmail, "scim.accesskey@sandbox.example");
        assert.deepEqual(
            [a.inviteEmployee, a.adoptExisting, a.createUsers, a.oktaResources],
            [true, false, true, "pulumi-okta"],
        );
        // a real tenant ignores the sandbox's endpoints
        const r = integrationArgs(
            config({ ...real, "cxone:employeeEmail": "k@example.com" }),
            sandbox,
        );
        assert.deepEqual(r.cxone, { region: "na1", fedramp: undefined, tenantId: "tenant-42" });
        assert.equal(r.oktaOrgUrl, "https://dev-7.oktapreview.com");
        assert.equal(
            integrationArgs(
                config({
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
            assert.throws(() => integrationArgs(config(c), sandbox), re, JSON.stringify(c));
        assert.throws(
            () => integrationArgs(config({ "cxone-okta-scim:groupIds": '["00g1",2]' }), sandbox),
            /groupIds must be a JSON list of strings/,
        );
        assert.throws(
            () => integrationArgs(config({})),
            /no tenant configured and no sandbox endpoints/,
        );
        assert.equal(
            integrationArgs(config({ "cxone-okta-scim:waitForAuthorizationSeconds": "0" }), sandbox)
                .waitForAuthorizationSeconds,
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
        const { ScimIntegration } = await import("../../provider/integration");
        const s = new ScimIntegration("scim", integrationArgs(config({ ...every, ...real })));
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
            ["scim-group-0", "scim-group-1", "scim-group-2"].map((n) => one(n).groupId),
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
        const { ScimIntegration } = await import("../../provider/integration");
        const region = {
            "cxone:region": "na2",
            "cxone:fedramp": "true",
            "okta:orgName": "dev-7",
            "cxone:employeeEmail": "k@example.com",
        };
        const s = new ScimIntegration("scim", integrationArgs(config(region)));
        await settled(s.provisioningApplied);
        assert.equal(one("scim-app").loginUrl, "https://cxone-gov.niceincontact.com/login");
    });
});
