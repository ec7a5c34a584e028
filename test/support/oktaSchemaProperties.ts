// The app user schema properties the Okta tests declare: one builder for the object a stack
// writes, and the two every suite reuses (a CXone team and Okta's time zone).
import { CORE_USER, NICE_USER } from "../../provider/okta/attributeMappingsLogic";

/** A declared app user property (the integration only declares strings). */
export function oktaDeclaredProperty(
    title: string,
    externalName: string,
    externalNamespace: string,
) {
    return { title, type: "string" as const, externalName, externalNamespace };
}

/** CXone's team, in NICE's SCIM extension. */
export const oktaTeamProperty = oktaDeclaredProperty("Team", "team", NICE_USER);

/** The time zone, in SCIM's core user. */
export const oktaTimeZoneProperty = oktaDeclaredProperty("Time zone", "timezone", CORE_USER);

/** The body that writes these custom properties of an app's user schema, as Okta's spec shows. */
export function oktaCustomSchema(properties: Record<string, unknown>, required?: string[]) {
    const custom = { id: "#custom", type: "object", properties, ...(required && { required }) };
    return { definitions: { custom } };
}
