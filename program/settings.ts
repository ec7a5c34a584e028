// Stack config -> ScimIntegration inputs. Pure apart from the config getter: unit-tested.
// With no `cxone:region`, the stack targets the local sandbox (its endpoints file).
import type { ScimIntegrationArgs } from "../provider/integration/index";
import { formatProblems, validateMappings } from "../provider/okta/attributeMappingsLogic";
import { repeatedKeys } from "./jsonKeys";

/** The config values this program reads, by full key (e.g. "cxone:region"). */
export type ConfigGetter = (key: string) => string | undefined;

export interface SandboxEndpoints {
    cxone: { baseUrl: string; tenantId?: string };
    okta: { orgUrl: string };
}

export class SettingsError extends Error {}

function bool(get: ConfigGetter, key: string): boolean | undefined {
    const v = get(key);
    if (v === undefined) return undefined;
    if (v === "true" || v === "false") return v === "true";
    throw new SettingsError(`${key} must be true or false (got "${v}")`);
}

/** A count: unset is undefined; blank, negative or not a number (`whole`: not whole) is refused. */
function count(get: ConfigGetter, key: string, what: string, whole = false): number | undefined {
    const v = get(key);
    if (v === undefined) return undefined;
    const n = Number(v);
    // Number("") is 0: a blank value is no number
    if (v.trim() === "" || !(whole ? Number.isInteger(n) : Number.isFinite(n)) || n < 0)
        throw new SettingsError(`${key} must be ${what} (got "${v}")`);
    return n;
}

const num = (get: ConfigGetter, key: string) => count(get, key, "a number of seconds");
const people = (get: ConfigGetter, key: string) =>
    count(get, key, "a whole number of people, 0 or more", true);
const days = (get: ConfigGetter, key: string) => count(get, key, "a number of days");

function list(get: ConfigGetter, key: string): string[] | undefined {
    const v = get(key);
    if (v === undefined) return undefined;
    try {
        const parsed = JSON.parse(v);
        if (Array.isArray(parsed) && parsed.every((x) => typeof x === "string")) return parsed;
    } catch {
        /* fall through */
    }
    throw new SettingsError(`${key} must be a JSON list of strings, e.g. ["00g1abc"] (got ${v})`);
}

/** A JSON object of CXone attribute -> Okta expression, every bad key named. */
function mappings(get: ConfigGetter, key: string): Record<string, string> | undefined {
    const v = get(key);
    if (v === undefined) return undefined;
    let parsed: unknown;
    try {
        parsed = JSON.parse(v);
    } catch {
        throw new SettingsError(
            `${key} must be a JSON object, e.g. {"nice:team": "user.department"} (got ${v})`,
        );
    }
    const twice = repeatedKeys(v);
    if (twice.length)
        throw new SettingsError(
            `${key}: ${twice.map((k) => JSON.stringify(k)).join(", ")} given more than once; give each CXone attribute one mapping`,
        );
    const problems = validateMappings(parsed);
    if (problems.length) throw new SettingsError(formatProblems(problems, key));
    return parsed as Record<string, string>;
}

/** Okta org URL from the official provider's keys: okta:orgName + okta:baseUrl (default okta.com). */
function oktaOrgUrl(get: ConfigGetter): string {
    const orgName = get("okta:orgName");
    if (!orgName)
        throw new SettingsError(
            "okta:orgName is required for a real tenant (e.g. dev-123456); with okta:baseUrl (default okta.com)",
        );
    return `https://${orgName}.${get("okta:baseUrl") ?? "okta.com"}`;
}

/** The project's own config namespace (Pulumi.yaml `name`): `pulumi config set appLabel ...` lands here. */
export const projectNamespace = "cxone-okta-scim";

/**
 * `okta:` belongs to the Okta provider, which rejects keys it does not know. Settings that earlier
 * versions kept there get an error naming their new key; any other foreign key is named too.
 * @param configKeys every key of the stack's config (`ns:name`)
 * @param oktaProviderKeys the Okta provider's own keys (from `@pulumi/okta/config/vars`)
 */
