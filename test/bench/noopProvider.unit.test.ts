// The paced floor's no-op provider (bench/noopProvider.ts): a resource given calls and a rate waits
// for that many slots of one pacer the whole process shares; without them it waits for nothing.
import { strict as assert } from "assert";
import * as noop from "../../bench/noopProvider";

describe("bench: the no-op provider's pacer", () => {
    it("creates without calls at once, with the outputs the floor's stack reads", async () => {
        const t0 = Date.now();
        const r = await noop.create({ email: "a@b" });
        assert.ok(Date.now() - t0 < 500); // room for a stalled worker; a paced wait is unbounded
        assert.deepEqual(r.outs, { email: "a@b", status: "pending", secret: "s" });
    });

    it("spaces every call of every resource at the rate, one pacer for all", async () => {
        const perSecond = 100; // 10 ms a slot
        const t0 = Date.now();
        // three resources at once: 3 + 1 + 2 calls share the pacer, so the last ends 5 slots on
        const done = await Promise.all(
            [3, 1, 2].map(async (calls) => {
                await noop.create({ calls, perSecond });
                return Date.now() - t0;
            }),
        );
        assert.ok(Math.max(...done) >= 45, `6 calls at 100/s took ${Math.max(...done)} ms`);
        assert.ok(Math.max(...done) < 2000, `${Math.max(...done)} ms`);
    });
});
