// ScimIntegration: the whole CXone + Okta SCIM integration (procedure steps 1-14) as one component.
import * as pulumi from "@pulumi/pulumi";
import { AccessKey } from "./cxone/accessKey";
import { Employee } from "./cxone/employee";
import { Role } from "./cxone/role";
import { oktaAppResources } from "./okta/appResources";
import { attributeMappings, checkAttributeMappings } from "./okta/attributeMappings";
import { ScimConnection } from "./okta/scimConnection";
import { cxoneEndpointFor, RegionError, resolveRegion, ResolvedRegion, sandboxRegion } from "./regions";

/** Where the CXone tenant is: a region (and FedRAMP flag), or the local sandbox. */
export interface CxoneTarget {
    /** CXone region, e.g. `na1`. Required unless `sandboxUrl` is set. */
    region?: string;
    /** FedRAMP tenant (region na2). */
    fedramp?: boolean;
    /** Base URL of the local sandbox's CXone server (every CXone API on one host). */
    sandboxUrl?: string;
    /** Tenant id, when discovery needs it. */
    tenantId?: string;
}

/** Inputs of {@link ScimIntegration}. Only `cxone`, `oktaOrgUrl` and `employeeEmail` are required. */
export interface ScimIntegrationArgs {
    cxone: CxoneTarget;
    /** Okta org URL, e.g. https://example.okta.com */
    oktaOrgUrl: pulumi.Input<string>;
    /** Step 1: the role for the key. Default "SCIM Access Key". Role names can never be reused in CXone. */
    roleName?: pulumi.Input<string>;
    roleDescription?: pulumi.Input<string>;
    /** Step 2: an email address the operator owns (CXone sends the activation email there). */
    employeeEmail: pulumi.Input<string>;
    /** Default "SCIM". */
    employeeFirstName?: pulumi.Input<string>;
    /** Default "AccessKey". */
    employeeLastName?: pulumi.Input<string>;
    /** Login authenticator of the employee; default: the tenant's default authenticator. */
    loginAuthenticatorId?: pulumi.Input<string>;
    /** Step 4: send the activation email on create. Default true. */
    inviteEmployee?: pulumi.Input<boolean>;
    /** Step 6: the Okta app's label. Default "NICE CXone". */
    appLabel?: pulumi.Input<string>;
    /** Okta groups assigned to the app: whose members Okta provisions into CXone. */
    groupIds?: pulumi.Input<string>[];
    /** Step 14 switches; each default true. */
    createUsers?: pulumi.Input<boolean>;
    updateUserAttributes?: pulumi.Input<boolean>;
    deactivateUsers?: pulumi.Input<boolean>;
    /** Any new value rotates the access key (new key first, then the old one is revoked); Okta must then be given the new secret. */
    accessKeyRotation?: pulumi.Input<string>;
    /** Wait this long during `pulumi up` for the console steps (0 = report and move on). */
    waitForAuthorizationSeconds?: pulumi.Input<number>;
    /** Adopt an existing role, employee and Okta app of the same name instead of failing / duplicating. */
    adoptExisting?: boolean;
    /** How the operator reads the client secret; default `pulumi stack output accessKeySecret --show-secrets`. */
    secretReference?: pulumi.Input<string>;
    /**
     * Which resources declare the Okta app and its provisioning actions: `builtin` (this package's
     * dynamic resources, calling the same public Okta API; default) or `pulumi-okta`
     * (okta.app.AutoLogin and okta.app.Features of @pulumi/okta; needs the Okta provider plugin).
     */
    oktaResources?: "builtin" | "pulumi-okta";
    /** With `pulumi-okta`: an explicit okta.Provider (else the default provider and `okta:*` config). */
    oktaProvider?: pulumi.ProviderResource;
    /**
     * CXone attribute -> Okta Expression Language value, over the seed's defaults (first and last
     * name, email; userName is the app username). Keys: see README "Attribute mappings".
     * @example { "nice:team": "user.department", timezone: "user.timezone" }
     */
    attributeMappings?: Record<string, string>;
}

/**
 * The NICE CXone + Okta SCIM integration: in CXone the role, the employee and its access key; in
 * Okta the SWA app, its SCIM connection (declared; finished by a person in the Admin Console where
 * Okta has no API) and its provisioning actions.
 */
export class ScimIntegration extends pulumi.ComponentResource {
    /** Okta "SCIM connector base URL" of the region. */
    readonly scimBaseUrl: pulumi.Output<string>;
    readonly appId: pulumi.Output<string>;
    readonly roleId: pulumi.Output<string>;
    readonly employeeId: pulumi.Output<string>;
    /** Okta "Client ID". */
    readonly accessKeyId: pulumi.Output<string>;
    /** Okta "Client secret" (secret). */
    readonly accessKeySecret: pulumi.Output<string>;
    /** authorized | pending | disabled | key-revoked */
    readonly connectionStatus: pulumi.Output<string>;
    /** Console steps still to do, values included, the secret by reference. Empty when done. */
    readonly remainingSteps: pulumi.Output<string[]>;
    /** Whether the provisioning actions are in effect in Okta. */
    readonly provisioningApplied: pulumi.Output<boolean>;
    /** The resolved region: every URL used, with confidence marks. */
    readonly region: ResolvedRegion;

