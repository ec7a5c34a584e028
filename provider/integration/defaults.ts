// Every default of the package, defined once. The component, the resources' check() functions and
// the docs all read them from here, so a default changes in one place.

/** Role the SCIM access key runs as (procedure step 1). @default "SCIM Access Key" */
export const DEFAULT_ROLE_NAME = "SCIM Access Key";

/** Description of that role. @default "Okta SCIM provisioning (managed by Pulumi)" */
export const DEFAULT_ROLE_DESCRIPTION = "Okta SCIM provisioning (managed by Pulumi)";

/** First name of the key's employee (procedure step 2). @default "SCIM" */
export const DEFAULT_EMPLOYEE_FIRST_NAME = "SCIM";

/** Last name of the key's employee. @default "AccessKey" */
export const DEFAULT_EMPLOYEE_LAST_NAME = "AccessKey";

/** Label of the Okta app (procedure step 6). @default "NICE CXone" */
export const DEFAULT_APP_LABEL = "NICE CXone";

/**
 * How the operator reads the client secret, as the console steps show it.
 * @default "pulumi stack output accessKeySecret --show-secrets"
 */
export const DEFAULT_SECRET_REFERENCE = "pulumi stack output accessKeySecret --show-secrets";

/** Okta's "Unique identifier field for users": CXone matches users on it. @default "userName" */
export const DEFAULT_UNIQUE_IDENTIFIER_FIELD = "userName";

/** Okta's "Supported provisioning actions". @default ["pushNewUsers", "pushProfileUpdates"] */
export const DEFAULT_SUPPORTED_ACTIONS: readonly string[] = ["pushNewUsers", "pushProfileUpdates"];

/** Okta's "Authentication Mode" (the method NICE documents for Okta). @default "oauth2" */
export const DEFAULT_AUTH_MODE = "oauth2";

/** Seconds `pulumi up` waits for the console steps (0: report them and move on). @default 0 */
export const DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS = 0;

/** Seconds between checks while waiting for the console steps. @default 5 */
export const DEFAULT_POLL_INTERVAL_SECONDS = 5;

/** CXone role status. @default "ACTIVE" */
export const DEFAULT_ROLE_STATUS = "ACTIVE";

/** The employee is billable. @default false (the key's profile is not billed) */
export const DEFAULT_BILLABLE = false;

/** Send the activation email when the employee is created (procedure step 4). @default true */
export const DEFAULT_INVITE = true;

/** A CXone access key or an Okta app is active. @default true */
export const DEFAULT_ACTIVE = true;

/** Take over an existing object of the same name instead of failing. @default false */
export const DEFAULT_ADOPT_EXISTING = false;

/**
 * The "To App" provisioning switches (procedure step 14): create users, update user attributes,
 * deactivate users. @default all true
 */
export const DEFAULT_PROVISIONING_SWITCHES = {
    createUsers: true,
    updateUserAttributes: true,
    deactivateUsers: true,
} as const;

/** Which resources declare the Okta app and its provisioning actions. @default "builtin" */
export const DEFAULT_OKTA_RESOURCES = "builtin";

/**
 * Days after which the access key is rotated (`rotateAfterDays`). @default none: rotate only when
 * `accessKeyRotation` changes
 */
export const DEFAULT_ROTATE_AFTER_DAYS: number | undefined = undefined;

/**
 * Days a rotation may keep the previous key without evidence that Okta uses the new one
 * (`maxRotationOverlapDays`). @default none: the previous key stays until the evidence
 */
export const DEFAULT_MAX_ROTATION_OVERLAP_DAYS: number | undefined = undefined;

/**
 * Deactivations of CXone users a change of this stack may cause without the operator allowing the
 * exact count (`allowDeactivations`). @default 0 (docs/people.md, "The safeguard")
 */
export const DEFAULT_DEACTIVATION_THRESHOLD = 0;
