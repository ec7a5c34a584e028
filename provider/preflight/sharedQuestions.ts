// The questions more than one probe asks before the first write, each asked once per run of the
// gate (runReads.ts): the CXone probe and the people probe both search the role by name and the
// employee by email; the Okta probe and the people probe both list the apps of the label.
import { CxoneClient, type EmployeeRecord, type RoleRecord } from "../cxone/client";
import { oktaApi, type OktaApp } from "../okta/client";
import type { CxoneEndpoint } from "../cxone/discovery/regions";
import type { RunReads } from "./runReads";

const key = (...parts: string[]) => JSON.stringify(parts);

/** CXone's roles of this name. */
export const rolesByName = (
    f: { endpoint: CxoneEndpoint; roleName: string },
    reads: RunReads,
): Promise<RoleRecord[]> =>
    reads.once(key("cxone roles by name", JSON.stringify(f.endpoint), f.roleName), () =>
        new CxoneClient(f.endpoint).findRolesByName(f.roleName),
    );

/** CXone's employees of this email. */
export const employeesByEmail = (
    f: { endpoint: CxoneEndpoint; employeeEmail: string },
    reads: RunReads,
): Promise<EmployeeRecord[]> =>
    reads.once(key("cxone employees by email", JSON.stringify(f.endpoint), f.employeeEmail), () =>
        new CxoneClient(f.endpoint).findEmployeesByEmail(f.employeeEmail),
    );

/** Okta's apps of this label. */
export const appsByLabel = (
    f: { oktaOrgUrl: string; appLabel: string },
    reads: RunReads,
): Promise<OktaApp[]> =>
    reads.once(key("okta apps by label", f.oktaOrgUrl, f.appLabel), () =>
        oktaApi.findAppsByLabel(f.oktaOrgUrl, f.appLabel),
    );
