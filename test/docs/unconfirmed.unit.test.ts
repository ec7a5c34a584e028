// The inventory of unconfirmed facts (docs/vendor-facts/unconfirmed.md) against the marks in the
// code and the sandbox's variants: a new [guess] cannot land without its row and its other world.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { VARIANTS } from "../../sandbox/variants/index";
import { repoRoot } from "../../scripts/lib/engine";

const MARK = /\[(guess|seen|sdk)(?::([a-z0-9]+(?:-[a-z0-9]+)*))?\]/g;

interface Row {
    id: string;
    mark: string;
    variants: string[];
    outcome: string;
}

function sources(dir: string): string[] {
    const out: string[] = [];
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) out.push(...sources(p));
        else if (e.name.endsWith(".ts")) out.push(p);
    }
    return out;
}

/** Every mark in provider/ and program/: id -> marks and files; bare marks by file and line. */
function marksInCode() {
    const ids = new Map<string, { marks: Set<string>; files: Set<string> }>();
    const bare: string[] = [];
    for (const dir of ["provider", "program"])
        for (const file of sources(path.join(repoRoot, dir))) {
            const rel = path.relative(repoRoot, file);
            fs.readFileSync(file, "utf8")
                .split("\n")
                .forEach((line, i) => {
                    for (const m of line.matchAll(MARK)) {
                        if (!m[2]) {
                            bare.push(`${rel}:${i + 1}: ${m[0]}`);
                            continue;
                        }
                        const e = ids.get(m[2]) ?? { marks: new Set(), files: new Set() };
                        e.marks.add(m[1]);
                        e.files.add(rel);
                        ids.set(m[2], e);
                    }
                });
        }
    return { ids, bare };
}

function rows(): Row[] {
    const text = fs.readFileSync(
        path.join(repoRoot, "docs", "vendor-facts", "unconfirmed.md"),
        "utf8",
    );
    const out: Row[] = [];
    for (const line of text.split("\n")) {
        const m = /^\| `([a-z0-9-]+)` \|(.*)\|\s*$/.exec(line);
        if (!m) continue;
        const cells = m[2].split("|").map((c) => c.trim());
        // vendor | fact | mark | source | used in | other world | variant | outcome
        assert.equal(cells.length, 8, `row ${m[1]} has 9 cells`);
        out.push({
            id: m[1],
            mark: cells[2],
            variants: [...cells[6].matchAll(/`([a-z0-9-]+)`/g)].map((v) => v[1]),
            outcome: cells[7],
        });
    }
    return out;
}

describe("the inventory of unconfirmed facts", () => {
    const code = marksInCode();
    const table = rows();
    const byId = new Map(table.map((r) => [r.id, r]));

    it("is a table of about thirty rows, each id once", () => {
        assert.ok(table.length >= 25, `${table.length} rows`);
        assert.equal(byId.size, table.length, "ids are unique");
    });

    it("no mark in provider/ or program/ lacks its row id", () => {
        assert.deepEqual(code.bare, [], "write [guess:<id>] (or seen/sdk) with the row's id");
    });

    it("every id marked in the code has a row with the same mark", () => {
        for (const [id, e] of code.ids) {
            const row = byId.get(id);
            assert.ok(row, `[${[...e.marks][0]}:${id}] (${[...e.files].join(", ")}) has no row`);
            assert.deepEqual(
                [...e.marks],
                [row.mark.replace(/[[\]]/g, "")],
                `${id}: one mark, the row's`,
            );
        }
    });

    it("every row has its id in the code", () => {
        for (const r of table)
            assert.ok(code.ids.has(r.id), `row ${r.id} is marked nowhere in the code`);
    });

    it("every row names at least one variant that exists and names the row back", () => {
        const variants = new Map(VARIANTS.map((v) => [v.name, v]));
        for (const r of table) {
            assert.ok(r.variants.length > 0, `row ${r.id} has no variant`);
            for (const name of r.variants) {
                const v = variants.get(name);
                assert.ok(v, `row ${r.id}: no sandbox variant "${name}"`);
                assert.equal(v.fact, r.id, `variant ${name} names row ${v.fact}, not ${r.id}`);
            }
        }
    });

    it("every variant belongs to a row that lists it", () => {
        for (const v of VARIANTS) {
            const row = byId.get(v.fact);
            assert.ok(row, `variant ${v.name}: no row ${v.fact}`);
            assert.ok(row.variants.includes(v.name), `row ${v.fact} does not list ${v.name}`);
        }
    });

    it("every outcome is a success or a stop", () => {
        for (const r of table) assert.match(r.outcome, /^(success|stop)\b/, r.id);
    });
});
