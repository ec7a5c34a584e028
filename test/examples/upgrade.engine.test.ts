// Upgrade safety on the real engine, with plain `pulumi`: a stack made by the last released version
// of the package (installed from its tarball in a project outside this repo) must refresh, preview with no
// change, update and destroy once the project installs this checkout's package. State names each
// dynamic provider's module path and each child's name: a moved module or a renamed child (the
// group assignments, now keyed by group id) would show here as a failure or a replacement.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox, RunningSandbox } from "../../sandbox/index";
import { addPeople } from "../../sandbox/okta/population";
import { engineEnv } from "../../scripts/lib/engine";
import { pulumi } from "../../scripts/lib/pulumiCommand";
import { installInto, packRelease, packThisCheckout } from "../support/packages";

/** The last version shipped before this one: main on 2026-12-04 (numbered group assignments). */
const RELEASE = "ef4df4810c86a18fd5d021063e740c4e699e781f";

// The user project: a Pulumi.yaml and a JavaScript program that declares the integration with the
// installed package; the user runs plain `pulumi` there after each `npm install`.
const program = `
const { ScimIntegration } = require("cxone-okta-scim");
const i = new ScimIntegration("cxone-okta", {
    cxone: { sandboxUrl: process.env.SANDBOX_CXONE },
    oktaOrgUrl: process.env.SANDBOX_OKTA,
    employeeEmail: "upgrade@example.com",
    groupIds: JSON.parse(process.env.GROUP_IDS),
});
exports.appId = i.appId;
`;

describe("upgrade: a stack made by the last release keeps working with this version (real engine)", function () {
    this.timeout(600_000);
    let sandbox: RunningSandbox;
    let project: string;
    let env: Record<string, string>;
    let groups: string[];

    /** `pulumi <args>` in the user project; fails the test with the output unless it exits 0. */
    const run = async (...args: string[]) => {
        const r = await pulumi(project, env, ...args, "--stack", "dev");
        assert.equal(r.code, 0, r.output);
        return r.output;
    };
    /** The stack's resources by name, and its outputs, as `pulumi stack export` shows them. */
    const exported = async () => {
        const d = JSON.parse(await run("stack", "export")).deployment;
        const names: string[] = (d.resources ?? []).map((x: { urn: string }) =>
            x.urn.split("::").pop(),
        );
        const stack = (d.resources ?? []).find(
            (x: { type: string }) => x.type === "pulumi:pulumi:Stack",
        );
        return { names, appId: stack?.outputs?.appId as string | undefined };
    };

    /** Each resource's inputs in the state, by URN (secrets in clear: each save encrypts anew). */
    const inputsOf = async () => {
        const d = JSON.parse(await run("stack", "export", "--show-secrets")).deployment;
        return Object.fromEntries(
            (d.resources ?? []).map((x: { urn: string; inputs?: unknown }) => [x.urn, x.inputs]),
        );
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
        fs.writeFileSync(path.join(project, "index.js"), program);
        fs.writeFileSync(
            path.join(project, "Pulumi.yaml"),
            "name: upgrading\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n",
        );
        env = {
            ...engineEnv(fs.mkdtempSync(path.join(os.tmpdir(), "upgrade-backend-"))),
            CXONE_OKTA_SANDBOX_DIR: dir,
            SANDBOX_CXONE: sandbox.urls.cxone,
            SANDBOX_OKTA: sandbox.urls.okta,
            GROUP_IDS: JSON.stringify(groups),
        };
    });
    after(async () => {
        await sandbox?.stop();
    });

    it("made by the release, then refreshed, previewed with no change, updated and destroyed by this version", async () => {
        installInto(project, packRelease(RELEASE));
        assert.equal((await pulumi(project, env, "stack", "init", "dev")).code, 0);
        await run("up", "--yes", "--skip-preview");
        const made = await exported();
        assert.ok(made.names.length >= 12, made.names.join(" "));
        // the release numbered its group assignments
        assert.ok(made.names.includes("cxone-okta-group-0"), made.names.join(" "));

        installInto(project, packThisCheckout(project));
        await run("refresh", "--yes", "--expect-no-changes");
        await run("preview", "--expect-no-changes");
        await run("up", "--yes", "--expect-no-changes");
        // what the program declares now (the groups' names and types, create-time hints) is what
        // a refresh keeps: the state's inputs do not change with every refresh and `up`
        const inputs = await inputsOf();
        await run("refresh", "--yes", "--expect-no-changes");
        assert.deepEqual(await inputsOf(), inputs);
        const updated = await exported();
        // the assignments now carry their group's id in their name, taken over in place
        assert.ok(updated.names.includes(`cxone-okta-group-${groups[0]}`), updated.names.join(" "));
        assert.ok(!updated.names.includes("cxone-okta-group-0"));
        assert.equal(updated.appId, made.appId, "the same Okta app");
        const assigned = await fetch(`${sandbox.urls.okta}/api/v1/apps/${updated.appId}/groups`, {
            headers: { Authorization: `SSWS ${sandbox.endpoints.okta.apiToken}` },
        });
        const ids = ((await assigned.json()) as { id: string }[]).map((g) => g.id).sort();
        assert.deepEqual(ids, [...groups].sort(), "both groups still assigned");

        await run("destroy", "--yes");
        assert.deepEqual((await exported()).names, []);
    });
});
