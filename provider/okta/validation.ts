// Input checks of the Okta-side resources: the checkers every resource shares
// (../framework/checks.ts), and the one rule they add. Pure, no I/O; each failure names the property.
import { check, CheckFailure, httpsUrl, requiredString } from "../framework/checks";

export * from "../framework/checks";

/** Longest string Okta-side inputs accept unless a resource says otherwise. */
export const OKTA_STRING_MAX = 1000;

/** Checks the Okta org URL and the ids every Okta-side resource refers to. */
export function checkOrgAndIds(
    failures: CheckFailure[],
    news: Record<string, unknown>,
    ids: string[],
): void {
    check(failures, "orgUrl", news.orgUrl, httpsUrl());
    for (const id of ids) check(failures, id, news[id], requiredString(OKTA_STRING_MAX));
}
