// Profile mappings API [spec: okta-management-openapi-spec ProfileMappingApi], Okta user -> app
// user mappings only (the app -> Okta direction used by imports is not emulated):
//   GET  /mappings?sourceId=&targetId=&limit=&after=   summaries (no properties), Link self/next
//   GET  /mappings/{id}                                the mapping with its properties
//   POST /mappings/{id}  {properties}                  partial update; null removes a mapping
import { Router } from "express";
import type { SandboxContext } from "../../core/context";
import {
    allProperties,
    appProfile,
    DEFAULT_USER_TYPE_ID,
    mappingSummaryView,
    mappingView,
    type MappingProperty,
} from "../appProfile";
import { notFound, validation } from "../errors";
import { compileExpression } from "../expressions";
import { limitOf, setLinks } from "../paging";
import type { OktaApp } from "../state";
import type { Hooks } from "../hooks";

export function mappingsRouter(ctx: SandboxContext, _hooks: Hooks): Router {
    const r = Router();
    const base = () => ctx.urls.okta;
    /** Every app has its mapping, in a stable order (by mapping id, Okta's cursor). */
    const all = (): OktaApp[] =>
        Object.values(ctx.state.okta.apps).sort((a, b) =>
            appProfile(a).mappingId < appProfile(b).mappingId ? -1 : 1,
        );
    const byId = (id: string) => all().find((a) => appProfile(a).mappingId === id);

    r.get("/mappings", (req, res) => {
        const q = (k: string) =>
            typeof req.query[k] === "string" ? (req.query[k] as string) : undefined;
        let list = all();
        const sourceId = q("sourceId");
        const targetId = q("targetId");
        if (sourceId) list = list.filter(() => sourceId === DEFAULT_USER_TYPE_ID);
        if (targetId) list = list.filter((a) => a.id === targetId);
        const after = q("after");
        if (after) list = list.filter((a) => appProfile(a).mappingId > after);
        const limit = limitOf(req.query.limit, 20, 200);
        const page = list.slice(0, limit);
        const url = (extra: Record<string, string>) =>
            `<${base()}/api/v1/mappings?${new URLSearchParams({
                ...(sourceId ? { sourceId } : {}),
                ...(targetId ? { targetId } : {}),
                limit: String(limit),
                ...extra,
            })}>`;
        setLinks(
            res,
            url(after ? { after } : {}),
            list.length > limit
                ? url({ after: appProfile(page[page.length - 1]).mappingId })
                : undefined,
        );
        ctx.save();
        res.json(page.map((a) => mappingSummaryView(base(), a)));
    });

    r.get("/mappings/:id", (req, res) => {
        const app = byId(req.params.id);
        if (!app) return notFound(res, `${req.params.id} (Mapping)`);
        res.json(mappingView(base(), app));
    });

    r.post("/mappings/:id", (req, res) => {
        const app = byId(req.params.id);
        if (!app) return notFound(res, `${req.params.id} (Mapping)`);
        const incoming = ((req.body ?? {}) as { properties?: unknown }).properties;
        if (!incoming || typeof incoming !== "object" || Array.isArray(incoming)) {
            return validation(res, "properties", ["properties: The field cannot be left blank"]);
        }
        const p = appProfile(app);
        const targets = allProperties(p);
        const causes: string[] = [];
        const changes: Record<string, MappingProperty | null> = {};
        for (const [prop, raw] of Object.entries(incoming as Record<string, unknown>)) {
            if (raw === null) {
                changes[prop] = null;
                continue;
            }
            // [guess: cause texts] Okta refuses unknown targets and expressions it cannot parse.
            if (!Object.hasOwn(targets, prop) || prop === "userName") {
                causes.push(`${prop}: Property does not exist in the target schema`);
                continue;
            }
            const m = raw as { expression?: unknown; pushStatus?: unknown };
            if (typeof m.expression !== "string") {
                causes.push(`${prop}: expression: The field cannot be left blank`);
                continue;
            }
            try {
                compileExpression(m.expression);
            } catch (e) {
                causes.push(`${prop}: Invalid expression: ${(e as Error).message}`);
                continue;
            }
            if (
                m.pushStatus !== undefined &&
                m.pushStatus !== "PUSH" &&
                m.pushStatus !== "DONT_PUSH"
            ) {
                causes.push(`${prop}: pushStatus: must be PUSH or DONT_PUSH`);
                continue;
            }
            changes[prop] = {
                expression: m.expression,
                pushStatus: (m.pushStatus as MappingProperty["pushStatus"]) ?? "PUSH",
            };
        }
        if (causes.length)
            return validation(
                res,
                [...new Set(causes.map((c) => c.split(":")[0]))].join(", "),
                causes,
            );
        for (const [prop, m] of Object.entries(changes)) {
            if (m) p.mapping[prop] = m;
            else delete p.mapping[prop];
        }
        // Like Okta, a schema or mapping change pushes nothing by itself: users get it on their
        // next push (a profile change, or a sync). [guess: Okta's "apply updates" is console-only]
        ctx.save();
        res.json(mappingView(base(), app));
    });
    return r;
}
