// What the connection test reports, shared by both variants (verify.ts, verifySparingKey.ts): its
// steps, their names as the operator reads them, and the result.

/** One step of the test. */
export interface VerifyStep {
    name: string;
    ok: boolean;
    /** what happened, and on failure what to check */
    detail: string;
    /** true when the step did not run because an earlier one failed */
    skipped?: boolean;
}

/** The outcome of the connection test. Contains no secret and no token. */
export interface VerifyResult {
    ok: boolean;
    region: string;
    accessKeyId: string;
    scimBaseUrl: string;
    /** the host that answered UserHub's user read, when step 3 ran and one did */
    userHubUrl?: string;
    steps: VerifyStep[];
    /** doubts about the region's URLs (inferred, not documented by NICE) */
    notes: string[];
}

/** Step names, as the operator reads them. */
export const STEP_TOKEN = "Sign in with the access key";
export const STEP_SCIM = "Reach the SCIM server";
export const STEP_USERHUB = "Find the UserHub host";

/** Always in {@link VerifyResult.notes}: this test itself marks the key as used in CXone. */
export const KEY_USE_NOTE =
    "signing in updates the access key's lastUsedDate in CXone, the evidence the stack reads for " +
    'Okta\'s "Authenticate with CXone" and for the end of a key rotation: after this test, that ' +
    "evidence no longer proves Okta used the key (name the key without its secret to spare it)";

/** Default userName of the SCIM lookup: a name no real employee has. */
export const DEFAULT_PROBE_USER_NAME = "cxone-okta-scim-connection-test@example.invalid";
