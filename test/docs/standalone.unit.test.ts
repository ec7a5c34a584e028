// The repository stands alone: no tracked file points outside it (the team's shared folder, an
// absolute path of some machine, this project's own issue numbers or numbered design decisions
// kept elsewhere), and every relative link in a tracked markdown file reaches a tracked file (and
// heading). Upstream references such as `nodejs/node#64011` are fine. Runs on `git ls-files`, so
// it checks exactly what a clone gets; outside a git checkout it skips, saying why.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../../scripts/lib/engine";
import { trackedFiles } from "../support/trackedFiles";

export interface Violation {
    file: string;
    line: number;
    rule: string;
    text: string;
}

// The patterns are assembled from pieces so that this file does not match itself.
const RULES: { rule: string; pattern: RegExp }[] = [
    { rule: "points at the team's shared folder", pattern: new RegExp("\\.\\./" + "shared\\b") },
    { rule: "points at the team's reference notes", pattern: new RegExp("shared" + "/reference") },
    {
        rule: "points at a reference note outside the repository",
        pattern: new RegExp(
            "(?<!docs/)" + "reference/(cxone-api|okta-api|procedure|pulumi-engine)\\.md",
        ),
    },
    {
        // an absolute path of a machine (the work, root, home or tmp folder at the root) where a
        // path starts: not inside a URL (file: URLs), a route or a relative path
        rule: "absolute machine path",
        pattern: new RegExp("(?<=^|[\\s\"'`(=,\\[{])" + "/(work|root|home|tmp)/"),
    },
    { rule: "this project's issue number", pattern: new RegExp("\\b[Ii]ssues?" + " #?\\d+") },
    // a bare number sign and digits: not after owner/repo, not an HTML entity, not an anchor
    {
        rule: "this project's issue number",
        pattern: new RegExp("(?<![\\w/.&-])" + "#\\d+(?![\\w-])"),
    },
    { rule: "a numbered design decision", pattern: new RegExp("\\b[Dd]ecisions?" + " \\d+") },
];

/** Every rule broken by one file's text, with its line. */
export function pointersOutside(file: string, text: string): Violation[] {
    const found: Violation[] = [];
    text.split("\n").forEach((line, i) => {
        for (const { rule, pattern } of RULES) {
            if (pattern.test(line)) found.push({ file, line: i + 1, rule, text: line.trim() });
        }
    });
    return found;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-");
}

