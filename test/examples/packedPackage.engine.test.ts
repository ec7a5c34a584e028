// The package as users get it: `npm pack`, installed into a project outside this repo, and a stack
// there on the real engine. Proves the serialized providers find their implementation through the
// installed package (no path of this repo baked into state) and that the package carries its types.
import { strict as assert } from "assert";
import { execFile, execFileSync } from "child_process";
import { promisify } from "util";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, RunningSandbox } from "../../sandbox/index";
import { engineEnv, repoRoot } from "../../scripts/lib/engine";

// Written into the user project; runs there with the project's own @pulumi/pulumi.
const runner = `
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
const { Role, Employee, AccessKey, sandboxRegion } = require("cxone-okta-scim");
const { cxoneEndpointFor } = require("cxone-okta-scim/provider/regions");
(async () => {
    const endpoint = cxoneEndpointFor(sandboxRegion(process.env.SANDBOX_CXONE));
    const program = async () => {
        const role = new Role("role", { endpoint, name: "Packed SCIM Role" });
        const employee = new Employee("employee", { endpoint, email: "packed@example.com", firstName: "Packed", lastName: "Key", roleId: role.roleId, invite: false });
        const key = new AccessKey("key", { endpoint, employeeId: employee.employeeId });
        return { keyId: key.accessKeyId };
    };
    const pulumiCommand = await PulumiCommand.get({ root: process.env.TOOLCHAIN_ROOT });
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: "dev", projectName: "packed", program }, {
        pulumiCommand, workDir: process.cwd(), envVars: {},
        projectSettings: { name: "packed", runtime: "nodejs", backend: { url: process.env.PULUMI_BACKEND_URL } },
    });
    const up = await stack.up();
    const pv = await stack.preview({ refresh: true });
    const providers = (await stack.exportStack()).deployment.resources.filter((r) => r.outputs && r.outputs.__provider).map((r) => r.outputs.__provider);
    const d = await stack.destroy();
    console.log(JSON.stringify({ up: up.summary.resourceChanges, preview: pv.changeSummary, destroy: d.summary.resourceChanges, providers }));
})().catch((e) => { console.error(e.message); process.exit(1); });
`;

describe("packed package installed in a project outside the repo (real engine)", function () {
    this.timeout(300_000);
    let sandbox: RunningSandbox;
    let project: string;

    before(async () => {
        sandbox = await startSandbox({
            dir: fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-packed-")),
            cxonePort: 0,
            oktaPort: 0,
        });
        project = fs.mkdtempSync(path.join(os.tmpdir(), "packed-project-"));
        const tgz = execFileSync("npm", ["pack", "--silent", "--pack-destination", project], {
            cwd: repoRoot,
        })
            .toString()
            .trim()
            .split("\n")
            .pop()!;
        fs.writeFileSync(
            path.join(project, "package.json"),
            JSON.stringify({
                name: "packed-user",
                private: true,
                dependencies: { "cxone-okta-scim": `file:./${tgz}` },
            }),
        );
        execFileSync(
            "npm",
            ["install", "--prefer-offline", "--no-audit", "--no-fund", "--silent"],
            { cwd: project, stdio: "inherit" },
        );
        fs.writeFileSync(path.join(project, "run.js"), runner);
    });
    after(async () => {
        await sandbox?.stop();
    });

    it("ships compiled code and types, not sources or tests", () => {
        const pkg = path.join(project, "node_modules", "cxone-okta-scim");
        assert.ok(fs.existsSync(path.join(pkg, "dist", "provider", "index.d.ts")));
        assert.ok(fs.existsSync(path.join(pkg, "dist", "provider", "cxone", "roleProvider.js")));
        assert.ok(!fs.existsSync(path.join(pkg, "dist", "test")));
        assert.ok(!fs.existsSync(path.join(pkg, "provider", "index.ts")));
    });

    it("the library installs without the sandbox's servers (express, the SCIM filter and patch)", () => {
        for (const server of ["express", "scim-patch", "scim2-parse-filter"])
            assert.ok(
                !fs.existsSync(path.join(project, "node_modules", server)),
                `${server} installed with the library`,
            );
        // and the library loads without them
        const { ScimIntegration } = require(path.join(project, "node_modules", "cxone-okta-scim"));
        assert.equal(typeof ScimIntegration, "function");
    });

    it("its component package works installed: plugin/ derives the schema with the project's own SDK", async () => {
        const pkg = path.join(project, "node_modules", "cxone-okta-scim");
        const sdk = path.join(project, "node_modules", "@pulumi", "pulumi");
        const { ComponentProvider } = require(path.join(sdk, "provider", "experimental"));
        const { ScimIntegration } = require(path.join(pkg, "dist", "provider", "componentPackage"));
        const schema = JSON.parse(
            await new ComponentProvider({
                name: "cxone-okta-scim",
                components: [ScimIntegration],
                dirname: path.join(pkg, "plugin"),
            }).getSchema(),
        );
        const component = schema.resources["cxone-okta-scim:index:ScimIntegration"];
        assert.equal(Object.keys(component.inputProperties).length, 29);
        assert.equal(Object.keys(component.properties).length, 12);
    });

    it("a stack there creates, refreshes with no change and destroys; state holds no path of this repo", async () => {
        const backend = fs.mkdtempSync(path.join(os.tmpdir(), "packed-backend-"));
        // Asynchronously: the sandbox answers from this process's event loop.
        const { stdout: out } = await promisify(execFile)(process.execPath, ["run.js"], {
            cwd: project,
            env: {
                ...process.env,
                ...engineEnv(backend),
                PULUMI_BACKEND_URL: `file://${backend}`,
                SANDBOX_CXONE: sandbox.urls.cxone,
                CXONE_ACCESS_KEY_ID: sandbox.endpoints.cxone.adminAccessKeyId,
                CXONE_ACCESS_KEY_SECRET: sandbox.endpoints.cxone.adminAccessKeySecret,
                TOOLCHAIN_ROOT: path.dirname(engineEnv(backend).PATH.split(path.delimiter)[0]),
            },
        });
        const r = JSON.parse(out.trim().split("\n").pop()!);
        assert.deepEqual(r.up, { create: 4 });
        assert.deepEqual(r.preview, { same: 4 });
        assert.deepEqual(r.destroy, { delete: 4 });
        assert.equal(r.providers.length, 3);
        for (const p of r.providers as string[]) {
            assert.match(p, /cxone-okta-scim\/provider\/cxone\/\w+Provider/);
            assert.ok(!p.includes(repoRoot), "no absolute path of this repository in __provider");
            assert.ok(p.length < 512, `__provider is small (${p.length} chars)`);
        }
    });
});