export function foreignOktaKeys(configKeys: string[], oktaProviderKeys: Set<string>): string[] {
    return configKeys
        .filter((k) => k.startsWith("okta:") && !oktaProviderKeys.has(k.slice("okta:".length)))
        .map((k) => {
            const name = k.slice("okta:".length);
            return movedToProject.has(name)
                ? `${k} has moved to ${projectNamespace}:${name} (okta: holds only the Okta provider's own keys): ` +
                      `pulumi config rm ${k} && pulumi config set ${projectNamespace}:${name} <value>`
                : `${k} is not a setting of the Okta provider or of this program: remove it with pulumi config rm ${k}`;
        });
}
const movedToProject = new Set([
    "appLabel",
    "groupIds",
    "createUsers",
    "updateUserAttributes",
    "deactivateUsers",
    "waitForAuthorizationSeconds",
    "resources",
    "orgUrl",
]);

/** True when the stack targets a real tenant (cxone:region is set). */
export const targetsRealTenant = (get: ConfigGetter): boolean => get("cxone:region") !== undefined;

export function integrationArgs(
    get: ConfigGetter,
    sandbox?: SandboxEndpoints,
): ScimIntegrationArgs {
    const real = targetsRealTenant(get);
    if (!real && !sandbox) throw new SettingsError("no tenant configured and no sandbox endpoints");
    // every bad setting is reported at once: each reader's error is collected, not thrown
    const problems: string[] = [];
    const read = <T>(f: () => T): T | undefined => {
        try {
            return f();
        } catch (e) {
            // Stryker disable next-line ConditionalExpression: readers throw only SettingsError
            if (!(e instanceof SettingsError)) throw e;
            problems.push(e.message);
            return undefined;
        }
    };
    const email =
        get("cxone:employeeEmail") ?? (real ? undefined : "scim.accesskey@sandbox.example");
    if (!email)
        problems.push(
            "cxone:employeeEmail is required: an email address you own (CXone sends the activation email there)",
        );
    const resources = get("cxone-okta-scim:resources") ?? "builtin";
    if (resources !== "builtin" && resources !== "pulumi-okta")
        problems.push(
            `cxone-okta-scim:resources must be "builtin" or "pulumi-okta" (got "${resources}")`,
        );
    const args: ScimIntegrationArgs = {
        cxone: real
            ? {
                  region: get("cxone:region"),
                  fedramp: read(() => bool(get, "cxone:fedramp")),
                  tenantId: get("cxone:tenantId"),
              }
            : { sandboxUrl: sandbox!.cxone.baseUrl, tenantId: sandbox!.cxone.tenantId },
        // Stryker disable next-line StringLiteral: undefined only with a problem, thrown below
        oktaOrgUrl: real ? (read(() => oktaOrgUrl(get)) ?? "") : sandbox!.okta.orgUrl,
        roleName: get("cxone:roleName"),
        roleDescription: get("cxone:roleDescription"),
        // Stryker disable next-line StringLiteral: undefined only with a problem, thrown below
        employeeEmail: email ?? "",
        employeeFirstName: get("cxone:employeeFirstName"),
        employeeLastName: get("cxone:employeeLastName"),
        loginAuthenticatorId: get("cxone:loginAuthenticatorId"),
        inviteEmployee: read(() => bool(get, "cxone:inviteEmployee")),
        adoptExisting: read(() => bool(get, "cxone:adoptExisting")),
        adoptRoleId: get("cxone:adoptRoleId"),
        adoptEmployeeId: get("cxone:adoptEmployeeId"),
        adoptAppId: get("cxone-okta-scim:adoptAppId"),
        accessKeyRotation: get("cxone:accessKeyRotation"),
        appLabel: get("cxone-okta-scim:appLabel"),
        groupIds: read(() => list(get, "cxone-okta-scim:groupIds")),
        allowEveryoneGroup: read(() => bool(get, "cxone-okta-scim:allowEveryoneGroup")),
        allowRemoval: read(() => bool(get, "cxone-okta-scim:allowRemoval")),
        createUsers: read(() => bool(get, "cxone-okta-scim:createUsers")),
        updateUserAttributes: read(() => bool(get, "cxone-okta-scim:updateUserAttributes")),
        deactivateUsers: read(() => bool(get, "cxone-okta-scim:deactivateUsers")),
        deactivationThreshold: read(() => people(get, "cxone-okta-scim:deactivationThreshold")),
        allowDeactivations: read(() => people(get, "cxone-okta-scim:allowDeactivations")),
        waitForAuthorizationSeconds: read(() =>
            num(get, "cxone-okta-scim:waitForAuthorizationSeconds"),
        ),
        rotateAfterDays: read(() => days(get, "cxone-okta-scim:rotateAfterDays")),
        maxRotationOverlapDays: read(() => days(get, "cxone-okta-scim:maxRotationOverlapDays")),
        oktaResources: resources === "pulumi-okta" ? "pulumi-okta" : "builtin",
        attributeMappings: read(() => mappings(get, "cxone-okta-scim:attributeMappings")),
    };
    if (problems.length > 0) throw new SettingsError(problems.join("\n"));
    return args;
}

