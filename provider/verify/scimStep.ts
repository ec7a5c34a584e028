// The SCIM step of the connection test, one for both variants: the userName lookup Okta makes first,
// with a token of the key's employee, reported in the operator's words.
// [guess:scim-accepts-key-token] CXone's SCIM server accepts an access-key token as it accepts the
// OAuth token Okta gets from /auth/token (both are tokens of the key's employee).
import { CxoneRequestError, listUsers, userNameFilter } from "../cxone/scim";
import type { ResolvedRegion } from "../cxone/discovery/regions";
import { asRequestError, hostOf, regionHint, said, transportReason } from "./failures";
import { STEP_SCIM, type VerifyStep } from "./steps";

// The permissions NICE's Okta page asks for on the key's role (procedure step 1) [doc].
const SCIM_PERMISSION = `"Employees: Create and Edit" (which switches on "Employees: View")`;

/**
 * Asks the region's SCIM server for `userName` with `token`, as Okta does. Never throws: a failure
 * is a failed step with the reason. `accessKeyId` names the key whose employee the token is of.
 */
export async function scimStep(
    r: ResolvedRegion,
    accessKeyId: string,
    token: string,
    userName: string,
    timeoutMs: number,
): Promise<VerifyStep> {
    try {
        const list = await listUsers(r.scimBaseUrl, token, {
            filter: userNameFilter(userName),
            count: 1,
            timeoutMs,
        });
        const n = list.totalResults;
        return {
            name: STEP_SCIM,
            ok: true,
            detail: `${r.scimBaseUrl} answered the userName lookup Okta makes (${n} match${n === 1 ? "" : "es"} for "${userName}")`,
        };
    } catch (err) {
        const e = asRequestError(err, "list SCIM users", r.scimBaseUrl);
        return { name: STEP_SCIM, ok: false, detail: scimFailure(e, r, accessKeyId, timeoutMs) };
    }
}

function scimFailure(
    e: CxoneRequestError,
    r: ResolvedRegion,
    accessKeyId: string,
    timeoutMs: number,
): string {
    const transport = transportReason(e, r.region, timeoutMs);
    if (transport) return transport;
    const url = r.scimBaseUrl;
    if (e.kind === "bad-response")
        return `${url}/Users answered HTTP ${e.status} but not with a SCIM ListResponse: this is not CXone's SCIM server; ${regionHint(r.region)}`;
    switch (e.status) {
        case 401:
            return `the SCIM server at ${e.host} rejected the token (HTTP 401): the key signed in at ${hostOf(r.areaUrl)}, so the tenant is probably in another region; ${regionHint(r.region)}${said(e)}`;
        case 403:
            return `the employee of access key ${accessKeyId} lacks permission (HTTP 403): give its role ${SCIM_PERMISSION} under Admin > Security > Roles and Permissions, then activate the role${said(e)}`;
        case 404:
            return `no SCIM server at ${url} (HTTP 404): ${regionHint(r.region)}`;
        case 429:
            return `CXone is rate limiting SCIM requests (HTTP 429): wait a minute and try again`;
        default:
            return (e.status ?? 0) >= 500
                ? `CXone's SCIM server failed (HTTP ${e.status}): try again later${said(e)}`
                : `SCIM request failed with HTTP ${e.status}${said(e)}`;
    }
}
