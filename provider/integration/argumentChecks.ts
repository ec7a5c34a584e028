// The component's arguments checked before anything is declared: every problem at once (its own
// and its children's plain inputs), or the arguments normalized; and the inputs the reads before the
// first write ask about.
import * as pulumi from "@pulumi/pulumi";
import {
    DEFAULT_ADOPT_EXISTING,
    DEFAULT_APP_LABEL,
    DEFAULT_DEACTIVATION_THRESHOLD,
    DEFAULT_OKTA_RESOURCES,
    DEFAULT_ROLE_NAME,
} from "./defaults";
import { OKTA_RESOURCE_KINDS } from "../okta/appResources";
import { formatProblems, validateMappings } from "../okta/attributeMappingsLogic";
import { dotSegments, UNKNOWN } from "../framework/checks";
import { isLoopbackUrl } from "../core/loopback";
import { ChildInputs, childChecks, childProblems } from "./componentChecks";
import { ownerMarker } from "../framework/ownership";
import { ROLE_DESCRIPTION_MAX } from "../cxone/roleLogic";
import type { GateInputs } from "../preflight/integrationGate";
import {
    cxoneEndpointFor,
    RegionError,
    resolveRegion,
    ResolvedRegion,
    sandboxRegion,
} from "../cxone/discovery/regions";
import type { ArgumentProblem, CxoneTarget } from "./integrationInputs";
import type { NormalizedArgs, ScimIntegrationArgs } from "./args";
import { accessKeyArgsOf, employeeArgsOf, roleArgsOf, scimArgsOf, switchesOf } from "./children";

/**
 * Every problem of the arguments (the component's own and its children's plain inputs), or the
 * normalized arguments. Pure: a program may call it before declaring the component, so that a bad
 * input leaves not even the component's record in the stack.
 */
export function checkScimIntegrationArgs(args: ScimIntegrationArgs): {
    problems: ArgumentProblem[];
    normalized?: NormalizedArgs;
} {
    const problems: ArgumentProblem[] = [];
    const region = resolveTarget(args.cxone ?? {}, problems);
    const oktaResources = args.oktaResources ?? DEFAULT_OKTA_RESOURCES;
    if (!OKTA_RESOURCE_KINDS.includes(oktaResources)) {
        problems.push({
            propertyPath: "oktaResources",
            reason: `oktaResources: must be ${OKTA_RESOURCE_KINDS.map((k) => `"${k}"`).join(" or ")} (got ${JSON.stringify(oktaResources)})`,
        });
    }
    if (args.oktaProvider !== undefined && oktaResources !== "pulumi-okta") {
        problems.push({
            propertyPath: "oktaProvider",
            reason: `oktaProvider: is used only with oktaResources "pulumi-okta" (got ${JSON.stringify(oktaResources)})`,
        });
    }
    if (args.groupIds !== undefined && !Array.isArray(args.groupIds)) {
        problems.push({
            propertyPath: "groupIds",
            reason: "groupIds: must be a list of Okta group ids",
        });
    }
    if (
        args.allowEveryoneGroup !== undefined &&
        !pulumi.Output.isInstance(args.allowEveryoneGroup) &&
        typeof args.allowEveryoneGroup !== "boolean"
    ) {
        problems.push({
            propertyPath: "allowEveryoneGroup",
            reason: "allowEveryoneGroup: must be true or false",
        });
    }
    for (const input of ["deactivationThreshold", "allowDeactivations"] as const) {
        const v = args[input];
        if (v === undefined || pulumi.Output.isInstance(v)) continue;
        // Number.isInteger is false for anything not a number: no typeof needed
        if (!Number.isInteger(v) || Number(v) < 0)
            problems.push({
                propertyPath: input,
                reason: `${input}: must be a whole number of people, 0 or more (got ${JSON.stringify(v)})`,
            });
    }
    if (args.adoptExisting !== undefined && typeof args.adoptExisting !== "boolean") {
        problems.push({
            propertyPath: "adoptExisting",
            reason: "adoptExisting: must be true or false",
        });
    }
    const description = descriptionProblem(args.roleDescription);
    if (description) problems.push({ propertyPath: "roleDescription", reason: description });
    const mappingProblems = validateMappings(args.attributeMappings);
    if (mappingProblems.length > 0) {
        problems.push({
            propertyPath: "attributeMappings",
            reason: formatProblems(mappingProblems),
        });
    }
    if (problems.length > 0 || !region) return { problems };
    const n: NormalizedArgs = {
        region,
        endpoint: cxoneEndpointFor(region, args.cxone.tenantId),
        oktaResources,
        adoptExisting: args.adoptExisting ?? DEFAULT_ADOPT_EXISTING,
        appLabel: args.appLabel ?? DEFAULT_APP_LABEL,
        groupIds: Array.isArray(args.groupIds) ? args.groupIds : [],
        owner: `${pulumi.getProject()}/${pulumi.getStack()}`,
    };
    // every child's plain inputs, before any child is registered (see componentChecks.ts)
    const childErrors = childProblems(childInputs(args, n));
    return childErrors.length > 0 ? { problems: childErrors } : { problems: [], normalized: n };
}

