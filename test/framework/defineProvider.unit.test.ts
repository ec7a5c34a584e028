// defineProvider: the one surface every provider module exports. Stacks store a forwarder that
// loads a module by package path and calls check, diff, create, read, update and delete on it, so
// every module must answer all six, and each must reach the module's own method.
import { strict as assert } from "assert";
import { defineProvider, type ProviderDefinition } from "../../provider/framework/defineProvider";
import { forwarder } from "../../provider/forwarder";

/** The package paths the resource classes store in state (provider/<vendor>/<resource>.ts). */
const MODULES = [
    "cxone/roleProvider",
    "cxone/employeeProvider",
    "cxone/accessKeyProvider",
    "guard/removalGuardProvider",
    "okta/autoLoginAppProvider",
    "okta/groupAssignmentProvider",
    "okta/scimConnectionProvider",
    "okta/provisioningActionsProvider",
    "okta/appUserSchemaPropertiesProvider",
    "okta/profileMappingProvider",
].map((m) => `cxone-okta-scim/provider/${m}`);

const METHODS = ["check", "diff", "create", "read", "update", "delete"] as const;

type State = { name: string };
type Outputs = State & { serial: number };

/** A definition that records each call it gets. */
function recording(calls: unknown[][]): ProviderDefinition<State, Outputs> {
    return {
        noun: "widget",
        check: (news) =>
            typeof news.name === "string"
                ? { inputs: { name: news.name }, failures: [] }
                : { inputs: news as State, failures: [{ property: "name", reason: "bad name" }] },
        diff: (olds, news) => ({
            changes: olds.name !== news.name,
            replaces: ["name"],
            changed: ["name"],
        }),
        create: async (news) => ({ id: "w1", outs: { ...news, serial: 1 } }),
        read: async (id, olds) => {
            calls.push(["read", id, olds]);
            return { id, props: olds };
        },
        update: async (id, olds, news) => {
            calls.push(["update", id, olds, news]);
            return { outs: { ...news, serial: olds.serial + 1 } };
        },
        delete: async (id, olds) => {
            calls.push(["delete", id, olds]);
            if (olds.name === "stuck") throw new Error("widget w1 is stuck");
        },
    };
}

describe("defineProvider", () => {
    it("every provider module, loaded by package path as state stores it, answers all six methods", () => {
        for (const path of MODULES) {
            const m = require(path) as Record<string, unknown>; // as the stored forwarder loads it
            for (const name of METHODS)
                assert.equal(typeof m[name], "function", `${path}: ${name}`);
        }
    });

    it("check keeps every failure and the inputs", async () => {
        const p = defineProvider(recording([]));
        assert.deepEqual(await p.check({}, { name: 5 }), {
            inputs: { name: 5 },
            failures: [{ property: "name", reason: "bad name" }],
        });
        assert.deepEqual(await p.check({}, { name: "a" }), { inputs: { name: "a" }, failures: [] });
    });

    it("diff hands the engine only its own fields", async () => {
        const p = defineProvider(recording([]));
        assert.deepEqual(await p.diff("w1", { name: "a", serial: 1 }, { name: "b" }), {
            changes: true,
            replaces: ["name"],
        });
    });

    it("diff never sees the stored provider text: a stack's older text is no change", async () => {
        const seen: unknown[] = [];
        const p = defineProvider({
            ...recording([]),
            diff: (olds, news) => {
                seen.push(olds, news);
                return { changes: JSON.stringify(olds) !== JSON.stringify(news) };
            },
        });
        const olds = { name: "a", __provider: "exports.handler = () => forwarder" };
        const news = { name: "a", __provider: "exports.handler = () => module" };
        assert.deepEqual(await p.diff("w1", olds, news), { changes: false });
        assert.deepEqual(seen, [{ name: "a" }, { name: "a" }]);
        assert.deepEqual(await p.diff("w1", olds, { ...news, name: "b" }), { changes: true });
    });

    it("read, update and delete reach the module's methods with the stored properties", async () => {
        const calls: unknown[][] = [];
        const p = defineProvider(recording(calls));
        const olds = { name: "a", serial: 1 };
        assert.deepEqual(await p.create({ name: "a" }), { id: "w1", outs: olds });
        assert.deepEqual(await p.read("w1", olds), { id: "w1", props: olds });
        assert.deepEqual(await p.update("w1", olds, { name: "b" }), {
            outs: { name: "b", serial: 2 },
        });
        await p.delete("w1", olds);
        assert.deepEqual(calls, [
            ["read", "w1", olds],
            ["update", "w1", olds, { name: "b" }],
            ["delete", "w1", olds],
        ]);
        await assert.rejects(p.delete("w1", { name: "stuck", serial: 1 }), /widget w1 is stuck/);
    });

    it("read without stored properties names the resource and the way on", async () => {
        const p = defineProvider(recording([]));
        await assert.rejects(p.read("w1"), {
            message: "no stored properties for widget w1: run `pulumi refresh`",
        });
    });

    it("a method left out answers as the stored forwarder's fallback does", async () => {
        const { read: _r, update: _u, delete: _d, ...rest } = recording([]);
        const p = defineProvider(rest);
        const olds = { name: "a", serial: 1 };
        assert.deepEqual(await p.read("w1", olds), { id: "w1", props: olds });
        assert.deepEqual(await p.update("w1", olds, { name: "b" }), { outs: { name: "b" } });
        assert.equal(await p.delete("w1", olds), undefined);
    });

    it("through the stored forwarder: check's failures and delete's refusal come from the module", async () => {
        const role = forwarder("cxone-okta-scim/provider/cxone/roleProvider");
        const checked = await role.check!({}, { name: 5 });
        assert.ok(
            checked.failures?.some((f) => f.property === "name"),
            JSON.stringify(checked.failures),
        );
        // no pulumi command above mocha: the guard refuses a deletion nobody asked for
        const guard = forwarder("cxone-okta-scim/provider/guard/removalGuardProvider");
        await assert.rejects(
            guard.delete!("g", { integration: "i", roleId: "r", employeeId: "e" }),
            /role r deactivated/,
        );
        await guard.delete!("g", { allowRemoval: true });
    });
});
