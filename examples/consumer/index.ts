// Another project reading the integration's outputs through a stack reference, e.g. to hand the
// SCIM key id to a monitoring system. The secret stays a secret on this side too.
//   pulumi config set integrationStack organization/cxone-okta-integration/prod
import * as pulumi from "@pulumi/pulumi";

export function consumerExample() {
    const config = new pulumi.Config();
    const integration = new pulumi.StackReference(config.require("integrationStack"));
    const accessKeyId = integration.getOutput("accessKeyId") as pulumi.Output<string>;
    return {
        scimBaseUrl: integration.getOutput("scimBaseUrl"),
        monitoredAccessKey: pulumi.interpolate`CXone access key ${accessKeyId} (Okta SCIM)`,
        // Still secret here: getOutput keeps the secret flag.
        accessKeySecret: integration.getOutput("accessKeySecret"),
    };
}
