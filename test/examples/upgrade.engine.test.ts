// Upgrade safety on the real engine: a stack made by the last released version of the package
// (installed from its tarball in a project outside this repo) must refresh, preview with no
// change, update and destroy once the project installs this checkout's package. State names each
// dynamic provider's module path and each child's name: a moved module or a renamed child (the
// group assignments, now keyed by group id) would show here as a failure or a replacement.
import { strict as assert } from "assert";
import { execFile } from "child_process";
import { promisify } from "util";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, RunningSandbox } from "../../sandbox/index";
import { addPeople } from "../../sandbox/okta/population";
import { engineEnv } from "../../scripts/lib/engine";
import { installInto, packRelease, packThisCheckout } from "../support/packages";

/** The last version shipped before this one: main on 2026-12-04 (numbered group assignments). */
const RELEASE = "ef4df4810c86a18fd5d021063e740c4e699e781f";

// Written into the user project; runs there with the installed package and its own SDK. One step
// per run, as a user runs `pulumi` after each `npm install`.
const runner = `
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
const { ScimIntegration } = require("cxone-okta-scim");
(async () => {
    const program = async () => {
        const i = new ScimIntegration("cxone-okta", {
            cxone: { sandboxUrl: process.env.SANDBOX_CXONE },
            oktaOrgUrl: process.env.SANDBOX_OKTA,
            employeeEmail: "upgrade@example.com",
            groupIds: JSON.parse(process.env.GROUP_IDS),
        });
        return { appId: i.appId, accessKeyId: i.accessKeyId };
    };
    const pulumiCommand = await PulumiCommand.get({ root: process.env.TOOLCHAIN_ROOT });
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: "dev", projectName: "upgrading", program }, {
        pulumiCommand, workDir: process.cwd(), envVars: {},
        projectSettings: { name: "upgrading", runtime: "nodejs", backend: { url: process.env.PULUMI_BACKEND_URL } },
    });
    const step = process.argv[2];
    let r;
    if (step === "up") r = (await stack.up()).summary.resourceChanges;
    if (step === "refresh") r = (await stack.refresh()).summary.resourceChanges;
    if (step === "preview") r = (await stack.preview({ diff: true })).changeSummary;
    if (step === "destroy") r = (await stack.destroy()).summary.resourceChanges;
    const names = ((await stack.exportStack()).deployment.resources ?? []).map((x) => x.urn.split("::").pop());
    const appId = (await stack.outputs()).appId?.value;
    console.log(JSON.stringify({ r, names, appId }));
})().catch((e) => { console.error(e.message); process.exit(1); });
`;

describe("upgrade: a stack made by the last release keeps working with this version (real engine)", function () {
    this.timeout(600_000);
    let sandbox: RunningSandbox;
    let project: string;
    let env: NodeJS.ProcessEnv;
    let groups: string[];

    const step = async (name: string) => {
        const { stdout } = await promisify(execFile)(process.execPath, ["run.js", name], {
            cwd: project,
            env,
        });
        return JSON.parse(stdout.trim().split("\n").pop()!) as {
            r: Record<string, number>;
            names: string[];
            appId?: string;
        };
    };

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-upgrade-"));
        sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        // two groups of two people, so the assignments' names matter
        groups = Object.values(
            addPeople(sandbox.context.state.okta, 4, [
                { name: "Agents A", has: (i) => i < 2 },
                { name: "Agents B", has: (i) => i >= 2 },
            ]).groupIds,
        );
        sandbox.context.save();
        project = fs.mkdtempSync(path.join(os.tmpdir(), "upgrade-project-"));
        fs.writeFileSync(path.join(project, "run.js"), runner);
        const backend = fs.mkdtempSync(path.join(os.tmpdir(), "upgrade-backend-"));
        const e = engineEnv(backend);
        env = {
            ...process.env,
            ...e,
            CXONE_OKTA_SANDBOX_DIR: dir,
            SANDBOX_CXONE: sandbox.urls.cxone,
            SANDBOX_OKTA: sandbox.urls.okta,
            GROUP_IDS: JSON.stringify(groups),
            TOOLCHAIN_ROOT: path.dirname(e.PATH.split(path.delimiter)[0]),
        };
    });
    after(async () => {
        await sandbox?.stop();
    });

    it("made by the release, then refreshed, previewed with no change, updated and destroyed by this version", async () => {
        installInto(project, packRelease(RELEASE));
        const made = await step("up");
        assert.ok(made.r.create >= 10, JSON.stringify(made.r));
        // the release numbered its group assignments
        assert.ok(made.names.includes("cxone-okta-group-0"), made.names.join(" "));

        installInto(project, packThisCheckout(project));
        const refreshed = await step("refresh");
        assert.deepEqual(Object.keys(refreshed.r), ["same"], JSON.stringify(refreshed.r));
        const preview = await step("preview");
        assert.deepEqual(Object.keys(preview.r), ["same"], JSON.stringify(preview.r));
        const updated = await step("up");
        assert.deepEqual(Object.keys(updated.r), ["same"], JSON.stringify(updated.r));
        // the assignments now carry their group's id in their name, taken over in place
        assert.ok(updated.names.includes(`cxone-okta-group-${groups[0]}`), updated.names.join(" "));
        assert.ok(!updated.names.includes("cxone-okta-group-0"));
        const assigned = await fetch(`${sandbox.urls.okta}/api/v1/apps/${updated.appId}/groups`, {
            headers: { Authorization: `SSWS ${sandbox.endpoints.okta.apiToken}` },
        });
        const ids = ((await assigned.json()) as { id: string }[]).map((g) => g.id).sort();
        assert.deepEqual(ids, [...groups].sort(), "both groups still assigned");

        const destroyed = await step("destroy");
        assert.deepEqual(Object.keys(destroyed.r), ["delete"], JSON.stringify(destroyed.r));
        assert.deepEqual(destroyed.names, []);
    });
});
