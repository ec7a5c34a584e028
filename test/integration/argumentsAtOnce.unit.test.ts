// The component checks its children's plain inputs before it registers any child (Pulumi's
// mocks record every registration): a bad input fails with every problem named by the argument
// the user typed, and no child exists to be created. Values not known yet are left to the
// resources' own check().
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { ScimIntegrationArgs } from "../../provider/integration";
import { Declared, MockWorld, recordRegistrations } from "../support/pulumiMocks";

const base: ScimIntegrationArgs = {
    cxone: { region: "na1" },
    oktaOrgUrl: "https://dev-1.okta.com",
    employeeEmail: "k@example.com",
    groupIds: ["00g1"],
};

describe("ScimIntegration: children's plain inputs checked before any registration (mocks)", () => {
    const declared: Declared[] = [];
    const world: MockWorld = { connectionStatus: "pending" };

    async function attempt(args: Partial<ScimIntegrationArgs>): Promise<string[]> {
        recordRegistrations(declared, world, false);
        declared.length = 0;
        const { ScimIntegration, ScimIntegrationArgsError } =
            await import("../../provider/integration");
        try {
            new ScimIntegration("scim", { ...base, ...args });
        } catch (e) {
            assert.ok(e instanceof ScimIntegrationArgsError, String(e));
            return e.errors.map((p) => p.reason);
        }
        return [];
    }
    const children = () => declared.filter((d) => !d.type.endsWith("ScimIntegration"));

    const cases: [string, Partial<ScimIntegrationArgs>, RegExp[]][] = [
        [
            "a bad email (the employee is declared after the role)",
            { employeeEmail: "k" },
            [/^employeeEmail: email must be an email address/],
        ],
        [
            "a role name and an app label at once",
            { roleName: "a/b", appLabel: "" },
            [/^roleName: name must not contain \//, /^appLabel: label is required/],
        ],
        [
            "a sandbox URL off loopback",
            { cxone: { sandboxUrl: "https://sandbox.example" } },
            [
                /^cxone\.sandboxUrl: "https:\/\/sandbox\.example" is not on loopback; the local sandbox runs on this machine/,
            ],
        ],
        [
            "the second group id empty",
            { groupIds: ["00g1", ""] },
            [/^groupIds\[1\]: groupId is required/],
        ],
        [
            "a wait of two days",
            { waitForAuthorizationSeconds: 172_800 },
            [
                /^waitForAuthorizationSeconds: waitForAuthorizationSeconds must be a number from 0 to 86400/,
            ],
        ],
    ];
    for (const [what, args, expected] of cases) {
        it(`${what}: refused, no child registered`, async () => {
            const reasons = await attempt(args);
            assert.equal(reasons.length, expected.length, reasons.join("\n"));
            expected.forEach((re, i) => assert.match(reasons[i], re));
            assert.deepEqual(children(), []);
        });
    }

    it("values not known yet pass here (their resources check them), the rest is still checked", async () => {
        // an Output is not known while the component is constructed, even a bad one
        const later = pulumi.output("not-an-email");
        assert.deepEqual(await attempt({ employeeEmail: later, roleName: later }), []);
        await new Promise((r) => setTimeout(r, 200)); // the mock records registrations async
        assert.ok(children().length > 0, "declared as usual");
        const reasons = await attempt({ employeeEmail: later, appLabel: "" });
        assert.equal(reasons.length, 1);
        assert.match(reasons[0], /^appLabel: /);
    });
});
