// The latency section's minimum round trips (bench/minimumPath.ts), derived from the graph a
// stack's state records (bench/graphShape.ts): today's integration graph, edges as the engine
// wrote them, and what a change of the graph does to each operation's minimum.
import { strict as assert } from "assert";
import { graphShape } from "../../bench/graphShape";
import { minimumRoundTrips } from "../../bench/minimumPath";

const urn = (type: string, name: string) => `urn:pulumi:dev::cxone-okta-scim::${type}::${name}`;
const dyn = (t: string) => `pulumi-nodejs:dynamic/${t}`;
const integration = "cxone-okta-scim:index:ScimIntegration";

/** A `pulumi stack export` of the integration's graph as `up` recorded it. */
function state(ownProperties = 0): string {
    const r = (type: string, name: string, deps: string[], extra: object = {}) => ({
        urn: urn(type, name),
        type,
        custom: type !== integration,
        parent: type === integration ? urn("pulumi:pulumi:Stack", "s") : urn(integration, "i"),
        dependencies: deps,
        ...extra,
    });
    const role = urn(dyn("cxone:Role"), "role");
    const employee = urn(dyn("cxone:Employee"), "employee");
    const key = urn(dyn("cxone:AccessKey"), "key");
    const app = urn(dyn("okta:AutoLoginApp"), "app");
    const schema = urn(dyn("okta:AppUserSchemaProperties"), "schema");
    const scim = urn(dyn("okta:ScimConnection"), "scim");
    const mapping = urn(dyn("okta:ProfileMapping"), "mapping");
    const actions = urn(dyn("okta:ProvisioningActions"), "actions");
    const properties = Object.fromEntries(
        ["title", "mobilePhone", ...Array.from({ length: ownProperties }, (_, i) => `own${i}`)].map(
            (p) => [p, {}],
        ),
    );
    return JSON.stringify({
        deployment: {
            resources: [
                {
                    urn: urn("pulumi:pulumi:Stack", "s"),
                    type: "pulumi:pulumi:Stack",
                    custom: false,
                },
                {
                    urn: urn("pulumi:providers:pulumi-nodejs", "default"),
                    type: "pulumi:providers:pulumi-nodejs",
                    custom: true,
                },
                r(integration, "i", []),
                r(dyn("cxone:Role"), "role", []),
                r(dyn("cxone:Employee"), "employee", [role]),
                r(dyn("cxone:AccessKey"), "key", [employee], {
                    additionalSecretOutputs: ["secret"],
                }),
                r(dyn("okta:AutoLoginApp"), "app", [key]),
                r(dyn("okta:AppUserSchemaProperties"), "schema", [app], {
                    outputs: { properties, onBase: ["title", "mobilePhone"] },
                }),
                r(dyn("okta:ScimConnection"), "scim", [key, app]),
                r(dyn("okta:ProfileMapping"), "mapping", [schema, app]),
                r(dyn("okta:ProvisioningActions"), "actions", [scim, schema, mapping, app]),
                r(dyn("cxone-okta-scim:RemovalGuard"), "guard", [
                    actions,
                    role,
                    employee,
                    key,
                    app,
                    scim,
                    schema,
                    mapping,
                ]),
            ],
        },
    });
}

describe("bench: minimum round trips from the declared graph", () => {
    it("reads the graph as the state records it: types, parents, edges, secrets, own properties", () => {
        const nodes = graphShape(state(2));
        assert.deepEqual(
            nodes.map((n) => n.name),
            [
                "i",
                "role",
                "employee",
                "key",
                "app",
                "schema",
                "scim",
                "mapping",
                "actions",
                "guard",
            ],
            "the stack and the providers are not part of the graph",
        );
        const byName = new Map(nodes.map((n) => [n.name, n]));
        assert.deepEqual(byName.get("i"), {
            name: "i",
            type: integration,
            component: true,
            parent: undefined,
            deps: [],
            secretOutputs: [],
        });
        assert.equal(byName.get("key")?.type, "cxone:AccessKey");
        assert.equal(byName.get("key")?.parent, "i");
        assert.deepEqual(byName.get("key")?.deps, ["employee"]);
        assert.deepEqual(byName.get("key")?.secretOutputs, ["secret"]);
        assert.equal(byName.get("schema")?.ownProperties, 2);
        assert.equal(byName.get("app")?.ownProperties, undefined);
    });

    it("today's integration: up from empty 18, no-change preview 7, destroy 10", () => {
        const nodes = graphShape(state());
        // program 4 + CXone session 2 + role 3 + employee 3 + key 1 + app 1 + schema 1 + mapping 3
        assert.equal(minimumRoundTrips(nodes, "up from empty"), 18);
        // refresh: session 2 + one read; then the program's 4
        assert.equal(minimumRoundTrips(nodes, "no-change preview --refresh"), 7);
        // refresh 3; guard 1, mapping 1, app 2, key 1, employee 1, role 1 (the schema writes nothing)
        assert.equal(minimumRoundTrips(nodes, "destroy"), 10);
    });

    it("properties of our own add the schema write to up and its restore to destroy", () => {
        const nodes = graphShape(state(1));
        assert.equal(minimumRoundTrips(nodes, "up from empty"), 19);
        assert.equal(minimumRoundTrips(nodes, "no-change preview --refresh"), 7);
        assert.equal(minimumRoundTrips(nodes, "destroy"), 11);
    });

    it("a resource type with no derived round trips stops the bench, named", () => {
        const nodes = graphShape(state());
        nodes.push({
            name: "x",
            type: "okta:Unknown",
            component: false,
            deps: ["app"],
            secretOutputs: [],
        });
        assert.throws(
            () => minimumRoundTrips(nodes, "up from empty"),
            /no round trips derived for okta:Unknown/,
        );
    });
});
