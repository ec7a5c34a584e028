// Secret config stays secret (program/secretArgs.ts): the engine's list of secret config keys as
// the language host passes it (PULUMI_CONFIG_SECRET_KEYS), and the component arguments those keys
// set handed over as Pulumi secrets, a list element by element, every other argument untouched.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { configSecretKeys, withSecrets } from "../../program/secretArgs";
import { secretArguments } from "../../program/settings";
import type { ScimIntegrationArgs } from "../../provider/integration/index";
import { valueOf } from "../support/pulumiMocks";

describe("secret config keys reach the component as secrets", () => {
    it("the engine's list of secret keys: its strings, in order", () => {
        const keys = '["cxone:roleName", 7, null, "cxone-okta-scim:appLabel"]';
        assert.deepEqual(configSecretKeys({ PULUMI_CONFIG_SECRET_KEYS: keys }), [
            "cxone:roleName",
            "cxone-okta-scim:appLabel",
        ]);
        assert.deepEqual(configSecretKeys({ PULUMI_CONFIG_SECRET_KEYS: "[]" }), []);
    });

    it("no list, a list that is not JSON, or JSON that is not a list: no secret key", () => {
        assert.deepEqual(configSecretKeys({}), []);
        assert.deepEqual(configSecretKeys({ PULUMI_CONFIG_SECRET_KEYS: "[cxone:roleName" }), []);
        const notAList = '{"0": "cxone:roleName", "length": 1}';
        assert.deepEqual(configSecretKeys({ PULUMI_CONFIG_SECRET_KEYS: notAList }), []);
        assert.deepEqual(configSecretKeys({ PULUMI_CONFIG_SECRET_KEYS: '"cxone:roleName"' }), []);
    });

    it("the process's own environment by default", () => {
        const saved = process.env.PULUMI_CONFIG_SECRET_KEYS;
        process.env.PULUMI_CONFIG_SECRET_KEYS = '["cxone:employeeEmail"]';
        try {
            assert.deepEqual(configSecretKeys(), ["cxone:employeeEmail"]);
        } finally {
            if (saved === undefined) delete process.env.PULUMI_CONFIG_SECRET_KEYS;
            else process.env.PULUMI_CONFIG_SECRET_KEYS = saved;
        }
    });

    it("each secret key names its component argument; other namespaces' keys name none", () => {
        assert.deepEqual(
            secretArguments([
                "okta:apiToken",
                "cxone-okta-scim:appLabel",
                "cxone:roleName",
                "cxone:region",
                "cxone-okta-scim:transcript",
            ]),
            ["cxone.region", "roleName", "appLabel"],
        );
        assert.deepEqual(secretArguments([]), []);
    });

    it("the named arguments become secrets (a list element by element), the rest stay plain", async () => {
        const args: ScimIntegrationArgs = {
            cxone: { region: "na1" },
            oktaOrgUrl: "https://dev-7.okta.com",
            employeeEmail: "ops@example.com",
            roleName: "SCIM role",
            groupIds: ["00g1", "00g2"],
            appLabel: "CXone",
            adoptRoleId: undefined,
        };
        const out = withSecrets(args, ["roleName", "groupIds", "adoptRoleId", "cxone.region"]);
        assert.deepEqual(Object.keys(out).sort(), Object.keys(args).sort());
        const role = out.roleName as pulumi.Output<string>;
        assert.ok(pulumi.Output.isInstance(role));
        assert.equal(await pulumi.isSecret(role), true);
        assert.equal(await valueOf(role), "SCIM role");
        const groups = out.groupIds as pulumi.Output<string>[];
        assert.ok(Array.isArray(groups));
        assert.equal(groups.length, 2);
        for (const [i, g] of groups.entries()) {
            assert.equal(await pulumi.isSecret(g), true);
            assert.equal(await valueOf(g), args.groupIds?.[i]);
        }
        // unset: nothing to hide, and it stays unset
        assert.equal(out.adoptRoleId, undefined);
        // not named: the very same values
        assert.equal(out.employeeEmail, "ops@example.com");
        assert.equal(out.appLabel, "CXone");
        assert.equal(out.cxone, args.cxone);
        // the caller's arguments are not changed
        assert.equal(args.roleName, "SCIM role");
        assert.deepEqual(withSecrets(args, []), args);
    });
});
