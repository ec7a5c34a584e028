// The reads the integration makes before its first write: one probe per vendor, each reads only.
// CXone: the role of this name and the employee of this email (and the adoptRoleId and
// adoptEmployeeId objects), with the marks of the roles they hold; Okta: the apps of this label
// (and the adoptAppId app) and every group to assign. More probes join by being added to
// INTEGRATION_PROBES (the people-impact reads, for one).
import { CxoneClient, EmployeeRecord, RoleRecord } from "../cxone/client";
import { oktaApi } from "../okta/client";
import { peopleReport } from "../people/probe";
import { ownerIn } from "../framework/ownership";
import type { Probe } from "./gate";
import { appsByLabel, employeesByEmail, rolesByName } from "./sharedQuestions";
import type { PreWriteFacts } from "./facts";
import { appFindings, employeeFindings, groupFindings, roleFindings } from "./findings";

/** Reads `ids` a few at a time: parallel, but not a burst against the vendor's rate limit. */
async function inBatches<T, R>(items: T[], size: number, read: (t: T) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    // Stryker disable next-line EqualityOperator: one step more reads the empty slice past the end: nothing
    for (let i = 0; i < items.length; i += size) {
        out.push(...(await Promise.all(items.slice(i, i + size).map(read))));
    }
    return out;
}

/** CXone: the role name, the employee email and the adopt ids, with the marks of the roles held. */
export const cxoneProbe: Probe<PreWriteFacts> = {
    name: "look up the CXone role and employee",
    input: "cxone",
    async run(f, reads) {
        const client = new CxoneClient(f.endpoint);
        const [byName, adoptedRole, byEmail, adoptedEmployee] = await Promise.all([
            rolesByName(f, reads),
            f.adoptRoleId ? client.getRole(f.adoptRoleId).then((r) => r ?? null) : undefined,
            employeesByEmail(f, reads),
            f.adoptEmployeeId
                ? client.getEmployee(f.adoptEmployeeId).then((e) => e ?? null)
                : undefined,
        ]);
        // the marks of the roles the employees hold: those already read are not read again
        const roles = new Map<string, RoleRecord | undefined>();
        for (const r of adoptedRole ? [...byName, adoptedRole] : byName) roles.set(r.roleId, r);
        const held = (adoptedEmployee ? [...byEmail, adoptedEmployee] : byEmail)
            .map((e: EmployeeRecord) => e.roleId)
            .filter((id) => id && !roles.has(id));
        for (const id of new Set(held)) roles.set(id, await client.getRole(id));
        const markOfRole = (id: string) => ownerIn(roles.get(id)?.description);
        return {
            refusals: [
                ...roleFindings(f, byName, adoptedRole, byEmail),
                ...employeeFindings(f, byEmail, adoptedEmployee, markOfRole, (id) =>
                    byName.some((r) => r.roleId === id),
                ),
            ],
        };
    },
};

/** Okta: the apps of this label, the adoptAppId app, and every group to assign. */
export const oktaProbe: Probe<PreWriteFacts> = {
    name: "look up the Okta app label and groups",
    input: "oktaOrgUrl",
    async run(f, reads) {
        const [byLabel, adopted, groups] = await Promise.all([
            appsByLabel(f, reads),
            f.adoptAppId
                ? oktaApi.getApp(f.oktaOrgUrl, f.adoptAppId).then((a) => a ?? null)
                : undefined,
            inBatches(f.groupIds, 8, (id) => oktaApi.getGroup(f.oktaOrgUrl, id)),
        ]);
        const g = groupFindings(f, groups);
        const known = f.groupIds.flatMap((id, i) => {
            const found = groups[i];
            // Stryker disable next-line OptionalChaining: Okta's groups always carry a profile [doc]
            return found ? [[id, { name: found.profile?.name, type: found.type }] as const] : [];
        });
        return {
            refusals: [...appFindings(f, byLabel, adopted), ...g.refusals],
            warnings: g.warnings,
            groups: Object.fromEntries(known),
        };
    },
};

/**
 * Okta (and CXone where Okta provisions now): who the app provisions and what the change does to
 * them (provider/people). Over the stack's threshold of deactivations it refuses.
 */
export const peopleProbe: Probe<PreWriteFacts> = {
    name: "read who Okta provisions through the app",
    input: "groupIds",
    async run(f, reads) {
        const people = await peopleReport(f, reads);
        const refusals = people.refusal
            ? // no input is wrong: the refusal is said as it is (it names allowDeactivations)
              [{ propertyPath: "people", reason: people.refusal }]
            : [];
        return { refusals, people, deployed: people.stackApp };
    },
};

/** Every read the integration makes before its first write. */
export const INTEGRATION_PROBES: readonly Probe<PreWriteFacts>[] = [
    cxoneProbe,
    oktaProbe,
    peopleProbe,
];

let probes: readonly Probe<PreWriteFacts>[] = INTEGRATION_PROBES;

/** The probes in force: INTEGRATION_PROBES, unless a test with no servers (Pulumi's mocks) set others. */
export const integrationProbes = (): readonly Probe<PreWriteFacts>[] => probes;

/** Sets the probes for this process (tests); returns a function that restores the previous ones. */
export function useIntegrationProbes(p: readonly Probe<PreWriteFacts>[]): () => void {
    const before = probes;
    probes = p;
    return () => {
        probes = before;
    };
}
