// The arguments and outputs of ScimIntegration that every Pulumi language can give and read. The
// package schema (`pulumi package get-schema plugin`) is derived from this file by the SDK's
// analyzer each time the component provider starts, so it imports only the few Pulumi SDK modules
// it needs (@pulumi/pulumi/output rather than the whole SDK: about 60 files for the analyzer to
// read instead of 700, seconds less per start) and holds no functions or resource objects.
import { Input, Output } from "@pulumi/pulumi/output";
import { OktaResourceKind } from "../okta/resourceKind";

/** Where the CXone tenant is: a region (and FedRAMP flag), or the local sandbox. */
export interface CxoneTarget {
    /** CXone region, e.g. `na1`. Required unless `sandboxUrl` is set. */
    region?: string;
    /** FedRAMP tenant (region na2). Default: `false`. */
    fedramp?: boolean;
    /** Base URL of the local sandbox's CXone server (every CXone API on one host). */
    sandboxUrl?: string;
    /** Tenant id, when discovery needs it. */
    tenantId?: string;
}

/**
 * The arguments of ScimIntegration that every Pulumi language can give: the package's
 * schema (`pulumi package get-schema plugin`) is derived from this interface, so it holds no
 * functions and no resource objects, and each description states its default ("Default: ...").
 * Only `cxone`, `oktaOrgUrl` and `employeeEmail` are required.
 */
export interface ScimIntegrationInputs {
    /** Where the CXone tenant is: `region` for a real tenant, or `sandboxUrl` for the local sandbox. */
    cxone: CxoneTarget;
    /** Okta org URL, e.g. https://example.okta.com */
    oktaOrgUrl: Input<string>;
    /** Step 1: the role for the key. Role names can never be reused in CXone. Default: `SCIM Access Key`. */
    roleName?: Input<string>;
    /** Description of that role. Default: `Okta SCIM provisioning (managed by Pulumi)`. */
    roleDescription?: Input<string>;
    /** Step 2: an email address the operator owns (CXone sends the activation email there). */
    employeeEmail: Input<string>;
    /** First name of the key's employee. Default: `SCIM`. */
    employeeFirstName?: Input<string>;
    /** Last name of the key's employee. Default: `AccessKey`. */
    employeeLastName?: Input<string>;
    /** Login authenticator of the employee. Default: the tenant's default authenticator. */
    loginAuthenticatorId?: Input<string>;
    /** Step 4: send the activation email on create. Default: `true`. */
    inviteEmployee?: Input<boolean>;
    /** Step 6: the Okta app's label. Default: `NICE CXone`. */
    appLabel?: Input<string>;
    /** Okta group ids assigned to the app: whose members Okta provisions into CXone. Default: none. */
    groupIds?: Input<string>[];
    /**
     * Allow Okta's built-in "Everyone" group in `groupIds`: every user of the Okta org,
     * administrators included, is then provisioned into CXone. Without it such a group is refused
     * before anything is written. Default: `false`.
     */
    allowEveryoneGroup?: Input<boolean>;
    /**
     * Let the next `pulumi up` that no longer declares this integration remove it (revoke the key,
     * deactivate the employee and the role, delete the Okta app). Without it such an `up` is
     * refused before anything is deleted; `pulumi destroy` always removes it. Set it, run
     * `pulumi up`, then remove the integration from the program. Default: `false`.
     */
    allowRemoval?: Input<boolean>;
    /** Step 14: "Create Users". Default: `true`. */
    createUsers?: Input<boolean>;
    /** Step 14: "Update User Attributes". Default: `true`. */
    updateUserAttributes?: Input<boolean>;
    /** Step 14: "Deactivate Users". Default: `true`. */
    deactivateUsers?: Input<boolean>;
    /**
     * How many CXone users a change of this stack may make Okta deactivate without asking: an
     * `up` (or `destroy`) over it is refused before anything is written, with the count, the
     * cause and the first logins. Default: `0`.
     */
    deactivationThreshold?: Input<number>;
    /**
     * Allow exactly this many deactivations for the next change over the threshold (the count its
     * refusal names). A different count is refused: a stale allowance lets no other cut through.
     * Default: none.
     */
    allowDeactivations?: Input<number>;
    /**
     * Any new value starts a phased key rotation: the `up` creates a new key and keeps the old
     * one working (status `rotating`); a person enters the new client id and secret in Okta; the
     * first `up` after CXone shows Okta using the new key revokes the old one. Default: none.
     */
    accessKeyRotation?: Input<string>;
    /** Rotate the access key once it is this many days old (same phases). Default: none. */
    rotateAfterDays?: Input<number>;
    /**
     * Revoke the previous key this many days after a rotation started even without evidence that
     * Okta uses the new one (with a warning). Default: none (wait for the evidence).
     */
    maxRotationOverlapDays?: Input<number>;
    /** Wait this long during `pulumi up` for the console steps (0 = report and move on). Default: `0`. */
    waitForAuthorizationSeconds?: Input<number>;
    /**
     * Adopt an existing role, employee and Okta app of the same name instead of failing, but only
     * those that are demonstrably this stack's: the role's description and the app's admin notes
     * carry this stack's mark (`[pulumi stack: project/stack]`, written on create), and the
     * employee holds that role. Anything else is refused, naming why. Default: `false`.
     */
    adoptExisting?: boolean;
    /** Adopt exactly this existing CXone role (made by hand, carrying no stack's mark). */
    adoptRoleId?: Input<string>;
    /** Adopt exactly this existing CXone employee (made by hand, not another stack's). */
    adoptEmployeeId?: Input<string>;
    /** Adopt exactly this existing Okta app (made by hand, carrying no stack's mark). */
    adoptAppId?: Input<string>;
    /** How the operator reads the client secret. Default: `pulumi stack output accessKeySecret --show-secrets`. */
    secretReference?: Input<string>;
    /**
     * Which resources declare the Okta app and its provisioning actions: `builtin` (this package's
     * dynamic resources, calling the same public Okta API) or `pulumi-okta` (okta.app.AutoLogin,
     * GroupAssignment and Features of the Pulumi Okta provider; needs its plugin). With
     * `pulumi-okta`, `pulumi up` fails with the remaining console steps until the SCIM connection
     * is authorized, because Okta refuses okta.app.Features before then. Default: `builtin`.
     */
    oktaResources?: OktaResourceKind;
    /**
     * CXone attribute -> Okta Expression Language value, over the seed's defaults (first and last
     * name, email; userName is the app username), e.g. `{"nice:team": "user.department"}`. Keys:
     * see README "Attribute mappings". Default: the seed's fields only.
     */
    attributeMappings?: Record<string, string>;
}

/** One bad argument of the component, by its path (e.g. `cxone.region`). */
export interface ArgumentProblem {
    propertyPath: string;
    reason: string;
}

/** The outputs of the integration, the same in every language. */
export interface IntegrationOutputs {
    scimBaseUrl: Output<string>;
    appId: Output<string>;
    roleId: Output<string>;
    employeeId: Output<string>;
    accessKeyId: Output<string>;
    accessKeySecret: Output<string>;
    connectionStatus: Output<string>;
    accessKeyAgeDays: Output<number | undefined>;
    nextKeyRotationDate: Output<string | undefined>;
    remainingSteps: Output<string[]>;
    provisioningApplied: Output<boolean>;
    provisionedUsers: Output<number>;
}
