// The sandbox Okta's other worlds (sandbox/variants/okta.ts), each shown by the answers that make
// it that world, beside the default world where the difference is a behaviour. The product's whole
// flow in each world: test/integration/variants.http and variants.engine.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { sandboxFiles } from "../../sandbox/core/paths";
import { loadState } from "../../sandbox/core/store";
import { appProfile } from "../../sandbox/okta/appProfile";
import { LONG_GROUP_ID } from "../../sandbox/variants/okta";
import { autoLoginBody } from "../support/oktaHarness";
import { assertOktaError, sandboxOktaApi } from "../support/sandboxOktaApi";

/** A sandbox in the given worlds (none: the default) in `dir`, and its Okta API. */
async function world(variants: string[], dir: string) {
    const sb: RunningSandbox = await startSandbox({ dir, variants });
    const okta = sandboxOktaApi(() => sb);
    const newApp = async () => {
        const app = await okta("POST", "/api/v1/apps?activate=true", autoLoginBody("CXone"));
        assert.strictEqual(app.status, 200, JSON.stringify(app.body));
        return app.body.id as string;
    };
    const schema = (appId: string) => okta("GET", `/api/v1/meta/schemas/apps/${appId}/default`);
    const declare = (appId: string, properties: Record<string, unknown>) =>
        okta("POST", `/api/v1/meta/schemas/apps/${appId}/default`, {
            definitions: { custom: { id: "#custom", type: "object", properties } },
        });
    return { sb, dir, okta, newApp, schema, declare };
}
type World = Awaited<ReturnType<typeof world>>;

const customString = { title: "Extra", type: "string", scope: "NONE", externalName: "extra" };

