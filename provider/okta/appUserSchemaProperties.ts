import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";
import type { SchemaProperty } from "./attributeMappingsLogic";

/** Inputs of {@link AppUserSchemaProperties}. */
export interface AppUserSchemaPropertiesArgs {
    orgUrl: pulumi.Input<string>;
    appId: pulumi.Input<string>;
    /**
     * Custom properties of the app user profile, by name, each with the SCIM attribute it carries.
     * @example { niceTeam: { title: "CXone team", type: "string", externalName: "team",
     *   externalNamespace: "urn:ietf:params:scim:schemas:extension:nice:2.0:User" } }
     */
    properties: pulumi.Input<Record<string, pulumi.Input<SchemaProperty>>>;
}

/**
 * Custom properties of the Okta app's user profile (Profile Editor), over the same public call as
 * `okta.AppUserSchemaProperty`. A declared property that Okta's base set already has (a SCIM app
 * has a larger base set than NICE's four fields) is left to Okta and listed in `onBase`. Destroy
 * removes only the properties this resource added and puts back any it changed, so Okta's schema
 * is left as it was found.
 */
export class AppUserSchemaProperties extends DynamicResource {
    declare readonly properties: pulumi.Output<Record<string, SchemaProperty>>;
    /** Declared properties Okta's base set already has: mapped onto, never written or removed. */
    declare readonly onBase: pulumi.Output<string[]>;

    constructor(
        name: string,
        args: AppUserSchemaPropertiesArgs,
        opts?: pulumi.CustomResourceOptions,
    ) {
        super(
            "cxone-okta-scim/provider/okta/appUserSchemaPropertiesProvider",
            name,
            { previous: undefined, onBase: undefined, ...args },
            opts,
            "okta",
            "AppUserSchemaProperties",
        );
    }
}
