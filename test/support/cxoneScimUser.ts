// A new user's body for the sandbox CXone's SCIM server (POST /scim/v2/Users): the core schema,
// the user name as the primary work email, Ana Agent's names, active; `extra` adds or replaces.
import { CORE_USER } from "../../sandbox/cxone/scimMapping";

export function scimPerson(userName: string, extra: Record<string, unknown> = {}) {
    return {
        schemas: [CORE_USER],
        userName,
        name: { givenName: "Ana", familyName: "Agent" },
        emails: [{ value: userName, primary: true, type: "work" }],
        active: true,
        ...extra,
    };
}
