// Attribute mappings, the pure half: which CXone SCIM attributes a stack may map, how each one is
// declared in Okta's app user schema (externalName / externalNamespace), the checks of the map
// (expressions: expressionLanguage.ts), and the diffing of declared against live. No I/O here.
//
// Marks: [spec] = the attribute is in CXone's SCIM schema (docs/vendor-facts/cxone.md, SCIM section);
// [guess:<row id>] = the exact value CXone expects is not documented (e.g. which phone `type` it
// reads); each id is a row of docs/vendor-facts/unconfirmed.md.

import { isDeepStrictEqual } from "util";
import { parseExpression } from "./expressionLanguage";

// The expression checks live in expressionLanguage.ts; kept importable from here.
export { EL_FUNCTIONS, parseExpression, sourceAttributes, type Expr } from "./expressionLanguage";

export const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const NICE_USER = "urn:ietf:params:scim:schemas:extension:nice:2.0:User";

/** One CXone attribute the stack can map. */
export interface CxoneAttribute {
    /** Property of Okta's app user profile that carries it. */
    appProperty: string;
    /** Shown in Okta's Profile Editor. */
    title: string;
    /** SCIM attribute path in Okta's externalName syntax. */
    externalName: string;
    externalNamespace: string;
    /**
     * Where Okta's app user schema already has the property:
     * - `seed`: in every SCIM app's base (the fields of NICE's procedure): never added by us;
     * - `scim`: in the larger base set Okta documents for SCIM apps (the names are [doc]): mapped
     *   onto where the live base has it, added as a custom property where it does not;
     * - `false`: a custom property, unless the live base happens to have it (then mapped onto).
     *   displayName and timezone are taken as not base [guess:okta-base-schema]: Okta's list of
     *   a SCIM app's base attributes does not confirm them.
     */
    base: false | "seed" | "scim";
    /** CXone refuses a user without it: may be remapped, never unmapped. */
    required: boolean;
    /** `[spec]`, or `[guess:<row id>]` (docs/vendor-facts/unconfirmed.md) */
    mark: "[spec]" | `[guess:${string}]`;
    note: string;
}

const core = (
    appProperty: string,
    title: string,
    externalName: string,
    mark: CxoneAttribute["mark"],
    note: string,
    extra: Partial<CxoneAttribute> = {},
): CxoneAttribute => ({
    appProperty,
    title,
    externalName,
    externalNamespace: CORE_USER,
    base: false,
    required: false,
    mark,
    note,
    ...extra,
});
const nice = (
    appProperty: string,
    title: string,
    externalName: string,
    mark: CxoneAttribute["mark"],
    note: string,
) => ({ ...core(appProperty, title, externalName, mark, note), externalNamespace: NICE_USER });

/**
 * Every CXone attribute a stack may map, by the key the operator types. `userName` is not here:
 * Okta sends the app username (the app's username format) and the seed fixes it.
 */
export const CXONE_ATTRIBUTES: Readonly<Record<string, CxoneAttribute>> = {
    "name.givenName": core(
        "givenName",
        "First name",
        "name.givenName",
        "[spec]",
        "required by CXone",
        { base: "seed", required: true },
    ),
    "name.familyName": core(
        "familyName",
        "Last name",
        "name.familyName",
        "[spec]",
        "required by CXone",
        { base: "seed", required: true },
    ),
    "emails.work": core(
        "email",
        "Email",
        "emails^[primary==true].value",
        "[spec]",
        "required by CXone; Okta's base email is the primary entry [seen:app-user-base-set], " +
            "typed work by Okta's default primaryEmailType mapping [guess:email-type-work]",
        { base: "seed", required: true },
    ),
    displayName: core("displayName", "Display name", "displayName", "[spec]", "optional"),
    timezone: core(
        "timezone",
        "Time zone",
        "timezone",
        "[spec]",
        "optional; the value format CXone accepts (IANA or Windows names) is [guess:timezone-format]",
    ),
    "phoneNumbers.work": core(
        "primaryPhone",
        "Primary phone",
        "phoneNumbers^[primary==true].value",
        "[guess:phone-types]",
        "phoneNumbers is [spec]; Okta's base primaryPhone (the primary entry " +
            "[seen:app-user-base-set]); whether CXone takes the primary entry as the work phone " +
            "is not documented",
        { base: "scim" },
    ),
    "phoneNumbers.mobile": core(
        "mobilePhone",
        "Mobile phone",
        "phoneNumbers^[type=='mobile'].value",
        "[guess:phone-types]",
        "phoneNumbers is [spec]; Okta's base mobilePhone [seen:app-user-base-set]; the type " +
            "values CXone reads are not documented",
        { base: "scim" },
    ),
    "nice:team": nice(
        "niceTeam",
        "CXone team",
        "team",
        "[spec]",
        "NICE extension; whether CXone takes the team's name or id is [guess:team-name-or-id]",
    ),
    "nice:loginAuthenticator": nice(
        "niceLoginAuthenticator",
        "CXone login authenticator",
        "loginAuthenticator",
        "[spec]",
        "NICE extension; an authenticator name or id that exists in CXone",
    ),
};

