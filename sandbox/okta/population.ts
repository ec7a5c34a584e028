// A larger org for tests and benchmarks: people and groups added to the emulated org's state the
// way an administrator's imports would leave them (no API calls, no provisioning triggered).
import { oktaId } from "./ids";
import { newUser, type OktaState } from "./state";

export interface GroupPlan {
    name: string;
    /** whether person `i` (0-based) is a member */
    has(i: number): boolean;
}

export interface Population {
    /** the new people's ids, person 0 first */
    userIds: string[];
    /** the new groups' ids by name */
    groupIds: Record<string, string>;
    /** login of person `i` */
    login(i: number): string;
}

/**
 * Adds `count` ACTIVE people (`<prefix>.<i>@example.com`, zero-padded) and the planned groups
 * (OKTA_GROUP) with their members. Returns their ids; the caller saves the state.
 */
export function addPeople(
    state: OktaState,
    count: number,
    groups: GroupPlan[],
    prefix = "agent",
): Population {
    const now = new Date().toISOString();
    const width = String(Math.max(count - 1, 0)).length;
    const login = (i: number) => `${prefix}.${String(i).padStart(width, "0")}@example.com`;
    const userIds: string[] = [];
    for (let i = 0; i < count; i++) {
        const u = newUser(
            {
                firstName: "Agent",
                lastName: `${prefix}${String(i).padStart(width, "0")}`,
                email: login(i),
                login: login(i),
            },
            "ACTIVE",
            now,
        );
        state.users[u.id] = u;
        userIds.push(u.id);
    }
    const groupIds: Record<string, string> = {};
    for (const plan of groups) {
        const id = oktaId("00g");
        state.groups[id] = {
            id,
            type: "OKTA_GROUP",
            created: now,
            lastUpdated: now,
            lastMembershipUpdated: now,
            profile: { name: plan.name, description: null },
        };
        state.memberships[id] = userIds.filter((_u, i) => plan.has(i));
        groupIds[plan.name] = id;
    }
    return { userIds, groupIds, login };
}
