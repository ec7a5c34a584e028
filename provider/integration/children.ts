// The component's children, each declared from the normalized arguments and shaped by its transform:
// the CXone role, employee and access key, and the SCIM connection (the Okta app, its groups and
// provisioning actions are declared by okta/appResources.ts).
import * as pulumi from "@pulumi/pulumi";
import { AccessKey, AccessKeyArgs } from "../cxone/accessKey";
import { Employee, EmployeeArgs } from "../cxone/employee";
import { Role, RoleArgs } from "../cxone/role";
import {
    DEFAULT_EMPLOYEE_FIRST_NAME,
    DEFAULT_EMPLOYEE_LAST_NAME,
    DEFAULT_INVITE,
    DEFAULT_MAX_ROTATION_OVERLAP_DAYS,
    DEFAULT_PROVISIONING_SWITCHES,
    DEFAULT_ROLE_DESCRIPTION,
    DEFAULT_ROLE_NAME,
    DEFAULT_ROTATE_AFTER_DAYS,
    DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS,
} from "./defaults";
import { ChildTransform, shaped } from "../okta/appResources";
import { ScimConnection, ScimConnectionArgs } from "../okta/scimConnection";
import { withMarker } from "../framework/ownership";
import { secretLike } from "../framework/secretness";
import type { NormalizedArgs, ScimIntegrationArgs } from "./args";

/** Declares a CXone child in the component, shaped by its transform. */
function child<A, R>(
    name: string,
    args: A,
    owner: pulumi.Resource,
    transform: ChildTransform<A> | undefined,
    declare: (name: string, args: A, opts: pulumi.CustomResourceOptions) => R,
    opts: pulumi.CustomResourceOptions = {},
): R {
    return shaped(name, args, { ...opts, parent: owner }, transform, declare);
}

export function roleArgsOf(args: ScimIntegrationArgs, n: NormalizedArgs): RoleArgs {
    const description = args.roleDescription ?? DEFAULT_ROLE_DESCRIPTION;
    return {
        endpoint: n.endpoint,
        name: args.roleName ?? DEFAULT_ROLE_NAME,
        // the stack's mark: only a role carrying it is ever adopted by this stack
        description:
            typeof description === "string"
                ? withMarker(description, n.owner)
                : pulumi.output(description).apply((d) => withMarker(d, n.owner)),
        adoptExisting: n.adoptExisting,
        adoptRoleId: args.adoptRoleId,
    };
}

export function employeeArgsOf(
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    role: { roleId: pulumi.Input<string>; roleName: pulumi.Input<string> },
): EmployeeArgs {
    return {
        endpoint: n.endpoint,
        email: args.employeeEmail,
        firstName: args.employeeFirstName ?? DEFAULT_EMPLOYEE_FIRST_NAME,
        lastName: args.employeeLastName ?? DEFAULT_EMPLOYEE_LAST_NAME,
        roleId: role.roleId,
        // no roleName: the Role's create (or refresh) in the same provider process has just read
        // it, so the employee's create asks CXone nothing (provider/cxone/roleNames.ts). As an input
        // it would be lost by every refresh (read from CXone), and on a stack made without it a
        // refresh would put a secret role name in clear in the state (no secretness to copy)
        loginAuthenticatorId: args.loginAuthenticatorId,
        invite: args.inviteEmployee ?? DEFAULT_INVITE,
        adoptExisting: n.adoptExisting,
        adoptEmployeeId: args.adoptEmployeeId,
    };
}

export function accessKeyArgsOf(
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    employeeId: pulumi.Input<string>,
): AccessKeyArgs {
    return {
        endpoint: n.endpoint,
        employeeId,
        rotation: args.accessKeyRotation,
        rotateAfterDays: args.rotateAfterDays ?? DEFAULT_ROTATE_AFTER_DAYS,
        maxOverlapDays: args.maxRotationOverlapDays ?? DEFAULT_MAX_ROTATION_OVERLAP_DAYS,
    };
}

export function createRole(
    name: string,
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    owner: pulumi.Resource,
): Role {
    const roleArgs = roleArgsOf(args, n);
    return child(
        `${name}-role`,
        roleArgs,
        owner,
        args.transform?.role,
        (c, a, o) => new Role(c, a, o),
    );
}

export function createEmployee(
    name: string,
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    role: Role,
    owner: pulumi.Resource,
): Employee {
    const employeeArgs = employeeArgsOf(args, n, role);
    return child(
        `${name}-employee`,
        employeeArgs,
        owner,
        args.transform?.employee,
        (c, a, o) => new Employee(c, a, o),
        // the name of the role it holds comes back from CXone: secret when the role's name is
        secretLike({}, args.roleName, ["roleName"]),
    );
}

export function createAccessKey(
    name: string,
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    employee: Employee,
    owner: pulumi.Resource,
): AccessKey {
    const keyArgs = accessKeyArgsOf(args, n, employee.employeeId);
    return child(
        `${name}-key`,
        keyArgs,
        owner,
        args.transform?.accessKey,
        (c, a, o) => new AccessKey(c, a, o),
    );
}

export function createScimConnection(
    name: string,
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    appId: pulumi.Input<string>,
    key: AccessKey,
    owner: pulumi.Resource,
): ScimConnection {
    const connectionArgs: ScimConnectionArgs = {
        ...scimArgsOf(args, n, appId),
        clientId: key.accessKeyId,
        clientSecret: key.secret,
        previousClientId: key.previousAccessKeyId,
    };
    return child(
        `${name}-scim`,
        connectionArgs,
        owner,
        args.transform?.scimConnection,
        (c, a, o) => new ScimConnection(c, a, o),
    );
}

export function scimArgsOf(
    args: ScimIntegrationArgs,
    n: NormalizedArgs,
    appId: pulumi.Input<string>,
): Omit<ScimConnectionArgs, "clientId" | "clientSecret"> {
    return {
        orgUrl: args.oktaOrgUrl,
        appId,
        appLabel: unlessSecret(n.appLabel),
        scimBaseUrl: n.region.scimBaseUrl,
        tokenEndpoint: n.region.tokenEndpoint,
        authorizeEndpoint: n.region.authorizeEndpoint,
        cxoneEndpoint: n.endpoint,
        secretReference: args.secretReference,
        waitForAuthorizationSeconds:
            args.waitForAuthorizationSeconds ?? DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS,
        // okta.app.Features is refused before authorization: fail with the steps instead
        requireAuthorization: n.oktaResources === "pulumi-okta",
    };
}

/**
 * A value for a plain output (the console steps), or "" when it is a secret: an output built from
 * a secret input would otherwise carry it in plain text.
 */
function unlessSecret(value: pulumi.Input<string>): pulumi.Input<string> {
    if (!pulumi.Output.isInstance(value)) return value;
    const shown: Promise<pulumi.Input<string>> = pulumi
        .isSecret(pulumi.output(value))
        .then((secret) => (secret ? "" : value));
    return pulumi.output(shown);
}

export function switchesOf(args: ScimIntegrationArgs) {
    return {
        createUsers: args.createUsers ?? DEFAULT_PROVISIONING_SWITCHES.createUsers,
        updateUserAttributes:
            args.updateUserAttributes ?? DEFAULT_PROVISIONING_SWITCHES.updateUserAttributes,
        deactivateUsers: args.deactivateUsers ?? DEFAULT_PROVISIONING_SWITCHES.deactivateUsers,
    };
}
