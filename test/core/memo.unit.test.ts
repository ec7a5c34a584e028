// The provider process's one-load-per-key cache (role names, the default authenticator):
// concurrent callers share one load, an answer is kept, and a failure is not remembered.
import { strict as assert } from "assert";
import { memo } from "../../provider/core/memo";

describe("core: memo", () => {
    it("concurrent callers of one key share one load; another key loads its own", async () => {
        const cache = new Map<string, Promise<string>>();
        let loads = 0;
        const load = (v: string) => () => {
            loads++;
            return new Promise<string>((resolve) => setTimeout(() => resolve(v), 10));
        };
        const answers = await Promise.all([
            memo(cache, "a", load("first")),
            memo(cache, "a", load("second")),
            memo(cache, "b", load("other")),
        ]);
        assert.deepEqual(answers, ["first", "first", "other"]);
        assert.equal(loads, 2);
        assert.equal(await memo(cache, "a", load("later")), "first", "an answer is kept");
        assert.equal(loads, 2);
    });

    it("a failure is not remembered: every waiting caller sees it, the next caller loads again", async () => {
        const cache = new Map<string, Promise<number>>();
        let loads = 0;
        const failing = () => {
            loads++;
            return Promise.reject(new Error("HTTP 503"));
        };
        const both = await Promise.allSettled([
            memo(cache, "k", failing),
            memo(cache, "k", failing),
        ]);
        assert.deepEqual(
            both.map((r) => r.status),
            ["rejected", "rejected"],
        );
        assert.equal(loads, 1);
        assert.equal(cache.has("k"), false);
        assert.equal(
            await memo(cache, "k", async () => {
                loads++;
                return 7;
            }),
            7,
        );
        assert.equal(loads, 2);
    });
});
