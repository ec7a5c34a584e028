// Attribute mappings as resources: the app user schema properties the mapped CXone attributes need
// and the Okta user -> app user mapping, either with this package's dynamic resources (builtin) or
// with @pulumi/okta (okta.AppUserSchemaProperty and okta.profile.Mapping), the same public calls.
import * as pulumi from "@pulumi/pulumi";
import { oktaPackage } from "./appResources";
import { AppUserSchemaProperties } from "./appUserSchemaProperties";
import { formatProblems, planMappings, validateMappings } from "./attributeMappingsLogic";
import { ProfileMapping } from "./profileMapping";

export interface AttributeMappingOptions {
    kind: "builtin" | "pulumi-okta";
    provider?: pulumi.ProviderResource;
    orgUrl: pulumi.Input<string>;
    appId: pulumi.Output<string>;
    /** CXone attribute -> Okta expression; the seed's defaults fill in the rest. */
    mappings?: Record<string, string>;
}

/**
 * Refuses a bad map with a ResourceError of `owner` naming every bad key. Call it before the
 * component registers any resource, so that nothing is written.
 */
export function checkAttributeMappings(mappings: unknown, owner: pulumi.Resource): void {
    const problems = validateMappings(mappings);
    if (problems.length) throw new pulumi.ResourceError(formatProblems(problems), owner, true);
}

/** Declares the mappings and returns the resources (for `dependsOn`). */
export function attributeMappings(
    name: string,
    o: AttributeMappingOptions,
    parent: pulumi.Resource,
): pulumi.Resource[] {
    checkAttributeMappings(o.mappings, parent);
    const plan = planMappings(o.mappings);
    if (o.kind === "pulumi-okta") return withPulumiOkta(name, o, plan, parent);
    const schema = new AppUserSchemaProperties(
        `${name}-app-user-schema`,
        { orgUrl: o.orgUrl, appId: o.appId, properties: plan.schemaProperties },
        { parent },
    );
    const mapping = new ProfileMapping(
        `${name}-profile-mapping`,
        { orgUrl: o.orgUrl, appId: o.appId, properties: plan.mappings },
        { parent, dependsOn: [schema] },
    );
    return [schema, mapping];
}

function withPulumiOkta(
    name: string,
    o: AttributeMappingOptions,
    plan: ReturnType<typeof planMappings>,
    parent: pulumi.Resource,
): pulumi.Resource[] {
    const okta = oktaPackage();
    const opts = { parent, provider: o.provider };
    // The properties of the base set Okta documents for SCIM apps are Okta's: declaring one as a
    // custom property would be refused. (The builtin resource checks the live base set instead.)
    const custom = Object.entries(plan.schemaProperties).filter(
        ([index]) => !plan.expectedBase.includes(index),
    );
    const props = custom.map(
        ([index, p]) =>
            new okta.AppUserSchemaProperty(
                `${name}-app-user-schema-${index}`,
                {
                    appId: o.appId,
                    index,
                    title: p.title,
                    type: p.type,
                    externalName: p.externalName,
                    externalNamespace: p.externalNamespace,
                    scope: "NONE",
                    master: "PROFILE_MASTER",
                },
                opts,
            ),
    );
    // The source of an Okta user -> app mapping is the default user type.
    const userType = okta.user.getUserTypeOutput(
        { name: "user" },
        { parent, provider: o.provider },
    );
    const mapping = new okta.profile.Mapping(
        `${name}-profile-mapping`,
        {
            sourceId: userType.apply((t) => t.id ?? ""),
            targetId: o.appId,
            deleteWhenAbsent: false,
            mappings: Object.entries(plan.mappings).map(([id, expression]) => ({
                id,
                expression,
                pushStatus: "PUSH",
            })),
        },
        { ...opts, dependsOn: props },
    );
    return [...props, mapping];
}
