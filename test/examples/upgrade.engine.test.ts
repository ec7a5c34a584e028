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

    type Stored = {
        urn: string;
        inputs?: Record<string, unknown>;
        outputs?: Record<string, unknown>;
    };
    /** The resources as `pulumi stack export --show-secrets` shows them (each save encrypts anew). */
    const resources = async (): Promise<Stored[]> =>
        JSON.parse(await run("stack", "export", "--show-secrets")).deployment.resources ?? [];
    /**
     * Each resource's inputs by URN, without `__provider`: Pulumi's host copies the outputs' text
     * into the inputs on refresh, and the program writes its own on `up` (checked on its own below).
     */
    const inputsOf = async () =>
        Object.fromEntries(
            (await resources()).map((x) => {
                const { __provider: _text, ...own } = x.inputs ?? {};
                return [x.urn, own];
            }),
        );

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
        // the program now sends the one-line provider; the outputs keep the release's forwarder
        // (no update was needed), and both load the same module, as refresh and destroy show
        const dynamic = (await resources()).filter((x) => x.inputs?.__provider);
        assert.ok(dynamic.length >= 9, `${dynamic.length} dynamic resources`);
        for (const x of dynamic) {
            assert.match(
                String(x.inputs?.__provider),
                /^exports\.handler = \(\) => require/,
                x.urn,
            );
            assert.match(String(x.outputs?.__provider), /var __provider = \{check/, x.urn);
        }
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
