// The integration's gate without servers (Pulumi's mocks, probes given by the test): its inputs as
// plain facts (an empty adopt id is none, only `true` allows Everyone, the secret inputs named and
// sorted), the claim it makes for the program's other integrations, and the report: the
// collisions first, then the probes' refusals.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    integrationGate,
    preWriteFacts,
    type GateInputs,
    type PlainGateInputs,
} from "../../provider/preflight/integrationGate";
import { collisions } from "../../provider/preflight/collisions";
import { integrationProbes, useIntegrationProbes } from "../../provider/preflight/probes";
import type { PreWriteFacts } from "../../provider/preflight/facts";
import type { Probe } from "../../provider/preflight/gate";
import { installMocks, valueOf } from "../support/pulumiMocks";
import { NA1_ENDPOINT } from "../support/cxoneEndpoint";

const target = { owner: "proj/dev", endpoint: NA1_ENDPOINT };
// the gate keeps one report per inputs for the whole process: each test's inputs are its own
const unique = () => `${Date.now()}-${Math.random()}`;
const plain = (over: Partial<PlainGateInputs> = {}): PlainGateInputs => ({
    oktaOrgUrl: "https://example.okta.com",
    roleName: `SCIM ${unique()}`,
    employeeEmail: "scim@example.com",
    appLabel: "NICE CXone",
    groupIds: ["00g1"],
    createUsers: true,
    updateUserAttributes: false,
    deactivateUsers: true,
    deactivationThreshold: 3,
    ...over,
});

describe("reads before the first write: the integration's gate", () => {
    it("preWriteFacts: every input as a plain fact, empty adopt ids as none, Everyone only on true", () => {
        const v = plain({
            roleName: "SCIM",
            adoptRoleId: "",
            adoptEmployeeId: "",
            adoptAppId: "",
            allowEveryoneGroup: "yes" as unknown as boolean,
            allowDeactivations: 2,
        });
        const secret = ["roleName", "appLabel"];
        assert.deepEqual(preWriteFacts(v, target, secret), {
            owner: "proj/dev",
            endpoint: NA1_ENDPOINT,
            oktaOrgUrl: "https://example.okta.com",
            roleName: "SCIM",
            adoptRoleId: undefined,
            employeeEmail: "scim@example.com",
            adoptEmployeeId: undefined,
            appLabel: "NICE CXone",
            adoptAppId: undefined,
            groupIds: ["00g1"],
            allowEveryoneGroup: false,
            people: {
                switches: { createUsers: true, updateUserAttributes: false, deactivateUsers: true },
                threshold: 3,
                allowDeactivations: 2,
            },
            secret: ["appLabel", "roleName"],
        });
        assert.deepEqual(
            secret,
            ["roleName", "appLabel"],
            "the caller's list is not sorted in place",
        );
        const given = preWriteFacts(
            plain({
                adoptRoleId: "r1",
                adoptEmployeeId: "e1",
                adoptAppId: "a1",
                allowEveryoneGroup: true,
            }),
            target,
            [],
        );
        assert.deepEqual(
            [given.adoptRoleId, given.adoptEmployeeId, given.adoptAppId, given.allowEveryoneGroup],
            ["r1", "e1", "a1", true],
        );
    });

    it("integrationGate: the facts the probes are asked with (secret inputs named), the claim, collisions first", async () => {
        installMocks();
        const asked: PreWriteFacts[] = [];
        const probe: Probe<PreWriteFacts> = {
            name: "look",
            input: "roleName",
            run: async (f) => {
                asked.push(f);
                return { refusals: [{ propertyPath: "roleName", reason: "roleName: taken" }] };
            },
        };
        const before = integrationProbes();
        const restore = useIntegrationProbes([probe]);
        try {
            const v = plain({ groupIds: ["00g0", "00g1"] });
            const inputs: GateInputs = {
                ...v,
                appLabel: pulumi.secret(v.appLabel),
                groupIds: ["00g0", pulumi.secret("00g1")],
                employeeEmail: pulumi.output(v.employeeEmail),
            };
            const first = await valueOf(integrationGate("a", inputs, target));
            assert.deepEqual(asked, [preWriteFacts(v, target, ["appLabel", "groupIds"])]);
            assert.deepEqual(first.refusals, [
                { propertyPath: "roleName", reason: "roleName: taken" },
            ]);
            // a second integration of the same program claiming the same role: named first
            const second = await valueOf(integrationGate("b", v, target));
            assert.equal(asked.length, 2);
            assert.deepEqual(
                second.refusals.map((r) => r.propertyPath),
                ["roleName", "employeeEmail", "appLabel", "roleName"],
            );
            assert.match(second.refusals[0].reason, /^roleName: ScimIntegration "b" and "a"/);
            assert.equal(collisions("a").length, 3, "the first integration's claim was recorded");
        } finally {
            restore();
        }
        assert.equal(integrationProbes(), before, "the probes in force before, again");
    });
});
