// provider/integration/componentChecks.ts on its own: what a child's check sees of values not known yet
// (Outputs, resources, promises become the engine's unknown, however deep), and how failures are
// renamed to the argument the user typed, skipped when the component derives the input, and
// reported once.
import { strict as assert } from "assert";
import { installMocks } from "../support/pulumiMocks";
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "../../provider/framework/checks";
import {
    ChildInputs,
    childChecks,
    childProblems,
} from "../../provider/integration/componentChecks";

/** A child whose check records what it was given and fails with `failures`. */
function child(
    inputs: Record<string, unknown>,
    names: Record<string, string>,
    failures: { property: string; reason: string }[] = [],
    seen: Record<string, unknown>[] = [],
): ChildInputs {
    return {
        inputs,
        names,
        check: (n) => {
            seen.push(n);
            return { failures };
        },
    };
}

describe("component checks: the children's plain inputs", function () {
    before(() => {
        installMocks({ preview: true });
    });

    it("values not known yet become the engine's unknown, at any depth; known values stay", () => {
        const seen: Record<string, unknown>[] = [];
        const resource = new (class extends pulumi.CustomResource {})(
            "test:index:Thing",
            "thing",
            {},
        );
        childProblems([
            child(
                {
                    output: pulumi.output("x"),
                    promise: Promise.resolve("y"),
                    resource,
                    list: [pulumi.output(1), "kept", [Promise.resolve(2)]],
                    nested: { deeper: { output: pulumi.output(true), n: 3 }, empty: null },
                    text: "plain",
                    zero: 0,
                    missing: undefined,
                    thenless: { then: "not a function" },
                },
                {},
                [],
                seen,
            ),
        ]);
        assert.deepEqual(seen, [
            {
                output: UNKNOWN,
                promise: UNKNOWN,
                resource: UNKNOWN,
                list: [UNKNOWN, "kept", [UNKNOWN]],
                nested: { deeper: { output: UNKNOWN, n: 3 }, empty: null },
                text: "plain",
                zero: 0,
                missing: undefined,
                thenless: { then: "not a function" },
            },
        ]);
    });

    it("a failure is named by the argument behind its first path segment, reason prefixed", () => {
        const problems = childProblems([
            child({}, { endpoint: "cxone.sandboxUrl", name: "roleName" }, [
                { property: "endpoint.issuerUrl", reason: "endpoint.issuerUrl must use https" },
                { property: "name", reason: "name must not contain /" },
            ]),
        ]);
        assert.deepEqual(problems, [
            {
                propertyPath: "cxone.sandboxUrl",
                reason: "cxone.sandboxUrl: endpoint.issuerUrl must use https",
            },
            { propertyPath: "roleName", reason: "roleName: name must not contain /" },
        ]);
    });

    it("an input the component derives (no argument behind it) is left to the resource", () => {
        const problems = childProblems([
            child({}, { name: "roleName" }, [
                { property: "permissions", reason: "permissions: not known" },
                { property: "endpoint.apiUrl", reason: "endpoint.apiUrl is odd" },
            ]),
        ]);
        assert.deepEqual(problems, []);
    });

    it("the same problem of the same argument from several children is reported once, in order", () => {
        const org = { property: "orgUrl", reason: "orgUrl must use https" };
        const problems = childProblems([
            child({}, { orgUrl: "oktaOrgUrl" }, [org]),
            child({}, { orgUrl: "oktaOrgUrl", groupId: "groupIds[0]" }, [
                org,
                { property: "groupId", reason: "groupId is required" },
            ]),
            child({}, { orgUrl: "oktaOrgUrl" }, [{ property: "orgUrl", reason: "other reason" }]),
            child({}, { groupId: "groupIds[1]" }, [
                { property: "groupId", reason: "groupId is required" },
            ]),
        ]);
        assert.deepEqual(
            problems.map((p) => p.reason),
            [
                "oktaOrgUrl: orgUrl must use https",
                "groupIds[0]: groupId is required",
                "oktaOrgUrl: other reason",
                "groupIds[1]: groupId is required",
            ],
        );
    });

    it("each child kind runs its own resource's check", () => {
        const e = {
            issuerUrl: "https://cxone.niceincontact.com",
            areaUrl: "https://na1.nice-incontact.com",
        };
        const org = "https://dev-1.okta.com";
        const props = (f: { failures: { property: string }[] }) =>
            f.failures.map((x) => x.property);
        assert.deepEqual(props(childChecks.role({ endpoint: e, name: "a/b" })), ["name"]);
        assert.deepEqual(
            props(
                childChecks.employee({
                    endpoint: e,
                    email: "x",
                    firstName: "a",
                    lastName: "b",
                    roleId: "r",
                }),
            ),
            ["email"],
        );
        assert.deepEqual(props(childChecks.accessKey({ endpoint: e, employeeId: "" })), [
            "employeeId",
        ]);
        assert.deepEqual(
            props(
                childChecks.app({
                    orgUrl: org,
                    label: "",
                    loginUrl: "https://cxone.niceincontact.com/login",
                }),
            ),
            ["label"],
        );
        assert.deepEqual(props(childChecks.group({ orgUrl: org, appId: "0oa1", groupId: "" })), [
            "groupId",
        ]);
        assert.deepEqual(
            props(
                childChecks.actions({
                    orgUrl: org,
                    appId: "0oa1",
                    connectionStatus: UNKNOWN,
                    createUsers: "y",
                }),
            ),
            ["createUsers"],
        );
        assert.ok(
            props(
                childChecks.scim({
                    orgUrl: org,
                    appId: "0oa1",
                    appLabel: "x",
                    secretReference: "",
                }),
            ).includes("secretReference"),
        );
    });
});
