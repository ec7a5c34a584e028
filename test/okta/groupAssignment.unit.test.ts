// GroupAssignment's pure half: the input checks, the diff, group ids and the not-found message.
import { strict as assert } from "assert";
import * as fc from "fast-check";
import {
    checkGroupAssignment,
    diffGroupAssignment,
    groupAssignmentId,
    groupAssignmentInputs,
    groupNotFoundMessage,
    isBroadGroup,
    looksLikeGroupId,
} from "../../provider/okta/groupAssignmentLogic";

const state = { orgUrl: "https://dev-1.okta.com", appId: "0oa1", groupId: "00g1abcdefghijklmnop" };

describe("GroupAssignment: checks, diff and ids", () => {
    it("a complete set passes unchanged", () => {
        assert.deepEqual(checkGroupAssignment(state), { inputs: state, failures: [] });
    });

    it("names each missing id", () => {
        assert.deepEqual(checkGroupAssignment({ orgUrl: state.orgUrl }).failures, [
            { property: "appId", reason: "appId is required and must be a string" },
            { property: "groupId", reason: "groupId is required and must be a string" },
        ]);
        assert.deepEqual(checkGroupAssignment({ ...state, groupId: "g".repeat(1001) }).failures, [
            { property: "groupId", reason: "groupId must be at most 1000 characters (got 1001)" },
        ]);
    });

    it("any change is another assignment (replace), naming each changed input", () => {
        assert.deepEqual(diffGroupAssignment(state, { ...state }), {
            changes: false,
            replaces: [],
        });
        assert.deepEqual(diffGroupAssignment(state, { ...state, orgUrl: "https://o2.okta.com" }), {
            changes: true,
            replaces: ["orgUrl"],
        });
        assert.deepEqual(
            diffGroupAssignment(state, { orgUrl: state.orgUrl, appId: "0oa2", groupId: "00g2" }),
            { changes: true, replaces: ["appId", "groupId"] },
        );
    });

    it("the group's name and type are create-time hints: no change, whether given, changed or dropped", () => {
        const hinted = { ...state, groupName: "Agents", groupType: "OKTA_GROUP" };
        for (const [olds, news] of [
            [state, hinted], // a stack made before the component passed them
            [hinted, state],
            [hinted, { ...hinted, groupName: "Agents, renamed", groupType: "APP_GROUP" }],
        ])
            assert.deepEqual(diffGroupAssignment(olds, news), { changes: false, replaces: [] });
    });

    it("a refresh's inputs: the assignment and the name and type the state holds, never one it lacks", () => {
        const outs = { ...state, groupName: "Agents", groupType: "OKTA_GROUP" };
        assert.deepEqual(groupAssignmentInputs(outs), outs);
        assert.deepEqual(groupAssignmentInputs(state), state);
        assert.deepEqual(Object.keys(groupAssignmentInputs({ ...state, groupName: "Agents" })), [
            "orgUrl",
            "appId",
            "groupId",
            "groupName",
        ]);
    });

    it("the id is the app and the group", () => {
        assert.equal(groupAssignmentId(state), "0oa1/00g1abcdefghijklmnop");
    });

    it("an Okta group id is 00g and 17 letters or digits, nothing more", () => {
        assert.equal(looksLikeGroupId("00g1abcdefghijklmnop"), true);
        for (const bad of [
            "Everyone",
            "00g1abcdefghijklmno", // 16 after the prefix
            "00g1abcdefghijklmnopp", // 18
            "x00g1abcdefghijklmnop",
            "00g1abcdefghijklmno-",
            "0oa1abcdefghijklmnop",
        ]) {
            assert.equal(looksLikeGroupId(bad), false, bad);
        }
        fc.assert(
            fc.property(fc.stringMatching(/^[0-9A-Za-z]{17}$/), (tail) =>
                assert.equal(looksLikeGroupId(`00g${tail}`), true),
            ),
        );
    });

    it("not found: a name is called out as not an id; both say where to find the id", () => {
        const where =
            " give the group's id, not its name. Find it in the Okta Admin Console under " +
            "Directory > Groups: open the group, the id is the last part of the page's URL " +
            "(or GET /api/v1/groups?q=<name>)";
        assert.equal(
            groupNotFoundMessage("00g1abcdefghijklmnop"),
            `groupId: Okta has no group with id "00g1abcdefghijklmnop";${where}`,
        );
        assert.equal(
            groupNotFoundMessage("Everyone"),
            'groupId: Okta has no group with id "Everyone"; "Everyone" does not look like an ' +
                "Okta group id (00g followed by 17 letters and digits);" +
                where,
        );
    });

    it("the built-in group, or one named Everyone, is broad", () => {
        assert.equal(isBroadGroup({ type: "BUILT_IN", name: "All staff" }), true);
        assert.equal(isBroadGroup({ type: "OKTA_GROUP", name: "Everyone" }), true);
        assert.equal(isBroadGroup({ type: "OKTA_GROUP", name: "Agents" }), false);
        assert.equal(isBroadGroup({}), false);
    });
});
