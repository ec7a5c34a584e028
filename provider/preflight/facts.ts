// What the reads before the first write are about: the integration's identifying inputs as plain
// values, and which of them are secret (messages then leave the value out).
import type { ProvisioningSwitches } from "../okta/capabilities";
import type { Safeguard } from "../people/impactLogic";
import type { CxoneEndpoint } from "../cxone/discovery/regions";

/** The integration's inputs the probes ask CXone and Okta about. */
export interface PreWriteFacts {
    /** this stack (`project/stack`): the mark on the objects it owns */
    owner: string;
    endpoint: CxoneEndpoint;
    oktaOrgUrl: string;
    roleName: string;
    adoptRoleId?: string;
    employeeEmail: string;
    adoptEmployeeId?: string;
    appLabel: string;
    adoptAppId?: string;
    groupIds: string[];
    /** Okta's built-in "Everyone" group may be assigned (every user of the org provisioned) */
    allowEveryoneGroup: boolean;
    /** the To App switches after the change, and how many deactivations pass (the people probe) */
    people: { switches: ProvisioningSwitches } & Safeguard;
    /** the component arguments (e.g. `appLabel`) whose values are secret, sorted */
    secret: string[];
}

/** An input's value for a message: quoted, or left out when it is secret. */
export function shown(f: Pick<PreWriteFacts, "secret">, input: string, value: string): string {
    return f.secret.includes(input) ? "(secret)" : JSON.stringify(value);
}
