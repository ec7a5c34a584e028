// The app user schema (GET|POST /api/v1/meta/schemas/apps/{appId}/default) and the Okta user ->
// app user profile mapping (/api/v1/mappings) of an app, as Okta's spec defines them
// [spec: okta-management-openapi-spec SchemaApi, ProfileMappingApi]. Made on first use.
import { oktaId } from "./ids";
import { nowIso } from "./lookup";
import type { OktaApp } from "./state";

export const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

export interface SchemaProperty {
    title: string;
    type: string;
    description?: string;
    externalName?: string;
    externalNamespace?: string;
    scope?: "NONE" | "SELF";
    master?: { type: string } | null;
    mutability?: string;
    required?: boolean;
    permissions?: { principal: string; action: string }[];
    unique?: boolean | "UNIQUE_VALIDATED" | "NOT_UNIQUE" | null;
    minLength?: number | null;
    maxLength?: number | null;
}

export interface MappingProperty {
    expression: string;
    pushStatus: "PUSH" | "DONT_PUSH";
}

export interface AppProfile {
    schemaCreated: string;
    schemaLastUpdated: string;
    /** The app's base properties, fixed when its profile is made (see BASE_SETS). */
    base?: Record<string, SchemaProperty>;
    custom: Record<string, SchemaProperty>;
    mappingId: string;
    /** app property -> expression over the Okta user (`user.*`). */
    mapping: Record<string, MappingProperty>;
}

/** Okta's default user type: the source of every Okta user -> app mapping (userView's type id). */
export const DEFAULT_USER_TYPE_ID = "oty00000000000000000";

const base = (
    title: string,
    externalName: string,
    extra: Partial<SchemaProperty> = {},
): SchemaProperty => ({
    title,
    type: "string",
    externalName,
    externalNamespace: CORE_USER,
    scope: "NONE",
    master: { type: "PROFILE_MASTER" },
    mutability: "READ_WRITE",
    required: false,
    permissions: [{ principal: "SELF", action: "READ_WRITE" }],
    ...extra,
});

/** Which base set an app's user profile starts with (an Okta server option). */
export type AppUserBaseSet = "scim" | "seed";

/** Okta's default primaryEmailType mapping for SCIM apps, a ternary [seen]. */
export const PRIMARY_EMAIL_TYPE_MAPPING = "(user.email != null && user.email != '') ? 'work' : ''";

/**
 * The base properties an app's user profile starts with, and the mappings Okta makes for them:
 * - `scim` (default): the larger set of a SCIM-enabled custom app [doc: the property names, from
 *   Okta's provisioning guide and vendor setup pages; seen: `email` is the primary email; guess:
 *   the other externalNames and the default mappings, and whether `displayName` or `timezone`
 *   belong to it (left out here)];
 * - `seed`: only the four fields of NICE's procedure (the other world, in which Okta's base set
 *   is smaller than documented; what this sandbox had before).
 */
export const BASE_SETS: Readonly<
    Record<
        AppUserBaseSet,
        { properties: Record<string, SchemaProperty>; mapping: Record<string, string> }
    >