    constructor(name: string, args: ScimIntegrationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cxone-okta-scim:index:ScimIntegration", name, {}, opts);
        const parent = { parent: this };
        const region = (this.region = resolveTargetFor(this, args.cxone));
        checkAttributeMappings(args.attributeMappings, this);
        const endpoint = cxoneEndpointFor(region, args.cxone.tenantId);
        const adopt = args.adoptExisting ?? false;

        const role = new Role(`${name}-role`, {
            endpoint,
            name: args.roleName ?? "SCIM Access Key",
            description: args.roleDescription ?? "Okta SCIM provisioning (managed by Pulumi)",
            adoptExisting: adopt,
        }, parent);
        const employee = new Employee(`${name}-employee`, {
            endpoint,
            email: args.employeeEmail,
            firstName: args.employeeFirstName ?? "SCIM",
            lastName: args.employeeLastName ?? "AccessKey",
            roleId: role.roleId,
            loginAuthenticatorId: args.loginAuthenticatorId,
            invite: args.inviteEmployee ?? true,
            adoptExisting: adopt,
        }, parent);
        const key = new AccessKey(`${name}-key`, { endpoint, employeeId: employee.employeeId, rotation: args.accessKeyRotation }, parent);

        const okta = oktaAppResources(name, {
            kind: args.oktaResources ?? "builtin",
            provider: args.oktaProvider,
            orgUrl: args.oktaOrgUrl,
            label: args.appLabel ?? "NICE CXone",
            loginUrl: region.loginUrl,
            groupIds: args.groupIds ?? [],
            adoptExisting: adopt,
        }, this);

        const mapped = attributeMappings(name, { kind: args.oktaResources ?? "builtin", provider: args.oktaProvider,
            orgUrl: args.oktaOrgUrl, appId: okta.appId, mappings: args.attributeMappings }, this);

        const connection = new ScimConnection(`${name}-scim`, {
            orgUrl: args.oktaOrgUrl,
            appId: okta.appId,
            appLabel: args.appLabel ?? "NICE CXone",
            scimBaseUrl: region.scimBaseUrl,
            tokenEndpoint: region.tokenEndpoint,
            authorizeEndpoint: region.authorizeEndpoint,
            clientId: key.accessKeyId,
            clientSecret: key.secret,
            cxoneEndpoint: endpoint,
            secretReference: args.secretReference,
            waitForAuthorizationSeconds: args.waitForAuthorizationSeconds ?? 0,
        }, parent);

        const actions = okta.provisioningActions(connection.status, {
            createUsers: args.createUsers ?? true,
            updateUserAttributes: args.updateUserAttributes ?? true,
            deactivateUsers: args.deactivateUsers ?? true,
        }, [connection, ...mapped]);

        this.scimBaseUrl = pulumi.output(region.scimBaseUrl);
        this.appId = okta.appId;
        this.roleId = role.roleId;
        this.employeeId = employee.employeeId;
        this.accessKeyId = key.accessKeyId;
        this.accessKeySecret = key.secret;
        this.connectionStatus = connection.status;
        this.remainingSteps = connection.remainingSteps;
        this.provisioningApplied = actions.applied;

        // The one log line of decision 3: what is left for a person, values included, secret by reference.
        pulumi.all([connection.status, connection.remainingSteps]).apply(([status, steps]) => {
            if (status !== "authorized" && steps?.length) {
                void pulumi.log.warn(`SCIM connection ${status}: finish these steps in the Okta Admin Console:\n${steps.join("\n")}`, this);
            }
        });

        this.registerOutputs({
            scimBaseUrl: this.scimBaseUrl, appId: this.appId, roleId: this.roleId, employeeId: this.employeeId,
            accessKeyId: this.accessKeyId, accessKeySecret: this.accessKeySecret,
            connectionStatus: this.connectionStatus, remainingSteps: this.remainingSteps, provisioningApplied: this.provisioningApplied,
        });
    }
}

/** resolveTarget, failing as an error of this component naming the input, without a stack trace. */
function resolveTargetFor(owner: pulumi.Resource, t: CxoneTarget): ResolvedRegion {
    try {
        return resolveTarget(t);
    } catch (e) {
        const input = e instanceof RegionError ? `cxone.${e.property === "cxoneBaseUrl" ? "sandboxUrl" : e.property}: ` : "";
        throw new pulumi.ResourceError(`${input}${(e as Error).message}`, owner, true);
    }
}

function resolveTarget(t: CxoneTarget): ResolvedRegion {
    if (t.sandboxUrl !== undefined && t.region !== undefined) {
        throw new Error("cxone: set either region (a real tenant) or sandboxUrl (the local sandbox), not both");
    }
    return t.sandboxUrl !== undefined ? sandboxRegion(t.sandboxUrl) : resolveRegion({ region: t.region ?? "", fedramp: t.fedramp });
}
