// The ScimConnection resource: the SCIM settings of procedure steps 7-12, finished by a person.
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";
import type { CxoneEndpoint } from "../cxone/discovery/regions";

/** Inputs of {@link ScimConnection}: the full SCIM settings of procedure steps 7-12. */
export interface ScimConnectionArgs {
    /** Okta org URL, e.g. https://example.okta.com (the sandbox's on loopback). */
    orgUrl: pulumi.Input<string>;
    /** The app's id, usually `app.id`. */
    appId: pulumi.Input<string>;
    /**
     * The app's label, as the console steps name it. Leave it out (or "") when it is a secret: the
     * steps, an output stored in plain text, then name the app by its id only.
     */
    appLabel?: pulumi.Input<string>;
    /** SCIM connector base URL, e.g. https://na1.nice-incontact.com/scim/v2 */
    scimBaseUrl: pulumi.Input<string>;
    /** Unique identifier field for users (the only value CXone supports). @default "userName" */
    uniqueIdentifierField?: pulumi.Input<string>;
    /** Supported provisioning actions. @default ["pushNewUsers", "pushProfileUpdates"] */
    supportedActions?: pulumi.Input<pulumi.Input<string>[]>;
    /** Authentication mode (the only one NICE documents for Okta). @default "oauth2" */
    authMode?: pulumi.Input<string>;
    tokenEndpoint: pulumi.Input<string>;
    authorizeEndpoint: pulumi.Input<string>;
    /** Client ID = the CXone access key ID. */
    clientId: pulumi.Input<string>;
    /** Client secret = the secret access key. Kept as a secret; shown only by reference. */
    clientSecret: pulumi.Input<string>;
    /** The CXone tenant, to read the key's lastUsedDate where Okta reports no connection status. */
    cxoneEndpoint: pulumi.Input<CxoneEndpoint>;
    /**
     * How the operator gets the client secret, as the console steps show it.
     * @default "pulumi stack output accessKeySecret --show-secrets"
     */
    secretReference?: pulumi.Input<string>;
    /** Who signs in at "Authenticate with CXone" (shown in the steps). */
    cxoneSignInHint?: pulumi.Input<string>;
    /** Wait up to this many seconds during `pulumi up` for the console steps. @default 0 (do not wait) */
    waitForAuthorizationSeconds?: pulumi.Input<number>;
    /**
     * Fail `pulumi up` with the remaining console steps while the connection is not authorized
     * (after waiting `waitForAuthorizationSeconds`): for resources that Okta refuses before then,
     * such as okta.app.Features. @default false
     */
    requireAuthorization?: pulumi.Input<boolean>;
    /** Seconds between checks while waiting. @default 5 */
    pollIntervalSeconds?: pulumi.Input<number>;
    /**
     * During a key rotation, the previous access key id (AccessKey's `previousAccessKeyId`): the
     * status is `rotating` while it is active, and the steps say how to enter the new key.
     */
    previousClientId?: pulumi.Input<string | undefined>;
}

const implementation = "cxone-okta-scim/provider/okta/scimConnectionProvider";

/**
 * The SCIM connection of the Okta app. Okta's public API cannot set it for a custom app, so this
 * resource declares the settings, outputs the remaining Admin Console steps (values included,
 * secret by reference), detects completion from evidence (Okta's connection status; CXone's key
 * lastUsedDate where Okta reports none), re-activates a connection deactivated out of band, and
 * can wait for the operator during `pulumi up`.
 */
export class ScimConnection extends DynamicResource {
    /** authorized | pending | disabled | key-revoked | rotating */
    declare readonly status: pulumi.Output<string>;
    declare readonly oktaConnectionStatus: pulumi.Output<string | undefined>;
    declare readonly keyLastUsedDate: pulumi.Output<string | undefined>;
    /** The console steps still to do; empty once authorized. */
    declare readonly remainingSteps: pulumi.Output<string[]>;

    constructor(name: string, args: ScimConnectionArgs, opts?: pulumi.CustomResourceOptions) {
        // defaults are applied by check() (scimConnectionLogic.ts); the undefined keys are outputs
        const props = {
            cxoneSignInHint: undefined,
            previousClientId: undefined,
            ...args,
            clientSecret: pulumi.secret(args.clientSecret),
            status: undefined,
            oktaConnectionStatus: undefined,
            keyLastUsedDate: undefined,
            remainingSteps: undefined,
        };
        super(implementation, name, props, opts, "okta", "ScimConnection");
    }
}
