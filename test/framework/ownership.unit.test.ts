// Which stack owns an object (provider/framework/ownership.ts): the mark written into free text, read back,
// and the adoption decision with every refusal's exact words. A refusal never suggests taking
// over another stack's object.
import { strict as assert } from "assert";
import fc from "fast-check";
import {
    adoptionRefusal,
    Candidate,
    ownerIn,
    ownerMarker,
    withMarker,
} from "../../provider/framework/ownership";

const role = (markedBy?: string): Candidate => ({
    what: 'CXone role "SCIM Access Key"',
    id: "r-1",
    markedBy,
});
const request = { idInput: "adoptRoleId", renameInput: "roleName" };

describe("ownership marks are whole names: a stack never adopts another whose name extends its own", () => {
    // each owner and the look-alike marks it must not take for its own
    const lookAlikes: Record<string, string[]> = {
        "proj/dev": ["proj/dev2", "proj/de", "proj/dev-old", "proj2/dev"],
        "proj/dev2": ["proj/dev"],
    };
    const prefixed = Object.entries(lookAlikes).flatMap(([owner, marks]) =>
        marks.map((markedBy) => [owner, markedBy] as const),
    );
    for (const [owner, markedBy] of prefixed) {
        it(`${owner} does not adopt what ${markedBy} marks`, () => {
            assert.equal(ownerIn(`x ${ownerMarker(markedBy)}`), markedBy);
            assert.equal(
                adoptionRefusal(role(markedBy), { ...request, owner }),
                `CXone role "SCIM Access Key" (id r-1) is managed by Pulumi stack ${markedBy}: it is not adopted; choose another roleName`,
            );
            assert.match(
                adoptionRefusal(role(markedBy), { ...request, owner, explicitId: "r-1" })!,
                new RegExp(`managed by Pulumi stack ${markedBy}, not ${owner}:`),
            );
        });
    }
    it("for any two different owners, the mark of one is refused to the other (property)", () => {
        const name = fc.stringMatching(/^[a-z0-9-]{1,8}\/[a-z0-9-]{1,8}$/);
        fc.assert(
            fc.property(name, name, (owner, markedBy) => {
                fc.pre(owner !== markedBy);
                const read = ownerIn(`Okta SCIM ${ownerMarker(markedBy)}`);
                return (
                    read === markedBy &&
                    adoptionRefusal(role(read), { ...request, owner }) !== undefined
                );
            }),
        );
    });
});

describe("ownership marks: written, read back, replaced", () => {
    it("the mark names project/stack", () => {
        assert.equal(ownerMarker("cxone-okta-scim/dev"), "[pulumi stack: cxone-okta-scim/dev]");
    });

    it("reads the owner from anywhere in the text; none without a mark or without text", () => {
        assert.equal(ownerIn("Okta SCIM [pulumi stack: p/dev] by hand"), "p/dev");
        assert.equal(ownerIn("[pulumi stack: p/prod]"), "p/prod");
        assert.equal(ownerIn("Okta SCIM provisioning"), undefined);
        assert.equal(ownerIn("[pulumi stack: has space]"), undefined, "an owner has no spaces");
        assert.equal(ownerIn("[pulumi stack: ]"), undefined);
        assert.equal(ownerIn(undefined), undefined);
        assert.equal(ownerIn(42), undefined);
        // only text names an owner, not something whose string form looks like a mark
        assert.equal(ownerIn(["[pulumi stack: p/dev]"]), undefined);
    });

    it("adds the mark at the end, replacing an earlier one; a blank text is the mark alone", () => {
        assert.equal(withMarker("Okta SCIM", "p/dev"), "Okta SCIM [pulumi stack: p/dev]");
        assert.equal(
            withMarker("Okta SCIM [pulumi stack: p/old]  ", "p/dev"),
            "Okta SCIM [pulumi stack: p/dev]",
        );
        assert.equal(
            withMarker("[pulumi stack: p/old] Okta", "p/dev"),
            "Okta [pulumi stack: p/dev]",
        );
        assert.equal(withMarker("", "p/dev"), "[pulumi stack: p/dev]");
        assert.equal(withMarker("  [pulumi stack: p/old] ", "p/dev"), "[pulumi stack: p/dev]");
    });

    it("any text marked for an owner reads back as that owner, and marking twice changes nothing", () => {
        const owner = fc.stringMatching(/^[a-z0-9-]{1,12}\/[a-z0-9-]{1,12}$/);
        fc.assert(
            fc.property(fc.string(), owner, (text, o) => {
                const marked = withMarker(text, o);
                assert.equal(ownerIn(marked), o);
                assert.equal(withMarker(marked, o), marked);
                assert.ok(marked.endsWith(ownerMarker(o)), marked);
            }),
            { numRuns: 200 },
        );
    });
});

describe("adoption: only what is demonstrably this stack's", () => {
    it("our own mark: adopted; another stack's mark: refused, only another name suggested", () => {
        assert.equal(adoptionRefusal(role("p/dev"), { ...request, owner: "p/dev" }), undefined);
        assert.equal(
            adoptionRefusal(role("p/prod"), { ...request, owner: "p/dev" }),
            'CXone role "SCIM Access Key" (id r-1) is managed by Pulumi stack p/prod: it is not ' +
                "adopted; choose another roleName",
        );
        // this stack unknown: a marked object is never taken as ours
        assert.equal(
            adoptionRefusal(role("p/prod"), request),
            'CXone role "SCIM Access Key" (id r-1) is managed by Pulumi stack p/prod: it is not ' +
                "adopted; choose another roleName",
        );
    });

    it("no mark: refused, with the explicit id as the way to adopt what you made by hand", () => {
        const expected =
            'CXone role "SCIM Access Key" (id r-1) carries no mark of this stack, so it is not ' +
            "adopted; choose another roleName, or, only if you made it yourself and no other " +
            'stack manages it, set adoptRoleId: "r-1"';
        assert.equal(adoptionRefusal(role(), { ...request, owner: "p/dev" }), expected);
        assert.equal(adoptionRefusal(role(), { ...request, explicitId: "" }), expected);
    });

    it("an explicit id: adopts exactly that object, unless another stack marked it", () => {
        const mine = { ...request, owner: "p/dev", explicitId: "r-1" };
        assert.equal(adoptionRefusal(role(), mine), undefined);
        assert.equal(adoptionRefusal(role("p/dev"), mine), undefined);
        assert.equal(adoptionRefusal(role("p/prod"), { ...mine, owner: undefined }), undefined);
        assert.equal(
            adoptionRefusal(role("p/prod"), mine),
            'CXone role "SCIM Access Key" (id r-1) is managed by Pulumi stack p/prod, not p/dev: ' +
                "it is not adopted; choose another roleName",
        );
        assert.equal(
            adoptionRefusal(role(), { ...mine, explicitId: "r-2" }),
            'CXone role "SCIM Access Key" already exists with id r-1, not the adoptRoleId "r-2" ' +
                "you gave",
        );
    });
});
