// The ProvisioningActions resource: the "To App" switches of procedure step 14.
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";

/** Inputs of {@link ProvisioningActions}. */
export interface ProvisioningActionsArgs {
    /** Okta org URL, e.g. https://example.okta.com (the sandbox's on loopback). */
    orgUrl: pulumi.Input<string>;
    /** The app's id, usually `app.id`. */
    appId: pulumi.Input<string>;
    /** "Create Users": Okta creates users in CXone. @default true */
    createUsers?: pulumi.Input<boolean>;
    /** "Update User Attributes": Okta pushes profile changes. @default true */
    updateUserAttributes?: pulumi.Input<boolean>;
    /** "Deactivate Users": Okta deactivates CXone users it unassigns or deactivates. @default true */
    deactivateUsers?: pulumi.Input<boolean>;
    /**
     * The SCIM connection's status (ScimConnection.status). Okta refuses provisioning actions
     * until the connection is authorized, so they are applied only once this is "authorized";
     * before that the resource records that it is waiting and makes no call.
     */
    connectionStatus: pulumi.Input<string>;
}

const implementation = "cxone-okta-scim/provider/okta/provisioningActionsProvider";

/**
 * Provisioning > To App switches (step 14): the app's USER_PROVISIONING feature, set with the same
 * public API call as `okta.app.Features` of @pulumi/okta. Like that resource, delete makes no call
 * (the app's deletion takes its features with it).
 */
export class ProvisioningActions extends DynamicResource {
    /** Whether the switches are in effect in Okta (false while the connection awaits authorization). */
    declare readonly applied: pulumi.Output<boolean>;
    /** Okta's status of the feature (ENABLED/DISABLED), when applied. */
    declare readonly featureStatus: pulumi.Output<string | undefined>;

    constructor(name: string, args: ProvisioningActionsArgs, opts?: pulumi.CustomResourceOptions) {
        // defaults are applied by check() (provisioningActionsLogic.ts); the undefined keys are outputs
        const props = { ...args, applied: undefined, featureStatus: undefined };
        super(implementation, name, props, opts, "okta", "ProvisioningActions");
    }
}
