// The removal guard's rules without an engine: which `pulumi` command is running (global flags
// and their values skipped), when a deletion is allowed, and what the refusal says.
import { strict as assert } from "assert";
import {
    checkRemovalGuard,
    commandOf,
    diffRemovalGuard,
    isDestroy,
    removalAllowed,
    removalRefusal,
} from "../../provider/guard/removalGuardLogic";
import { runningPulumiCommand } from "../../provider/guard/pulumiCommand";

const state = {
    integration: "cxone-okta",
    roleId: "r-1",
    employeeId: "e-1",
    accessKeyId: "K1",
    appId: "0oa1",
    allowRemoval: false,
};

describe("removal guard: the rules", () => {
    it("the command of a pulumi command line, past global flags and their values", () => {
        assert.equal(commandOf(["pulumi", "destroy", "--yes"]), "destroy");
        assert.equal(commandOf(["/usr/bin/pulumi", "up", "--yes", "--skip-preview"]), "up");
        assert.equal(commandOf(["pulumi", "--cwd", "destroy", "up"]), "up");
        assert.equal(
            commandOf(["pulumi", "-C", "dir", "-v", "9", "--color", "never", "down"]),
            "down",
        );
        assert.equal(commandOf(["pulumi", "--non-interactive", "--cwd=x", "destroy"]), "destroy");
        assert.equal(commandOf(["pulumi", "--", "destroy"]), undefined);
        assert.equal(commandOf(["pulumi"]), undefined);
    });

    it("a deletion is allowed by `pulumi destroy` (or down), or allowRemoval; nothing else", () => {
        assert.ok(isDestroy("destroy") && isDestroy("down"));
        for (const c of ["up", "refresh", "preview", undefined]) {
            assert.equal(removalAllowed(state, c), false, String(c));
            assert.equal(removalAllowed({ ...state, allowRemoval: true }, c), true, String(c));
        }
        assert.equal(removalAllowed(state, "destroy"), true);
    });

    it("the refusal: what would be lost (ids only), that nothing was deleted, and the ways on", () => {
        const r = removalRefusal(state, "up");
        assert.equal(
            r,
            'refused to remove the SCIM integration "cxone-okta": the program no longer declares it, ' +
                "so this update would delete all of it (CXone access key K1 revoked, employee e-1 and " +
                "role r-1 deactivated (CXone never frees a role name), Okta app 0oa1 deleted). Nothing " +
                "was deleted. `pulumi up` is not `pulumi destroy`. If Pulumi.yaml's `main` or the " +
                "program changed by mistake, put it back. If you renamed the component, give it " +
                "`aliases` with the old name. To remove the integration on purpose, run `pulumi " +
                "destroy`, or set allowRemoval: true on it (root program: `pulumi config set " +
                "cxone-okta-scim:allowRemoval true`), run `pulumi up`, then remove it",
        );
        assert.match(
            removalRefusal(state, undefined),
            /could not tell which `pulumi` command is running/,
        );
    });

    it("check names every missing id; diff never replaces, and changes on any input", () => {
        const c = checkRemovalGuard({ ...state, roleId: "", allowRemoval: "yes" });
        assert.deepEqual(
            c.failures.map((f) => f.property),
            ["roleId", "allowRemoval"],
        );
        assert.equal(
            checkRemovalGuard({ ...state, allowRemoval: undefined }).inputs.allowRemoval,
            false,
        );
        assert.deepEqual(diffRemovalGuard(state, state), { changes: false });
        assert.deepEqual(diffRemovalGuard(state, { ...state, accessKeyId: "K2" }), {
            changes: true,
        });
    });

    it("this process's own pulumi command: none above a test runner", () => {
        // mocha runs under node and npm, not under pulumi: the guard must then not assume destroy
        assert.equal(runningPulumiCommand(), undefined);
    });
});

// The guard's people settings: what it keeps for a removal's people check, each refused as typed.
const people = {
    integration: "cxone-okta",
    roleId: "r",
    employeeId: "e",
    accessKeyId: "k",
    appId: "0oa1",
};

describe("RemovalGuard: the people check's settings", () => {
    it("keeps the org, the threshold and the allowance", () => {
        const c = checkRemovalGuard({
            ...people,
            orgUrl: "https://example.okta.com",
            deactivationThreshold: 0,
            allowDeactivations: 312,
        });
        assert.deepEqual(c.failures, []);
        assert.equal(c.inputs.orgUrl, "https://example.okta.com");
        assert.equal(c.inputs.allowDeactivations, 312);
    });
    it("refuses a negative count and a non-text org, by name", () => {
        const c = checkRemovalGuard({
            ...people,
            orgUrl: 5 as never,
            deactivationThreshold: -1,
            allowDeactivations: "many" as never,
        });
        assert.deepEqual(
            c.failures.map((f) => f.property),
            ["orgUrl", "deactivationThreshold", "allowDeactivations"],
        );
    });
    it("a guard of an earlier version (no org) is still valid: no people check then", () => {
        assert.deepEqual(checkRemovalGuard(people).failures, []);
    });
});
