// SCIM 2.0 server for Okta [spec unless marked]: /scim/v2/Users and /scim/v2/Schemas, over the
// same employee store as UserHub. Filters are parsed by scim2-parse-filter and PATCH bodies
// applied by scim-patch (RFC 7644), so the protocol details are not hand-rolled.
import express from "express";
import { filter as scimFilter, parse as parseFilter, type Filter } from "scim2-parse-filter";
import {
    patchBodyValidation,
    scimPatch,
    type ScimPatch,
    type ScimPatchOperation,
    type ScimResource,
} from "scim-patch";
import type { SandboxContext } from "../core/context";
import {
    deactivate,
    defaultAuthenticatorId,
    isDeactivated,
    revive,
    userNameTaken,
} from "./employees";
import { scimError } from "./errors";
import { newUuid, own } from "./ids";
import { applyScim, fromScim, LIST_RESPONSE, toScim, type ScimFields } from "./scimMapping";
import { scimSchemas } from "./scimSchemas";
import { AGENT_ROLE_NAME, type CxoneUser } from "./state";

const CASE_INSENSITIVE = new Set([
    "username",
    "emails",
    "emails.value",
    "name.givenname",
    "name.familyname",
    "displayname",
]);

/**
 * RFC 7643: userName and emails are caseExact=false, so compare them lower-cased. `within` is the
 * complex attribute a value filter sits in (`emails[value eq "x"]` compares emails.value).
 */
function lowerCaseCompare(f: Filter, within = ""): Filter {
    const x = f as unknown as Record<string, unknown>;
    if (x.op === "and" || x.op === "or")
        return {
            ...x,
            filters: (x.filters as Filter[]).map((g) => lowerCaseCompare(g, within)),
        } as unknown as Filter;
    if (x.op === "not")
        return { ...x, filter: lowerCaseCompare(x.filter as Filter, within) } as unknown as Filter;
    if (x.op === "[]")
        return {
            ...x,
            valFilter: lowerCaseCompare(x.valFilter as Filter, `${String(x.attrPath)}.`),
        } as unknown as Filter;
    const path = `${within}${String(x.attrPath)}`.toLowerCase();
    if (typeof x.compValue === "string" && CASE_INSENSITIVE.has(path))
        return { ...x, compValue: x.compValue.toLowerCase() } as unknown as Filter;
    return f;
}

function lowered(u: ReturnType<typeof toScim>) {
    return {
        ...u,
        userName: u.userName.toLowerCase(),
        emails: u.emails.map((e) => ({ ...e, value: e.value.toLowerCase() })),
    };
}

