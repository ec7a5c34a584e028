// The SCIM user Okta pushes: the app user profile (each property's mapping evaluated over the
// Okta user), placed by each schema property's externalName / externalNamespace [doc: Okta SCIM
// guide: "emails^[type=='work'].value" picks the work entry of a multi-valued attribute].
import { allProperties, appProfile, CORE_USER } from "./appProfile";
import { mappedValue } from "./expressions";
import type { OktaApp, OktaUser } from "./state";

/** app property -> value, from the mapping (unset or empty values are left out). */
export function appUserProfile(app: OktaApp, u: OktaUser): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [prop, m] of Object.entries(appProfile(app).mapping)) {
        const v = mappedValue(m.expression, u.profile);
        if (v !== null && v !== "") out[prop] = v;
    }
    return out;
}

function place(target: Record<string, unknown>, externalName: string, value: string): void {
    const multi = /^(\w+)\^\[type==['"]([\w-]+)['"]\]\.(\w+)$/.exec(externalName);
    if (multi) {
        const [, attr, type, sub] = multi;
        const list = (target[attr] ??= []) as Record<string, unknown>[];
        let entry = list.find((e) => e.type === type);
        if (!entry) list.push((entry = { type, primary: list.length === 0 }));
        entry[sub] = value;
        return;
    }
    const path = externalName.split(".");
    let at = target;
    for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]] = value;
}

/** The SCIM User body for `u`: userName, the mapped attributes, displayName, active. */
export function mappedScimUser(
    app: OktaApp,
    userName: string,
    u: OktaUser,
    active: boolean,
): Record<string, unknown> {
    const props = allProperties(appProfile(app));
    const values = appUserProfile(app, u);
    const body: Record<string, unknown> = { schemas: [CORE_USER], userName };
    for (const [prop, value] of Object.entries(values)) {
        const def = props[prop];
        if (!def || prop === "userName") continue;
        const ns = def.externalNamespace ?? CORE_USER;
        let target = body;
        if (ns !== CORE_USER) {
            if (!(body.schemas as string[]).includes(ns)) (body.schemas as string[]).push(ns);
            target = (body[ns] ??= {}) as Record<string, unknown>;
        }
        place(target, def.externalName ?? prop, value);
    }
    // Without a displayName mapping, the name the way the seed pushed it.
    if (body.displayName === undefined)
        body.displayName = `${values.givenName ?? ""} ${values.familyName ?? ""}`.trim();
    body.active = active;
    return body;
}
