// Conformance: Okta's official Node SDK (@okta/okta-sdk-nodejs v8) drives the sandbox's Okta
// through every call this product (provider/okta/client.ts) and @pulumi/okta's resources
// (terraform-provider-okta: app auto-login CRUD and lifecycle, app group and user assignments,
// app features, the default provisioning connection, users and groups) make. Every answer must
// deserialize into the SDK's model with every declared field present (save the optional ones
// listed, each with why) and of its declared type; errors carry Okta's five fields; pagination
// and rate-limit headers work as the SDK reads them.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as okta from "@okta/okta-sdk-nodejs";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { completeConsoleSteps, outputsFor } from "../../sandbox/operator";
import { checkModel } from "../support/oktaModels";

/** Declared fields Okta leaves out for these objects too, with the reason. */
const OPTIONAL: Record<string, string[]> = {
    // _embedded only with ?expand=; expressConfiguration only for OIN express-configured apps;
    // universalLogout only for apps that support it; orn on newer orgs only [spec: not required]
    AutoLoginApplication: ["_embedded", "expressConfiguration", "universalLogout", "orn"],
    User: ["_embedded", "realmId", "transitioningToStatus"],
    Group: ["_embedded"],
    ApplicationGroupAssignment: ["_embedded"],
    AppUser: ["_embedded"],
    UserProvisioningApplicationFeature: [],
    ProvisioningConnectionResponse: ["baseUrl"], // [spec] baseUrl only for TOKEN connections
};

function expectModel(data: unknown, type: string): void {
    const r = checkModel(data, type, OPTIONAL[type] ?? []);
    assert.deepEqual(r, { missing: [], wrongType: [] }, `${type}: ${JSON.stringify(r, null, 1)}`);
}

/** The plain JSON of an SDK call's answer (the SDK's models keep the fields as sent). */
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

async function all<T>(c: okta.Collection<T>): Promise<T[]> {
    const out: T[] = [];
    await c.each((x) => {
        out.push(x);
    });
    return out;
}