/** Runs each step in a sandbox of these worlds, started again on the same directory for the next. */
async function inWorld(
    variants: string[],
    ...steps: ((w: World) => Promise<void>)[]
): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-variant-"));
    try {
        for (const step of steps) {
            const w = await world(variants, dir);
            try {
                await step(w);
            } finally {
                await w.sb.stop();
            }
        }
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe("sandbox Okta: each other world as its answers show it (variants/okta.ts)", function () {
    this.timeout(20000);

    it("connections-absent: connections/default is 404 E0000007, the app itself still answers", () =>
        inWorld(["connections-absent"], async ({ okta, newApp }) => {
            const id = await newApp();
            const c = await okta("GET", `/api/v1/apps/${id}/connections/default`);
            assert.strictEqual(c.status, 404);
            assert.strictEqual(c.body.errorCode, "E0000007");
            assert.match(c.body.errorSummary, /AppInstanceConnection/);
            assert.strictEqual((await okta("GET", `/api/v1/apps/${id}`)).status, 200);
        }));

    it("base-schema-with-display-name: every new app's base has displayName and timezone, so declaring them is refused", () =>
        inWorld(["base-schema-with-display-name"], async ({ newApp, schema, declare }) => {
            const id = await newApp();
            const base = (await schema(id)).body.definitions.base.properties;
            assert.strictEqual(base.displayName?.title, "Display name");
            assert.strictEqual(base.displayName?.externalName, "displayName");
            assert.strictEqual(base.timezone?.title, "Time zone");
            assert.strictEqual(base.timezone?.externalName, "timezone");
            const refused = await declare(id, {
                displayName: { ...customString, externalName: "displayName" },
            });
            assert.strictEqual(refused.status, 400, JSON.stringify(refused.body));
            assert.strictEqual(refused.body.errorCode, "E0000001");
        }));

    it("app-user-base-seed: only the four base properties of NICE's procedure, where the default world has more", async () => {
        const keys = async (variants: string[]) => {
            let out: string[] = [];
            await inWorld(variants, async ({ newApp, schema }) => {
                out = Object.keys(
                    (await schema(await newApp())).body.definitions.base.properties,
                ).sort();
            });
            return out;
        };
        assert.deepStrictEqual(await keys(["app-user-base-seed"]), [
            "email",
            "familyName",
            "givenName",
            "userName",
        ]);
        assert.ok((await keys([])).length > 4, "the default world's base is larger");
    });

    it("schema-null-ignored: a custom property sent as null stays; in the default world it goes", async () => {
        const afterNull = async (variants: string[]) => {
            let kept = false;
            await inWorld(variants, async ({ newApp, schema, declare }) => {
                const id = await newApp();
                assert.strictEqual((await declare(id, { extra: customString })).status, 200);
                const r = await declare(id, { extra: null });
                assert.strictEqual(r.status, 200, JSON.stringify(r.body));
                kept = "extra" in (await schema(id)).body.definitions.custom.properties;
            });
            return kept;
        };
        assert.strictEqual(await afterNull(["schema-null-ignored"]), true);
        assert.strictEqual(await afterNull([]), false);
    });

    it("mapping-null-ignored: a mapping sent as null stays; in the default world it goes", async () => {
        const afterNull = async (variants: string[]) => {
            let kept = false;
            await inWorld(variants, async ({ okta, newApp }) => {
                const id = await newApp();
                const list = await okta("GET", `/api/v1/mappings?targetId=${id}`);
                const mapping = `/api/v1/mappings/${list.body[0].id}`;
                assert.ok(
                    (await okta("GET", mapping)).body.properties.givenName,
                    "mapped at first",
                );
                const r = await okta("POST", mapping, { properties: { givenName: null } });
                assert.strictEqual(r.status, 200, JSON.stringify(r.body));
                kept = "givenName" in (await okta("GET", mapping)).body.properties;
            });
            return kept;
        };
        assert.strictEqual(await afterNull(["mapping-null-ignored"]), true);
        assert.strictEqual(await afterNull([]), false);
    });

    it("base-schema-with-display-name: a refused app create is answered as in any world", () =>
        inWorld(["base-schema-with-display-name"], async ({ okta }) => {
            const r = await okta("POST", "/api/v1/apps", { signOnMode: "AUTO_LOGIN" });
            assert.strictEqual(r.status, 400, JSON.stringify(r.body));
            assert.strictEqual(r.body.errorCode, "E0000001");
        }));

    it("okta-no-date-header: no Date header on any answer; the first app create is 429 E0000047 resetting within 2 s", () =>
        inWorld(["okta-no-date-header"], async ({ okta }) => {
            const first = await okta("POST", "/api/v1/apps?activate=true", autoLoginBody("CXone"));
            const now = Math.ceil(Date.now() / 1000);
            assert.strictEqual(first.status, 429);
            assert.strictEqual(first.body.errorCode, "E0000047");
            assert.strictEqual(first.headers.get("x-rate-limit-limit"), "100");
            assert.strictEqual(first.headers.get("x-rate-limit-remaining"), "0");
            const reset = Number(first.headers.get("x-rate-limit-reset"));
            assert.ok(reset > now && reset <= now + 2, `reset ${reset}, now ${now}`);
            assert.strictEqual(first.headers.get("date"), null);
            const second = await okta("POST", "/api/v1/apps?activate=true", autoLoginBody("CXone"));
            assert.strictEqual(second.status, 200, "only the first is limited");
            assert.strictEqual(second.headers.get("date"), null);
            assert.strictEqual((await okta("GET", "/api/v1/groups")).headers.get("date"), null);
        }));

    it("okta-long-ids: the org has a group whose id is longer than Okta's usual 20 characters", () =>
        inWorld(["okta-long-ids"], async ({ okta }) => {
            const g = await okta("GET", `/api/v1/groups/${LONG_GROUP_ID}`);
            assert.strictEqual(g.status, 200);
            assert.strictEqual(g.body.id.length, 24);
            assert.strictEqual(g.body.type, "OKTA_GROUP");
            assert.strictEqual(g.body.profile.name, "Long Id Agents");
            const members = await okta("GET", `/api/v1/groups/${LONG_GROUP_ID}/users`);
            assert.deepStrictEqual([members.status, members.body], [200, []]);
        }));

    it("base-schema-with-display-name: the added base properties are saved at once, as every change is", () =>
        inWorld(["base-schema-with-display-name"], async ({ newApp, dir }) => {
            const id = await newApp();
            // what another run (the CLI, a second process) reads while this one still runs
            const saved = loadState(sandboxFiles(dir).state)!.okta.apps[id];
            const base = appProfile(saved).base!;
            assert.strictEqual(base.displayName?.title, "Display name");
            assert.strictEqual(base.timezone?.title, "Time zone");
        }));

    it("schema-null-ignored and mapping-null-ignored: a body without properties is answered as in the default world", async () => {
        const answers = async (variants: string[]) => {
            const out: [number, unknown][] = [];
            await inWorld(variants, async ({ okta, newApp }) => {
                const id = await newApp();
                const schema = `/api/v1/meta/schemas/apps/${id}/default`;
                for (const body of [{}, { definitions: {} }, { definitions: { custom: {} } }]) {
                    const r = await okta("POST", schema, body);
                    out.push([r.status, r.body.errorCode]);
                }
                const r = await okta("POST", schema, {
                    definitions: { custom: { properties: null } },
                });
                out.push([r.status, r.body.errorCode]);
                const list = await okta("GET", `/api/v1/mappings?targetId=${id}`);
                const mapping = `/api/v1/mappings/${list.body[0].id}`;
                for (const body of [{}, { properties: null }]) {
                    const m = await okta("POST", mapping, body);
                    out.push([m.status, m.body.errorCode]);
                }
            });
            return out;
        };
        const plain = await answers([]);
        assert.deepStrictEqual(
            await answers(["schema-null-ignored", "mapping-null-ignored"]),
            plain,
        );
    });

    it("okta-no-date-header: Okta's own rate-limit summary; only the app create itself is limited", () =>
        inWorld(["okta-no-date-header"], async ({ okta }) => {
            for (const other of [
                "/api/v1/apps/0oanosuchapp/lifecycle/activate",
                "/v2/api/v1/apps",
            ]) {
                const r = await okta("POST", other);
                assert.strictEqual(r.status, 404, `${other}: ${JSON.stringify(r.body)}`);
            }
            assertOktaError(
                await okta("POST", "/api/v1/apps/", autoLoginBody("CXone")),
                429,
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
            );
        }));

    it("okta-long-ids: the group as the world has it, its members kept when the sandbox starts again", async () => {
        let userId = "";
        await inWorld(
            ["okta-long-ids"],
            async ({ okta, sb }) => {
                assert.deepStrictEqual(sb.context.state.okta.memberships[LONG_GROUP_ID], []);
                const g = await okta("GET", `/api/v1/groups/${LONG_GROUP_ID}`);
                assert.deepStrictEqual(g.body.profile, {
                    name: "Long Id Agents",
                    description: "a group with a 24-character id",
                });
                userId = (await okta("GET", "/api/v1/users")).body[0].id;
                const put = await okta("PUT", `/api/v1/groups/${LONG_GROUP_ID}/users/${userId}`);
                assert.strictEqual(put.status, 204, JSON.stringify(put.body));
            },
            async ({ okta }) => {
                const members = await okta("GET", `/api/v1/groups/${LONG_GROUP_ID}/users`);
                assert.deepStrictEqual(
                    members.body.map((u: { id: string }) => u.id),
                    [userId],
                );
            },
        );
    });
});
