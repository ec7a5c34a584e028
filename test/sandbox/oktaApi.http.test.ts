// The emulated Okta Management API: auth, error shapes, users, groups, AUTO_LOGIN apps (the fields
// the Okta provider dereferences), assignments, and the provisioning APIs before the console step.
import * as assert from "assert";
import * as http from "http";
import { autoLoginBody, startOkta, type OktaHarness } from "../support/oktaHarness";

function assertOktaError(body: any, code: string) {
    assert.strictEqual(body.errorCode, code, JSON.stringify(body));
    assert.strictEqual(typeof body.errorSummary, "string");
    assert.strictEqual(body.errorLink, code);
    assert.match(body.errorId, /^oae\w{22}$/);
    assert.ok(Array.isArray(body.errorCauses));
}

describe("sandbox Okta: Management API", function () {
    this.timeout(10000);
    let h: OktaHarness;
    beforeEach(async () => {
        h = await startOkta();
    });
    afterEach(async () => {
        await h.close();
    });

    describe("SSWS auth", () => {
        it("rejects a missing, wrong or Bearer token with 401 E0000011", async () => {
            const wrong = [
                "",
                "SSWS wrong",
                `Bearer ${"x"}`,
                `SSWS ${h.token}x`,
                `Basic SSWS ${h.token}`,
            ];
            for (const auth of wrong) {
                const r = await h.api("GET", "/api/v1/users/me", undefined, {
                    Authorization: auth,
                });
                assert.strictEqual(r.status, 401, auth);
                assertOktaError(r.body, "E0000011");
                assert.strictEqual(r.body.errorSummary, "Invalid token provided");
                assert.ok(!JSON.stringify(r.body).includes(h.token));
            }
        });
        it("accepts the seeded token and answers users/me with rate-limit headers", async () => {
            const r = await h.api("GET", "/api/v1/users/me");
            assert.strictEqual(r.status, 200);
            assert.strictEqual(r.body.id, h.ctx.state.okta.org.adminUserId);
            assert.ok(r.headers.get("x-rate-limit-remaining"));
            assert.match(r.body._links.self.href, new RegExp(`^${h.url}/api/v1/users/`));
        });
        it("seeds a fresh random token each time", async () => {
            const other = await startOkta();
            try {
                assert.notStrictEqual(other.token, h.token);
            } finally {
                await other.close();
            }
            assert.match(h.token, /^00[\w-]{40}$/);
        });
        it("routes proxy-form absolute URLs on the path only (any Host)", async () => {
            const port = new URL(h.url).port;
            const body = await new Promise<string>((resolve, reject) => {
                const req = http.request(
                    {
                        host: "127.0.0.1",
                        port,
                        method: "GET",
                        path: "http://127.0.0.1/api/v1/users/me",
                        headers: {
                            Authorization: `SSWS ${h.token}`,
                            Host: "okta.invalid",
                            "Proxy-Authorization": "Basic eDp5",
                        },
                    },
                    (res) => {
                        let d = "";
                        res.on("data", (c) => (d += c));
                        res.on("end", () => resolve(`${res.statusCode} ${d}`));
                    },
                );
                req.on("error", reject);
                req.end();
            });
            assert.match(body, /^200 /);
            assert.ok(
                body.includes(`${h.url}/api/v1/users/`),
                "links use the org URL, not the Host header",
            );
        });
        it("answers unknown paths with E0000008 and bad JSON with E0000003", async () => {
            const a = await h.api("GET", "/api/v1/nope");
            assert.strictEqual(a.status, 404);
            assertOktaError(a.body, "E0000008");
            assert.strictEqual(a.body.errorSummary, "The requested path was not found");
            const b = await h.api("POST", "/api/v1/users", "{not json");
            assert.strictEqual(b.status, 400);
            assertOktaError(b.body, "E0000003");
            assert.strictEqual(b.body.errorSummary, "The request body was not well-formed.");
        });
        it("answers a method a path does not take with 405 E0000022", async () => {
            const app = (await h.api("POST", "/api/v1/apps", autoLoginBody())).body;
            const me = (await h.api("GET", "/api/v1/users/me")).body;
            const r = await h.api("PUT", `/api/v1/apps/${app.id}/users/${me.id}`, {});
            assert.strictEqual(r.status, 405);
            assertOktaError(r.body, "E0000022");
            assert.strictEqual(
                r.body.errorSummary,
                "The endpoint does not support the provided HTTP method",
            );
        });
        it("over a bucket's limit answers 429 E0000047 with the bucket's headers; a trailing slash is the same bucket", async () => {
            const limited = await startOkta(undefined, {
                rateLimit: { limits: { "/api/v1/users/me": 2 } },
            });
            try {
                const first = await limited.api("GET", "/api/v1/users/me");
                assert.strictEqual(first.status, 200);
                assert.strictEqual(first.headers.get("x-rate-limit-limit"), "2");
                assert.strictEqual(first.headers.get("x-rate-limit-remaining"), "1");
                const second = await limited.api("GET", "/api/v1/users/me//");
                assert.strictEqual(second.headers.get("x-rate-limit-remaining"), "0");
                const over = await limited.api("GET", "/api/v1/users/me");
                assert.strictEqual(over.status, 429);
                assertOktaError(over.body, "E0000047");
                assert.strictEqual(over.headers.get("x-rate-limit-remaining"), "0");
                assert.strictEqual(
                    over.headers.get("x-rate-limit-reset"),
                    first.headers.get("x-rate-limit-reset"),
                );
            } finally {
                await limited.close();
            }
        });
    });

    describe("users", () => {
        it("lists, reads by id and by login, 404s with E0000007", async () => {
            const list = await h.api("GET", "/api/v1/users");
            assert.strictEqual(list.body.length, 4);
            const ana = list.body.find((u: any) => u.profile.firstName === "Ana");
            assert.strictEqual(
                (await h.api("GET", `/api/v1/users/${ana.id}`)).body.profile.login,
                "ana.agent@example.com",
            );
            assert.strictEqual(
                (await h.api("GET", "/api/v1/users/ana.agent@example.com")).body.id,
                ana.id,
            );
            const q = await h.api("GET", "/api/v1/users?q=ben");
            assert.deepStrictEqual(
                q.body.map((u: any) => u.profile.firstName),
                ["Ben"],
            );
            const f = await h.api(
                "GET",
                `/api/v1/users?filter=${encodeURIComponent('profile.login eq "chloe.chen@example.com"')}`,
            );
            assert.strictEqual(f.body.length, 1);
            const nf = await h.api("GET", "/api/v1/users/00unope");
            assert.strictEqual(nf.status, 404);
            assertOktaError(nf.body, "E0000007");
        });
        it("creates (PROVISIONED / STAGED), validates with E0000001 causes, refuses duplicate logins", async () => {
            const profile = {
                firstName: "Dan",
                lastName: "Dee",
                email: "dan@example.com",
                login: "dan@example.com",
            };
            const c = await h.api("POST", "/api/v1/users?activate=true", { profile });
            assert.strictEqual(c.status, 200);
            assert.strictEqual(c.body.status, "PROVISIONED");
            assert.match(c.body.id, /^00u\w{17}$/);
            const s = await h.api("POST", "/api/v1/users?activate=false", {
                profile: { ...profile, login: "dan2@example.com" },
            });
            assert.strictEqual(s.body.status, "STAGED");
            const dup = await h.api("POST", "/api/v1/users", { profile });
            assert.strictEqual(dup.status, 400);
            assertOktaError(dup.body, "E0000001");
            assert.ok(
                dup.body.errorCauses.some((c: any) =>
                    /login: An object with this field already exists/.test(c.errorSummary),
                ),
            );
            const missing = await h.api("POST", "/api/v1/users", { profile: { firstName: "X" } });
            assert.strictEqual(missing.status, 400);
            assert.deepStrictEqual(
                missing.body.errorCauses.map((c: any) => c.errorSummary.split(":")[0]),
                ["lastName", "email", "login"],
            );
        });
        it("partially updates a profile and deactivates", async () => {
            const me = (await h.api("GET", "/api/v1/users?q=chloe")).body[0];
            const u = await h.api("POST", `/api/v1/users/${me.id}`, {
                profile: { lastName: "Chen-Li" },
            });
            assert.strictEqual(u.status, 200);
            assert.strictEqual(u.body.profile.lastName, "Chen-Li");
            assert.strictEqual(u.body.profile.firstName, "Chloe");
            const d = await h.api("POST", `/api/v1/users/${me.id}/lifecycle/deactivate`);
            assert.strictEqual(d.status, 200);
            assert.strictEqual(
                (await h.api("GET", `/api/v1/users/${me.id}`)).body.status,
                "DEPROVISIONED",
            );
            assert.ok(
                !(await h.api("GET", "/api/v1/users")).body.some((x: any) => x.id === me.id),
                "default list hides DEPROVISIONED",
            );
            const again = await h.api("POST", `/api/v1/users/${me.id}/lifecycle/deactivate`);
            assert.strictEqual(again.status, 403);
            assertOktaError(again.body, "E0000038");
        });
    });

    describe("groups", () => {
        it("lists seeded groups and edits memberships (204), not of Everyone", async () => {
            const groups = (await h.api("GET", "/api/v1/groups")).body;
            const names = groups.map((g: any) => g.profile.name).sort();
            assert.deepStrictEqual(names, ["CXone Agents", "Everyone"]);
            const agents = groups.find((g: any) => g.profile.name === "CXone Agents");
            const everyone = groups.find((g: any) => g.profile.name === "Everyone");
            assert.strictEqual(agents.type, "OKTA_GROUP");
            assert.strictEqual(
                (await h.api("GET", `/api/v1/groups/${agents.id}/users`)).body.length,
                2,
            );
            assert.strictEqual(
                (await h.api("GET", `/api/v1/groups/${everyone.id}/users`)).body.length,
                4,
            );
            const chloe = (await h.api("GET", "/api/v1/users?q=chloe")).body[0];
            assert.strictEqual(
                (await h.api("PUT", `/api/v1/groups/${agents.id}/users/${chloe.id}`)).status,
                204,
            );
            assert.strictEqual(
                (await h.api("GET", `/api/v1/groups/${agents.id}/users`)).body.length,
                3,
            );
            assert.strictEqual(
                (await h.api("DELETE", `/api/v1/groups/${agents.id}/users/${chloe.id}`)).status,
                204,
            );
            assert.strictEqual(
                (await h.api("GET", `/api/v1/groups/${agents.id}/users`)).body.length,
                2,
            );
            const e = await h.api("PUT", `/api/v1/groups/${everyone.id}/users/${chloe.id}`);
            assert.strictEqual(e.status, 403);
            assertOktaError(e.body, "E0000006");
            assert.strictEqual(
                (await h.api("PUT", `/api/v1/groups/00gnope/users/${chloe.id}`)).status,
                404,
            );
            assert.strictEqual((await h.api("GET", "/api/v1/groups?q=cxo")).body.length, 1);
        });
    });

    describe("AUTO_LOGIN apps", () => {
        it("creates with a generated unique name and every field the provider dereferences", async () => {
            const a = await h.api(
                "POST",
                "/api/v1/apps?activate=true",
                autoLoginBody("CXone SCIM"),
            );
            assert.strictEqual(a.status, 200);
            const b = await h.api(
                "POST",
                "/api/v1/apps?activate=false",
                autoLoginBody("CXone SCIM"),
            );
            assert.match(a.body.id, /^0oa\w{17}$/);
            assert.strictEqual(a.body.name, "sandboxorg_cxonescim_1");
            assert.strictEqual(b.body.name, "sandboxorg_cxonescim_2");
            assert.strictEqual(a.body.status, "ACTIVE");
            assert.strictEqual(b.body.status, "INACTIVE");
            const g = (await h.api("GET", `/api/v1/apps/${a.body.id}`)).body;
            assert.strictEqual(typeof g.visibility.hide, "object");
            assert.strictEqual(g.visibility.hide.iOS, false);
            assert.strictEqual(typeof g.settings.app, "object");
            assert.strictEqual(typeof g.credentials.userNameTemplate, "object");
            assert.strictEqual(g.credentials.userNameTemplate.template, "${source.login}");
            assert.strictEqual(g.signOnMode, "AUTO_LOGIN");
            assert.strictEqual(g.label, "CXone SCIM");
            assert.strictEqual(g.settings.signOn.loginUrl, "https://cxone.niceincontact.com/login");
            assert.ok("redirectUrl" in g.settings.signOn);
            assert.ok("admin" in g.settings.notes && "enduser" in g.settings.notes);
            assert.strictEqual(g.accessibility.selfService, false);
            assert.ok(Array.isArray(g.features));
            assert.ok(Array.isArray(g._links.logo) && g._links.logo[0].href);
            assert.ok(g._links.deactivate.href.endsWith("/lifecycle/deactivate"));
            assert.ok(g.created && g.lastUpdated);
            assert.ok(!("password" in g.credentials));
        });
        it("validates the body (E0000001) and ignores read-only features", async () => {
            const bad = await h.api("POST", "/api/v1/apps", {
                signOnMode: "AUTO_LOGIN",
                settings: { signOn: { loginUrl: "notaurl" } },
            });
            assert.strictEqual(bad.status, 400);
            assertOktaError(bad.body, "E0000001");
            const causes = bad.body.errorCauses.map((c: any) => c.errorSummary);
            assert.ok(causes.some((c: string) => c.startsWith("label:")));
            assert.ok(causes.some((c: string) => c.startsWith("settings.signOn.loginUrl:")));
            const f = await h.api("POST", "/api/v1/apps", {
                ...autoLoginBody(),
                features: ["SCIM_PROVISIONING"],
            });
            assert.deepStrictEqual(f.body.features, []);
            const named = await h.api("POST", "/api/v1/apps", {
                ...autoLoginBody(),
                name: "template_swa",
            });
            assert.strictEqual(named.status, 400);
        });
        it("replaces mutable fields with PUT, keeps name and status", async () => {
            const a = (await h.api("POST", "/api/v1/apps", autoLoginBody("One"))).body;
            const body = autoLoginBody("Two", "https://na1.nice-incontact.com/login");
            (body.settings.notes as any) = { admin: "owned by IT" };
            (body.visibility.hide as any).web = true;
            const p = await h.api("PUT", `/api/v1/apps/${a.id}`, body);
            assert.strictEqual(p.status, 200);
            assert.strictEqual(p.body.label, "Two");
            assert.strictEqual(p.body.name, a.name);
            assert.strictEqual(p.body.status, "ACTIVE");
            assert.strictEqual(p.body.settings.notes.admin, "owned by IT");
            assert.strictEqual(p.body.visibility.hide.web, true);
            assert.strictEqual(
                p.body.settings.signOn.loginUrl,
                "https://na1.nice-incontact.com/login",
            );
            assert.strictEqual((await h.api("PUT", "/api/v1/apps/0oanope", body)).status, 404);
        });
        it("activates/deactivates, refuses to delete an ACTIVE app, deletes an INACTIVE one", async () => {
            const a = (await h.api("POST", "/api/v1/apps?activate=true", autoLoginBody())).body;
            const del = await h.api("DELETE", `/api/v1/apps/${a.id}`);
            assert.strictEqual(del.status, 403);
            assertOktaError(del.body, "E0000056");
            assert.strictEqual(
                (await h.api("POST", `/api/v1/apps/${a.id}/lifecycle/deactivate`)).status,
                200,
            );
            assert.strictEqual(
                (await h.api("GET", `/api/v1/apps/${a.id}`)).body.status,
                "INACTIVE",
            );
            assert.strictEqual(
                (await h.api("POST", `/api/v1/apps/${a.id}/lifecycle/activate`)).status,
                200,
            );
            assert.strictEqual(
                (await h.api("POST", `/api/v1/apps/${a.id}/lifecycle/deactivate`)).status,
                200,
            );
            assert.strictEqual((await h.api("DELETE", `/api/v1/apps/${a.id}`)).status, 204);
            const gone = await h.api("GET", `/api/v1/apps/${a.id}`);
            assert.strictEqual(gone.status, 404);
            assertOktaError(gone.body, "E0000007");
        });
        it("lists with q and filter", async () => {
            await h.api("POST", "/api/v1/apps", autoLoginBody("Alpha"));
            await h.api("POST", "/api/v1/apps?activate=false", autoLoginBody("Beta"));
            assert.strictEqual((await h.api("GET", "/api/v1/apps")).body.length, 2);
            assert.deepStrictEqual(
                (await h.api("GET", "/api/v1/apps?q=alp")).body.map((a: any) => a.label),
                ["Alpha"],
            );
            const f = await h.api(
                "GET",
                `/api/v1/apps?filter=${encodeURIComponent('status eq "INACTIVE"')}`,
            );
            assert.deepStrictEqual(
                f.body.map((a: any) => a.label),
                ["Beta"],
            );
        });
    });

    describe("assignments", () => {
        it("assigns users directly and through groups", async () => {
            const app = (await h.api("POST", "/api/v1/apps", autoLoginBody())).body;
            const users = (await h.api("GET", "/api/v1/users")).body;
            const chloe = users.find((u: any) => u.profile.firstName === "Chloe");
            const ana = users.find((u: any) => u.profile.firstName === "Ana");
            const agents = (await h.api("GET", "/api/v1/groups?q=CXone")).body[0];
            const au = await h.api("POST", `/api/v1/apps/${app.id}/users`, {
                id: chloe.id,
                scope: "USER",
                credentials: { userName: "chloe@cx" },
            });
            assert.strictEqual(au.status, 200);
            assert.strictEqual(au.body.scope, "USER");
            assert.strictEqual(au.body.credentials.userName, "chloe@cx");
            const ga = await h.api("PUT", `/api/v1/apps/${app.id}/groups/${agents.id}`, {});
            assert.strictEqual(ga.status, 200);
            assert.strictEqual(ga.body.id, agents.id);
            assert.strictEqual(
                (await h.api("GET", `/api/v1/apps/${app.id}/groups`)).body.length,
                1,
            );
            assert.strictEqual(
                (await h.api("GET", `/api/v1/apps/${app.id}/groups/${agents.id}`)).status,
                200,
            );
            const list = (await h.api("GET", `/api/v1/apps/${app.id}/users`)).body;
            assert.strictEqual(list.length, 3);
            const viaGroup = await h.api("GET", `/api/v1/apps/${app.id}/users/${ana.id}`);
            assert.strictEqual(viaGroup.body.scope, "GROUP");
            assert.strictEqual(viaGroup.body.syncState, "DISABLED");
            const d = await h.api("DELETE", `/api/v1/apps/${app.id}/users/${ana.id}`);
            assert.strictEqual(d.status, 403);
            assert.strictEqual(
                (await h.api("PUT", `/api/v1/apps/${app.id}/users/${ana.id}`, {})).status,
                405,
            );
            assert.strictEqual(
                (await h.api("DELETE", `/api/v1/apps/${app.id}/users/${chloe.id}`)).status,
                204,
            );
            assert.strictEqual(
                (await h.api("GET", `/api/v1/apps/${app.id}/users/${chloe.id}`)).status,
                404,
            );
            assert.strictEqual(
                (await h.api("DELETE", `/api/v1/apps/${app.id}/groups/${agents.id}`)).status,
                204,
            );
            assert.strictEqual((await h.api("GET", `/api/v1/apps/${app.id}/users`)).body.length, 0);
            assert.strictEqual(
                (await h.api("POST", `/api/v1/apps/${app.id}/users`, { id: "00unope" })).status,
                404,
            );
            assert.strictEqual(
                (await h.api("POST", `/api/v1/apps/${app.id}/users`, {})).status,
                400,
            );
        });
    });

    describe("provisioning APIs before the console step", () => {
        it("connections/default reports UNKNOWN; POST is refused for a custom app; lifecycle refused", async () => {
            const app = (await h.api("POST", "/api/v1/apps", autoLoginBody())).body;
            const g = await h.api("GET", `/api/v1/apps/${app.id}/connections/default`);
            assert.strictEqual(g.status, 200);
            assert.deepStrictEqual([g.body.authScheme, g.body.status], ["UNKNOWN", "UNKNOWN"]);
            const p = await h.api("POST", `/api/v1/apps/${app.id}/connections/default`, {
                profile: { authScheme: "OAUTH2", clientId: "x" },
            });
            assert.strictEqual(p.status, 400);
            assertOktaError(p.body, "E0000001");
            const t = await h.api(
                "POST",
                `/api/v1/apps/${app.id}/connections/default?activate=true`,
                { baseUrl: "https://x/scim/v2", profile: { authScheme: "TOKEN", token: "tok" } },
            );
            assert.strictEqual(t.status, 400);
            assert.ok(!JSON.stringify(t.body).includes('tok"'));
            const bad = await h.api("POST", `/api/v1/apps/${app.id}/connections/default`, {
                profile: { authScheme: "BASIC" },
            });
            assert.strictEqual(bad.status, 400);
            const act = await h.api(
                "POST",
                `/api/v1/apps/${app.id}/connections/default/lifecycle/activate`,
            );
            assert.strictEqual(act.status, 400);
            assertOktaError(act.body, "E0000001");
            assert.strictEqual(
                (await h.api("GET", "/api/v1/apps/0oanope/connections/default")).status,
                404,
            );
        });
        it("features are refused while SCIM provisioning is not enabled", async () => {
            const app = (await h.api("POST", "/api/v1/apps", autoLoginBody())).body;
            for (const [m, path, body] of [
                ["GET", `/api/v1/apps/${app.id}/features`, undefined],
                ["GET", `/api/v1/apps/${app.id}/features/USER_PROVISIONING`, undefined],
                [
                    "PUT",
                    `/api/v1/apps/${app.id}/features/USER_PROVISIONING`,
                    { create: { lifecycleCreate: { status: "ENABLED" } } },
                ],
            ] as const) {
                const r = await h.api(m, path, body);
                assert.strictEqual(r.status, 400, `${m} ${path}`);
                assertOktaError(r.body, "E0000001");
                assert.match(r.body.errorCauses[0].errorSummary, /Provisioning is not enabled/);
            }
        });
    });
});
