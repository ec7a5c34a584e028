// The engine warnings ScimIntegration gives (provider/integration/integrationWarnings.ts and the component's own
// steps and rotation warnings), run under Pulumi's mocks: with no engine the SDK prints each
// warning to the console, where the test reads it. Each setting that would do nothing, or more than
// meant, gets its warning; a setting that does what it says gets none.
import { strict as assert } from "assert";
import { componentArgs } from "../support/integrationComponent";
import * as pulumi from "@pulumi/pulumi";
import type { ScimIntegrationArgs } from "../../provider/integration/index";
import {
    ALL_OFF_WARNING,
    broadGroupWarning,
    NO_GROUP_WARNING,
    notAnIdWarning,
} from "../../provider/integration/integrationWarnings";
import {
    defaultAnswers,
    mockProviders,
    ProviderAnswers,
    valueOf,
    warningsDuring,
} from "../support/pulumiMocks";
import type { Declared } from "../support/pulumiMocks";
import { useIntegrationProbes } from "../../provider/preflight/probes";
import { peopleImpact } from "../support/peopleImpact";

const GROUP = "00gAbCdEfGhIjKlMnOpQ"; // 00g and 17 letters and digits
const base = componentArgs({ groupIds: [GROUP] });

describe("ScimIntegration's warnings (mocks; the SDK prints them without an engine)", function () {
    this.timeout(20_000);
    const declared: Declared[] = [];
    let answers: ProviderAnswers;

    /** Every warning while the component is built with these arguments and provider answers. */
    async function warnings(
        args: Partial<ScimIntegrationArgs>,
        shape: (a: ProviderAnswers) => void = () => undefined,
    ): Promise<string[]> {
        answers = defaultAnswers();
        shape(answers);
        declared.length = 0;
        mockProviders(declared, () => answers);
        const { ScimIntegration } = await import("../../provider/integration/index");
        return warningsDuring(async () => {
            const s = new ScimIntegration("warn", { ...base, ...args });
            await valueOf(s.provisioningApplied);
        });
    }

    it("settings that do what they say: no warning at all", async () => {
        assert.deepEqual(await warnings({ createUsers: false, deactivateUsers: false }), []);
    });

    it("every switch off: Okta provisions nobody, said once", async () => {
        const off = { createUsers: false, updateUserAttributes: false, deactivateUsers: false };
        assert.deepEqual(await warnings(off), [ALL_OFF_WARNING]);
        assert.equal(
            ALL_OFF_WARNING,
            "createUsers, updateUserAttributes and deactivateUsers are all false: Okta will " +
                "create, update and deactivate nobody in CXone (provisioningApplied stays false); " +
                "turn on at least one",
        );
        // switches known only later are judged when known
        const later = {
            createUsers: pulumi.output(false),
            updateUserAttributes: pulumi.output(false),
            deactivateUsers: pulumi.output(false),
        };
        assert.deepEqual(await warnings(later), [ALL_OFF_WARNING]);
        for (const on of ["createUsers", "updateUserAttributes", "deactivateUsers"]) {
            assert.deepEqual(await warnings({ ...off, [on]: true }), [], on);
        }
    });

    it("no group: nobody is provisioned, said with what to set", async () => {
        assert.deepEqual(await warnings({ groupIds: [] }), [NO_GROUP_WARNING]);
        assert.deepEqual(await warnings({ groupIds: undefined }), [NO_GROUP_WARNING]);
        assert.equal(
            NO_GROUP_WARNING,
            "groupIds is empty: no Okta group is assigned to the app, so nobody will be " +
                "provisioned into CXone; set groupIds to the ids of the groups whose members " +
                "need CXone",
        );
    });

    it("a group name where an id belongs: warned by its position, with where to find the id", async () => {
        const got = await warnings({ groupIds: [GROUP, "Sales Team", pulumi.output("Support")] });
        assert.deepEqual(got, [notAnIdWarning(1, "Sales Team"), notAnIdWarning(2, "Support")]);
        assert.equal(
            notAnIdWarning(1, "Sales Team"),
            'groupIds[1] "Sales Team" does not look like an Okta group id (00g followed by 17 ' +
                "letters and digits): give the group's id, not its name (Admin Console > " +
                "Directory > Groups, the last part of the group's URL)",
        );
    });

    it("an empty or non-text group id known only later: left to the assignment's own check", async () => {
        // the assignment refuses these itself ("groupId is required"): no misleading warning
        const got = await warnings({ groupIds: [pulumi.output(""), pulumi.output(5 as never)] });
        assert.deepEqual(got, []);
    });

    it("the reads before the first write: their warnings are the component's, given before any child exists", async () => {
        // the reads themselves are tested against the sandbox (test/preflight); here, their wiring
        const warning = broadGroupWarning(0, "Everyone");
        const restore = useIntegrationProbes([
            { name: "fake", input: "groupIds", run: async () => ({ warnings: [warning] }) },
        ]);
        try {
            assert.deepEqual(await warnings({ groupIds: [GROUP] }), [warning]);
        } finally {
            restore();
        }
        assert.equal(
            warning,
            `groupIds[0] is Okta's built-in group "Everyone": every user of the Okta org, ` +
                "administrators included, will be provisioned into CXone (allowEveryoneGroup is true)",
        );
        assert.match(broadGroupWarning(0, undefined), /built-in group "Everyone"/);
    });

    it("what the change does to people: each line of the reads' report given as the component's warning", async () => {
        const lines = ["2 people lose CXone access", "deactivated: a@example.com, b@example.com"];
        const impact = peopleImpact({ provisionedNow: 2, provisionedAfter: 0 });
        // a name of its own: the reads' answers are remembered by their inputs and probes' names
        const restore = useIntegrationProbes([
            {
                name: "fake people read",
                input: "groupIds",
                run: async () => ({ people: { impact, lines } }),
            },
        ]);
        try {
            assert.deepEqual(await warnings({ groupIds: [GROUP] }), lines);
        } finally {
            restore();
        }
    });

    it("console steps left: one warning with the status and every step, each on its line", async () => {
        const steps = ["7. Open the app's Provisioning tab", "8. Paste the SCIM base URL"];
        const got = await warnings({}, (a) => {
            a.scimConnection = { status: "pending", remainingSteps: steps };
        });
        assert.deepEqual(got, [
            "SCIM connection pending: finish these steps in the Okta Admin Console:\n" +
                "7. Open the app's Provisioning tab\n8. Paste the SCIM base URL",
        ]);
        // authorized, or nothing left to do: silent
        const done = await warnings({}, (a) => {
            a.scimConnection = { status: "authorized", remainingSteps: steps };
        });
        assert.deepEqual(done, []);
        const unread = await warnings({}, (a) => {
            a.scimConnection = { status: "pending" };
        });
        assert.deepEqual(unread, [], "no steps known: nothing to list");
        const none = await warnings({}, (a) => {
            a.scimConnection = { status: "disabled", remainingSteps: [] };
        });
        assert.deepEqual(none, []);
    });

    it("a rotation due, or one cut short: warned with the date, or the key's own note", async () => {
        const due = await warnings({ rotateAfterDays: 90 }, (a) => {
            a.accessKey = { ...a.accessKey, rotationDue: true, nextRotationDate: "2026-10-01" };
        });
        assert.deepEqual(due, [
            "access key rotation due since 2026-10-01: `pulumi up` starts it (a new key; the " +
                "old one keeps working until Okta uses the new one)",
        ]);
        const note =
            "previous key revoked after 14 days without evidence that Okta uses the new one";
        const cut = await warnings({}, (a) => {
            a.accessKey = { ...a.accessKey, rotationNote: note };
        });
        assert.deepEqual(cut, [note]);
        const both = await warnings({}, (a) => {
            a.accessKey = {
                ...a.accessKey,
                rotationDue: true,
                nextRotationDate: "2026-10-01",
                rotationNote: note,
            };
        });
        assert.equal(both.length, 2);
        assert.equal(both[1], note);
    });
});
