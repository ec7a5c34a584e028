// Okta's other worlds: each variant makes one unconfirmed Okta fact false in its most plausible
// other way (the rows of docs/vendor-facts/unconfirmed.md), answering in Okta's error shapes.
import type { RequestHandler } from "express";
import { sendOktaError } from "../okta/errors";
import { onRoute, rewriteAnswer, rewriteRequest } from "./handlers";
import type { SandboxVariant } from "./index";
import { appProfile } from "../okta/appProfile";

const CONNECTION = /^\/api\/v1\/apps\/[^/]+\/connections\/default(\/.*)?$/;
const SCHEMA = /^\/api\/v1\/meta\/schemas\/apps\/[^/]+\/default\/?$/;
const MAPPING = /^\/api\/v1\/mappings\/[^/]+\/?$/;

/** Properties sent as null are left out: nothing is removed (the body's `path` holds them). */
function withoutNulls(props: unknown): void {
    if (typeof props !== "object" || props === null) return;
    for (const [k, v] of Object.entries(props)) if (v === null) delete (props as never)[k];
}

/** The base properties this world's SCIM app schema also has, by title. */
const MORE_BASE: Record<string, string> = { displayName: "Display name", timezone: "Time zone" };

/** The id of this world's group: an Okta group id longer than 00g + 17 characters. */
export const LONG_GROUP_ID = "00g" + "LongIdWorld0000000000";

export const OKTA_VARIANTS: readonly SandboxVariant[] = [
    {
        name: "app-user-base-seed",
        fact: "app-user-base-set",
        world: "a SCIM app's user profile has only the four base properties of NICE's procedure (userName, givenName, familyName, email): the phones must be added as custom properties",
        okta: { options: { appUserBaseSet: "seed" } },
    },
    {
        name: "connections-absent",
        fact: "okta-connection-status",
        world: "Okta has no provisioning connection for a wizard-made SCIM app: connections/default answers 404 E0000007",
        okta: {
            before: () => [
                (req, res, next) =>
                    CONNECTION.test(req.path)
                        ? sendOktaError(
                              res,
                              404,
                              "E0000007",
                              `Not found: Resource not found: default (AppInstanceConnection)`,
                          )
                        : next(),
            ],
        },
    },
    {
        name: "base-schema-with-display-name",
        fact: "okta-base-schema",
        world: "a SCIM app's base user schema also has displayName and timezone: declaring either as custom is refused (400 E0000001)",
        okta: {
            before: ({ ctx }) => [
                // every new app's user profile starts with the two more base properties
                rewriteAnswer({ method: "POST", path: /^\/api\/v1\/apps\/?$/ }, (body) => {
                    // Stryker disable next-line OptionalChaining: the app create answers a JSON object
                    const id = (body as { id?: unknown })?.id;
                    // Stryker disable next-line ConditionalExpression: an answer without an id (a refusal) names no app either
                    const app = typeof id === "string" ? ctx.state.okta.apps[id] : undefined;
                    if (!app) return body;
                    const p = appProfile(app);
                    for (const [name, title] of Object.entries(MORE_BASE))
                        p.base![name] ??= {
                            ...structuredClone(Object.values(p.base!)[1]),
                            title,
                            externalName: name,
                        };
                    ctx.save();
                    return body;
                }),
            ],
        },
    },
    {
        name: "schema-null-ignored",
        fact: "schema-property-removal",
        world: "a custom schema property sent as null is ignored: the property stays",
        okta: {
            before: () => [
                rewriteRequest({ method: "POST", path: SCHEMA }, (body) =>
                    withoutNulls(
                        (body as { definitions?: { custom?: { properties?: object } } }).definitions
                            ?.custom?.properties,
                    ),
                ),
            ],
        },
    },
    {
        name: "mapping-null-ignored",
        fact: "mapping-null-removes",
        world: "a property mapping sent as null is ignored: the mapping stays",
        okta: {
            before: () => [
                rewriteRequest({ method: "POST", path: MAPPING }, (body) =>
                    withoutNulls(body.properties),
                ),
            ],
        },
    },
    {
        name: "okta-no-date-header",
        fact: "okta-rate-reset-clock",
        world: "Okta's answers carry no Date header, and the first app create meets a rate limit resetting in 2 s",
        okta: {
            before: () => {
                let limited = false;
                const noDate: RequestHandler = (_req, res, next) => {
                    res.sendDate = false;
                    next();
                };
                const once = onRoute(
                    { method: "POST", path: /^\/api\/v1\/apps\/?$/ },
                    (req, res, next) => {
                        if (limited) return next();
                        limited = true;
                        res.set("X-Rate-Limit-Limit", "100");
                        res.set("X-Rate-Limit-Remaining", "0");
                        res.set("X-Rate-Limit-Reset", String(Math.ceil(Date.now() / 1000) + 2));
                        sendOktaError(
                            res,
                            429,
                            "E0000047",
                            "API call exceeded rate limit due to too many requests.",
                        );
                    },
                );
                return [noDate, once];
            },
        },
    },
    {
        name: "okta-long-ids",
        fact: "okta-id-shape",
        world: `Okta object ids longer than 20 characters: this org has a group ${LONG_GROUP_ID}`,
        okta: { before: () => [] },
        setUp: ({ ctx }) => {
            const groups = ctx.state.okta.groups;
            if (groups[LONG_GROUP_ID]) return;
            const now = new Date().toISOString();
            groups[LONG_GROUP_ID] = {
                id: LONG_GROUP_ID,
                type: "OKTA_GROUP",
                created: now,
                lastUpdated: now,
                lastMembershipUpdated: now,
                profile: { name: "Long Id Agents", description: "a group with a 24-character id" },
            };
            ctx.state.okta.memberships[LONG_GROUP_ID] = [];
        },
    },
];
