// A complete integration stack, the smallest useful program: copy this into your own project.
//   pulumi config set cxone:region na1
//   pulumi config set okta:orgName dev-123456
//   export CXONE_ACCESS_KEY_ID=... CXONE_ACCESS_KEY_SECRET=... OKTA_API_TOKEN=...
//   pulumi up
import * as pulumi from "@pulumi/pulumi";
import { ScimIntegration } from "cxone-okta-scim";

export function integrationExample() {
    const cxone = new pulumi.Config("cxone");
    // okta: holds only the Okta provider's own keys (it rejects others); our settings live in the project's.
    const okta = new pulumi.Config("okta");
    const settings = new pulumi.Config();
    const integration = new ScimIntegration("cxone-okta", {
        // A real tenant by region, or the local sandbox by URL (npm run sandbox -- start prints it).
        cxone: cxone.get("sandboxUrl")
            ? { sandboxUrl: cxone.get("sandboxUrl") }
            : { region: cxone.require("region"), fedramp: cxone.getBoolean("fedramp") },
        oktaOrgUrl:
            settings.get("oktaOrgUrl") ??
            `https://${okta.require("orgName")}.${okta.get("baseUrl") ?? "okta.com"}`,
        employeeEmail: cxone.require("employeeEmail"),
        groupIds: settings.getObject<string[]>("groupIds"),
    });
    return {
        scimBaseUrl: integration.scimBaseUrl,
        appId: integration.appId,
        accessKeyId: integration.accessKeyId,
        accessKeySecret: integration.accessKeySecret,
        connectionStatus: integration.connectionStatus,
        remainingSteps: integration.remainingSteps,
    };
}
