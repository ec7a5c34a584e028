// The unconfirmed CXone facts the client's stops name, and the console steps that are the manual
// way on. Each is a row of docs/vendor-facts/unconfirmed.md (same id and mark); the console paths
// are NICE's own (the help page the product automates, steps 1-4).
import type { UnconfirmedFact } from "../core/unconfirmed";

export const ROLE_CREATE_ROUTE: UnconfirmedFact = {
    id: "role-create-route",
    mark: "seen",
    statement: "CXone roles are created with POST /authorization/roleByPermissions",
    source: "seen only in NICE's internal test utilities; no documented endpoint",
};

export const ROLE_UPDATE_ROUTE: UnconfirmedFact = {
    id: "role-update-route",
    mark: "guess",
    statement:
        "a CXone role's description, permissions and status are changed with PUT /authorization/v1/roles/{roleId}",
    source: "inferred; no documented endpoint",
};

export const PERMISSION_KEYS: UnconfirmedFact = {
    id: "permission-keys",
    mark: "guess",
    statement:
        'CXone takes a role\'s permissions by the names its Roles and Permissions page shows ("Employees: Create and Edit")',
    source: "inferred; the API's permission key format is not published",
};

export const EMPLOYEE_NAME_LENGTH: UnconfirmedFact = {
    id: "employee-name-length",
    mark: "guess",
    statement: "CXone accepts employee first and last names of up to 50 characters",
    source: "inferred from CXone's UI; UserHub's limit is unpublished",
};

export const TOKEN_TENANT_CLAIM: UnconfirmedFact = {
    id: "token-tenant-claim",
    mark: "seen",
    statement: "CXone's tokens carry the tenant id as a tenantId claim",
    source: "seen in public code reading CXone tokens",
};

export const USERHUB_HOST: UnconfirmedFact = {
    id: "userhub-host",
    mark: "sdk",
    statement:
        "CXone's UserHub (employees, roles, access keys) answers at https://api-{area}.{domain} from discovery, else at discovery's api_endpoint",
    source: "NICE's SDK uses the first, NICE's OpenAPI lists the second",
};

export const CXONE_THROTTLING: UnconfirmedFact = {
    id: "cxone-throttling",
    mark: "guess",
    statement:
        "CXone answers throttling with 429 and a passing fault with 502/503/504 (retried), and a 500 only for a real failure (not retried)",
    source: "inferred; NICE documents no rate limits",
};

/** Procedure step 1 in CXone's console, for a role named `name` with `permissions`. */
export function newRoleSteps(name: string, permissions: readonly string[]): string {
    return (
        `In CXone: Admin > Security > Roles and Permissions > New Role, named "${name}"; ` +
        `Permissions tab: enable ${permissions.map((p) => `"${p}"`).join(" and ")}; Save and Activate.`
    );
}

/** What adopting the hand-made role takes (root program and library spellings). */
export const ADOPT_ROLE_STEP =
    "Run `pulumi up` again: it finds the role by its name and names its id; set that id with " +
    "`pulumi config set cxone:adoptRoleId <id>` (library: adoptRoleId), then run `pulumi up`. The " +
    "stack then takes the role as it is, with the permissions you gave it.";

export const REGION_ISSUERS: UnconfirmedFact = {
    id: "region-issuers",
    mark: "sdk",
    statement:
        "the region's issuer (na3: nicecxone-fed.com, au2/eu2: nicecxone-sov1.au/.eu) serves the tenant's discovery",
    source: "NICE's shared-apps-lib SDK names these issuers",
};

export const REGION_AREA_HOSTS: UnconfirmedFact = {
    id: "region-area-hosts",
    mark: "seen",
    statement:
        "the region table's area host signs in access keys (outside na1, au1, eu1 its spelling is seen, not documented)",
    source: "public code",
};