/** The seed's mappings (with the app username, exactly the seed's four fields). */
export const DEFAULT_MAPPINGS: Readonly<Record<string, string>> = {
    "name.givenName": "user.firstName",
    "name.familyName": "user.lastName",
    "emails.work": "user.email",
};

/** One problem with the map, naming the key exactly as the user typed it. */
export interface MappingProblem {
    key: string;
    reason: string;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            next[j] = Math.min(
                row[j] + 1,
                next[j - 1] + 1,
                row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
            );
        }
        row = next;
    }
    return row[b.length];
}

/** The known key closest to what was typed (case aside), when it is close. */
function suggestion(key: string): string | undefined {
    const scored = Object.keys(CXONE_ATTRIBUTES).map((k) => ({
        k,
        d: distance(k.toLowerCase(), key.toLowerCase()),
    }));
    const best = scored.sort((x, y) => x.d - y.d)[0];
    return best && best.d <= 3 ? best.k : undefined;
}

/** Checks the map the operator typed; every problem, each naming its key. */
export function validateMappings(map: unknown): MappingProblem[] {
    if (map === undefined) return [];
    if (map === null || typeof map !== "object" || Array.isArray(map)) {
        return [
            {
                key: "",
                reason: 'must be an object of CXone attribute -> Okta expression, e.g. {"nice:team": "user.department"}',
            },
        ];
    }
    const problems: MappingProblem[] = [];
    for (const [key, value] of Object.entries(map)) {
        const attr = Object.hasOwn(CXONE_ATTRIBUTES, key) ? CXONE_ATTRIBUTES[key] : undefined;
        if (!attr) {
            const near = suggestion(key);
            const why =
                key === "userName"
                    ? "userName is the app username (the app's username format in Okta), not a mapping"
                    : `unknown CXone attribute "${key}"${near ? ` (did you mean "${near}"?)` : ""}; ` +
                      `known: ${Object.keys(CXONE_ATTRIBUTES).join(", ")}`;
            problems.push({ key, reason: why });
            continue;
        }
        if (typeof value !== "string") {
            problems.push({
                key,
                reason: `"${key}" must map to an Okta expression string, e.g. "user.department"`,
            });
            continue;
        }
        try {
            parseExpression(value);
        } catch (e) {
            problems.push({
                key,
                reason: `"${key}": malformed expression ${JSON.stringify(value)}: ${(e as Error).message}`,
            });
        }
    }
    return problems;
}

/** One error text for every problem (for the component and the program). */
export function formatProblems(problems: MappingProblem[], input = "attributeMappings"): string {
    return problems.map((p) => `${input}${p.key ? `["${p.key}"]` : ""}: ${p.reason}`).join("\n");
}

/** What the two Okta resources declare for a (valid) map. */
export interface MappingPlan {
    /**
     * The app user properties the mappings target that a base set may lack (all but the seed's
     * fields), by name. The builtin resource adds those the live base set lacks and maps onto the
     * others; with `@pulumi/okta` the ones in `expectedBase` are left to Okta.
     */
    schemaProperties: Record<string, SchemaProperty>;
    /** Names in `schemaProperties` in the base set Okta documents for SCIM apps. */
    expectedBase: string[];
    /** Okta user -> app user mapping: app property -> expression. */
    mappings: Record<string, string>;
}

