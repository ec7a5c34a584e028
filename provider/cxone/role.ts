// The Role resource: the CXone role the SCIM access key runs as (procedure step 1).
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";
import { secretLike } from "../framework/secretness";
import type { CxoneEndpoint } from "./session";

/** Inputs of {@link Role}. */
export interface RoleArgs {
    /** The CXone tenant (see provider/cxone/discovery/regions.ts). Stored in state so refresh and destroy reach it. */
    endpoint: pulumi.Input<CxoneEndpoint>;
    /**
     * Role name: at most 50 characters, none of `/ \ + ! ? < > # & , % "`. CXone never reuses a
     * role name, even after deactivation; changing it creates a new role and deactivates the old.
     */
    name: pulumi.Input<string>;
    /** Description shown in Roles and Permissions. @default "" */
    description?: pulumi.Input<string>;
    /**
     * Permission names. @default {@link SCIM_ROLE_PERMISSIONS} ("Employees: Create and Edit",
     * "Employees: View"). The key format is a [guess:permission-keys]; see {@link Permissions}.
     * With `adoptRoleId` and no list, the adopted role keeps the permissions it has.
     */
    permissions?: pulumi.Input<pulumi.Input<string>[]>;
    /** `ACTIVE` or `INACTIVE`. @default "ACTIVE" */
    status?: pulumi.Input<"ACTIVE" | "INACTIVE">;
    /**
     * Adopt a role of the same name that already exists (in any status), reactivating and
     * updating it, but only when its description carries this stack's mark
     * (`[pulumi stack: project/stack]`, which the component writes). Without it, an existing name
     * is an error. Destroy then deactivates that role.
     * @default false
     */
    adoptExisting?: pulumi.Input<boolean>;
    /**
     * Adopt the existing role with exactly this id: for a role made by hand that carries no
     * stack's mark. A role marked by another stack is never adopted.
     */
    adoptRoleId?: pulumi.Input<string>;
    /** Accept permission names outside the known list (their keys are a [guess:permission-keys]). @default false */
    allowUnknownPermissions?: pulumi.Input<boolean>;
}

const implementation = "cxone-okta-scim/provider/cxone/roleProvider";

/**
 * A CXone role. Destroy deactivates it (CXone cannot delete roles). A role deactivated or edited
 * outside Pulumi shows up in `pulumi preview --refresh` and `pulumi up` restores it.
 */
export class Role extends DynamicResource {
    declare readonly endpoint: pulumi.Output<CxoneEndpoint>;
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string>;
    declare readonly permissions: pulumi.Output<string[]>;
    declare readonly status: pulumi.Output<string>;
    declare readonly adoptExisting: pulumi.Output<boolean>;
    /**
     * CXone's role id: the resource id, so it stays known during previews of updates (an
     * employee referring to it then shows no spurious change).
     */
    readonly roleId: pulumi.Output<string>;
    /** CXone's name of the role, as employees' primary role refers to it. */
    declare readonly roleName: pulumi.Output<string>;
    /** Whether create adopted an existing role. */
    declare readonly adopted: pulumi.Output<boolean>;

    constructor(name: string, args: RoleArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            implementation,
            name,
            { ...args, roleName: undefined, adopted: undefined },
            secretLike(opts, args.name, ["roleName"]),
            "cxone",
            "Role",
        );
        this.roleId = this.id;
    }
}
