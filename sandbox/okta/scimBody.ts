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

/**
 * Puts `value` at `externalName`: `a.b` nested, or an entry of a multi-valued attribute picked by
 * a filter, `a^[type=='x'].sub` (the entry of that type) or `a^[primary==true].sub` (the primary
 * entry) [doc: Okta SCIM guide; seen: the primary filter in a SCIM app's base properties].
 */
function place(target: Record<string, unknown>, externalName: string, value: string): void {
    const multi = /^(\w+)\^\[(type|primary)==(['"]?)([\w-]+)\3\]\.(\w+)$/.exec(externalName);
    if (multi) {
        const [, attr, field, , raw, sub] = multi;
        const want = field === "primary" ? raw === "true" : raw;
        const list = (target[attr] ??= []) as Record<string, unknown>[];
        let entry = list.find((e) => e[field] === want);
        if (!entry) list.push((entry = field === "primary" ? { primary: want } : { type: want }));
        entry[sub] = value;
        return;
    }
    const path = externalName.split(".");
    let at = target;
    for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]] = value;
}

/** Each multi-valued attribute has exactly one primary entry: the first, unless one is marked. */
function markPrimary(target: Record<string, unknown>): void {
    for (const v of Object.values(target)) {
        // Stryker disable next-line MethodExpression: a body's arrays hold only strings (schemas) or only entries (place)
        if (!Array.isArray(v) || !v.every((e) => e && typeof e === "object")) continue;
        const list = v as Record<string, unknown>[];
        const primary = list.findIndex((e) => e.primary === true);
        list.forEach((e, i) => (e.primary = i === (primary < 0 ? 0 : primary)));
    }
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
    markPrimary(body);
    // Without a displayName mapping, the name the way the seed pushed it.
    if (body.displayName === undefined)
        body.displayName = `${values.givenName ?? ""} ${values.familyName ?? ""}`.trim();
    body.active = active;
    return body;
}
