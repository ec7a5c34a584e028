// The variant mechanism: other worlds chosen at start, several at once, refused when unknown,
// recorded in endpoints.json, and acting only on the routes they name.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { parseStartArgs } from "../../sandbox/cli";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { resolveVariants, VARIANTS, variantNames } from "../../sandbox/variants/index";

const http = axios.create({ validateStatus: () => true });

async function adminToken(sb: RunningSandbox): Promise<string> {
    const c = sb.endpoints.cxone;
    const res = await http.post(`${sb.urls.cxoneHosts.area}/authentication/v1/token/access-key`, {
        accessKeyId: c.adminAccessKeyId,
        accessKeySecret: c.adminAccessKeySecret,
    });
    return res.data.access_token as string;
}

describe("sandbox variants: the mechanism", function () {
    this.timeout(30_000);
    const dirs: string[] = [];
    const running: RunningSandbox[] = [];
    const start = async (variants?: string[]) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-variants-"));
        dirs.push(dir);
        const sb = await startSandbox({ dir, variants });
        running.push(sb);
        return sb;
    };
    after(async () => {
        await Promise.all(running.map((s) => s.stop()));
        for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    });

    it("names every variant once, each with the fact it contradicts and its world", () => {
        assert.equal(new Set(variantNames()).size, VARIANTS.length);
        for (const v of VARIANTS) {
            assert.match(v.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, v.name);
            assert.match(v.fact, /^[a-z0-9]+(-[a-z0-9]+)*$/, v.fact);
            assert.ok(v.world.length > 20, `${v.name} says what differs`);
            assert.ok(v.cxone || v.okta, `${v.name} changes something`);
        }
    });

    it("refuses an unknown name, listing the known ones, before anything starts", async () => {
        assert.throws(
            () => resolveVariants(["role-create-gone"]),
            /unknown sandbox variant "role-create-gone"; known: .*role-create-absent/,
        );
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-variants-"));
        dirs.push(dir);
        await assert.rejects(
            startSandbox({ dir, variants: ["nope"] }),
            /unknown sandbox variant "nope"/,
        );
        assert.equal(fs.existsSync(path.join(dir, "endpoints.json")), false, "nothing started");
    });

    it("takes --variant several times on the command line, and refuses an unknown one", () => {
        assert.deepEqual(
            parseStartArgs(["--variant", "role-create-absent", `--variant=${variantNames()[0]}`])
                .variants,
            ["role-create-absent", variantNames()[0]],
        );
        assert.throws(
            () => parseStartArgs(["--variant", "nope"]),
            /unknown sandbox variant "nope"/,
        );
        assert.throws(() => parseStartArgs(["--variant"]), /--variant needs a variant name/);
        assert.equal(parseStartArgs([]).variants, undefined);
    });

    it("role-create-absent: the create route answers 404 there, and only that route", async () => {
        const plain = await start();
        const other = await start(["role-create-absent"]);
        assert.equal(plain.endpoints.variants, undefined);
        assert.deepEqual(other.endpoints.variants, ["role-create-absent"]);
        assert.deepEqual(other.variants, ["role-create-absent"]);
        const written = JSON.parse(
            fs.readFileSync(path.join(dirs[dirs.length - 1], "endpoints.json"), "utf8"),
        );
        assert.deepEqual(written.variants, ["role-create-absent"]);
        for (const sb of [plain, other]) {
            const auth = { headers: { Authorization: `Bearer ${await adminToken(sb)}` } };
            const base = sb.urls.cxoneHosts.userHub;
            const created = await http.post(
                `${base}/authorization/roleByPermissions`,
                { displayName: "Variant Probe", permissions: ["Employees: View"] },
                auth,
            );
            const search = await http.post(`${base}/authorization/v1/roles/search`, {}, auth);
            assert.equal(search.status, 200, "the search is untouched");
            if (sb === plain) assert.equal(created.status, 200);
            else {
                assert.equal(created.status, 404);
                assert.match(created.data.message, /No endpoint POST/);
                assert.ok(
                    !search.data.roles.some(
                        (r: { displayName: string }) => r.displayName === "Variant Probe",
                    ),
                    "nothing was created",
                );
            }
        }
    });
});
