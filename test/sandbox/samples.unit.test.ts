// The demo's sample user as the terminal shows it (formatSample): the Okta person and how they
// came in scope, then what CXone holds: primary email first, names and roles as given, an
// inactive user said so. Against a sandbox: samples.http.test.ts.
import { strict as assert } from "assert";
import { formatSample, type SampleCxoneUser, type SampleResult } from "../../sandbox/samples";

const sample = (cxoneUser: SampleCxoneUser): SampleResult => ({
    oktaUser: {
        id: "00u1",
        login: "ana@example.com",
        firstName: "Ana",
        lastName: "Agent",
        email: "ana@example.com",
        status: "ACTIVE",
    },
    cxoneUser,
    assignedVia: "group",
    syncAction: "created",
});

describe("sandbox: the sample user as printed (formatSample)", () => {
    it("prints both sides on two lines: the primary email, every role", () => {
        const text = formatSample(
            sample({
                id: "cx-1",
                userName: "ana@example.com",
                name: { givenName: "Ana", familyName: "Agent" },
                emails: [
                    { value: "other@example.com" },
                    { value: "ana@example.com", primary: true },
                ],
                active: true,
                roles: [{ value: "Agent" }, { value: "Supervisor" }],
            }),
        );
        assert.equal(
            text,
            "Okta user  ana@example.com (Ana Agent), in scope: group; provisioning: created\n" +
                "CXone user ana@example.com id cx-1: Ana Agent <ana@example.com>, active, role Agent, Supervisor",
        );
    });

    it("takes the first email when none is primary, and says inactive", () => {
        const text = formatSample(
            sample({
                id: "cx-2",
                userName: "bo",
                name: { givenName: "Bo", familyName: "Berg" },
                emails: [{ value: "bo@example.com" }, { value: "b2@example.com" }],
                active: false,
                roles: [{ value: "Agent", primary: true }],
            }),
        );
        assert.equal(
            text.split("\n")[1],
            "CXone user bo id cx-2: Bo Berg <bo@example.com>, inactive, role Agent",
        );
    });

    it("leaves out what CXone did not return: no names, no email, no role", () => {
        const line = formatSample(sample({ id: "cx-3", userName: "x" })).split("\n")[1];
        // active unless CXone says false
        assert.equal(line, "CXone user x id cx-3:   <>, active, role (none)");
        const noRoles = formatSample(sample({ id: "cx-4", userName: "y", roles: [] }));
        assert.match(noRoles, /, role \(none\)$/);
        const noEmails = formatSample(sample({ id: "cx-5", userName: "z", emails: [] }));
        assert.match(noEmails, / <>, active, /);
    });
});
