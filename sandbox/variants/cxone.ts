// CXone's other worlds: each variant makes one unconfirmed CXone fact false in its most plausible
// other way (the rows of docs/vendor-facts/unconfirmed.md). What CXone would answer there follows
// CXone's documented error shapes (sandbox/cxone/errors.ts); the routes keep their own behaviour
// otherwise.
import { createSign } from "crypto";
import express, { type Request, type RequestHandler, type Response } from "express";
import type { SandboxContext } from "../core/context";
import { accessKeyRoutes } from "../cxone/accessKeys";
import { gatewayError, scimError, userHubError } from "../cxone/errors";
import { roleRoutes } from "../cxone/roles";
import { requireBearer } from "../cxone/tokens";
import { userRoutes } from "../cxone/users";
import { isDeactivated } from "../cxone/employees";
import { onRoute, rewriteAnswer, rewriteRequest, type RouteMatch } from "./handlers";
import type { SandboxVariant, VariantEnv } from "./index";

const ROLE_CREATE = /^\/authorization\/roleByPermissions\/?$/i;
const ROLE_UPDATE = /^\/authorization\/v1\/roles\/[^/]+\/?$/i;
const ROLE_SEARCH = /^\/authorization\/v1\/roles\/search\/?$/i;
const USERS = /^\/user-management\/v1\/users\/?$/i;
const USER = /^\/user-management\/v[13]\/users\/[^/]+\/?$/i;
const USER_SEARCH = /^\/user-management\/v2\/users\/search\/?$/i;
const USERS_DEACTIVATE = /^\/user-management\/v1\/users\/deactivate\/?$/i;
const KEYS = /^\/access-key-management\/v1\/access-keys(\/[^/]+)?\/?$/i;
const DISCOVERY = /^\/\.well-known\/cxone-configuration\/?$/i;
const KEY_TOKEN = /^\/authentication\/v1\/token\/access-key\/?$/i;
/** every route that answers with tokens (snake_case or camelCase) */
const TOKEN_ROUTES =
    /^\/(authentication\/v1\/token\/access-key|auth\/token|public\/authentication\/v1\/(token|refresh)|public\/user\/refresh)\/?$/i;
const SCIM_USERS = /^\/scim\/v2\/Users(\/[^/]+)?\/?$/i;

/** The answer of a CXone host for a route it does not have (the gateway's 404). */
function noSuchRoute(method: string, path: RegExp): RequestHandler {
    return onRoute({ method, path }, (req, res) =>
        gatewayError(req, res, 404, `No endpoint ${req.method} ${req.path}`),
    );
}

const everyHost =
    (...handlers: RequestHandler[]) =>
    () =>
        handlers;