/** The inputs the reads before the first write ask about, as the component declares them. */
export function gateInputsOf(args: ScimIntegrationArgs, n: NormalizedArgs): GateInputs {
    return {
        oktaOrgUrl: args.oktaOrgUrl,
        roleName: args.roleName ?? DEFAULT_ROLE_NAME,
        employeeEmail: args.employeeEmail,
        appLabel: n.appLabel,
        groupIds: n.groupIds,
        adoptRoleId: args.adoptRoleId,
        adoptEmployeeId: args.adoptEmployeeId,
        adoptAppId: args.adoptAppId,
        allowEveryoneGroup: args.allowEveryoneGroup,
        ...switchesOf(args),
        deactivationThreshold: args.deactivationThreshold ?? DEFAULT_DEACTIVATION_THRESHOLD,
        allowDeactivations: args.allowDeactivations,
    };
}

/**
 * The role description the user typed, counted alone: the stack's mark is added after it, and
 * CXone keeps ROLE_DESCRIPTION_MAX characters in all.
 */
function descriptionProblem(description: unknown): string | undefined {
    if (description === undefined || pulumi.Output.isInstance(description)) return undefined;
    if (typeof description !== "string") return "roleDescription: must be a string";
    const mark = ownerMarker(`${pulumi.getProject()}/${pulumi.getStack()}`);
    const max = ROLE_DESCRIPTION_MAX - mark.length - 1;
    return description.trim().length > max
        ? `roleDescription: must be at most ${max} characters (got ${description.trim().length}): CXone keeps ${ROLE_DESCRIPTION_MAX}, and the stack's mark "${mark}" is added after it`
        : undefined;
}

/**
 * Where the CXone target came from, for messages: the input the user typed. A region's URLs come
 * from its table and pass every check, so only a sandbox URL is ever named by it.
 */
function targetName(args: ScimIntegrationArgs): string {
    // Stryker disable next-line ConditionalExpression: "always the sandbox" differs only for a region, never named
    if (args.cxone.sandboxUrl !== undefined) return "cxone.sandboxUrl";
    // Stryker disable next-line StringLiteral: as above, never shown
    return "cxone.region";
}

