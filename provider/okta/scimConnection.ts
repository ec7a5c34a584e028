import * as pulumi from "@pulumi/pulumi";
import { forwarder } from "../forwarder";
import { withDefaults } from "../props";
import type { CxoneEndpoint } from "../regions";

/** Inputs of {@link ScimConnection}: the full SCIM settings of procedure steps 7-12. */
export interface ScimConnectionArgs {
    orgUrl: pulumi.Input<string>;
    appId: pulumi.Input<string>;
    appLabel: pulumi.Input<string>;
    /** SCIM connector base URL, e.g. https://na1.nice-incontact.com/scim/v2 */
    scimBaseUrl: pulumi.Input<string>;
    /** Unique identifier field for users. Default `userName`. */
    uniqueIdentifierField?: pulumi.Input<string>;
    /** Default pushNewUsers and pushProfileUpdates. */
    supportedActions?: pulumi.Input<pulumi.Input<string>[]>;
    /** Only `oauth2` (the seed's method). */
    authMode?: pulumi.Input<string>;
    tokenEndpoint: pulumi.Input<string>;
    authorizeEndpoint: pulumi.Input<string>;
    /** Client ID = the CXone access key ID. */
    clientId: pulumi.Input<string>;
    /** Client secret = the secret access key. Kept as a secret; shown only by reference. */
    clientSecret: pulumi.Input<string>;
    /** The CXone tenant, to read the key's lastUsedDate where Okta reports no connection status. */
    cxoneEndpoint: pulumi.Input<CxoneEndpoint>;
    /** How the operator gets the client secret. Default `pulumi stack output accessKeySecret --show-secrets`. */
    secretReference?: pulumi.Input<string>;
    /** Who signs in at "Authenticate with CXone" (shown in the steps). */
    cxoneSignInHint?: pulumi.Input<string>;
    /** Wait up to this many seconds during `pulumi up` for the console steps to be done. Default 0 (do not wait). */
    waitForAuthorizationSeconds?: pulumi.Input<number>;
    /** Seconds between checks while waiting. Default 5. */
    pollIntervalSeconds?: pulumi.Input<number>;
}

/**
 * The SCIM connection of the Okta app. Okta's public API cannot set it for a custom app, so this
 * resource declares the settings, outputs the remaining Admin Console steps (values included,
 * secret by reference), detects completion from evidence (Okta's connection status; CXone's key
 * lastUsedDate where Okta reports none), re-activates a connection deactivated out of band, and
 * can wait for the operator during `pulumi up`.
 */
export class ScimConnection extends pulumi.dynamic.Resource {
    /** authorized | pending | disabled | key-revoked */
    declare readonly status: pulumi.Output<string>;
    declare readonly oktaConnectionStatus: pulumi.Output<string | undefined>;
    declare readonly keyLastUsedDate: pulumi.Output<string | undefined>;
    /** The console steps still to do; empty once authorized. */
    declare readonly remainingSteps: pulumi.Output<string[]>;

    constructor(name: string, args: ScimConnectionArgs, opts?: pulumi.CustomResourceOptions) {
        super(forwarder("cxone-okta-scim/provider/okta/scimConnectionProvider"), name, withDefaults({
            status: undefined, oktaConnectionStatus: undefined, keyLastUsedDate: undefined, remainingSteps: undefined,
            uniqueIdentifierField: "userName",
            supportedActions: ["pushNewUsers", "pushProfileUpdates"],
            authMode: "oauth2",
            secretReference: "pulumi stack output accessKeySecret --show-secrets",
            cxoneSignInHint: undefined,
            waitForAuthorizationSeconds: 0,
            pollIntervalSeconds: 5,
        }, { ...args, clientSecret: pulumi.secret(args.clientSecret) }), opts, "okta", "ScimConnection");
    }
}