/** An id_token with changed claims, signed again with the tenant's key (so it stays verifiable). */
function reclaimed(
    ctx: SandboxContext,
    token: unknown,
    change: (claims: Record<string, unknown>) => void,
): unknown {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: only called with a token answer's id_token, always a JWT
    if (typeof token !== "string" || token.split(".").length !== 3) return token;
    const [h, c] = token.split(".");
    const claims = JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as Record<
        string,
        unknown
    >;
    change(claims);
    const input = `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
    const sig = createSign("RSA-SHA256")
        .update(input)
        .sign(ctx.state.cxone.signingKey.privatePem)
        .toString("base64url");
    return `${input}.${sig}`;
}

/** Every token answer with its id_token's claims changed (either casing). */
function idTokenClaims(
    ctx: SandboxContext,
    change: (claims: Record<string, unknown>) => void,
): RequestHandler[] {
    return ["POST"].map((method) =>
        rewriteAnswer({ method, path: TOKEN_ROUTES }, (body) => {
            // Stryker disable next-line ConditionalExpression,LogicalOperator: every token route answers a JSON object
            if (!body || typeof body !== "object") return body;
            const b = { ...(body as Record<string, unknown>) };
            // Stryker disable next-line ConditionalExpression: reclaimed keeps undefined, and JSON leaves an undefined field out
            if (b.id_token) b.id_token = reclaimed(ctx, b.id_token, change);
            // Stryker disable next-line ConditionalExpression: reclaimed keeps undefined, and JSON leaves an undefined field out
            if (b.idToken) b.idToken = reclaimed(ctx, b.idToken, change);
            return b;
        }),
    );
}

/** Every token CXone issues with changed claims: id_tokens as answered, access tokens as made. */
function everyTokenClaims(
    change: (claims: Record<string, unknown>) => void,
): SandboxVariant["cxone"] {
    return {
        before: (_host, env) => idTokenClaims(env.ctx, change),
        options: { accessTokenClaims: change },
    };
}

/** Claims without a userId, with `sub` the bare user id. */
function bareSub(c: Record<string, unknown>): void {
    delete c.userId;
    // Stryker disable next-line ConditionalExpression,Regex: every token's sub is "user:" and a UUID
    if (typeof c.sub === "string") c.sub = c.sub.replace(/^user:/, "");
}

/** Claims without any tenant id. */
function noTenant(c: Record<string, unknown>): void {
    delete c.tenantId;
    delete c.tenant_id;
    delete c.tenant;
}

/** Users as UserHub answers them, one, a page, or under `user`, changed by `change`. */
function userAnswers(change: (u: Record<string, unknown>) => void): RequestHandler[] {
    const each = (body: unknown) => {
        // Stryker disable next-line ConditionalExpression,LogicalOperator: UserHub answers JSON objects
        if (!body || typeof body !== "object") return body;
        const b = body as Record<string, unknown>;
        const fix = (u: unknown) => {
            // Stryker disable next-line ConditionalExpression,LogicalOperator: user and users[] are objects or absent
            if (u && typeof u === "object") change(u as Record<string, unknown>);
        };
        fix(b.user);
        if (Array.isArray(b.users)) b.users.forEach(fix);
        return b;
    };
    return [
        rewriteAnswer({ method: "GET", path: USER }, each),
        rewriteAnswer({ method: "POST", path: USER_SEARCH }, each),
    ];
}

/** A search that ignores `fields` of its filter and pages by at most 25. */
function filterIgnored(path: RegExp, fields: string[]): RequestHandler {
    return rewriteRequest({ method: "POST", path }, (body) => {
        const filter = body.filter as Record<string, unknown> | undefined;
        // Stryker disable next-line ConditionalExpression: a text or number filter has no such field to delete
        if (filter && typeof filter === "object") for (const f of fields) delete filter[f];
        const page = body.page as { top?: number } | undefined;
        if (page && typeof page === "object") page.top = Math.min(Number(page.top ?? 25), 25);
        if (typeof body.top === "number") body.top = Math.min(body.top, 25);
    });
}

/** A permission's key in this other world: its console label as an upper-case constant. */
export const permissionKey = (label: string): string =>
    label
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, "_")
        .replace(/^_|_$/g, "");
const IS_KEY = /^[A-Z0-9_.]+$/;

function refusePermissionNames(m: RouteMatch): RequestHandler {
    return rewriteRequest(m, (body, _req, res) => {
        if (!Array.isArray(body.permissions)) return;
        const names = body.permissions.map((p) =>
            typeof p === "string" ? p : String((p as { permission?: unknown })?.permission),
        );
        const unknown = names.filter((n) => !IS_KEY.test(n));
        if (!unknown.length) return;
        userHubError(res, 400, "INVALID_PERMISSION", `Unknown permission ${unknown.join(", ")}`, [
            { field: "permissions", code: "INVALID", message: `unknown: ${unknown.join(", ")}` },
        ]);
        return "answered";
    });
}

function roleMustBeId(ctx: SandboxContext, method: string): RequestHandler {
    return rewriteRequest({ method, path: USERS }, (body, _req, res) => {
        if (body.role === undefined) return;
        if (typeof body.role === "string" && Object.hasOwn(ctx.state.cxone.roles, body.role))
            return;
        userHubError(res, 400, "VALIDATION_FAILED", "role: must be the id of an active role", [
            { field: "role", code: "INVALID", message: "role must be a role id" },
        ]);
        return "answered";
    });
}

function namesAtMost(max: number, method: string): RequestHandler {
    return rewriteRequest({ method, path: USERS }, (body, _req, res) => {
        for (const f of ["firstName", "lastName"]) {
            const v = body[f];
            if (typeof v === "string" && v.length > max) {
                userHubError(
                    res,
                    400,
                    "VALIDATION_FAILED",
                    `${f} is too long (at most ${max} characters)`,
                    [{ field: f, code: "TOO_LONG", message: `at most ${max} characters` }],
                );
                return "answered";
            }
        }
    });
}

/** A SCIM user write whose `check` finds a problem: CXone's SCIM 400 (invalidValue). */
function scimRefuses(
    check: (body: Record<string, unknown>) => string | undefined,
): RequestHandler[] {
    return ["POST", "PUT", "PATCH"].map((method) =>
        rewriteRequest({ method, path: SCIM_USERS }, (body, _req, res) => {
            // PATCH: the values of its operations; POST/PUT: the user itself
            const values = Array.isArray(body.Operations)
                ? (body.Operations as { path?: string; value?: unknown }[]).map((o) =>
                      o.path ? { [o.path]: o.value } : (o.value as Record<string, unknown>),
                  )
                : [body];
            for (const v of values) {
                // Stryker disable next-line ConditionalExpression: no check finds a problem in a text or a number
                const problem = v && typeof v === "object" ? check(v) : undefined;
                if (problem) {
                    scimError(res, 400, problem, "invalidValue");
                    return "answered";
                }
            }
        }),
    );
}

/** A SCIM schema as the phone types are found in it. */
interface SchemaDocument {
    attributes?: {
        name?: string;
        subAttributes?: { name?: string; canonicalValues?: string[] }[];
    }[];
}

const NICE_EXT = "urn:ietf:params:scim:schemas:extension:nice:2.0:User";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const issuedKeyTokens = new WeakMap<SandboxContext, Set<string>>();

/** Access-key tokens issued by this sandbox (the SCIM server of one world refuses them). */
function keyTokens(ctx: SandboxContext): { remember: RequestHandler; refuse: RequestHandler } {
    let issued = issuedKeyTokens.get(ctx);
    if (!issued) issuedKeyTokens.set(ctx, (issued = new Set<string>()));
    return {
        remember: rewriteAnswer({ method: "POST", path: KEY_TOKEN }, (body) => {
            // Stryker disable next-line OptionalChaining: the token route answers a JSON object
            const t = (body as Record<string, unknown> | undefined)?.access_token;
            // Stryker disable next-line ConditionalExpression: an error answer adds undefined, which no bearer token matches
            if (typeof t === "string") issued!.add(t);
            return body;
        }),
        refuse: (req: Request, res: Response, next) => {
            if (!req.path.startsWith("/scim/")) return next();
            // no header at all is "undefined": no bearer token either
            const m = /^Bearer\s+(\S+)/i.exec(String(req.get("authorization")));
            if (m && issued!.has(m[1]))
                return scimError(res, 401, "access-key tokens are not accepted here");
            next();
        },
    };
}

/** A deactivation that would change nothing refused as a conflict (409), nothing changed. */
function refuseRepeatedDeactivation(env: VariantEnv): RequestHandler[] {
    const cx = () => env.ctx.state.cxone;
    return [
        rewriteRequest({ method: "POST", path: USERS_DEACTIVATE }, (body, _req, res) => {
            // Stryker disable next-line ArrayDeclaration: the text is no employee's id
            const ids = Array.isArray(body.userIds) ? (body.userIds as unknown[]) : [];
            const already = ids.filter(
                (id): id is string =>
                    typeof id === "string" &&
                    Object.hasOwn(cx().users, id) &&
                    isDeactivated(cx().users[id]),
            );
            if (!already.length) return;
            userHubError(
                res,
                409,
                "USER_ALREADY_INACTIVE",
                `Users already deactivated: ${already.join(", ")}`,
            );
            return "answered";
        }),
        rewriteRequest({ method: "PUT", path: ROLE_UPDATE }, (body, req, res) => {
            const id = decodeURIComponent(req.path.replace(/\/$/, "").split("/").pop()!);
            const role = Object.hasOwn(cx().roles, id) ? cx().roles[id] : undefined;
            if (body.status !== "INACTIVE" || role?.status !== "INACTIVE") return;
            userHubError(res, 409, "ROLE_ALREADY_INACTIVE", `Role ${id} is already inactive`);
            return "answered";
        }),
    ];
}

export const CXONE_VARIANTS: readonly SandboxVariant[] = [
    {
        name: "role-create-absent",
        fact: "role-create-route",
        world: "POST /authorization/roleByPermissions is not a public route: every CXone host answers 404",
        cxone: { before: everyHost(noSuchRoute("POST", ROLE_CREATE)) },
    },
    {
        name: "role-update-absent",
        fact: "role-update-route",
        world: "PUT /authorization/v1/roles/{roleId} is not a public route: roles are changed only in the console (404)",
        cxone: { before: everyHost(noSuchRoute("PUT", ROLE_UPDATE)) },
    },
    {
        name: "deactivate-repeated-refused",
        fact: "deactivate-repeated",
        world: "a deactivation that changes nothing (an employee already deactivated, a role already inactive) is refused with 409",
        cxone: { before: (_host, env) => refuseRepeatedDeactivation(env) },
    },
    {
        name: "permission-names-refused",
        fact: "permission-keys",
        world: "permissions are keys such as EMPLOYEES_CREATE_AND_EDIT: the console's labels are answered 400 INVALID_PERMISSION",
        cxone: {
            before: everyHost(
                refusePermissionNames({ method: "POST", path: ROLE_CREATE }),
                refusePermissionNames({ method: "PUT", path: ROLE_UPDATE }),
                // roles answer their permissions by key too
                rewriteAnswer({ method: "POST", path: ROLE_SEARCH }, (body) => {
                    // Stryker disable next-line OptionalChaining: the search answers a JSON object
                    for (const r of (body as { roles?: { permissions?: unknown[] }[] })?.roles ??
                        [])
                        // Stryker disable next-line ArrayDeclaration: every role is answered with its permissions
                        r.permissions = (r.permissions ?? []).map((p) => {
                            const name =
                                // Stryker disable next-line ConditionalExpression,StringLiteral: the search answers each permission as {permission}
                                typeof p === "string"
                                    ? p
                                    : String((p as { permission?: unknown }).permission);
                            return { permission: IS_KEY.test(name) ? name : permissionKey(name) };
                        });
                    return body;
                }),
            ),
        },
    },
    {
        name: "role-search-filter-ignored",
        fact: "role-search-filter",
        world: "the role search ignores filter.displayName and answers every role, 25 per page; the tenant has 40 more roles",
        cxone: { before: everyHost(filterIgnored(ROLE_SEARCH, ["displayName", "roleName"])) },
        setUp: ({ ctx }) => {
            const roles = ctx.state.cxone.roles;
            for (let i = 1; i <= 40; i++) {
                const roleId = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
                if (roles[roleId]) continue;
                const name = `Team Role ${String(i).padStart(2, "0")}`;
                const now = new Date().toISOString();
                roles[roleId] = {
                    roleId,
                    roleName: name,
                    displayName: name,
                    description: "",
                    status: "ACTIVE",
                    permissions: [{ permission: "Employees: View" }],
                    modifiable: 1,
                    createdDate: now,
                    lastUpdateDate: now,
                };
            }
        },
    },
    {
        name: "user-search-filter-ignored",
        fact: "user-search-filter",
        world: "the employee search ignores the email filter and answers every employee, 25 per page",
        cxone: {
            before: everyHost(
                filterIgnored(USER_SEARCH, ["emailAddress", "emailAddresses", "emails"]),
            ),
        },
    },
    {
        name: "employee-role-takes-id",
        fact: "employee-role-field",
        world: "UserHub's role field takes the role's id: a role name is answered 400 VALIDATION_FAILED",
        cxone: {
            before: (_host, env) => [
                roleMustBeId(env.ctx, "POST"),
                roleMustBeId(env.ctx, "PUT"),
                // and it answers the role by id too
                ...userAnswers((u) => {
                    // Stryker disable next-line ConditionalExpression: every employee has a roleUUID
                    if (typeof u.roleUUID === "string") u.role = u.roleUUID;
                }),
            ],
        },
    },
    {
        name: "billable-ignored",
        fact: "billable-attribute",
        world: "UserHub has no billable field: it drops it on writes and never answers it",
        cxone: {
            before: everyHost(
                rewriteRequest({ method: "POST", path: USERS }, (b) => void delete b.billable),
                rewriteRequest({ method: "PUT", path: USERS }, (b) => void delete b.billable),
                ...userAnswers((u) => void delete u.billable),
            ),
        },
    },
    {
        name: "billable-as-string",
        fact: "billable-string",
        world: 'UserHub answers billable as the text "true" or "false"',
        cxone: {
            before: everyHost(
                ...userAnswers((u) => {
                    // Stryker disable next-line ConditionalExpression: every employee is answered with billable, a boolean
                    if (typeof u.billable === "boolean") u.billable = String(u.billable);
                }),
            ),
        },
    },
    {
        name: "login-authenticator-search-absent",
        fact: "login-authenticator-search",
        world: "POST /authorization/v1/login-authenticator/search is not a public route (404)",
        cxone: {
            before: everyHost(
                noSuchRoute("POST", /^\/authorization\/v1\/login-authenticator\/search\/?$/i),
            ),
        },
    },
    {
        name: "key-without-created-date",
        fact: "key-created-date",
        world: "access keys are answered without createdDate",
        cxone: {
            before: everyHost(
                ...["GET", "POST"].map((method) =>
                    rewriteAnswer({ method, path: KEYS }, (body) => {
                        const strip = (k: unknown) => {
                            // Stryker disable next-line ConditionalExpression,LogicalOperator: a key answer's fields are objects or absent
                            if (k && typeof k === "object")
                                delete (k as Record<string, unknown>).createdDate;
                        };
                        const b = body as Record<string, unknown> | undefined;
                        // Stryker disable next-line OptionalChaining: the key routes answer JSON objects
                        strip(b?.resultSet);
                        // Stryker disable next-line OptionalChaining,CallExpression: the key routes answer JSON objects; none answers accessKey here (another tenant might)
                        strip(b?.accessKey);
                        // Stryker disable next-line OptionalChaining: the key routes answer JSON objects
                        if (Array.isArray(b?.accessKeys)) b.accessKeys.forEach(strip);
                        return body;
                    }),
                ),
            ),
        },
    },
    {
        name: "overload-as-500",
        fact: "cxone-throttling",
        world: "CXone answers a moment of overload with HTTP 500 (not 429 or 503): the first UserHub call after start",
        cxone: {
            before: (host) => {
                if (host !== "userHub") return [];
                let left = 1;
                return [
                    (req, res, next) => {
                        if (left <= 0) return next();
                        left--;
                        userHubError(res, 500, "INTERNAL_ERROR", "Internal error");
                    },
                ];
            },
        },
    },
    {
        name: "employee-name-limit-30",
        fact: "employee-name-length",
        world: "UserHub refuses first and last names over 30 characters (400)",
        cxone: { before: everyHost(namesAtMost(30, "POST"), namesAtMost(30, "PUT")) },
    },
    {
        name: "employee-notes-field",
        fact: "employee-no-free-text",
        world: "UserHub employees carry a free-text notes field",
        cxone: {
            before: everyHost(
                ...userAnswers((u) => {
                    u.notes ??= "";
                }),
            ),
        },
    },
    {
        name: "userhub-on-api-endpoint",
        fact: "userhub-host",
        world: "UserHub, roles and access keys answer under discovery's api_endpoint only; api-{area}.{domain} answers 404",
        cxone: {
            before: (host, env) => {
                if (host === "userHub")
                    return [(req, res) => gatewayError(req, res, 404, `No endpoint ${req.path}`)];
                if (host !== "acd") return [];
                const r = express.Router();
                r.use(
                    "/inContactAPI",
                    requireBearer(env.ctx),
                    userRoutes(env.ctx),
                    roleRoutes(env.ctx),
                    accessKeyRoutes(env.ctx),
                );
                return [r];
            },
        },
    },
    {
        name: "discovery-without-acd",
        fact: "discovery-hosts",
        world: "discovery names no acdDomain and no cluster (fields the stack does not use)",
        cxone: {
            before: everyHost(
                rewriteAnswer({ method: "GET", path: DISCOVERY }, (body) => {
                    const b = { ...(body as Record<string, unknown>) };
                    delete b.acdDomain;
                    delete b.cluster;
                    return b;
                }),
            ),
        },
    },
    {
        name: "discovery-absent",
        fact: "region-issuers",
        world: "the issuer serves no cxone-configuration for the tenant (404), as a wrong issuer would",
        cxone: { before: everyHost(noSuchRoute("GET", DISCOVERY)) },
    },
    {
        name: "area-host-elsewhere",
        fact: "region-area-hosts",
        world: "the area host of the region table does not sign in access keys (404); discovery's {area}.{uhDomain} does",
        cxone: {
            // the sandbox region's table area host is the issuer's address
            before: (host) => (host === "issuer" ? [noSuchRoute("POST", KEY_TOKEN)] : []),
        },
    },
    {
        name: "login-page-elsewhere",
        fact: "cxone-login-url",
        world: "the CXone sign-in page is not at {issuer}/login (404)",
        cxone: {
            before: (host) => (host === "issuer" ? [noSuchRoute("GET", /^\/login\/?$/)] : []),
        },
    },
    {
        name: "token-sub-bare-id",
        fact: "token-user-id",
        world: "tokens carry no userId claim, and sub is the bare user id (no 5-character prefix)",
        cxone: everyTokenClaims(bareSub),
    },
    {
        name: "token-camel-case",
        fact: "token-casing",
        world: "the access-key token route answers in camelCase only (accessToken, refreshToken, accessTokenExpiry, idToken)",
        cxone: {
            before: everyHost(
                rewriteAnswer({ method: "POST", path: KEY_TOKEN }, (body) => {
                    const b = body as Record<string, unknown> | undefined;
                    if (!b || typeof b.access_token !== "string") return body;
                    return {
                        accessToken: b.access_token,
                        refreshToken: b.refresh_token,
                        accessTokenExpiry: b.expires_in,
                        idToken: b.id_token,
                        tokenType: b.token_type,
                    };
                }),
            ),
        },
    },
    {
        name: "token-without-tenant",
        fact: "token-tenant-claim",
        world: "CXone's tokens carry no tenant id claim (tenantId, tenant_id or tenant)",
        cxone: everyTokenClaims(noTenant),
    },
    {
        name: "scim-refuses-key-token",
        fact: "scim-accepts-key-token",
        world: "CXone's SCIM server accepts only tokens from /auth/token: an access-key token gets 401",
        cxone: {
            before: (_host, env) => {
                const t = keyTokens(env.ctx);
                return [t.remember, t.refuse];
            },
        },
    },
    {
        name: "scim-phone-types-capitalised",
        fact: "phone-types",
        world: 'CXone\'s SCIM server takes phone types "Work" and "Mobile" only (its schema lists them): "work" or "mobile" are answered 400',
        cxone: {
            before: everyHost(
                rewriteAnswer({ method: "GET", path: /^\/scim\/v2\/Schemas/ }, (body) => {
                    const b = body as { Resources?: unknown[]; attributes?: unknown[] };
                    for (const d of b.Resources ?? [b]) {
                        // Stryker disable next-line ArrayDeclaration: a text in the list has no name: nothing found either
                        const attrs = (d as SchemaDocument).attributes ?? [];
                        // Stryker disable next-line OptionalChaining: CXone's phoneNumbers has its subAttributes
                        const type = attrs
                            .find((a) => a.name === "phoneNumbers")
                            ?.subAttributes?.find((a) => a.name === "type");
                        if (type) type.canonicalValues = ["Work", "Mobile"];
                    }
                    return body;
                }),
                ...scimRefuses((v) => {
                    const phones = v.phoneNumbers;
                    if (!Array.isArray(phones)) return undefined;
                    const bad = phones.find(
                        (p) => !["Work", "Mobile"].includes(String((p as { type?: unknown }).type)),
                    );
                    return bad
                        ? `phoneNumbers.type "${String((bad as { type?: unknown }).type)}" is not one of Work, Mobile`
                        : undefined;
                }),
            ),
        },
    },
    {
        name: "scim-timezone-windows-names",
        fact: "timezone-format",
        world: 'CXone\'s SCIM server takes Windows time zone names ("Eastern Standard Time"): IANA names are answered 400',
        cxone: {
            before: everyHost(
                ...scimRefuses((v) =>
                    typeof v.timezone === "string" && v.timezone.includes("/")
                        ? `timezone "${v.timezone}" is not a Windows time zone name`
                        : undefined,
                ),
            ),
        },
    },
    {
        name: "scim-team-by-id",
        fact: "team-name-or-id",
        world: "CXone's SCIM server takes the NICE extension's team as a team id: a team name is answered 400",
        cxone: {
            before: everyHost(
                ...scimRefuses((v) => {
                    const ext = v[NICE_EXT] as Record<string, unknown> | undefined;
                    const team = ext?.team ?? v[`${NICE_EXT}:team`];
                    return typeof team === "string" && !UUID.test(team)
                        ? `team "${team}" is not a team id`
                        : undefined;
                }),
            ),
        },
    },
    {
        name: "scim-email-untyped",
        fact: "email-type-work",
        world: "CXone's SCIM server keeps the primary email without a type, and answers emails without one",
        cxone: {
            before: everyHost(
                ...["GET", "POST", "PUT", "PATCH"].map((method) =>
                    rewriteAnswer({ method, path: SCIM_USERS }, (body) => {
                        const strip = (u: unknown) => {
                            // Stryker disable next-line OptionalChaining: SCIM answers JSON objects
                            const emails = (u as { emails?: unknown })?.emails;
                            if (Array.isArray(emails))
                                for (const e of emails) delete (e as { type?: unknown }).type;
                        };
                        const b = body as { Resources?: unknown[] } | undefined;
                        // Stryker disable next-line OptionalChaining: SCIM answers JSON objects
                        if (Array.isArray(b?.Resources)) b.Resources.forEach(strip);
                        else strip(b);
                        return body;
                    }),
                ),
            ),
        },
    },
    {
        name: "opaque-access-tokens",
        fact: "access-token-jwt",
        world: "access tokens are opaque strings, not JWTs: the tenant and user are only in the id_token's claims",
        cxone: { options: { accessTokenKind: "opaque" } },
    },
];
