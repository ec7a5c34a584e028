// The sandbox Okta's other worlds (sandbox/variants/okta.ts), each shown by the answers that make
// it that world, beside the default world where the difference is a behaviour. The product's whole
// flow in each world: test/integration/variants.http and variants.engine.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { LONG_GROUP_ID } from "../../sandbox/variants/okta";
import { autoLoginBody } from "../support/oktaHarness";
import { sandboxOktaApi } from "../support/sandboxOktaApi";

/** A sandbox in the given worlds (none: the default), and its Okta API. */
async function world(...variants: string[]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-variant-"));
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
    const stop = async () => {
        await sb.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    };
    return { sb, okta, newApp, schema, declare, stop };
}
type World = Awaited<ReturnType<typeof world>>;

const customString = { title: "Extra", type: "string", scope: "NONE", externalName: "extra" };

async function inWorld(variants: string[], f: (w: World) => Promise<void>): Promise<void> {
    const w = await world(...variants);
    try {
        await f(w);
    } finally {
        await w.stop();
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
});
