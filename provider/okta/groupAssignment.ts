// The GroupAssignment resource: which Okta group's members the app provisions into CXone.
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";

/** Inputs of {@link GroupAssignment}. */
export interface GroupAssignmentArgs {
    /** Okta org URL, e.g. https://example.okta.com (the sandbox's on loopback). */
    orgUrl: pulumi.Input<string>;
    /** The app's id, usually `app.id`. */
    appId: pulumi.Input<string>;
    /** The Okta group whose members get the app (and so are provisioned into CXone). */
    groupId: pulumi.Input<string>;
    /**
     * The group's name and type where the program has read them already (the component does,
     * before its first write): with both, create does not read the group. Hints for the create
     * only: a change of either is no change of the assignment, and a refresh keeps what the state
     * holds. @default read at create
     */
    groupName?: pulumi.Input<string | undefined>;
    groupType?: pulumi.Input<string | undefined>;
}

const implementation = "cxone-okta-scim/provider/okta/groupAssignmentProvider";

/** Assigns an Okta group to the app: who is provisioned. Destroy unassigns it. */
export class GroupAssignment extends DynamicResource {
    declare readonly orgUrl: pulumi.Output<string>;
    declare readonly appId: pulumi.Output<string>;
    declare readonly groupId: pulumi.Output<string>;
    /** The group's name in Okta (at create: the input, or read). */
    declare readonly groupName: pulumi.Output<string | undefined>;
    /** OKTA_GROUP, APP_GROUP or BUILT_IN (the org's "Everyone"). */
    declare readonly groupType: pulumi.Output<string | undefined>;

    constructor(name: string, args: GroupAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            implementation,
            name,
            { groupName: undefined, groupType: undefined, ...args },
            opts,
            "okta",
            "GroupAssignment",
        );
    }
}
