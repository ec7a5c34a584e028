// A change's impact on people, built by hand for the tests of its words: nobody affected and
// nothing switched off unless `over` says so.
import type { Cause, Impact } from "../../provider/people/impactLogic";

export const impactCause = (over: Partial<Cause> = {}): Cause => ({
    appDeleted: false,
    groupsRemoved: [],
    groupsAdded: [],
    updatesSwitchedOff: false,
    createsSwitchedOff: false,
    ...over,
});

export const peopleImpact = (over: Partial<Impact> = {}): Impact => ({
    deactivated: [],
    unmanaged: [],
    atRisk: [],
    updatesStop: [],
    notCreated: 0,
    created: 0,
    cause: impactCause(),
    provisionedNow: 1,
    provisionedAfter: 1,
    ...over,
});