describe("conformance: Okta's Node SDK against the sandbox's Okta", function () {
    this.timeout(60_000);
    let sb: RunningSandbox;
    let client: okta.Client;
    let appId: string;
    let groupId: string;

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-conformance-"));
        sb = await startSandbox({
            dir,
            cxonePort: 0,
            oktaPort: 0,
            okta: { rateLimit: { windowSeconds: 2 } },
        });
        client = new okta.Client({
            orgUrl: sb.urls.okta,
            token: sb.endpoints.okta.apiToken,
            cacheMiddleware: null,
        });
    });
    after(() => sb?.stop());

    describe("apps (okta.app.AutoLogin and this product's AutoLoginApp)", () => {
        it("createApplication (AUTO_LOGIN, activate=true) answers an AutoLoginApplication", async () => {
            const app = await client.applicationApi.createApplication({
                activate: true,
                application: {
                    label: "NICE CXone",
                    signOnMode: "AUTO_LOGIN",
                    settings: { signOn: { loginUrl: "https://cxone.niceincontact.com/" } },
                } as okta.AutoLoginApplication,
            });
            assert.ok(app instanceof okta.AutoLoginApplication, app.constructor.name);
            appId = app.id!;
            expectModel(json(app), "AutoLoginApplication");
            assert.equal(app.status, "ACTIVE");
        });
        it("getApplication, replaceApplication, deactivate/activateApplication", async () => {
            const app = (await client.applicationApi.getApplication({
                appId,
            })) as okta.AutoLoginApplication;
            expectModel(json(app), "AutoLoginApplication");
            app.label = "NICE CXone (renamed)";
            const replaced = await client.applicationApi.replaceApplication({
                appId,
                application: app,
            });
            assert.equal(replaced.label, "NICE CXone (renamed)");
            app.label = "NICE CXone";
            await client.applicationApi.replaceApplication({ appId, application: app });
            expectModel(json(replaced), "AutoLoginApplication");
            await client.applicationApi.deactivateApplication({ appId });
            assert.equal(
                (await client.applicationApi.getApplication({ appId })).status,
                "INACTIVE",
            );
            await client.applicationApi.activateApplication({ appId });
            assert.equal((await client.applicationApi.getApplication({ appId })).status, "ACTIVE");
        });
        it("listApplications with q follows the Link header across pages (limit 2)", async () => {
            for (let i = 0; i < 4; i++) {
                await client.applicationApi.createApplication({
                    application: {
                        label: `NICE CXone ${i}`,
                        signOnMode: "AUTO_LOGIN",
                        settings: { signOn: { loginUrl: "https://example.com/" } },
                    } as okta.AutoLoginApplication,
                });
            }
            const apps = await all(
                await client.applicationApi.listApplications({ q: "NICE CXone", limit: 2 }),
            );
            assert.equal(apps.length, 5);
            assert.equal(new Set(apps.map((a) => a.id)).size, 5, "no app twice");
            for (const a of apps) expectModel(json(a), "AutoLoginApplication");
            const pages = sb
                .requests()
                .filter((r) => r.path.startsWith("/api/v1/apps?") && r.path.includes("limit=2"));
            assert.equal(pages.length, 3, pages.map((p) => p.path).join(" "));
        });
    });

    describe("group and user assignments (okta.app.GroupAssignment, app users)", () => {
        it("listGroups (q), getGroup, listGroupUsers", async () => {
            const groups = await all(await client.groupApi.listGroups({ q: "CXone" }));
            assert.equal(groups.length, 1);
            groupId = groups[0].id!;
            expectModel(json(groups[0]), "Group");
            expectModel(json(await client.groupApi.getGroup({ groupId })), "Group");
            const members = await all(await client.groupApi.listGroupUsers({ groupId, limit: 1 }));
            assert.equal(members.length, 2, "two members, one per page");
            for (const u of members) expectModel(json(u), "User");
        });
        it("assignGroupToApplication, getApplicationGroupAssignment, listApplicationGroupAssignments", async () => {
            const a = await client.applicationApi.assignGroupToApplication({
                appId,
                groupId,
                applicationGroupAssignment: {},
            });
            expectModel(json(a), "ApplicationGroupAssignment");
            expectModel(
                json(await client.applicationApi.getApplicationGroupAssignment({ appId, groupId })),
                "ApplicationGroupAssignment",
            );
            const list = await all(
                await client.applicationApi.listApplicationGroupAssignments({ appId }),
            );
            assert.deepEqual(
                list.map((g) => g.id),
                [groupId],
            );
        });
        it("listUsers, getUser (and users/me, the provider's start-up check)", async () => {
            const users = await all(await client.userApi.listUsers({ limit: 2 }));
            assert.equal(users.length, 4);
            for (const u of users) expectModel(json(u), "User");
            expectModel(json(await client.userApi.getUser({ userId: "me" })), "User");
            expectModel(json(await client.userApi.getUser({ userId: users[0].id! })), "User");
        });
        it("assignUserToApplication, getApplicationUser, listApplicationUsers, unassignUserFromApplication", async () => {
            const users = await all(await client.userApi.listUsers({ q: "Chloe" }));
            const userId = users[0].id!;
            const au = await client.applicationApi.assignUserToApplication({
                appId,
                appUser: { id: userId, scope: "USER" } as okta.AppUserAssignRequest,
            });
            expectModel(json(au), "AppUser");
            expectModel(
                json(await client.applicationApi.getApplicationUser({ appId, userId })),
                "AppUser",
            );
            const list = await all(await client.applicationApi.listApplicationUsers({ appId }));
            assert.equal(list.length, 3, "Chloe directly, Ana and Ben through the group");
            for (const u of list) expectModel(json(u), "AppUser");
            await client.applicationApi.unassignUserFromApplication({ appId, userId });
        });
        it("unassignApplicationFromGroup", async () => {
            await client.applicationApi.unassignApplicationFromGroup({ appId, groupId });
            await assert.rejects(
                client.applicationApi.getApplicationGroupAssignment({ appId, groupId }),
                (e: okta.OktaApiError) => e.status === 404,
            );
        });
    });

    describe("provisioning (okta.app.Connection, okta.app.Features, this product's ScimConnection)", () => {
        it("before the console step: connection UNKNOWN in the spec's shape; features answer Okta's error", async () => {
            const c = await client.applicationApi.getDefaultProvisioningConnectionForApplication({
                appId,
            });
            expectModel(json(c), "ProvisioningConnectionResponse");
            assert.equal(c.status, "UNKNOWN");
            await assert.rejects(
                client.applicationApi.getFeatureForApplication({
                    appId,
                    name: "USER_PROVISIONING",
                }),
                (e: okta.OktaApiError) =>
                    e.status === 400 &&
                    e.errorCode === "E0000001" &&
                    (e.errorCauses ?? []).length === 1,
            );
        });
        it("updateDefaultProvisioningConnectionForApplication is refused for a custom app (Okta's error)", async () => {
            await assert.rejects(
                client.applicationApi.updateDefaultProvisioningConnectionForApplication({
                    appId,
                    ProvisioningConnectionRequest: {
                        profile: { authScheme: "TOKEN", token: "x" },
                    } as okta.UpdateDefaultProvisioningConnectionForApplicationRequest,
                }),
                (e: okta.OktaApiError) => e.status === 400 && e.errorCode === "E0000001",
            );
        });
        it("after the console steps: connection ENABLED, features listed and switched (get/list/update), lifecycle", async () => {
            const ep = sb.endpoints;
            const app = await client.applicationApi.getApplication({ appId });
            const outs = outputsFor(
                ep.cxone.baseUrl,
                appId,
                ep.cxone.adminAccessKeyId,
                ep.cxone.adminAccessKeySecret,
            );
            const done = await completeConsoleSteps(sb.urls.okta, outs, {
                email: ep.cxone.adminEmail,
                password: ep.cxone.adminPassword,
            });
            assert.ok(done.ok, `${app.label}: ${done.page}`);
            const c = await client.applicationApi.getDefaultProvisioningConnectionForApplication({
                appId,
            });
            expectModel(json(c), "ProvisioningConnectionResponse");
            assert.deepEqual([c.status, c.profile?.authScheme], ["ENABLED", "OAUTH2"]);
            const features = await all(
                await client.applicationApi.listFeaturesForApplication({ appId }),
            );
            for (const f of features) expectModel(json(f), "UserProvisioningApplicationFeature");
            const updated = await client.applicationApi.updateFeatureForApplication({
                appId,
                name: "USER_PROVISIONING",
                CapabilitiesObject: {
                    create: { lifecycleCreate: { status: "ENABLED" } },
                    update: {
                        profile: { status: "ENABLED" },
                        lifecycleDeactivate: { status: "ENABLED" },
                    },
                } as okta.UpdateFeatureForApplicationRequest,
            });
            expectModel(json(updated), "UserProvisioningApplicationFeature");
            const got = await client.applicationApi.getFeatureForApplication({
                appId,
                name: "USER_PROVISIONING",
            });
            assert.equal(
                (got as okta.UserProvisioningApplicationFeature).capabilities?.update?.profile
                    ?.status,
                "ENABLED",
            );
            const connectionStatus = async () =>
                (
                    await client.applicationApi.getDefaultProvisioningConnectionForApplication({
                        appId,
                    })
                ).status;
            await client.applicationApi.deactivateDefaultProvisioningConnectionForApplication({
                appId,
            });
            assert.equal(await connectionStatus(), "DISABLED");
            await client.applicationApi.activateDefaultProvisioningConnectionForApplication({
                appId,
            });
            assert.equal(await connectionStatus(), "ENABLED");
        });
    });

    describe("errors, rate limits, delete", () => {
        it("an error is an OktaApiError with Okta's five fields; errorId is the answer's X-Okta-Request-Id", async () => {
            const e = await client.applicationApi.getApplication({ appId: "0oanothere" }).then(
                () => undefined,
                (x: okta.OktaApiError) => x,
            );
            assert.ok(e, "rejected");
            assert.equal(e.status, 404);
            assert.equal(e.errorCode, "E0000007");
            assert.match(e.errorSummary, /^Not found: Resource not found: 0oanothere \(App\)$/);
            assert.equal(e.errorLink, "E0000007");
            assert.ok(Array.isArray(e.errorCauses));
            assert.equal(e.errorId, e.headers.get("x-okta-request-id"));
        });
        it("X-Rate-Limit-Remaining counts down per bucket, as the SDK's executor reads the headers", async () => {
            const read = async (p: string) => {
                const res = await client.http.http(`${sb.urls.okta}${p}`); // a GET
                return {
                    limit: Number(res.headers.get("x-rate-limit-limit")),
                    remaining: Number(res.headers.get("x-rate-limit-remaining")),
                    reset: Number(res.headers.get("x-rate-limit-reset")),
                };
            };
            // a fresh window, so that it cannot roll over between the reads
            sb.clearRateLimits();
            const a = await read(`/api/v1/apps/${appId}`);
            const b = await read(`/api/v1/apps/${appId}`);
            const other = await read("/api/v1/groups");
            assert.equal(b.remaining, a.remaining - 1, "same bucket counts down");
            assert.ok(
                other.remaining > b.remaining || other.limit !== b.limit,
                "another bucket has its own count",
            );
            assert.ok(
                a.reset > Date.now() / 1000 && a.reset <= Date.now() / 1000 + 3,
                "reset: epoch seconds within the 2 s window",
            );
        });
        it("a 429 (E0000047, X-Rate-Limit-Reset a window away): the SDK waits reset - Date + 1 s and succeeds", async () => {
            sb.setFaults([
                {
                    kind: "rateLimit",
                    server: "okta",
                    perSecond: 0.0001,
                    path: `^/api/v1/apps/${appId}$`,
                    method: "GET",
                    times: 1,
                } as never,
            ]);
            const delays: number[] = [];
            const onBackoff = (_req: unknown, _res: unknown, _id: unknown, delayMs: number) => {
                delays.push(delayMs);
            };
            client.requestExecutor.on("backoff", onBackoff);
            try {
                const started = Date.now();
                const app = await client.applicationApi.getApplication({ appId });
                assert.equal(app.id, appId);
                assert.equal(delays.length, 1, "one backoff");
                assert.ok(delays[0] >= 1000 && delays[0] <= 4000, `delay ${delays[0]}`);
                assert.ok(Date.now() - started >= delays[0]);
            } finally {
                client.requestExecutor.off("backoff", onBackoff);
                sb.clearFaults();
            }
        });
        it("a 429 the SDK does not retry surfaces as OktaApiError E0000047 with errorId", async () => {
            sb.setFaults([
                {
                    kind: "status",
                    status: 429,
                    server: "okta",
                    path: "^/api/v1/groups$",
                    resetSeconds: 0,
                },
            ]);
            const noRetry = new okta.Client({
                orgUrl: sb.urls.okta,
                token: sb.endpoints.okta.apiToken,
                cacheMiddleware: null,
                requestExecutor: new okta.DefaultRequestExecutor({
                    maxRetries: 0,
                    requestTimeout: 0,
                }),
            });
            try {
                await assert.rejects(
                    all(await noRetry.groupApi.listGroups()),
                    (e: okta.OktaApiError) =>
                        e.status === 429 &&
                        e.errorCode === "E0000047" &&
                        typeof e.errorId === "string",
                );
            } finally {
                sb.clearFaults();
            }
        });
        it("deleteApplication: refused while ACTIVE (Okta's error), done once deactivated", async () => {
            await assert.rejects(
                client.applicationApi.deleteApplication({ appId }),
                (e: okta.OktaApiError) => e.status === 403 && !!e.errorCode,
            );
            await client.applicationApi.deactivateApplication({ appId });
            await client.applicationApi.deleteApplication({ appId });
            await assert.rejects(
                client.applicationApi.getApplication({ appId }),
                (e: okta.OktaApiError) => e.status === 404,
            );
        });
    });
});
