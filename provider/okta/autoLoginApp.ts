import * as pulumi from "@pulumi/pulumi";
import { forwarder } from "../forwarder";
import { withDefaults } from "../props";

/** Inputs of {@link AutoLoginApp}. */
export interface AutoLoginAppArgs {
    /** Okta org URL, e.g. https://example.okta.com (the sandbox's on loopback). */
    orgUrl: pulumi.Input<string>;
    /** The app's name in Okta's Admin Console and dashboard. */
    label: pulumi.Input<string>;
    /** "App's login page URL": the CXone login page of the region. */
    loginUrl: pulumi.Input<string>;
    /** Optional redirect URL after sign-in. */
    redirectUrl?: pulumi.Input<string>;
    /** Active (default) or inactive. */
    active?: pulumi.Input<boolean>;
    /** Adopt an existing AUTO_LOGIN app with exactly this label instead of creating another. */
    adoptExisting?: pulumi.Input<boolean>;
}

/**
 * The custom SWA app (Okta signOnMode AUTO_LOGIN) that CXone users sign in through: step 6 of the
 * procedure. Makes the same public API calls as `okta.app.AutoLogin` of @pulumi/okta, for machines
 * where the Okta provider plugin is not available. Destroy deactivates, then deletes the app.
 */
export class AutoLoginApp extends pulumi.dynamic.Resource {
    /** Okta's generated unique app name. */
    declare readonly name: pulumi.Output<string>;
    declare readonly label: pulumi.Output<string>;
    declare readonly loginUrl: pulumi.Output<string>;
    /** ACTIVE or INACTIVE. */
    declare readonly status: pulumi.Output<string>;

    constructor(name: string, args: AutoLoginAppArgs, opts?: pulumi.CustomResourceOptions) {
        super(forwarder("cxone-okta-scim/provider/okta/autoLoginAppProvider"), name,
            withDefaults({ name: undefined, status: undefined, redirectUrl: undefined, active: true, adoptExisting: false }, args), opts, "okta", "AutoLoginApp");
    }
}
