// The preload every program the host runs gets (node -r plainErrorStacks.js): util.inspect, as the
// SDK's runner calls it through the module object, prints an Error uncoloured even when asked for
// colours; everything else is inspected as before. Loaded here in process for each test, then undone.
import { strict as assert } from "assert";
import * as util from "util";

describe("language host: errors printed uncoloured in programs", () => {
    const utilModule: { inspect: typeof util.inspect } = require("util");
    const original = utilModule.inspect;
    const ansi = /\u001b\[/;
    // Loaded afresh for each test and undone after it, so every test runs the preload's own code.
    beforeEach(() => {
        delete require.cache[require.resolve("../../langhost/plainErrorStacks")];
        require("../../langhost/plainErrorStacks");
    });
    afterEach(() => {
        utilModule.inspect = original;
    });

    it("an Error asked for in colour comes without colour, other options kept", () => {
        const e = new Error("boom");
        const shown = utilModule.inspect(e, { colors: true, compact: true });
        assert.notEqual(utilModule.inspect, original);
        assert.doesNotMatch(shown, ansi);
        assert.equal(shown, original(e, { colors: false, compact: true }));
        assert.match(original(e, { colors: true }), ansi, "the original does colour it");
        // the other options still apply: depth 0 folds an error's nested detail
        const nested = Object.assign(new Error("deep"), { detail: { a: { b: 1 } } });
        const folded = utilModule.inspect(nested, { colors: true, depth: 0 });
        assert.equal(folded, original(nested, { colors: false, depth: 0 }));
        assert.match(folded, /detail: \[Object\]/);
    });
    it("anything else, or an Error without options, is inspected exactly as before", () => {
        const e = new Error("plain");
        assert.equal(utilModule.inspect(e), original(e));
        assert.equal(
            utilModule.inspect({ a: 1 }, { colors: true }),
            original({ a: 1 }, { colors: true }),
        );
        assert.match(utilModule.inspect("text", { colors: true }), ansi);
        assert.equal(utilModule.inspect(e, null as never), original(e, null as never));
        // the old signature, (value, showHidden, depth), for an Error too
        const nested = Object.assign(new Error("deep"), { detail: { a: { b: 1 } } });
        assert.equal(utilModule.inspect(nested, false, 0), original(nested, false, 0));
        assert.match(utilModule.inspect(nested, false, 0), /detail: \[Object\]/);
        assert.equal(
            utilModule.inspect({ a: [1, { b: 2 }] }, false, 0),
            original({ a: [1, { b: 2 }] }, false, 0),
        );
    });
    it("keeps util.inspect's own properties (custom symbol, default options, styles)", () => {
        assert.equal(utilModule.inspect.custom, original.custom);
        assert.equal(utilModule.inspect.colors, original.colors);
    });
    it("util.inspect.defaultOptions is util's own: read and set through the replacement", () => {
        const saved = original.defaultOptions;
        assert.deepEqual(utilModule.inspect.defaultOptions, saved);
        try {
            utilModule.inspect.defaultOptions = { ...saved, depth: 0 };
            assert.equal(original.defaultOptions.depth, 0);
        } finally {
            original.defaultOptions = saved;
        }
        assert.equal(utilModule.inspect.styles, original.styles);
    });
});