/** The anchors a markdown file offers (duplicates numbered as GitHub does). */
export function anchorsOf(markdown: string): Set<string> {
    const seen = new Map<string, number>();
    const anchors = new Set<string>();
    for (const line of withoutCode(markdown, false).split("\n")) {
        const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
        if (!m) continue;
        const slug = headingSlug(m[1]);
        const n = seen.get(slug) ?? 0;
        seen.set(slug, n + 1);
        anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    return anchors;
}

/** The markdown with fenced blocks (and inline code, unless kept) blanked; line numbers kept. */
function withoutCode(markdown: string, blankInline = true): string {
    let fenced = false;
    return markdown
        .split("\n")
        .map((line) => {
            if (/^\s*(```|~~~)/.test(line)) {
                fenced = !fenced;
                return "";
            }
            if (fenced) return "";
            return blankInline ? line.replace(/`[^`]*`/g, "``") : line;
        })
        .join("\n");
}

/**
 * Relative links of one markdown file that do not reach a tracked file, or a heading of it.
 * @param tracked every tracked path, relative to the repository root, with `/`
 * @param read reads a tracked markdown file (for its headings)
 */
export function brokenLinks(
    file: string,
    markdown: string,
    tracked: Set<string>,
    read: (file: string) => string,
): Violation[] {
    const found: Violation[] = [];
    const dirs = new Set([...tracked].flatMap((f) => parents(f)));
    const lines = withoutCode(markdown).split("\n");
    lines.forEach((line, i) => {
        const targets = [...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
            (m) => m[1],
        );
        // a reference definition ([label]: target) cannot interrupt a paragraph
        const definition = /^ {0,3}\[[^\]]+\]:\s*(\S+)/.exec(line);
        if (definition && (i === 0 || lines[i - 1].trim() === "")) targets.push(definition[1]);
        for (const target of targets) {
            const problem = linkProblem(file, target, tracked, dirs, read);
            if (problem) found.push({ file, line: i + 1, rule: problem, text: target });
        }
    });
    return found;
}

function parents(file: string): string[] {
    const out: string[] = [];
    for (let d = path.posix.dirname(file); d !== "."; d = path.posix.dirname(d)) out.push(d);
    return out;
}

function linkProblem(
    file: string,
    target: string,
    tracked: Set<string>,
    dirs: Set<string>,
    read: (file: string) => string,
): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:, ...
    const [rawPath, anchor] = target.split("#", 2);
    const linkPath = decodeURIComponent(rawPath);
    if (linkPath.startsWith("/")) return "link by absolute path (use a relative one)";
    const resolved = linkPath
        ? path.posix.normalize(path.posix.join(path.posix.dirname(file), linkPath))
        : file;
    const clean = resolved.replace(/\/$/, "");
    if (clean.startsWith("..")) return "link leaves the repository";
    if (!tracked.has(clean) && !dirs.has(clean))
        return "link to a file that is not in the repository";
    if (
        anchor &&
        tracked.has(clean) &&
        clean.endsWith(".md") &&
        !anchorsOf(read(clean)).has(anchor)
    )
        return `link to a heading that ${clean} does not have`;
    return undefined;
}

const isText = (buf: Buffer): boolean => !buf.subarray(0, 8000).includes(0);

const report = (vs: Violation[]): string =>
    vs.map((v) => `${v.file}:${v.line}: ${v.rule}: ${v.text}`).join("\n");

describe("The repository stands alone (tracked files)", () => {
    let files: string[] = [];
    before(function () {
        const found = trackedFiles();
        if (typeof found === "string") {
            console.log(`    skipped: ${found}; these checks run on a git checkout`);
            this.skip();
        }
        files = found as string[];
    });

    it("no tracked file points outside the repository, at a machine path or at an issue number", () => {
        const found: Violation[] = [];
        for (const f of files) {
            const buf = fs.readFileSync(path.join(repoRoot, f));
            if (isText(buf)) found.push(...pointersOutside(f, buf.toString("utf8")));
        }
        assert.equal(found.length, 0, `pointers outside the repository:\n${report(found)}`);
    });

    it("every relative link in a tracked markdown file reaches a tracked file and heading", () => {
        const tracked = new Set(files);
        const read = (f: string) => fs.readFileSync(path.join(repoRoot, f), "utf8");
        const found = files
            .filter((f) => f.endsWith(".md"))
            .flatMap((f) => brokenLinks(f, read(f), tracked, read));
        assert.equal(found.length, 0, `broken links:\n${report(found)}`);
    });
});

describe("The stand-alone checks themselves", () => {
    // planted violations, assembled so that this file itself stays clean
    const shared = ".." + "/shared" + "/refer" + "ence/okta-api.md";
    it("names file and line of each kind of pointer outside", () => {
        const text = [
            "fine line",
            `see ${shared}`,
            "path " + "/work" + "/main/bench",
            "as in " + "issue" + " 21",
            "closes " + "#" + "17",
            "per design " + "decision" + " 4",
            "see " + "reference/" + "cxone-api.md",
            "home " + "/root" + "/.cache and " + "/tmp" + "/x",
        ].join("\n");
        const found = pointersOutside("x.md", text).map((v) => `${v.file}:${v.line}`);
        assert.deepEqual(
            [...new Set(found)],
            ["x.md:2", "x.md:3", "x.md:4", "x.md:5", "x.md:6", "x.md:7", "x.md:8"],
        );
    });

    it("lets upstream references, URLs, routes, entities and anchors through", () => {
        const text = [
            "upstream " + "nodejs/node#" + "64011 and pulumi/pulumi#" + "16175",
            "file:///" + 'tmp/x is a URL, `${base}/home/app` a route, "&#' + '39;" an entity',
            "see [the design](docs/design.md" + "#1-the-okta-app) and docs/procedure.md",
            "https://example.com/wo" + "rk/x and <stack>/wo" + "rk/Pulumi.yaml",
        ].join("\n");
        assert.deepEqual(pointersOutside("y.ts", text), []);
    });

    it("finds a link to a missing file, a missing heading, and one leaving the repository", () => {
        const tracked = new Set(["README.md", "docs/a.md", "docs/b/c.md"]);
        const read = (f: string) =>
            f === "docs/a.md"
                ? "# Title\n## Two words\n## Two words\n```\n# not a heading\n```\n"
                : "";
        const md = [
            "[ok](docs/a.md) [dir](docs/b/) [anchor](docs/a.md#two-words-1) [web](https://x.org/a)",
            "[gone](docs/missing.md)",
            "[bad anchor](docs/a.md#three)",
            "[out](../elsewhere/x.md)",
            "`[in code](nowhere.md)`",
            "```",
            "[in a block](nowhere.md)",
            "```",
        ].join("\n");
        const found = brokenLinks("README.md", md, tracked, read);
        assert.deepEqual(
            found.map((v) => `${v.line} ${v.text}`),
            ["2 docs/missing.md", "3 docs/a.md#three", "4 ../elsewhere/x.md"],
        );
    });

    it("makes anchors as GitHub does", () => {
        assert.equal(
            headingSlug("1. The Okta app is a custom SWA app (`okta.app.AutoLogin`)"),
            "1-the-okta-app-is-a-custom-swa-app-oktaappautologin",
        );
        assert.equal(headingSlug("When an `up` was interrupted"), "when-an-up-was-interrupted");
        assert.equal(
            headingSlug("What Okta's public API does not expose"),
            "what-oktas-public-api-does-not-expose",
        );
        assert.equal(
            headingSlug("Dynamic providers (Node.js SDK)"),
            "dynamic-providers-nodejs-sdk",
        );
    });
});
