// The people probe: one of the reads before the first write (provider/preflight). It finds this
// stack's Okta app, reads who it provisions, and tells what the planned change does to them; over
// the stack's threshold it refuses, before anything is written, in preview and `up` alike.
import { runningPulumiCommand } from "../guard/pulumiCommand";
import { isDestroy } from "../guard/removalGuardLogic";
import type { ProvisioningSwitches } from "../okta/capabilities";
import { oktaApi, type OktaApp } from "../okta/client";
import { ownerIn } from "../framework/ownership";
import type { CxoneEndpoint } from "../cxone/discovery/regions";
import { allowed, impactOf, type Impact, type KeyChange, type Safeguard } from "./impactLogic";
import { impactLines, refusal } from "./messages";
import { readPeopleNow } from "./reads";
import { unshared, type RunReads } from "../preflight/runReads";
import { appsByLabel, employeesByEmail, rolesByName } from "../preflight/sharedQuestions";

/** What the people probe asks about: the integration's identity and its people settings. */
export interface PeopleFacts {
    /** this stack (`project/stack`): the mark on its app and role */
    owner: string;
    endpoint: CxoneEndpoint;
    oktaOrgUrl: string;
    roleName: string;
    employeeEmail: string;
    adoptEmployeeId?: string;
    appLabel: string;
    adoptAppId?: string;
    groupIds: string[];
    people: { switches: ProvisioningSwitches } & Safeguard;
}

/** What the probe found: the impact, and the refusal when it is over the threshold. */
export interface PeopleReport {
    impact: Impact;
    /** the lines every preview and `up` prints (the first is the summary) */
    lines: string[];
    refusal?: string;
    /** this stack's own Okta app was found by its mark (not only by adoptAppId) */
    stackApp?: boolean;
}

const noteOf = (a: OktaApp): unknown =>
    // Stryker disable next-line OptionalChaining: Okta answers notes ({admin, enduser}) on every app
    (a.settings.notes as { admin?: unknown } | undefined)?.admin;

/**
 * This stack's app: the adoptAppId one, else the app of this label carrying the stack's mark; if
 * the label finds none (the label may change in this very update), every app of the org is read
 * once for the mark.
 */
export async function findStackApp(
    f: PeopleFacts,
    reads: RunReads = unshared,
): Promise<OktaApp | undefined> {
    if (f.adoptAppId) return oktaApi.getApp(f.oktaOrgUrl, f.adoptAppId);
    const mine = (apps: OktaApp[]) =>
        apps.find((a) => a.signOnMode === "AUTO_LOGIN" && ownerIn(noteOf(a)) === f.owner);
    return mine(await appsByLabel(f, reads)) ?? mine(await oktaApi.listApps(f.oktaOrgUrl));
}

/**
 * Whether this update makes a new access key: the target CXone tenant has no employee with the
 * key's email (a new employee, and so a new key). `tenant` when it has no role of this stack
 * either (another tenant), else `employee`.
 */
async function keyChange(f: PeopleFacts, reads: RunReads): Promise<KeyChange | undefined> {
    if (f.adoptEmployeeId) return undefined;
    const [employees, roles] = await Promise.all([
        employeesByEmail(f, reads),
        rolesByName(f, reads),
    ]);
    if (employees.length > 0) return undefined;
    return roles.some((r) => ownerIn(r.description) === f.owner) ? "employee" : "tenant";
}

/** Judges a removal of the app (`pulumi destroy`, the integration removed) from its people now. */
export async function removalReport(
    orgUrl: string,
    appId: string,
    safeguard: Safeguard,
): Promise<PeopleReport> {
    const now = await readPeopleNow(orgUrl, appId, []);
    const impact = impactOf(now, {
        operation: "destroy",
        // Stryker disable next-line ArrayDeclaration: a destroy reads no group of the change
        groupIds: [],
        // a removal changes no switch before the assignments end; a destroy reads only the switches
        // in effect now (impactOf), so these are never read: no caller can observe them
        // Stryker disable all
        switches: now.switches ?? {
            createUsers: false,
            updateUserAttributes: false,
            deactivateUsers: false,
        },
        // Stryker restore all
    });
    return {
        impact,
        lines: impactLines(impact),
        refusal: allowed(impact, safeguard) ? undefined : refusal(impact, safeguard),
    };
}

/**
 * Reads and judges the planned update (nothing written). Under `pulumi destroy --run-program` it
 * tells what the destroy does and leaves the refusal to the integration's guard, which reads again
 * when the engine removes it. `command`: the running `pulumi` command (the tests give it).
 */
export async function peopleReport(
    f: PeopleFacts,
    reads: RunReads = unshared,
    command = runningPulumiCommand(),
): Promise<PeopleReport> {
    const app = await findStackApp(f, reads);
    const stackApp = !!app && ownerIn(noteOf(app)) === f.owner;
    if (app && isDestroy(command)) {
        const r = await removalReport(f.oktaOrgUrl, app.id, f.people);
        return {
            impact: r.impact,
            lines: r.refusal ? [...r.lines, `\`pulumi destroy\` will be ${r.refusal}`] : r.lines,
            stackApp,
        };
    }
    const now = await readPeopleNow(f.oktaOrgUrl, app?.id, f.groupIds);
    // a new key matters only where Okta provisions now
    const newKey = now.provisioning ? await keyChange(f, reads) : undefined;
    const impact = impactOf(now, {
        operation: "update",
        groupIds: f.groupIds,
        switches: f.people.switches,
        newKey,
    });
    return {
        impact,
        lines: impactLines(impact),
        refusal: allowed(impact, f.people) ? undefined : refusal(impact, f.people),
        stackApp,
    };
}
