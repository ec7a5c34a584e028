// The integration with a contact centre's attribute mappings: each agent's team comes from the
// Okta department, with time zone, phones and display name, all declared here and pushed by Okta
// over SCIM. Out-of-band edits in Okta's Profile Editor show in `pulumi preview` and `up` undoes them.
//   pulumi config set cxone:region na1
//   pulumi config set okta:orgName dev-123456
//   pulumi config set cxone:employeeEmail scim-key@example.com
//   export CXONE_ACCESS_KEY_ID=... CXONE_ACCESS_KEY_SECRET=... OKTA_API_TOKEN=...
//   pulumi up
import * as pulumi from "@pulumi/pulumi";
import { ScimIntegration } from "cxone-okta-scim";

/** CXone attribute -> Okta Expression Language, over the seed's userName, names and email. */
export const contactCentreMappings: Record<string, string> = {
    // NICE's SCIM extension: the agent's CXone team from the Okta department.
    "nice:team": "user.department",
    timezone: "user.timezone",
    "phoneNumbers.work": "user.primaryPhone",
    "phoneNumbers.mobile": "user.mobilePhone",
    displayName: 'user.firstName + " " + user.lastName',
    // Every agent signs in through the same CXone login authenticator (a literal; it must exist):
    // "nice:loginAuthenticator": '"Okta SSO"',
};

export function attributeMappingsExample() {
    const cxone = new pulumi.Config("cxone");
    const okta = new pulumi.Config("okta");
    const settings = new pulumi.Config();
    const integration = new ScimIntegration("cxone-okta", {
        cxone: cxone.get("sandboxUrl")
            ? { sandboxUrl: cxone.get("sandboxUrl") }
            : { region: cxone.require("region") },
        oktaOrgUrl:
            settings.get("oktaOrgUrl") ??
            `https://${okta.require("orgName")}.${okta.get("baseUrl") ?? "okta.com"}`,
        employeeEmail: cxone.require("employeeEmail"),
        groupIds: settings.getObject<string[]>("groupIds"),
        attributeMappings: contactCentreMappings,
    });
    return {
        appId: integration.appId,
        connectionStatus: integration.connectionStatus,
        remainingSteps: integration.remainingSteps,
    };
}
