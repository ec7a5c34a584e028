// Dynamic-provider property helpers: undefined keys dropped (the engine's Structs cannot hold
// them), defaults kept where an input is unset, and read() refusing to run without stored state.
import { strict as assert } from "assert";
import { compact, stored, withDefaults } from "../../provider/framework/props";

describe("provider props", () => {
    it("compact drops only undefined values, at the top level", () => {
        const out = compact({ a: undefined, b: null, c: 0, d: "", e: false, f: { g: undefined } });
        assert.deepEqual(out, { b: null, c: 0, d: "", e: false, f: { g: undefined } });
        assert.deepEqual(Object.keys(out), ["b", "c", "d", "e", "f"]);
    });
    it("withDefaults: undefined and null keep the default; every other value wins", () => {
        const out = withDefaults(
            { label: "NICE CXone", invite: true, wait: 0, extra: "kept" },
            { label: undefined, invite: false, wait: null, name: "x", empty: "" },
        );
        assert.deepEqual(out, {
            label: "NICE CXone",
            invite: false,
            wait: 0,
            extra: "kept",
            name: "x",
            empty: "",
        });
    });
    it("stored returns the properties, or tells the operator to refresh", () => {
        const props = { id: "1" };
        assert.equal(stored(props, "role 1"), props);
        assert.throws(() => stored(undefined, "role 1"), {
            message: "no stored properties for role 1: run `pulumi refresh`",
        });
    });
});