/** The children's inputs as the create functions below declare them (ids not known yet). */
function childInputs(args: ScimIntegrationArgs, n: NormalizedArgs): ChildInputs[] {
    const target = targetName(args);
    const unknownId = UNKNOWN;
    // Stryker disable next-line ObjectLiteral: roleId is no argument (no name): its check is dropped
    const unknownRole = { roleId: unknownId, roleName: unknownId };
    return [
        {
            check: childChecks.role,
            inputs: { ...roleArgsOf(args, n) },
            names: {
                endpoint: target,
                name: "roleName",
                adoptRoleId: "adoptRoleId",
            },
        },
        {
            check: childChecks.employee,
            inputs: { ...employeeArgsOf(args, n, unknownRole) },
            names: {
                email: "employeeEmail",
                firstName: "employeeFirstName",
                lastName: "employeeLastName",
                loginAuthenticatorId: "loginAuthenticatorId",
                invite: "inviteEmployee",
                adoptEmployeeId: "adoptEmployeeId",
            },
        },
        {
            check: childChecks.accessKey,
            inputs: { ...accessKeyArgsOf(args, n, unknownId) },
            names: {
                rotation: "accessKeyRotation",
                rotateAfterDays: "rotateAfterDays",
                maxOverlapDays: "maxRotationOverlapDays",
            },
        },
        {
            check: childChecks.app,
            inputs: {
                orgUrl: args.oktaOrgUrl,
                label: n.appLabel,
                loginUrl: n.region.loginUrl,
                adoptAppId: args.adoptAppId,
            },
            names: {
                orgUrl: "oktaOrgUrl",
                label: "appLabel",
                loginUrl: target,
                adoptAppId: "adoptAppId",
            },
        },
        ...n.groupIds.map((groupId, i) => ({
            check: childChecks.group,
            inputs: { orgUrl: args.oktaOrgUrl, appId: unknownId, groupId },
            names: { groupId: `groupIds[${i}]` },
        })),
        {
            check: childChecks.actions,
            inputs: {
                orgUrl: args.oktaOrgUrl,
                appId: unknownId,
                connectionStatus: unknownId,
                ...switchesOf(args),
            },
            names: {
                createUsers: "createUsers",
                updateUserAttributes: "updateUserAttributes",
                deactivateUsers: "deactivateUsers",
            },
        },
        {
            check: childChecks.scim,
            inputs: {
                ...scimArgsOf(args, n, unknownId),
                clientId: unknownId,
                clientSecret: unknownId,
            },
            names: {
                scimBaseUrl: target,
                tokenEndpoint: target,
                authorizeEndpoint: target,
                cxoneEndpoint: target,
                secretReference: "secretReference",
                waitForAuthorizationSeconds: "waitForAuthorizationSeconds",
            },
        },
    ];
}

/** The CXone target as a region, or undefined after recording the problem (naming the input). */
function resolveTarget(t: CxoneTarget, problems: ArgumentProblem[]): ResolvedRegion | undefined {
    if (t.sandboxUrl !== undefined && t.region !== undefined) {
        problems.push({
            propertyPath: "cxone",
            reason: "cxone: set either region (a real tenant) or sandboxUrl (the local sandbox), not both",
        });
        return undefined;
    }
    if (t.tenantId !== undefined && typeof t.tenantId !== "string") {
        // named as typed: the endpoint's own check would name cxone.region or cxone.sandboxUrl
        problems.push({
            propertyPath: "cxone.tenantId",
            reason: "cxone.tenantId: must be a string",
        });
        return undefined;
    }
    if (t.sandboxUrl !== undefined && typeof t.sandboxUrl !== "string") {
        // the sandbox's own URL check reads a string: anything else is refused here, as typed
        problems.push({
            propertyPath: "cxone.sandboxUrl",
            reason: `cxone.sandboxUrl: must be a URL such as http://127.0.0.1:4610 (got ${JSON.stringify(t.sandboxUrl)})`,
        });
        return undefined;
    }
    if (
        typeof t.sandboxUrl === "string" &&
        /^https?:/.test(t.sandboxUrl) &&
        !isLoopbackUrl(t.sandboxUrl)
    ) {
        // the access key and the admin token would travel there: the sandbox runs on this machine
        problems.push({
            propertyPath: "cxone.sandboxUrl",
            reason: `cxone.sandboxUrl: "${t.sandboxUrl}" is not on loopback; the local sandbox runs on this machine (e.g. http://127.0.0.1:4610); for a real tenant set cxone.region`,
        });
        return undefined;
    }
    if (typeof t.sandboxUrl === "string" && dotSegments(t.sandboxUrl)) {
        // the steps would print it as typed while every call goes to the normalized path
        problems.push({
            propertyPath: "cxone.sandboxUrl",
            reason: `cxone.sandboxUrl: must not contain "." or ".." path segments (got "${t.sandboxUrl}")`,
        });
        return undefined;
    }
    try {
        return t.sandboxUrl !== undefined
            ? sandboxRegion(t.sandboxUrl)
            : resolveRegion({ region: t.region ?? "", fedramp: t.fedramp });
    } catch (e) {
        // Stryker disable next-line ConditionalExpression: both resolvers throw only RegionError
        if (!(e instanceof RegionError)) throw e;
        const input = e.property === "cxoneBaseUrl" ? "sandboxUrl" : e.property;
        problems.push({ propertyPath: `cxone.${input}`, reason: `cxone.${input}: ${e.message}` });
        return undefined;
    }
}
