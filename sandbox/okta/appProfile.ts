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
}

export interface MappingProperty {
    expression: string;
    pushStatus: "PUSH" | "DONT_PUSH";
}

export interface AppProfile {
    schemaCreated: string;
    schemaLastUpdated: string;
    custom: Record<string, SchemaProperty>;
    mappingId: string;
    /** app user property -> expression over the Okta user (`user.*`). */
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

/**
 * The base properties of a SCIM app's user profile that the sandbox has: the seed's four fields
 * [guess: a subset of what Okta adds when SCIM provisioning is enabled].
 */
export const BASE_PROPERTIES: Readonly<Record<string, SchemaProperty>> = {
    userName: base("Username", "userName", { required: true, master: null }),
    givenName: base("Given name", "name.givenName"),
    familyName: base("Family name", "name.familyName"),
    email: base("Primary email", "emails^[type=='work'].value"),
};

/** The mapping Okta makes for the base properties [guess: Okta's defaults for a SCIM app]. */
const DEFAULT_MAPPING: Record<string, MappingProperty> = {
    givenName: { expression: "user.firstName", pushStatus: "PUSH" },
    familyName: { expression: "user.lastName", pushStatus: "PUSH" },
    email: { expression: "user.email", pushStatus: "PUSH" },
};

export function appProfile(app: OktaApp): AppProfile {
    if (!app.profileEditor) {
        const now = nowIso();
        app.profileEditor = {
            schemaCreated: now,
            schemaLastUpdated: now,
            custom: {},
            mappingId: oktaId("prm"),
            mapping: structuredClone(DEFAULT_MAPPING),
        };
    }
    return app.profileEditor;
}

/** Every property of the app user profile: base, then custom. */
export function allProperties(p: AppProfile): Record<string, SchemaProperty> {
    return { ...BASE_PROPERTIES, ...p.custom };
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
                properties: structuredClone(BASE_PROPERTIES),
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