> = {
    scim: {
        properties: {
            userName: base("Username", "userName", { required: true, master: null }),
            givenName: base("Given name", "name.givenName"),
            familyName: base("Family name", "name.familyName"),
            middleName: base("Middle name", "name.middleName"),
            honorificPrefix: base("Honorific prefix", "name.honorificPrefix"),
            honorificSuffix: base("Honorific suffix", "name.honorificSuffix"),
            email: base("Primary email", "emails^[primary==true].value"),
            primaryEmailType: base("Primary email type", "emails^[primary==true].type"),
            secondEmail: base("Secondary email", "emails^[type=='home'].value"),
            primaryPhone: base("Primary phone", "phoneNumbers^[primary==true].value"),
            mobilePhone: base("Mobile phone", "phoneNumbers^[type=='mobile'].value"),
        },
        mapping: {
            givenName: "user.firstName",
            familyName: "user.lastName",
            middleName: "user.middleName",
            honorificPrefix: "user.honorificPrefix",
            honorificSuffix: "user.honorificSuffix",
            email: "user.email",
            primaryEmailType: PRIMARY_EMAIL_TYPE_MAPPING,
            secondEmail: "user.secondEmail",
            primaryPhone: "user.primaryPhone",
            mobilePhone: "user.mobilePhone",
        },
    },
    seed: {
        properties: {
            userName: base("Username", "userName", { required: true, master: null }),
            givenName: base("Given name", "name.givenName"),
            familyName: base("Family name", "name.familyName"),
            email: base("Primary email", "emails^[type=='work'].value"),
        },
        mapping: { givenName: "user.firstName", familyName: "user.lastName", email: "user.email" },
    },
};

/** The base properties of an app's user profile (a profile made before base sets: the seed's). */
export function baseProperties(p: AppProfile): Record<string, SchemaProperty> {
    return p.base ?? BASE_SETS.seed.properties;
}

/** The app's user profile, made on first use with the `baseSet` base properties and mappings. */
export function appProfile(app: OktaApp, baseSet: AppUserBaseSet = "scim"): AppProfile {
    if (!app.profileEditor) {
        const now = nowIso();
        const set = BASE_SETS[baseSet];
        app.profileEditor = {
            schemaCreated: now,
            schemaLastUpdated: now,
            base: structuredClone(set.properties),
            custom: {},
            mappingId: oktaId("prm"),
            mapping: Object.fromEntries(
                Object.entries(set.mapping).map(([k, expression]) => [
                    k,
                    { expression, pushStatus: "PUSH" as const },
                ]),
            ),
        };
    }
    return app.profileEditor;
}

/** Every property of the app user profile: base, then custom. */
export function allProperties(p: AppProfile): Record<string, SchemaProperty> {
    return { ...baseProperties(p), ...p.custom };
}

export function schemaView(orgBase: string, app: OktaApp) {
    const p = appProfile(app);
    return {
        id: `${orgBase}/meta/schemas/apps/${app.id}/default`,
        $schema: "http://json-schema.org/draft-04/schema#",
        name: app.name,
        title: `${app.label} User`,
        lastUpdated: p.schemaLastUpdated,
        created: p.schemaCreated,
        definitions: {
            custom: {
                id: "#custom",
                type: "object",
                properties: structuredClone(p.custom),
                required: [] as string[],
            },
            base: {
                id: "#base",
                type: "object",
                properties: structuredClone(baseProperties(p)),
                required: ["userName"],
            },
        },
        type: "object",
        properties: {
            profile: { allOf: [{ $ref: "#/definitions/custom" }, { $ref: "#/definitions/base" }] },
        },
    };
}

export function mappingSummaryView(orgBase: string, app: OktaApp) {
    const p = appProfile(app);
    return {
        id: p.mappingId,
        source: {
            id: DEFAULT_USER_TYPE_ID,
            name: "user",
            type: "user",
            _links: {
                self: { href: `${orgBase}/api/v1/meta/types/user/${DEFAULT_USER_TYPE_ID}` },
                schema: { href: `${orgBase}/api/v1/meta/schemas/user/default` },
            },
        },
        target: {
            id: app.id,
            name: app.name,
            type: "appuser",
            _links: {
                self: { href: `${orgBase}/api/v1/apps/${app.id}` },
                schema: { href: `${orgBase}/api/v1/meta/schemas/apps/${app.id}/default` },
            },
        },
        _links: { self: { href: `${orgBase}/api/v1/mappings/${p.mappingId}` } },
    };
}

export function mappingView(orgBase: string, app: OktaApp) {
    return {
        ...mappingSummaryView(orgBase, app),
        properties: structuredClone(appProfile(app).mapping),
    };
}
