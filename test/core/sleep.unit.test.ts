// The clients' one sleep: it waits the time asked, and a negative time resolves at once.
import { strict as assert } from "assert";
import { sleep } from "../../provider/core/sleep";

describe("core: sleep", () => {
    it("waits at least the time asked", async () => {
        const t0 = Date.now();
        await sleep(60);
        assert.ok(Date.now() - t0 >= 55, `${Date.now() - t0} ms`);
    });
    it("zero or a negative time resolves on the next turn", async () => {
        const t0 = Date.now();
        await sleep(-500);
        await sleep(0);
        assert.ok(Date.now() - t0 < 400, "well short of the 500 ms asked"); // room for a stalled worker
    });
});
