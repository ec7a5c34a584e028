// The AutoLoginApp resource: the custom SWA app CXone users sign in through (procedure step 6).
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";
import { secretLike } from "../framework/secretness";

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
    /** Whether the app is active. @default true */
    active?: pulumi.Input<boolean>;
    /**
     * Adopt an existing AUTO_LOGIN app with exactly this label instead of creating another.
     * @default false
     */
    adoptExisting?: pulumi.Input<boolean>;
    /** This stack (`project/stack`), written into the app's admin notes as its ownership mark. */
    owner?: pulumi.Input<string>;
    /** Adopt the existing app with exactly this id (one that carries no stack's mark). */
    adoptAppId?: pulumi.Input<string>;
}

const implementation = "cxone-okta-scim/provider/okta/autoLoginAppProvider";

/**
 * The custom SWA app (Okta signOnMode AUTO_LOGIN) that CXone users sign in through: step 6 of the
 * procedure. Makes the same public API calls as `okta.app.AutoLogin` of @pulumi/okta, for machines
 * where the Okta provider plugin is not available. Destroy deactivates, then deletes the app.
 */
export class AutoLoginApp extends DynamicResource {
    /** Okta's generated unique app name. */
    declare readonly name: pulumi.Output<string>;
    declare readonly label: pulumi.Output<string>;
    declare readonly loginUrl: pulumi.Output<string>;
    /** ACTIVE or INACTIVE. */
    declare readonly status: pulumi.Output<string>;

    constructor(name: string, args: AutoLoginAppArgs, opts?: pulumi.CustomResourceOptions) {
        // defaults are applied by check() (autoLoginAppLogic.ts); the undefined keys are outputs
        const props = { redirectUrl: undefined, ...args, name: undefined, status: undefined };
        // Okta derives the app's `name` from its label: secret with it
        super(
            implementation,
            name,
            props,
            secretLike(opts, args.label, ["name"]),
            "okta",
            "AutoLoginApp",
        );
    }
}
