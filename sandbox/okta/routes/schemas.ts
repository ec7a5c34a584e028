// App user schema API [spec: okta-management-openapi-spec SchemaApi]:
//   GET  /meta/schemas/apps/{appId}/default    the schema (base + custom definitions)
//   POST /meta/schemas/apps/{appId}/default    partial update of definitions.custom.properties;
//        a property sent as null is removed (and so are the mappings that target it).
import { Router } from "express";
import type { SandboxContext } from "../../core/context";
import { appProfile, baseProperties, schemaView, type SchemaProperty } from "../appProfile";
import { notFound, validation } from "../errors";
import { nowIso } from "../lookup";
import type { Hooks } from "../hooks";

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
const TYPES = new Set(["string", "boolean", "number", "integer", "array"]);
const ACTIONS = new Set(["READ_ONLY", "READ_WRITE", "HIDE"]);
const UNIQUE = new Set([true, false, null, "UNIQUE_VALIDATED", "NOT_UNIQUE"]);

/**
 * `permissions`, `unique`, `minLength`, `maxLength` as sent, or the causes they are refused for
 * [doc: schema API: permissions READ_ONLY / READ_WRITE / HIDE for principal SELF; unique (the
 * SDK's model: a boolean; Okta's examples: UNIQUE_VALIDATED / NOT_UNIQUE); lengths of a string].
 */
function constraints(name: string, p: Record<string, unknown>) {
    const causes: string[] = [];
    const kept: Partial<SchemaProperty> = {};
    if (p.permissions !== undefined) {
        const list = p.permissions;
        const ok =
            Array.isArray(list) &&
            list.every(
                (x) =>
                    x &&
                    typeof x === "object" &&
                    typeof (x as Record<string, unknown>).principal === "string" &&
                    ACTIONS.has((x as Record<string, unknown>).action as string),
            );
        if (ok)
            kept.permissions = (list as { principal: string; action: string }[]).map((x) => ({
                principal: x.principal,
                action: x.action,
            }));
        else
            causes.push(
                `${name}: permissions: each needs a principal and an action of READ_ONLY, READ_WRITE or HIDE`,
            );
    }
    if (p.unique !== undefined) {
        if (UNIQUE.has(p.unique as string)) kept.unique = p.unique as SchemaProperty["unique"];
        else causes.push(`${name}: unique: must be UNIQUE_VALIDATED or NOT_UNIQUE`);
    }
    for (const k of ["minLength", "maxLength"] as const) {
        const v = p[k];
        if (v === undefined) continue;
        if (v === null || (Number.isInteger(v) && (v as number) >= 0)) kept[k] = v as number | null;
        else causes.push(`${name}: ${k}: must be a whole number of 0 or more`);
    }
    if (typeof kept.minLength === "number" && typeof kept.maxLength === "number")
        if (kept.minLength > kept.maxLength)
            causes.push(`${name}: minLength: cannot be greater than maxLength`);
    return { causes, kept };
}

/** The property as Okta stores it, or the causes it is refused for. [guess: cause texts] */
function parseProperty(
    name: string,
    raw: unknown,
    base: Record<string, SchemaProperty>,
): SchemaProperty | string[] {
    const causes: string[] = [];
    if (!NAME.test(name)) causes.push(`${name}: Variable name is not valid`);
    if (Object.hasOwn(base, name))
        causes.push(`${name}: A base property with this name already exists`);
    if (!raw || typeof raw !== "object" || Array.isArray(raw))
        return [...causes, `${name}: The property must be an object`];
    const p = raw as Record<string, unknown>;
    if (typeof p.title !== "string" || !p.title.trim())
        causes.push(`${name}: title: The field cannot be left blank`);
    if (typeof p.type !== "string" || !TYPES.has(p.type))
        causes.push(`${name}: type: Invalid value for type`);
    for (const k of ["externalName", "externalNamespace", "description"] as const) {
        if (p[k] !== undefined && typeof p[k] !== "string")
            causes.push(`${name}: ${k}: must be a string`);
    }
    if (p.scope !== undefined && p.scope !== "NONE" && p.scope !== "SELF")
        causes.push(`${name}: scope: must be NONE or SELF`);
    const { causes: bad, kept } = constraints(name, p);
    causes.push(...bad);
    if (causes.length) return causes;
    return {
        title: p.title as string,
        type: p.type as string,
        ...(typeof p.description === "string" ? { description: p.description } : {}),
        ...(typeof p.externalName === "string" ? { externalName: p.externalName } : {}),
        ...(typeof p.externalNamespace === "string"
            ? { externalNamespace: p.externalNamespace }
            : {}),
        scope: (p.scope as SchemaProperty["scope"]) ?? "NONE",
        master: { type: "PROFILE_MASTER" },
        mutability: "READ_WRITE",
        required: false,
        permissions: [{ principal: "SELF", action: "READ_WRITE" }],
        ...kept,
    };
}

export function schemasRouter(ctx: SandboxContext, _hooks: Hooks): Router {
    const r = Router();
    const apps = () => ctx.state.okta.apps;
    const base = () => ctx.urls.okta;

    r.get("/meta/schemas/apps/:appId/default", (req, res) => {
        const app = apps()[req.params.appId];
        if (!app) return notFound(res, `${req.params.appId} (App)`);
        const view = schemaView(base(), app);
        ctx.save();
        res.json(view);
    });

    r.post("/meta/schemas/apps/:appId/default", (req, res) => {
        const app = apps()[req.params.appId];
        if (!app) return notFound(res, `${req.params.appId} (App)`);
        const defs =
            ((req.body ?? {}) as { definitions?: Record<string, unknown> }).definitions ?? {};
        if (defs.base !== undefined)
            return validation(res, "definitions.base", [
                "definitions.base: Base properties of this app cannot be changed",
            ]);
        const custom = (defs.custom ?? {}) as { properties?: Record<string, unknown> };
        const incoming = custom.properties ?? {};
        if (typeof incoming !== "object" || Array.isArray(incoming))
            return validation(res, "properties", ["properties: must be an object"]);
        const causes: string[] = [];
        const changes: Record<string, SchemaProperty | null> = {};
        for (const [name, raw] of Object.entries(incoming)) {
            if (raw === null) {
                changes[name] = null;
                continue;
            }
            const parsed = parseProperty(name, raw, baseProperties(appProfile(app)));
            if (Array.isArray(parsed)) causes.push(...parsed);
            else changes[name] = parsed;
        }
        if (causes.length)
            return validation(
                res,
                [...new Set(causes.map((c) => c.split(":")[0]))].join(", "),
                causes,
            );
        const p = appProfile(app);
        for (const [name, prop] of Object.entries(changes)) {
            if (prop) p.custom[name] = prop;
            else if (Object.hasOwn(p.custom, name)) {
                delete p.custom[name];
                delete p.mapping[name]; // a mapping cannot outlive its target property
            }
        }
        p.schemaLastUpdated = nowIso();
        // Like Okta, a schema or mapping change pushes nothing by itself: users get it on their
        // next push (a profile change, or a sync). [guess: Okta's "apply updates" is console-only]
        ctx.save();
        res.json(schemaView(base(), app));
    });
    return r;
}