export interface SchemaProperty {
    title: string;
    type: "string";
    externalName: string;
    externalNamespace: string;
}

/** The defaults overlaid with the operator's map, as schema properties and mapping expressions. */
export function planMappings(map: Record<string, string> = {}): MappingPlan {
    const effective = { ...DEFAULT_MAPPINGS, ...map };
    const plan: MappingPlan = { schemaProperties: {}, expectedBase: [], mappings: {} };
    for (const key of Object.keys(effective).sort()) {
        const a = CXONE_ATTRIBUTES[key];
        plan.mappings[a.appProperty] = effective[key];
        if (a.base === "scim") plan.expectedBase.push(a.appProperty);
        if (a.base !== "seed") {
            plan.schemaProperties[a.appProperty] = {
                title: a.title,
                type: "string",
                externalName: a.externalName,
                externalNamespace: a.externalNamespace,
            };
        }
    }
    return plan;
}

/** Keys whose values differ between two records (added, removed or changed), sorted. */
export function changedKeys<T>(a: Record<string, T>, b: Record<string, T>): string[] {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    // Deep, key-order-blind: {title, type} and {type, title} are the same property.
    const same = (k: string) =>
        Object.hasOwn(a, k) === Object.hasOwn(b, k) && isDeepStrictEqual(a[k], b[k]);
    return [...keys].filter((k) => !same(k)).sort();
}

/** What Okta held at a key before we first wrote it: `{ value }`, or `{}` when it held nothing. */
export type Prior<T> = { value?: T };

/**
 * What Okta held before we first wrote each declared key, for restoring on removal and destroy.
 * Keys already recorded keep their first value; keys no longer declared are dropped (restored).
 */
export function nextPrevious<T>(
    recorded: Record<string, Prior<T>>,
    declared: string[],
    live: Record<string, T>,
): Record<string, Prior<T>> {
    const prior = (k: string): Prior<T> => {
        if (Object.hasOwn(recorded, k)) return recorded[k];
        return Object.hasOwn(live, k) ? { value: live[k] } : {};
    };
    return Object.fromEntries(declared.map((k) => [k, prior(k)]));
}

/**
 * Okta's partial-update body taking the managed keys to `desired`, and giving back what Okta held
 * before for the keys in `restore` that are no longer declared (a value, or null = remove).
 */
export function partialUpdate<T>(
    desired: Record<string, T>,
    restore: Record<string, Prior<T>>,
): Record<string, T | null> {
    // Stryker disable next-line MethodExpression: declared keys come later and win (order aside)
    const restored = Object.entries(restore)
        .filter(([k]) => !Object.hasOwn(desired, k))
        .map(([k, prior]) => [k, prior.value ?? null]);
    return Object.fromEntries([...restored, ...Object.entries(desired)]);
}

/** The live values of the keys we manage (absent keys left out: a diff then shows them). */
export function managedLive<T>(live: Record<string, T>, managed: string[]): Record<string, T> {
    return Object.fromEntries(
        managed.filter((k) => Object.hasOwn(live, k)).map((k) => [k, live[k]]),
    );
}

/** A live schema property reduced to the fields we declare (Okta adds scope, master, ...). */
export function declaredFields(p: {
    title?: unknown;
    type?: unknown;
    externalName?: unknown;
    externalNamespace?: unknown;
}): SchemaProperty {
    return {
        title: String(p.title ?? ""),
        type: "string",
        externalName: String(p.externalName ?? ""),
        externalNamespace: String(p.externalNamespace ?? ""),
        ...(p.type !== "string" ? { type: p.type as "string" } : {}),
    };
}

/**
 * The diff both mapping resources share: another org or app replaces (delete first, so what Okta
 * held is restored before the new app is written); a changed managed property updates in place.
 */
export function diffManaged<T>(
    olds: { orgUrl: string; appId: string; properties?: Record<string, T> },
    news: { orgUrl: string; appId: string; properties?: Record<string, T> },
): { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean } {
    const replaces = (["orgUrl", "appId"] as const).filter((k) => olds[k] !== news[k]);
    const changed = changedKeys(olds.properties ?? {}, news.properties ?? {});
    return {
        changes: replaces.length > 0 || changed.length > 0,
        replaces,
        deleteBeforeReplace: true,
    };
}
