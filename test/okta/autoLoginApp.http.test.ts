// The AutoLoginApp provider's every method called directly against the sandbox over real HTTP:
// the exact outputs, the exact calls made (no write where nothing differs), and the app as Okta's
// API shows it afterwards. Each test makes its own app.
import { strict as assert } from "assert";
import app from "../../provider/okta/autoLoginAppProvider";
import { setOktaRetryPolicy } from "../../provider/okta/client";
import type { AutoLoginAppOutputs } from "../../provider/okta/autoLoginAppLogic";
import type { Proxy } from "../support/proxy";
import { sandboxForSuite, uniqueLabel } from "../support/sandbox";

/** Where a fault hits the app's create: Okta's POST /api/v1/apps. */
const APP_CREATE = { server: "okta", method: "POST", path: "^/api/v1/apps$" } as const;

describe("AutoLoginApp provider against the sandbox (HTTP)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();
    afterEach(() => f.sandbox.clearFaults());

    const inputs = (label: string, extra: Partial<AutoLoginAppOutputs> = {}) => ({
        orgUrl: f.orgUrl,
        label,
        loginUrl: f.loginUrl,
        active: true,
        adoptExisting: false,
        ...extra,
    });
    /** The app as Okta's API shows it: label, sign-on URLs, status, admin note. */
    async function live(id: string) {
        const r = await f.api("GET", `/api/v1/apps/${id}`);
        assert.equal(r.status, 200, `app ${id} is gone`);
        return {
            label: r.data.label,
            loginUrl: r.data.settings.signOn.loginUrl,
            redirectUrl: r.data.settings.signOn.redirectUrl ?? undefined,
            status: r.data.status,
            admin: r.data.settings.notes.admin,
        };
    }
    /** An app made out of band (as a person in the console would), returned as Okta shows it. */
    async function handMade(label: string, opts: { admin?: string; active?: boolean } = {}) {
        const r = await f.api("POST", `/api/v1/apps?activate=${opts.active !== false}`, {
            label,
            signOnMode: "AUTO_LOGIN",
            settings: {
                app: {},
                signOn: { loginUrl: "https://elsewhere.example.com/login" },
                ...(opts.admin ? { notes: { admin: opts.admin } } : {}),
            },
        });
        assert.equal(r.status, 200, JSON.stringify(r.data));
        return r.data as { id: string; name: string };
    }

    describe("check and diff", () => {
        it("check applies the defaults (active, no adoption) and reports no failure", async () => {
            const news = { orgUrl: f.orgUrl, label: "NICE CXone", loginUrl: f.loginUrl };
            assert.deepEqual(await app.check({}, news), {
                inputs: { ...news, active: true, adoptExisting: false },
                failures: [],
            });
        });

        it("check names every bad input, before any call", async () => {
            f.sandbox.clearRequests();
            const r = await app.check({}, { orgUrl: "ftp://x", label: "", loginUrl: f.loginUrl });
            assert.deepEqual(
                r.failures.map((x) => x.property),
                ["orgUrl", "label"],
            );
            assert.deepEqual(f.oktaCalls(), []);
        });

        it("diff: a new label changes in place, another org replaces", async () => {
            const olds = { ...inputs("A"), name: "n", status: "ACTIVE" };
            assert.deepEqual(await app.diff("id", olds, inputs("A")), {
                changes: false,
                replaces: [],
            });
            assert.deepEqual(await app.diff("id", olds, inputs("B")), {
                changes: true,
                replaces: [],
            });
            assert.deepEqual(
                await app.diff("id", olds, { ...inputs("A"), orgUrl: "https://other.okta.com" }),
                { changes: true, replaces: ["orgUrl"] },
            );
        });
    });

    describe("create", () => {
        it("makes one active app with the label, login URL and the stack's mark: one POST", async () => {
            const label = uniqueLabel("Create");
            f.sandbox.clearRequests();
            const r = await app.create(inputs(label, { owner: "proj/dev" }));
            // no search either: adoption was not asked for
            assert.deepEqual(f.oktaCalls(), ["POST /api/v1/apps?activate=true"]);
            assert.match(r.id, /^0oa\w{17}$/);
            assert.deepEqual(r.outs, {
                ...inputs(label, { owner: "proj/dev" }),
                name: r.outs.name,
                status: "ACTIVE",
            });
            assert.equal(r.outs.name, (await f.api("GET", `/api/v1/apps/${r.id}`)).data.name);
            assert.deepEqual(await live(r.id), {
                label,
                loginUrl: f.loginUrl,
                redirectUrl: undefined,
                status: "ACTIVE",
                admin: "[pulumi stack: proj/dev]",
            });
        });

        it("active: false makes the app, then deactivates it: the outputs say INACTIVE", async () => {
            const label = uniqueLabel("Inactive");
            f.sandbox.clearRequests();
            const r = await app.create(inputs(label, { active: false }));
            assert.deepEqual(f.oktaWrites(), [
                "POST /api/v1/apps?activate=true",
                `POST /api/v1/apps/${r.id}/lifecycle/deactivate`,
            ]);
            assert.equal(r.outs.status, "INACTIVE");
            assert.equal(r.outs.active, false);
            assert.equal((await live(r.id)).status, "INACTIVE");
        });

        it("adopting this stack's inactive app with other URLs: one PUT, one activate, same id", async () => {
            const label = uniqueLabel("Adopt");
            const made = await handMade(label, { admin: "[pulumi stack: proj/a]", active: false });
            f.sandbox.clearRequests();
            const r = await app.create(
                inputs(label, {
                    owner: "proj/a",
                    adoptExisting: true,
                    redirectUrl: "https://example.com/after",
                }),
            );
            assert.equal(r.id, made.id);
            assert.deepEqual(f.oktaWrites(), [
                `PUT /api/v1/apps/${made.id}`,
                `POST /api/v1/apps/${made.id}/lifecycle/activate`,
            ]);
            assert.deepEqual(r.outs, {
                ...inputs(label, {
                    owner: "proj/a",
                    adoptExisting: true,
                    redirectUrl: "https://example.com/after",
                }),
                name: made.name,
                status: "ACTIVE",
            });
            assert.deepEqual(await live(made.id), {
                label,
                loginUrl: f.loginUrl,
                redirectUrl: "https://example.com/after",
                status: "ACTIVE",
                admin: "[pulumi stack: proj/a]",
            });
        });

        it("adopting an app that already matches makes no write", async () => {
            const label = uniqueLabel("Same");
            const first = await app.create(inputs(label, { owner: "proj/a" }));
            f.sandbox.clearRequests();
            const r = await app.create(inputs(label, { owner: "proj/a", adoptExisting: true }));
            assert.equal(r.id, first.id);
            assert.deepEqual(f.oktaWrites(), []);
            assert.deepEqual(r.outs, { ...first.outs, adoptExisting: true });
        });

        it("adopting with active: false deactivates the matching app and nothing else", async () => {
            const label = uniqueLabel("AdoptOff");
            const first = await app.create(inputs(label, { owner: "proj/a" }));
            f.sandbox.clearRequests();
            const r = await app.create(
                inputs(label, { owner: "proj/a", adoptExisting: true, active: false }),
            );
            assert.deepEqual(f.oktaWrites(), [
                `POST /api/v1/apps/${first.id}/lifecycle/deactivate`,
            ]);
            assert.equal(r.outs.status, "INACTIVE");
            assert.equal((await live(first.id)).status, "INACTIVE");
        });

        it("adoptExisting with no app of the label makes a new one", async () => {
            const label = uniqueLabel("Fresh");
            f.sandbox.clearRequests();
            const r = await app.create(inputs(label, { owner: "proj/a", adoptExisting: true }));
            assert.deepEqual(f.oktaWrites(), ["POST /api/v1/apps?activate=true"]);
            assert.equal((await live(r.id)).label, label);
        });

        it("a refused create fails with Okta's answer and searches for nothing", async () => {
            const label = uniqueLabel("Refused");
            f.sandbox.setFaults([{ kind: "status", status: 400, ...APP_CREATE }]);
            f.sandbox.clearRequests();
            await assert.rejects(app.create(inputs(label)), (e: Error & { status?: number }) => {
                assert.equal(e.status, 400);
                assert.match(e.message, new RegExp(`create app "${label}"`));
                return true;
            });
            assert.deepEqual(f.oktaCalls(), ["POST /api/v1/apps?activate=true"]);
        });
    });

    describe("read", () => {
        it("reports the live label, login URL and status as outputs and inputs", async () => {
            const label = uniqueLabel("Read");
            const made = await app.create(inputs(label, { owner: "proj/a" }));
            const r0 = await f.api("GET", `/api/v1/apps/${made.id}`);
            const body = { ...r0.data, label: `${label} renamed` };
            body.settings.signOn = {
                loginUrl: "https://changed.example.com/in",
                redirectUrl: "https://changed.example.com/out",
            };
            assert.equal((await f.api("PUT", `/api/v1/apps/${made.id}`, body)).status, 200);
            await f.api("POST", `/api/v1/apps/${made.id}/lifecycle/deactivate`);
            const want = {
                orgUrl: f.orgUrl,
                label: `${label} renamed`,
                loginUrl: "https://changed.example.com/in",
                redirectUrl: "https://changed.example.com/out",
                active: false,
                adoptExisting: false,
                owner: "proj/a",
            };
            assert.deepEqual(await app.read(made.id, made.outs), {
                id: made.id,
                props: { ...want, name: made.outs.name, status: "INACTIVE" },
                inputs: want,
            });
            const d = await app.diff(made.id, made.outs, want);
            assert.deepEqual(d, { changes: true, replaces: [] });
        });

        it("an app Okta no longer has reads as gone (empty id)", async () => {
            const made = await app.create(inputs(uniqueLabel("Gone"), { active: false }));
            assert.equal((await f.api("DELETE", `/api/v1/apps/${made.id}`)).status, 204);
            assert.deepEqual(await app.read(made.id, made.outs), { id: "" });
        });

        it("without stored properties it asks for a refresh", async () => {
            await assert.rejects(
                app.read("0oa123"),
                /^Error: no stored properties for Okta app 0oa123: run `pulumi refresh`$/,
            );
        });
    });

    describe("update", () => {
        it("a new label and redirect URL: one PUT; the app shows them", async () => {
            const label = uniqueLabel("Update");
            const made = await app.create(inputs(label));
            f.sandbox.clearRequests();
            const news = inputs(`${label} v2`, { redirectUrl: "https://example.com/r" });
            const r = await app.update(made.id, made.outs, news);
            assert.deepEqual(f.oktaWrites(), [`PUT /api/v1/apps/${made.id}`]);
            assert.deepEqual(r.outs, { ...news, name: made.outs.name, status: "ACTIVE" });
            const l = await live(made.id);
            assert.equal(l.label, `${label} v2`);
            assert.equal(l.redirectUrl, "https://example.com/r");
        });

        it("nothing differs: no write", async () => {
            const made = await app.create(inputs(uniqueLabel("Still")));
            f.sandbox.clearRequests();
            const r = await app.update(made.id, made.outs, inputs(made.outs.label));
            assert.deepEqual(f.oktaWrites(), []);
            assert.deepEqual(r.outs, made.outs);
        });

        it("active: false then true: only the lifecycle calls", async () => {
            const made = await app.create(inputs(uniqueLabel("Toggle")));
            f.sandbox.clearRequests();
            const off = await app.update(made.id, made.outs, { ...made.outs, active: false });
            assert.equal(off.outs.status, "INACTIVE");
            assert.equal((await live(made.id)).status, "INACTIVE");
            const on = await app.update(made.id, off.outs, { ...made.outs, active: true });
            assert.equal(on.outs.status, "ACTIVE");
            assert.equal((await live(made.id)).status, "ACTIVE");
            assert.deepEqual(f.oktaWrites(), [
                `POST /api/v1/apps/${made.id}/lifecycle/deactivate`,
                `POST /api/v1/apps/${made.id}/lifecycle/activate`,
            ]);
        });

        it("an app deleted out of band: the error names it and says to refresh", async () => {
            const label = uniqueLabel("Vanished");
            const made = await app.create(inputs(label, { active: false }));
            await f.api("DELETE", `/api/v1/apps/${made.id}`);
            f.sandbox.clearRequests();
            await assert.rejects(app.update(made.id, made.outs, inputs(label)), (e: Error) => {
                assert.equal(
                    e.message,
                    `Okta app ${made.id} ("${label}") no longer exists; run \`pulumi refresh\` so it is created again`,
                );
                return true;
            });
            assert.deepEqual(f.oktaWrites(), []);
        });
    });

    describe("delete", () => {
        it("an active app is deactivated, then deleted, on the refreshed status: no read", async () => {
            const made = await app.create(inputs(uniqueLabel("Destroy")));
            f.sandbox.clearRequests();
            await app.delete(made.id, made.outs);
            assert.deepEqual(f.oktaCalls(), [
                `POST /api/v1/apps/${made.id}/lifecycle/deactivate`,
                `DELETE /api/v1/apps/${made.id}`,
            ]);
            assert.equal((await f.api("GET", `/api/v1/apps/${made.id}`)).status, 404);
        });

        it("an inactive app is deleted with no lifecycle call", async () => {
            const made = await app.create(inputs(uniqueLabel("DestroyOff"), { active: false }));
            f.sandbox.clearRequests();
            await app.delete(made.id, made.outs);
            assert.deepEqual(f.oktaWrites(), [`DELETE /api/v1/apps/${made.id}`]);
            assert.equal((await f.api("GET", `/api/v1/apps/${made.id}`)).status, 404);
        });

        it("an app already gone counts as deleted: Okta's 404 to the delete, nothing more", async () => {
            const made = await app.create(inputs(uniqueLabel("Twice"), { active: false }));
            await f.api("DELETE", `/api/v1/apps/${made.id}`);
            f.sandbox.clearRequests();
            await app.delete(made.id, made.outs);
            assert.deepEqual(f.oktaCalls(), [`DELETE /api/v1/apps/${made.id}`]);
        });

        it("stale state, the app gone since the refresh: the deactivation's 404, one read, done", async () => {
            const made = await app.create(inputs(uniqueLabel("GoneSince")));
            await f.api("POST", `/api/v1/apps/${made.id}/lifecycle/deactivate`);
            await f.api("DELETE", `/api/v1/apps/${made.id}`);
            f.sandbox.clearRequests();
            await app.delete(made.id, made.outs); // still says ACTIVE
            assert.deepEqual(f.oktaCalls(), [
                `POST /api/v1/apps/${made.id}/lifecycle/deactivate`,
                `GET /api/v1/apps/${made.id}`,
            ]);
        });

        it("stale state, the app activated since the refresh: Okta refuses the delete, one read, deactivated and deleted", async () => {
            const made = await app.create(inputs(uniqueLabel("OnSince"), { active: false }));
            await f.api("POST", `/api/v1/apps/${made.id}/lifecycle/activate`);
            f.sandbox.clearRequests();
            await app.delete(made.id, made.outs); // still says INACTIVE
            assert.deepEqual(f.oktaCalls(), [
                `DELETE /api/v1/apps/${made.id}`,
                `GET /api/v1/apps/${made.id}`,
                `POST /api/v1/apps/${made.id}/lifecycle/deactivate`,
                `DELETE /api/v1/apps/${made.id}`,
            ]);
            assert.equal((await f.api("GET", `/api/v1/apps/${made.id}`)).status, 404);
        });
    });

    // Okta's answer to the create is a failure that may follow a write: a proxy in front of the
    // sandbox's Okta forwards the create, then loses the answer, answers 500, or forwards it twice
    // and drops the connection. The create adopts the one app made around the call, never makes a
    // second one, and fails where the app it made cannot be told apart.
    describe("create after a failed answer (the sandbox behind a proxy)", () => {
        const APPS = /^\/api\/v1\/apps$/;
        const OKTA_500 = {
            status: 500,
            body: { errorCode: "E0000009", errorSummary: "Internal Server Error", errorCauses: [] },
        };
        let proxy: Proxy;
        before(async () => {
            proxy = await f.oktaProxy();
        });

        it("Okta acted but the answer was lost: the one app created during the call is adopted", async () => {
            proxy.dropAnswer("POST", APPS);
            const label = uniqueLabel("Answer lost");
            const r = await app.create(inputs(label, { orgUrl: proxy.url }));
            const apps = await appsLabelled(label);
            assert.equal(apps.length, 1);
            assert.equal(r.id, apps[0].id);
        });
        const appsLabelled = async (label: string) =>
            (
                (await f.api("GET", `/api/v1/apps?q=${encodeURIComponent(label)}`)).data as {
                    id: string;
                    label: string;
                    status: string;
                }[]
            ).filter((a) => a.label === label);

        it("Okta's 500 after it made the app: the app is adopted (and deactivated as declared), not made twice", async () => {
            proxy.replaceAnswer("POST", APPS, OKTA_500);
            const label = uniqueLabel("Answer 500");
            // an app of the same label made by hand elsewhere is not the one this call made
            const decoy = await f.api("POST", "/api/v1/apps", {
                label,
                signOnMode: "AUTO_LOGIN",
                settings: { app: {}, signOn: { loginUrl: "https://elsewhere.example.com/login" } },
            });
            assert.equal(decoy.status, 200);
            const r = await app.create({
                orgUrl: proxy.url,
                label,
                loginUrl: f.loginUrl,
                active: false,
                adoptExisting: false,
            });
            const apps = await appsLabelled(label);
            assert.notEqual(r.id, decoy.data.id);
            assert.deepEqual(
                apps.map((a) => [a.id, a.status]).sort(),
                [
                    [decoy.data.id, "ACTIVE"],
                    [r.id, "INACTIVE"],
                ].sort(),
            );
            assert.equal(r.outs.status, "INACTIVE");
        });

        it("two apps appeared during a call whose answer was lost: neither is adopted, the create fails", async () => {
            proxy.replaceAnswer("POST", APPS, "reset", { forwards: 2 });
            const restore = setOktaRetryPolicy({ visibilityLagMs: 0 });
            const label = uniqueLabel("Answer lost twice");
            try {
                await assert.rejects(
                    app.create({
                        orgUrl: proxy.url,
                        label,
                        loginUrl: f.loginUrl,
                        active: true,
                        adoptExisting: false,
                    }),
                    (e: Error & { status?: number }) => {
                        assert.equal(e.status, undefined);
                        assert.match(e.message, new RegExp(`create app "${label}"`));
                        return true;
                    },
                );
            } finally {
                restore();
            }
            assert.equal(
                (await appsLabelled(label)).length,
                2,
                "nothing deleted, nothing more made",
            );
        });

        // Moved here from integration/faults.engine, where the product's visibility wait (20 s)
        // after the dropped create made the run slow; the window is 0 here (the search that
        // follows still runs once), the rest is the product's own path.
        it("a create held, then dropped, before Okta acted: one POST, the search finds none, the create fails naming it", async () => {
            const restore = setOktaRetryPolicy({ visibilityLagMs: 0 });
            f.sandbox.setFaults([{ kind: "timeout", holdMs: 400, times: 1, ...APP_CREATE }]);
            const label = uniqueLabel("Dropped");
            f.sandbox.clearRequests();
            try {
                await assert.rejects(
                    app.create(inputs(label)),
                    (e: Error & { status?: number }) => {
                        assert.equal(e.status, undefined, "no answer, so no status");
                        assert.match(e.message, new RegExp(`create app "${label}"`));
                        assert.doesNotMatch(e.message, /\n\s+at /, "no stack trace");
                        return true;
                    },
                );
            } finally {
                restore();
            }
            const calls = f.oktaCalls();
            assert.deepEqual(
                calls.filter((c) => c.startsWith("POST")),
                ["POST /api/v1/apps?activate=true"],
                `not repeated blindly: ${calls.join(", ")}`,
            );
            assert.ok(
                calls.includes(`GET /api/v1/apps?q=${encodeURIComponent(label)}&limit=200`),
                calls.join(", "),
            );
            assert.deepEqual(await appsLabelled(label), []);
        });

        it("Okta's 500 before any write: the create searches, finds none and fails with the 500", async () => {
            const restore = setOktaRetryPolicy({ visibilityLagMs: 0 });
            f.sandbox.setFaults([{ kind: "status", status: 500, ...APP_CREATE }]);
            const label = uniqueLabel("Refused 500");
            f.sandbox.clearRequests();
            try {
                await assert.rejects(
                    app.create({
                        orgUrl: f.orgUrl,
                        label,
                        loginUrl: f.loginUrl,
                        active: true,
                        adoptExisting: false,
                    }),
                    (e: Error & { status?: number }) => {
                        assert.equal(e.status, 500);
                        return true;
                    },
                );
            } finally {
                restore();
            }
            assert.deepEqual(f.oktaCalls(), [
                "POST /api/v1/apps?activate=true",
                `GET /api/v1/apps?q=${encodeURIComponent(label)}&limit=200`,
            ]);
            assert.deepEqual(await appsLabelled(label), []);
        });
    });
});
