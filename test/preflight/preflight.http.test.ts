// The preflight against the sandbox in every world: it writes nothing (the request log), it names
// the row each variant contradicts with that variant, and in the sandbox's own world it finds
// nothing contradicted. Also through the command (`npm run verify -- --preflight`).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { formatPreflight, preflight, PREFLIGHT_ROWS } from "../../provider/preflight/preflight";
import { preflight as fromLibrary } from "../../provider/index";
import { sandboxRegion } from "../../provider/cxone/discovery/regions";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { VARIANTS } from "../../sandbox/variants/index";
import { runVerify } from "../../scripts/verify";
import { isWrite } from "../support/variantFlow";

/** Rows no read can settle (asking would write): reported unknown, never guessed. */
const NOT_ASKABLE = new Set([
    "role-create-route",
    "role-update-route",
    "deactivate-repeated",
    "employee-name-length",
    "schema-property-removal",
    "mapping-null-removes",
]);
/** Rows whose other world shows only in data the sandbox's seed does not have (SCIM users' values). */
const NO_DATA = new Set(["timezone-format", "team-name-or-id"]);

async function world(variants: string[]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-"));
    const sb = await startSandbox({ dir, variants });
    // an Okta app to read (made before the preflight: the request log is cleared after it)
    const created = await axios.post(
        `${sb.urls.okta}/api/v1/apps`,
        {
            label: "Preflight",
            signOnMode: "AUTO_LOGIN",
            settings: { signOn: { loginUrl: "https://example.com/login" } },
        },
        {
            headers: { Authorization: `SSWS ${sb.endpoints.okta.apiToken}` },
            validateStatus: () => true,
            proxy: false,
        },
    );
    sb.clearRequests();
    return { sb, dir, appId: created.data?.id as string | undefined };
}

const inputOf = (sb: RunningSandbox, appId?: string) => ({
    region: sandboxRegion(sb.endpoints.cxone.baseUrl),
    tenantId: sb.endpoints.cxone.tenantId,
    credentials: {
        accessKeyId: sb.endpoints.cxone.adminAccessKeyId,
        accessKeySecret: sb.endpoints.cxone.adminAccessKeySecret,
    },
    okta: { orgUrl: sb.urls.okta, apiToken: sb.endpoints.okta.apiToken, appId },
});

describe("preflight: reads only, and names what the tenant contradicts", function () {
    this.timeout(60_000);

    it("in the sandbox's own world: every row reported, nothing contradicted, nothing written", async () => {
        const { sb, dir, appId } = await world([]);
        try {
            assert.ok(appId, "an app to read");
            const r = await fromLibrary(inputOf(sb, appId));
            assert.deepEqual(
                r.findings.map((f) => f.id),
                [...PREFLIGHT_ROWS],
            );
            assert.deepEqual(
                r.findings.filter((f) => f.status === "contradicted"),
                [],
                formatPreflight(r),
            );
            assert.ok(
                r.findings.filter((f) => f.status === "confirmed").length >= 20,
                formatPreflight(r),
            );
            assert.deepEqual(sb.requests().filter(isWrite), []);
            assert.equal(r.requests, sb.requests().length);
        } finally {
            await sb.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    for (const v of VARIANTS) {
        const expect = NOT_ASKABLE.has(v.fact) || NO_DATA.has(v.fact) ? "unknown" : "contradicted";
        it(`${v.name}: [${v.fact}] ${expect}${expect === "contradicted" ? `, matching ${v.name}` : ""}; zero writes`, async () => {
            const { sb, dir, appId } = await world([v.name]);
            try {
                const r = await preflight(inputOf(sb, appId));
                assert.deepEqual(
                    sb
                        .requests()
                        .filter(isWrite)
                        .map((x) => `${x.method} ${x.path}`),
                    [],
                    "the preflight wrote nothing",
                );
                const row = r.findings.find((f) => f.id === v.fact)!;
                assert.equal(row.status, expect, formatPreflight(r));
                if (expect === "contradicted")
                    assert.equal(row.variant, v.name, formatPreflight(r));
                // no other row is called contradicted by this one world
                const others = r.findings.filter(
                    (f) => f.status === "contradicted" && f.id !== v.fact,
                );
                assert.deepEqual(others, [], formatPreflight(r));
                const text = formatPreflight(r);
                for (const secret of [
                    sb.endpoints.cxone.adminAccessKeySecret,
                    sb.endpoints.okta.apiToken,
                ])
                    assert.ok(!text.includes(secret));
            } finally {
                await sb.stop();
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    }

    it("npm run verify -- --preflight --sandbox: the report, exit 0; a contradicted row exits 1", async () => {
        for (const [variants, code] of [
            [[], 0],
            [["role-search-filter-ignored"], 1],
        ] as const) {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-cli-"));
            const sb = await startSandbox({ dir, variants: [...variants] });
            const out: string[] = [];
            const err: string[] = [];
            try {
                const status = await runVerify(
                    ["--sandbox", "--preflight"],
                    { CXONE_OKTA_SANDBOX_DIR: dir },
                    (s) => out.push(s),
                    (s) => err.push(s),
                );
                assert.equal(status, code, out.join("\n") + err.join("\n"));
                assert.match(out.join("\n"), /Preflight of the unconfirmed facts/);
                if (code)
                    assert.match(
                        out.join("\n"),
                        /\[CONTRADICTED\] role-search-filter: .*variant role-search-filter-ignored/,
                    );
                assert.deepEqual(sb.requests().filter(isWrite), []);
            } finally {
                await sb.stop();
                fs.rmSync(dir, { recursive: true, force: true });
            }
        }
    });
});
