// The bench's rate-limit statistics: which calls noteRefusals appends (only those refused at least
// once, and only with CXONE_OKTA_RATE_STATS set), the exact line, and what readRateStats reads back.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { noteRefusals, RATE_STATS_ENV, readRateStats } from "../../provider/core/rateStats";

describe("core: the rate-limit statistics file", () => {
    let root: string;
    let saved: string | undefined;
    before(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-rate-stats-"));
        saved = process.env[RATE_STATS_ENV];
    });
    afterEach(() => {
        if (saved === undefined) delete process.env[RATE_STATS_ENV];
        else process.env[RATE_STATS_ENV] = saved;
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("appends one exact line per refused call; none for a call never refused", () => {
        assert.equal(RATE_STATS_ENV, "CXONE_OKTA_RATE_STATS");
        const file = path.join(root, "stats.jsonl");
        process.env[RATE_STATS_ENV] = file;
        noteRefusals(0);
        noteRefusals(-1);
        assert.equal(fs.existsSync(file), false);
        noteRefusals(2);
        noteRefusals(1);
        assert.equal(fs.readFileSync(file, "utf8"), '{"refusals":2}\n{"refusals":1}\n');
        assert.deepEqual(readRateStats(file), { refusedCalls: 2, maxRefusals: 2 });
    });

    it("unset (or empty), nothing is written; an unwritable file is no error", () => {
        delete process.env[RATE_STATS_ENV];
        const before = fs.readdirSync(root);
        noteRefusals(3);
        process.env[RATE_STATS_ENV] = "";
        noteRefusals(3);
        assert.deepEqual(fs.readdirSync(root), before);
        process.env[RATE_STATS_ENV] = path.join(root, "no-such-dir", "stats.jsonl");
        noteRefusals(3);
        assert.equal(fs.existsSync(path.join(root, "no-such-dir")), false);
    });

    it("reads a missing file as none, blank lines skipped, a line without a count as 0", () => {
        assert.deepEqual(readRateStats(path.join(root, "missing.jsonl")), {
            refusedCalls: 0,
            maxRefusals: 0,
        });
        const file = path.join(root, "mixed.jsonl");
        fs.writeFileSync(file, '{"refusals":3}\n\n{}\n{"refusals":"x"}\n{"refusals":7}\n');
        assert.deepEqual(readRateStats(file), { refusedCalls: 4, maxRefusals: 7 });
        const empty = path.join(root, "empty.jsonl");
        fs.writeFileSync(empty, "");
        assert.deepEqual(readRateStats(empty), { refusedCalls: 0, maxRefusals: 0 });
    });
});