/** SCIM routes; `baseUrl` is the host serving them (resource locations point there). */
export function scimRoutes(
    ctx: SandboxContext,
    baseUrl: () => string = () => ctx.urls.cxone,
): express.Router {
    const r = express.Router();
    r.use(
        express.json({ type: ["application/json", "application/scim+json", "application/*+json"] }),
    );
    const s = () => ctx.state.cxone;
    const base = baseUrl;
    const send = (res: express.Response, status: number, body: unknown) =>
        res.status(status).type("application/scim+json").send(JSON.stringify(body));

    /** Sets active/inactive from SCIM `active` [guess, very likely]. */
    const setActive = (u: CxoneUser, active: boolean) => {
        if (active) revive(u);
        else deactivate(u);
    };

    const replace = (res: express.Response, u: CxoneUser, body: unknown) => {
        const f = fromScim(s(), body);
        if (typeof f === "string") return scimError(res, 400, f, "invalidValue");
        if (userNameTaken(s(), f.userName, u.id))
            return scimError(res, 409, `userName ${f.userName} already exists`, "uniqueness");
        applyScim(u, f);
        if (isDeactivated(u) !== !f.active) setActive(u, f.active);
        ctx.save();
        send(res, 200, toScim(u, base()));
    };

    r.get("/scim/v2/Users", (req, res) => {
        let users = Object.values(s().users)
            .sort((a, b) => a.createdDate.localeCompare(b.createdDate) || a.id.localeCompare(b.id))
            .map((u) => toScim(u, base()));
        const q = req.query.filter;
        if (q !== undefined) {
            if (typeof q !== "string")
                return scimError(res, 400, "filter must be a single string", "invalidFilter");
            let test: (r: unknown) => boolean;
            try {
                test = scimFilter(lowerCaseCompare(parseFilter(q)));
            } catch (e) {
                return scimError(
                    res,
                    400,
                    `Invalid filter: ${(e as Error).message}`,
                    "invalidFilter",
                );
            }
            users = users.filter((u) => test(lowered(u)));
        }
        const total = users.length;
        const startIndex = Math.max(1, parseInt(String(req.query.startIndex ?? "1"), 10) || 1);
        const count =
            req.query.count !== undefined
                ? Math.max(0, parseInt(String(req.query.count), 10) || 0)
                : 100;
        const page = users.slice(startIndex - 1, startIndex - 1 + count);
        send(res, 200, {
            schemas: [LIST_RESPONSE],
            totalResults: total,
            startIndex,
            itemsPerPage: page.length,
            Resources: page,
        });
    });

    r.post("/scim/v2/Users", (req, res) => {
        const f = fromScim(s(), req.body);
        if (typeof f === "string") return scimError(res, 400, f, "invalidValue");
        if (userNameTaken(s(), f.userName))
            return scimError(res, 409, `userName ${f.userName} already exists`, "uniqueness");
        // [doc] new users get the Agent role; without an active Agent role creation fails
        const agent = Object.values(s().roles).find(
            (x) => x.roleName.toLowerCase() === AGENT_ROLE_NAME.toLowerCase(),
        );
        if (!agent || agent.status !== "ACTIVE")
            return scimError(
                res,
                400,
                `Default role ${AGENT_ROLE_NAME} is not active; the user cannot be created`,
                "invalidValue",
            );
        const u = newScimEmployee(f, agent.roleId, agent.roleName, defaultAuthenticatorId(s()));
        s().users[u.id] = u;
        ctx.save();
        res.location(`${base()}/scim/v2/Users/${u.id}`);
        send(res, 201, toScim(u, base()));
    });

    r.get("/scim/v2/Users/:id", (req, res) => {
        const u = own(s().users, req.params.id);
        if (!u) return scimError(res, 404, `User ${req.params.id} not found`);
        send(res, 200, toScim(u, base()));
    });

    r.put("/scim/v2/Users/:id", (req, res) => {
        const u = own(s().users, req.params.id);
        if (!u) return scimError(res, 404, `User ${req.params.id} not found`);
        replace(res, u, req.body);
    });

    r.patch("/scim/v2/Users/:id", (req, res) => {
        const u = own(s().users, req.params.id);
        if (!u) return scimError(res, 404, `User ${req.params.id} not found`);
        const body = (req.body ?? {}) as ScimPatch;
        // Okta has sent capitalised ops ("Replace"); RFC 7644 ops are case-insensitive
        const ops = Array.isArray(body.Operations)
            ? (body.Operations.map((o) => ({
                  ...o,
                  op: String((o as { op?: unknown }).op ?? "").toLowerCase(),
              })) as ScimPatchOperation[])
            : body.Operations;
        let patched: unknown;
        try {
            patchBodyValidation({ ...body, Operations: ops } as ScimPatch);
            patched = scimPatch(toScim(u, base()) as unknown as ScimResource, ops, {
                mutateDocument: false,
            });
        } catch (e) {
            const scimType = (e as { scimCode?: string }).scimCode ?? "invalidSyntax";
            return scimError(res, 400, `Invalid PATCH: ${(e as Error).message}`, scimType);
        }
        replace(res, u, patched);
    });

    r.get("/scim/v2/Schemas", (_req, res) => {
        const schemas = scimSchemas(base());
        send(res, 200, {
            schemas: [LIST_RESPONSE],
            totalResults: schemas.length,
            startIndex: 1,
            itemsPerPage: schemas.length,
            Resources: schemas,
        });
    });
    r.get("/scim/v2/Schemas/:id", (req, res) => {
        const found = scimSchemas(base()).find((x) => x.id === req.params.id);
        if (!found) return scimError(res, 404, `Schema ${req.params.id} not found`);
        send(res, 200, found);
    });
    return r;
}

function newScimEmployee(
    f: ScimFields,
    roleId: string,
    roleName: string,
    authenticatorId: string,
): CxoneUser {
    const now = new Date().toISOString();
    const u: CxoneUser = {
        id: newUuid(),
        userName: f.userName,
        firstName: f.firstName,
        lastName: f.lastName,
        emailAddress: f.emailAddress,
        role: roleName,
        roleUUID: roleId,
        secondaryRoleIds: [],
        // provisioned by the IdP, so it signs in through the IdP: active at once [guess]
        status: "ACTIVE",
        billable: true,
        teamId: null,
        timeZone: null,
        loginAuthenticatorId: authenticatorId,
        createdDate: now,
        modifiedDate: now,
    };
    applyScim(u, f);
    if (!f.active) deactivate(u);
    return u;
}
