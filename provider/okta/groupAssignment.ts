import * as pulumi from "@pulumi/pulumi";
import { forwarder } from "../forwarder";

/** Inputs of {@link GroupAssignment}. */
export interface GroupAssignmentArgs {
    orgUrl: pulumi.Input<string>;
    appId: pulumi.Input<string>;
    /** The Okta group whose members get the app (and so are provisioned into CXone). */
    groupId: pulumi.Input<string>;
}

/** Assigns an Okta group to the app: who is provisioned. Destroy unassigns it. */
export class GroupAssignment extends pulumi.dynamic.Resource {
    constructor(name: string, args: GroupAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
        super(forwarder("cxone-okta-scim/provider/okta/groupAssignmentProvider"), name, { ...args }, opts, "okta", "GroupAssignment");
    }
}
