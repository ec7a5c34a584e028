import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";

/** Inputs of {@link ProfileMapping}. */
export interface ProfileMappingArgs {
    orgUrl: pulumi.Input<string>;
    appId: pulumi.Input<string>;
    /**
     * App user property -> Okta Expression Language value, e.g. `{ niceTeam: "user.department" }`.
     * Only these properties are managed; Okta's other mappings are left alone.
     */
    properties: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The app's Okta user -> app user profile mapping (Profile Editor > Mappings), over the same public
 * calls as `okta.profile.Mapping`. Destroy puts back what each managed property was mapped to
 * before (or unmaps it), leaving Okta's mapping as it was found.
 */
export class ProfileMapping extends DynamicResource {
    declare readonly properties: pulumi.Output<Record<string, string>>;
    /** Okta's id of the mapping (`prm...`). */
    declare readonly mappingId: pulumi.Output<string>;

    constructor(name: string, args: ProfileMappingArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            "cxone-okta-scim/provider/okta/profileMappingProvider",
            name,
            { mappingId: undefined, previous: undefined, ...args },
            opts,
            "okta",
            "ProfileMapping",
        );
    }
}
