// Other worlds on the real engine, for a representative few (the providers-over-HTTP suite,
// variants.http.test.ts, covers every variant): the root program through the CLI, a fresh stack,
// `up`, the console steps, `up`, `preview --expect-no-changes`, `destroy`.
// - role-create-absent: the repro. `up --skip-preview` stops at the role create before
//   anything in Okta exists, naming the fact, its mark and the way on; following it succeeds.
// - userhub-on-api-endpoint: success through the write-free host fallback, with the redacted
//   transcript switched on by its config key and scanned.
import { strict as assert } from "assert";
import { pulumiOn } from "../support/integrationAgents";
import * as fs from "fs";
import * as path from "path";
import axios from "axios";
import { completeConsoleSteps } from "../../sandbox/operator";
import { integrationFixture, type IntegrationFixture } from "../support/integrationStack";
import { isWrite } from "../support/variantFlow";
import { stackProgram } from "../support/engine";
import { TRANSCRIPT_SETTING_FILE } from "../../provider/core/transcript";

async function failure(op: Promise<unknown>): Promise<string> {
    return op.then(
        () => assert.fail("expected the command to stop"),
        (e: Error) => e.message,
    );
}

async function consoleSteps(f: IntegrationFixture): Promise<void> {
    const auth = await completeConsoleSteps(f.sandbox.urls.okta, await f.outputs(), {
        email: f.sandbox.endpoints.cxone.adminEmail,
        password: f.sandbox.endpoints.cxone.adminPassword,
    });
    assert.ok(auth.ok, auth.page);
}

describe("other worlds on the real engine (a representative few)", function () {
    this.timeout(600_000);

    it("role-create-absent: up --skip-preview stops before any write, naming the fact; the console role adopted by id, the whole flow ends well", async () => {
        const f = await integrationFixture(
            "variant-role-create",
            {},
            { variants: ["role-create-absent"] },
        );
        try {
            // plain `pulumi up --yes --skip-preview`, as the operator typed it
            const run = await pulumiOn(f, "up", "--yes", "--skip-preview");
            assert.notEqual(run.code, 0);
            const stop = run.output;
            assert.doesNotMatch(stop, /\n\s+at .+:\d+:\d+\)?\n/, "no stack trace");
            assert.match(
                stop,
                /could not create CXone role "SCIM Access Key": CXone answered HTTP 404/,
            );
            assert.match(stop, /\[seen:role-create-route\]/);
            assert.match(
                stop,
                /Admin > Security > Roles and Permissions > New Role, named "SCIM Access Key"/,
            );
            assert.match(stop, /"Employees: Create and Edit" and "Employees: View"/);
            assert.match(stop, /pulumi config set cxone:adoptRoleId <id>/);
            assert.deepEqual(f.sandbox.requests().filter(isWrite), [], "nothing written");
            assert.deepEqual(Object.keys(f.sandbox.context.state.okta.apps), [], "no Okta app");

            // the way on: the role by hand in the console, then `up` names its id
            const made = await axios.post(`${f.sandbox.urls.cxone}/sandbox/cxone/console/roles`, {
                name: "SCIM Access Key",
                permissions: ["Employees: Create and Edit", "Employees: View"],
            });
            const named = await failure(f.stack.up());
            assert.match(named, new RegExp(`set adoptRoleId: "${made.data.roleId}"`));
            await f.stack.setConfig("cxone:adoptRoleId", made.data.roleId);
            const up = await f.stack.up();
            assert.equal(up.summary.result, "succeeded");
            assert.equal((await f.outputs()).roleId, made.data.roleId);

            await consoleSteps(f);
            await f.stack.up();
            assert.equal((await f.outputs()).connectionStatus, "authorized");
            await f.stack.preview({ expectNoChanges: true });
            await f.stack.destroy();
            const role = f.sandbox.context.state.cxone.roles[made.data.roleId];
            assert.equal(role.status, "INACTIVE");
            assert.deepEqual(Object.keys(f.sandbox.context.state.okta.apps), []);
        } finally {
            await f.sandbox.stop();
        }
    });

    it("userhub-on-api-endpoint: success through the other discovered host; the transcript (config key) holds shapes only", async () => {
        const f = await integrationFixture(
            "variant-userhub",
            {},
            { variants: ["userhub-on-api-endpoint"] },
        );
        const transcript = path.join(f.stack.workDir, "first-run.jsonl");
        try {
            await f.stack.setConfig("cxone-okta-scim:transcript", transcript);
            assert.equal((await f.stack.up()).summary.result, "succeeded");
            // handed over in the stack's own program directory, which no other stack shares
            const setting = path.join(
                path.dirname(stackProgram(f.stack.workDir)),
                TRANSCRIPT_SETTING_FILE,
            );
            assert.equal(fs.readFileSync(setting, "utf8").trim(), transcript);
            await consoleSteps(f);
            await f.stack.up();
            const o = await f.outputs();
            assert.equal(o.connectionStatus, "authorized");
            await f.stack.preview({ expectNoChanges: true });
            await f.stack.destroy();
            const text = fs.readFileSync(transcript, "utf8");
            const lines = text
                .trim()
                .split("\n")
                .map((l) => JSON.parse(l));
            assert.ok(
                lines.some((l) => l.path.startsWith("/inContactAPI/") && l.host === "userhub"),
            );
            for (const s of [
                f.sandbox.endpoints.cxone.adminAccessKeySecret,
                f.sandbox.endpoints.okta.apiToken,
                o.accessKeySecret,
                o.accessKeyId,
                f.sandbox.endpoints.cxone.tenantId,
                "scim.accesskey@sandbox.example",
            ])
                assert.ok(!text.includes(s), "nothing sensitive in the transcript");
        } finally {
            await f.sandbox.stop();
        }
    });
});
