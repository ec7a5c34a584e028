// The variant mechanism's pure parts (sandbox/variants/index.ts): names resolved in order and
// once each, an unknown name refused by its own error, and a world set up saved only when a
// variant had something to add. Over HTTP: variants.http.test.ts.
import { strict as assert } from "assert";
import type { SandboxContext } from "../../sandbox/core/context";
import { freshWorld } from "../../sandbox/core/world";
import {
    resolveVariants,
    setUpWorlds,
    UnknownVariantError,
    VARIANTS,
    type SandboxVariant,
} from "../../sandbox/variants/index";

describe("sandbox variants: the mechanism (pure)", () => {
    it("resolves names in the order given, each once", () => {
        const names = resolveVariants([
            "token-camel-case",
            "role-create-absent",
            "token-camel-case",
        ]).map((v) => v.name);
        assert.deepEqual(names, ["token-camel-case", "role-create-absent"]);
        assert.deepEqual(resolveVariants(), []);
    });

    it("refuses an unknown name with its own error, naming every known one", () => {
        assert.throws(
            () => resolveVariants(["role-create-absent", "flat-earth"]),
            (e: unknown) => {
                assert.ok(e instanceof UnknownVariantError);
                assert.equal(e.name, "UnknownVariantError");
                assert.equal(
                    e.message,
                    `unknown sandbox variant "flat-earth"; known: ${VARIANTS.map((v) => v.name).join(", ")}`,
                );
                return true;
            },
        );
    });

    it("saves the world once after the variants that add to it, and not at all when none does", () => {
        let saves = 0;
        const ctx: SandboxContext = {
            state: freshWorld(),
            save: () => void saves++,
            urls: { cxone: "http://127.0.0.1:1", okta: "http://127.0.0.1:2" },
        };
        const env = { ctx, hosts: () => ({ issuer: "", area: "", userHub: "", acd: "" }) };
        const plain = VARIANTS.filter((v) => !v.setUp).slice(0, 2);
        setUpWorlds(plain, env);
        assert.equal(saves, 0);
        const added: string[] = [];
        const adding = (name: string): SandboxVariant => ({
            name,
            fact: "f",
            world: "w",
            setUp: () => void added.push(name),
        });
        setUpWorlds([adding("a"), ...plain, adding("b")], env);
        assert.deepEqual(added, ["a", "b"]);
        assert.equal(saves, 1);
    });
});
