// The Employee resource: the CXone profile the SCIM access key belongs to (procedure steps 2, 4).
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";
import { secretLike } from "../framework/secretness";
import type { CxoneEndpoint } from "./session";

/** Inputs of {@link Employee}. */
export interface EmployeeArgs {
    /** The CXone tenant (see provider/cxone/discovery/regions.ts). Stored in state so refresh and destroy reach it. */
    endpoint: pulumi.Input<CxoneEndpoint>;
    /** Email address the operator owns (the activation email goes there); also the user name. Changing it creates a new employee. */
    email: pulumi.Input<string>;
    /** First name, e.g. "SCIM". */
    firstName: pulumi.Input<string>;
    /** Last name, e.g. "AccessKey". */
    lastName: pulumi.Input<string>;
    /** Primary role id, usually `role.roleId`. */
    roleId: pulumi.Input<string>;
    /**
     * That role's name as CXone stores it: CXone takes the name, and given here it is not looked
     * up by id. @default as the Role's create or refresh in the same `pulumi` run read it (the
     * component's case: no call), else looked up in CXone by id
     */
    roleName?: pulumi.Input<string>;
    /**
     * Billable attribute, off so the key's profile is not billed (the UI's "Attributes"
     * checkboxes [guess:billable-attribute]). @default false
     */
    billable?: pulumi.Input<boolean>;
    /** Login authenticator id. @default the tenant's default authenticator */
    loginAuthenticatorId?: pulumi.Input<string>;
    /** Send the activation email when the employee is created (procedure step 4). @default true */
    invite?: pulumi.Input<boolean>;
    /**
     * Adopt an existing employee with this email (reviving and updating it) when it holds this
     * stack's role (`roleId`); any other existing employee is an error. @default false
     */
    adoptExisting?: pulumi.Input<boolean>;
    /** Adopt the existing employee with exactly this id (one made by hand, no stack's). */
    adoptEmployeeId?: pulumi.Input<string>;
}

const implementation = "cxone-okta-scim/provider/cxone/employeeProvider";

/**
 * A CXone employee. Destroy deactivates it (CXone keeps employees). An employee deactivated
 * outside Pulumi shows as a `status` change in `pulumi preview --refresh`; `pulumi up` revives it.
 */
export class Employee extends DynamicResource {
    declare readonly endpoint: pulumi.Output<CxoneEndpoint>;
    declare readonly email: pulumi.Output<string>;
    declare readonly firstName: pulumi.Output<string>;
    declare readonly lastName: pulumi.Output<string>;
    declare readonly roleId: pulumi.Output<string>;
    declare readonly billable: pulumi.Output<boolean>;
    declare readonly loginAuthenticatorId: pulumi.Output<string | undefined>;
    declare readonly invite: pulumi.Output<boolean>;
    declare readonly adoptExisting: pulumi.Output<boolean>;
    /**
     * CXone's employee id: the resource id, so it stays known during previews of updates (an
     * access key referring to it is then not shown as replaced).
     */
    readonly employeeId: pulumi.Output<string>;
    declare readonly userName: pulumi.Output<string>;
    /** Primary role name as CXone stores it (the input, or CXone's answer). */
    declare readonly roleName: pulumi.Output<string>;
    /** UNREGISTERED, PENDING (invited), ACTIVE, BLOCKED (deactivated) or DELETED. */
    declare readonly status: pulumi.Output<string>;
    /** The login authenticator in effect (the tenant default when none was given). */
    declare readonly effectiveLoginAuthenticatorId: pulumi.Output<string>;
    /** Whether create sent the activation email. */
    declare readonly invited: pulumi.Output<boolean>;
    /** Whether create adopted an existing employee. */
    declare readonly adopted: pulumi.Output<boolean>;

    constructor(name: string, args: EmployeeArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            implementation,
            name,
            {
                loginAuthenticatorId: undefined,
                roleName: undefined,
                ...args,
                userName: undefined,
                status: undefined,
                effectiveLoginAuthenticatorId: undefined,
                invited: undefined,
                adopted: undefined,
            },
            secretLike(opts, args.email, ["userName"]),
            "cxone",
            "Employee",
        );
        this.employeeId = this.id;
    }
}
