// What ScimIntegration records as its own outputs (the component's entry in the stack's state,
// read back from Pulumi's mock monitor), each from the child that provides it.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { defaultAnswers, mockProviders, valueOf } from "../support/programMocks";
import type { Declared } from "../support/pulumiMocks";

describe("ScimIntegration's recorded outputs (mocks)", function () {
    this.timeout(20_000);

    it("the component's state holds every output, each from its child", async () => {
        const declared: Declared[] = [];
        const answers = defaultAnswers();
        answers.scimConnection = { status: "pending", remainingSteps: ["7. Open the app"] };
        answers.accessKey = {
            ...answers.accessKey,
            keyAgeDays: 40,
            nextRotationDate: "2027-03-01",
        };
        answers.provisioningActions = { applied: false };
        mockProviders(declared, () => answers, "p", "s");
        const { ScimIntegration } = await import("../../provider/integration");
        const s = new ScimIntegration("rec", {
            cxone: { region: "au1" },
            oktaOrgUrl: "https://dev-1.okta.com",
            employeeEmail: "k@example.com",
            groupIds: ["00gAbCdEfGhIjKlMnOpQ"],
        });
        await valueOf(s.provisioningApplied);
        await new Promise((r) => setTimeout(r, 100)); // outputs are registered after they resolve
        const monitor: unknown = pulumi.runtime.getMonitor();
        assert.ok(monitor instanceof MockMonitor);
        const component = [...monitor.getRegisteredResources().values()].find((r) =>
            r.urn.endsWith("cxone-okta-scim:index:ScimIntegration::rec"),
        );
        assert.ok(component, "the component is registered");
        // every child is the component's: its URN's type names the component as parent
        const children = [...monitor.getRegisteredResources().keys()].filter(
            (urn) => !urn.endsWith("::rec"),
        );
        assert.equal(children.length, 10, children.join("\n"));
        for (const urn of children) {
            assert.match(urn, /::cxone-okta-scim:index:ScimIntegration\$[^:]/, urn);
        }
        // the outputs as the monitor received them (a protobuf Struct)
        const recorded: unknown = component.state;
        assert.ok(recorded && typeof recorded === "object" && "toJavaScript" in recorded);
        assert.ok(typeof recorded.toJavaScript === "function");
        const state: unknown = recorded.toJavaScript();
        assert.deepEqual(state, {
            scimBaseUrl: "https://au1.nice-incontact.com/scim/v2",
            appId: "rec-app-id",
            roleId: "rec-role-id",
            employeeId: "rec-employee-id",
            accessKeyId: "AKID-1",
            accessKeySecret: "s3cret-value-1",
            connectionStatus: "pending",
            accessKeyAgeDays: 40,
            nextKeyRotationDate: "2027-03-01",
            remainingSteps: ["7. Open the app"],
            provisioningApplied: false,
            // the people probe is off under mocks (test/support/noVendorReads.ts): no report
            provisionedUsers: 0,
        });
        assert.equal(s.region.region, "au1");
    });
});