/** The config key behind each component argument, so an error names what the operator typed. */
const CONFIG_KEYS: Record<string, string> = {
    "cxone.region": "cxone:region",
    "cxone.fedramp": "cxone:fedramp",
    "cxone.tenantId": "cxone:tenantId",
    oktaOrgUrl: "okta:orgName",
    roleName: "cxone:roleName",
    roleDescription: "cxone:roleDescription",
    employeeEmail: "cxone:employeeEmail",
    employeeFirstName: "cxone:employeeFirstName",
    employeeLastName: "cxone:employeeLastName",
    loginAuthenticatorId: "cxone:loginAuthenticatorId",
    inviteEmployee: "cxone:inviteEmployee",
    adoptExisting: "cxone:adoptExisting",
    adoptRoleId: "cxone:adoptRoleId",
    adoptEmployeeId: "cxone:adoptEmployeeId",
    accessKeyRotation: "cxone:accessKeyRotation",
    appLabel: `${projectNamespace}:appLabel`,
    adoptAppId: `${projectNamespace}:adoptAppId`,
    groupIds: `${projectNamespace}:groupIds`,
    allowEveryoneGroup: `${projectNamespace}:allowEveryoneGroup`,
    allowRemoval: `${projectNamespace}:allowRemoval`,
    createUsers: `${projectNamespace}:createUsers`,
    updateUserAttributes: `${projectNamespace}:updateUserAttributes`,
    deactivateUsers: `${projectNamespace}:deactivateUsers`,
    deactivationThreshold: `${projectNamespace}:deactivationThreshold`,
    allowDeactivations: `${projectNamespace}:allowDeactivations`,
    waitForAuthorizationSeconds: `${projectNamespace}:waitForAuthorizationSeconds`,
    rotateAfterDays: `${projectNamespace}:rotateAfterDays`,
    maxRotationOverlapDays: `${projectNamespace}:maxRotationOverlapDays`,
    oktaResources: `${projectNamespace}:resources`,
    attributeMappings: `${projectNamespace}:attributeMappings`,
};

/**
 * A component argument problem reworded with the config key the operator set, e.g.
 * `employeeEmail: email must be ...` -> `cxone:employeeEmail: email must be ...`.
 */
export function asConfigProblem(problem: { propertyPath: string; reason: string }): string {
    const path = problem.propertyPath;
    // Stryker disable next-line Regex: an index ends every path that holds one (groupIds[1])
    const key = CONFIG_KEYS[path] ?? CONFIG_KEYS[path.replace(/\[\d+\]$/, "")];
    if (!key) return problem.reason;
    const reason = problem.reason.startsWith(`${path}: `)
        ? problem.reason.slice(path.length + 2)
        : problem.reason;
    return `${key}${key.endsWith(path) ? "" : ` (${path})`}: ${reason}`;
}

/**
 * The component arguments set by a secret config value (`pulumi config set --secret`), from the
 * engine's list of secret keys (`ns:name`): they are handed to the component as Pulumi secrets,
 * so that every output built from them is secret too.
 */
export function secretArguments(secretKeys: readonly string[]): string[] {
    return Object.entries(CONFIG_KEYS)
        .filter(([, key]) => secretKeys.includes(key))
        .map(([argument]) => argument);
}
