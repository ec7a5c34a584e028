// Okta's app user schema and profile mapping calls [spec: okta-management-openapi-spec,
// SchemaApi and ProfileMappingApi; the same calls okta.AppUserSchemaProperty and
// okta.profile.Mapping make]. Both updates are partial: only the properties sent change [spec:
// "Partial updates", "adding, updating, or removing one or many property mappings"]. Removal is
// a property sent as null [sdk:schema-property-removal] (oktakit removes schema properties with
// the same POST; for mappings the spec names removal but not its form: null is inferred
// [guess:mapping-null-removes]).
import { call, find } from "./client";
import { OktaError } from "./errors";

/** A property of the app user schema's `custom` definition, as Okta returns it. */
export interface AppUserSchemaProperty {
    title: string;
    type: string;
    externalName?: string;
    externalNamespace?: string;
    scope?: string;
    master?: { type: string } | null;
    [k: string]: unknown;
}

export interface AppUserSchema {
    definitions: {
        base: { properties: Record<string, AppUserSchemaProperty> };
        custom: { properties: Record<string, AppUserSchemaProperty> };
    };
}

export interface ProfileMappingProperty {
    expression: string;
    pushStatus?: "PUSH" | "DONT_PUSH";
}

export interface ProfileMappingSummary {
    id: string;
    source: { id: string; name: string; type: string };
    target: { id: string; name: string; type: string };
}

export interface ProfileMapping extends ProfileMappingSummary {
    properties: Record<string, ProfileMappingProperty>;
}

const schemaUrl = (appId: string) =>
    `/api/v1/meta/schemas/apps/${encodeURIComponent(appId)}/default`;

export const oktaProfileApi = {
    /** GET /api/v1/meta/schemas/apps/{appId}/default [spec]; undefined when the app is gone. */
    getAppUserSchema: (orgUrl: string, appId: string) =>
        find<AppUserSchema>(orgUrl, `read the user schema of app ${appId}`, schemaUrl(appId)),

    /** POST /api/v1/meta/schemas/apps/{appId}/default with custom properties (null removes) [spec]. */
    async updateAppUserSchema(
        orgUrl: string,
        appId: string,
        properties: Record<string, AppUserSchemaProperty | null>,
    ): Promise<AppUserSchema> {
        const data = {
            definitions: { custom: { id: "#custom", type: "object", properties, required: [] } },
        };
        const res = await call<AppUserSchema>(orgUrl, `update the user schema of app ${appId}`, {
            method: "POST",
            url: schemaUrl(appId),
            data,
        });
        return res.data;
    },

    /** GET /api/v1/mappings?sourceId=&targetId= [spec]: the Okta user -> app mapping of an app. */
    async findUserToAppMapping(
        orgUrl: string,
        appId: string,
    ): Promise<ProfileMappingSummary | undefined> {
        const res = await call<ProfileMappingSummary[]>(
            orgUrl,
            `find the profile mapping of app ${appId}`,
            // Stryker disable next-line StringLiteral: an empty method is axios' default, GET
            { method: "GET", url: "/api/v1/mappings", params: { targetId: appId, limit: 200 } },
        );
        // Okta's targetId filter already leaves only this app's mapping: the test is a guard
        // Stryker disable next-line ConditionalExpression,LogicalOperator: see the line above
        return res.data.find((m) => m.target.id === appId && m.source.type === "user");
    },

    /** GET /api/v1/mappings/{id} [spec] */
    getMapping: (orgUrl: string, id: string) =>
        find<ProfileMapping>(
            orgUrl,
            `read profile mapping ${id}`,
            `/api/v1/mappings/${encodeURIComponent(id)}`,
        ),

    /** POST /api/v1/mappings/{id} with some properties (null removes that mapping) [spec] */
    async updateMapping(
        orgUrl: string,
        id: string,
        properties: Record<string, ProfileMappingProperty | null>,
    ): Promise<ProfileMapping> {
        const res = await call<ProfileMapping>(orgUrl, `update profile mapping ${id}`, {
            method: "POST",
            url: `/api/v1/mappings/${encodeURIComponent(id)}`,
            data: { properties },
        });
        return res.data;
    },
};

/**
 * A destroy's write that gives back what Okta held. Okta's 404 [doc] means the app, and with it
 * its schema and mapping, is gone: nothing is left to restore.
 */
export async function restoreUnlessAppGone(write: () => Promise<unknown>): Promise<void> {
    try {
        await write();
    } catch (e) {
        if (!(e instanceof OktaError && e.status === 404)) throw e;
    }
}
