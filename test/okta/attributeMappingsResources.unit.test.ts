// attributeMappings(), the resources a map becomes, with Pulumi's mocks: a bad map refused before
// anything is declared; the builtin pair (schema first, the mapping after it, both children of the
// component); and the @pulumi/okta resources with their exact inputs, provider and ordering.
import { strict as assert } from "assert";
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { AppUserSchemaProperties } from "../../provider/okta/appUserSchemaProperties";
import { attributeMappings, checkAttributeMappings } from "../../provider/okta/attributeMappings";
import { ProfileMapping } from "../../provider/okta/profileMapping";

/** What the engine receives for one registration (the mocks' view lacks parent and dependencies). */
interface Request {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    provider: string;
    parent: string;
    dependencies: string[];
}
interface Invoked {
    token: string;
    inputs: Record<string, unknown>;
    provider?: string;
}
interface RegisterRequest {
    getName(): string;
    getParent(): string;
    getDependenciesList(): string[];
}

class Parent extends pulumi.ComponentResource {
    constructor(name: string) {
        super("test:index:Parent", name);
    }
}

const value = <T>(o: pulumi.Output<T>): Promise<T> =>
    new Promise((resolve) =>
        o.apply((v) => {
            resolve(v);
            return v;
        }),
    );

describe("attributeMappings(): the resources of a map (mocks)", function () {
    this.timeout(20_000);
    let requests: Request[] = [];
    let invoked: Invoked[] = [];
    let userType: Record<string, unknown> = { id: "oty-default", name: "user" };

    beforeEach(() => {
        requests = [];
        invoked = [];
        userType = { id: "oty-default", name: "user" };
        const pending = new Map<string, { parent: string; dependencies: string[] }>();
        pulumi.runtime.setMocks(
            {
                newResource(args) {
                    const seen = pending.get(args.name) ?? { parent: "", dependencies: [] };
                    requests.push({
                        type: args.type,
                        name: args.name,
                        inputs: args.inputs,
                        provider: args.provider ?? "",
                        ...seen,
                    });
                    return { id: `${args.name}-id`, state: { ...args.inputs } };
                },
                call(args) {
                    invoked.push({
                        token: args.token,
                        inputs: args.inputs,
                        provider: args.provider,
                    });
                    return args.token === "okta:user/getUserType:getUserType" ? userType : {};
                },
            },
            "project",
            "stack",
            false,
        );
        // the parent and dependencies of each request, as the engine would receive them
        const monitor: object | undefined = pulumi.runtime.getMonitor();
        assert.ok(monitor);
        const original: unknown = Reflect.get(monitor, "registerResource");
        assert.ok(typeof original === "function");
        Reflect.set(monitor, "registerResource", (req: RegisterRequest, cb: unknown) => {
            pending.set(req.getName(), {
                parent: req.getParent(),
                dependencies: req.getDependenciesList(),
            });
            return original.call(monitor, req, cb);
        });
    });

    const named = (name: string): Request => {
        const r = requests.find((x) => x.name === name);
        assert.ok(r, `${name} among ${requests.map((x) => x.name).join(", ")}`);
        return r;
    };
    /** Resolves once every resource is registered. */
    const registered = (rs: pulumi.Resource[]) => Promise.all(rs.map((r) => value(r.urn)));

    it("checkAttributeMappings: a bad map is the component's error, naming every bad key", async () => {
        const parent = new Parent("p0");
        const e = (() => {
            try {
                checkAttributeMappings({ "nice:teem": "user.a", timezone: 5 }, parent);
            } catch (x) {
                return x;
            }
            return undefined;
        })();
        assert.ok(e instanceof pulumi.ResourceError, String(e));
        assert.equal(
            e.message,
            'attributeMappings["nice:teem"]: unknown CXone attribute "nice:teem" (did you mean ' +
                '"nice:team"?); known: name.givenName, name.familyName, emails.work, displayName, ' +
                "timezone, phoneNumbers.work, phoneNumbers.mobile, nice:team, " +
                'nice:loginAuthenticator\nattributeMappings["timezone"]: "timezone" must map to an ' +
                'Okta expression string, e.g. "user.department"',
        );
        assert.equal(e.hideStack, true, "an input error, not a crash: no stack trace");
        assert.equal(e.resource, parent);
        checkAttributeMappings(undefined, parent);
        checkAttributeMappings({ "nice:team": "user.department" }, parent);
    });

    it("a bad map declares nothing", async () => {
        const parent = new Parent("p1");
        await value(parent.urn);
        const before = requests.length;
        for (const kind of ["builtin", "pulumi-okta"] as const) {
            assert.throws(
                () =>
                    attributeMappings(
                        "m",
                        {
                            kind,
                            orgUrl: "https://dev-1.okta.com",
                            appId: pulumi.output("0oa1"),
                            mappings: { userName: "user.login" },
                        },
                        parent,
                    ),
                /attributeMappings\["userName"\]: userName is the app username/,
            );
        }
        await new Promise((r) => setTimeout(r, 50));
        assert.equal(requests.length, before);
        assert.equal(invoked.length, 0);
    });

    it("builtin: the schema properties, then the mapping that depends on them, under the component", async () => {
        const parent = new Parent("p2");
        const rs = attributeMappings(
            "m2",
            {
                kind: "builtin",
                orgUrl: "https://dev-1.okta.com",
                appId: pulumi.output("0oa1"),
                mappings: { "nice:team": "user.department" },
            },
            parent,
        );
        assert.equal(rs.length, 2);
        const [schema, mapping] = rs;
        assert.ok(schema instanceof AppUserSchemaProperties);
        assert.ok(mapping instanceof ProfileMapping);
        await registered(rs);
        const parentUrn = await value(parent.urn);
        const s = named("m2-app-user-schema");
        const m = named("m2-profile-mapping");
        assert.equal(s.parent, parentUrn);
        assert.equal(m.parent, parentUrn);
        assert.deepEqual(m.dependencies, [await value(schema.urn)]);
        assert.deepEqual(s.inputs.properties, {
            niceTeam: {
                title: "CXone team",
                type: "string",
                externalName: "team",
                externalNamespace: "urn:ietf:params:scim:schemas:extension:nice:2.0:User",
            },
        });
        assert.deepEqual(m.inputs.properties, {
            email: "user.email",
            familyName: "user.lastName",
            givenName: "user.firstName",
            niceTeam: "user.department",
        });
        assert.deepEqual(
            [s.inputs.orgUrl, s.inputs.appId, m.inputs.orgUrl, m.inputs.appId],
            ["https://dev-1.okta.com", "0oa1", "https://dev-1.okta.com", "0oa1"],
        );
    });

    it("pulumi-okta: one AppUserSchemaProperty per added attribute, then the Mapping, through the given provider", async () => {
        const parent = new Parent("p3");
        const provider = new okta.Provider("okta-p3", { orgName: "dev-1", baseUrl: "okta.com" });
        const rs = attributeMappings(
            "m3",
            {
                kind: "pulumi-okta",
                provider,
                orgUrl: "https://dev-1.okta.com",
                appId: pulumi.output("0oa1"),
                mappings: { "nice:team": "user.department", timezone: "user.timezone" },
            },
            parent,
        );
        assert.equal(rs.length, 3);
        assert.ok(rs[0] instanceof okta.AppUserSchemaProperty);
        assert.ok(rs[1] instanceof okta.AppUserSchemaProperty);
        assert.ok(rs[2] instanceof okta.profile.Mapping);
        await registered(rs);
        const parentUrn = await value(parent.urn);
        const providerRef = `${await value(provider.urn)}::${await value(provider.id)}`;
        const team = named("m3-app-user-schema-niceTeam");
        const tz = named("m3-app-user-schema-timezone");
        assert.deepEqual(team.inputs, {
            appId: "0oa1",
            index: "niceTeam",
            title: "CXone team",
            type: "string",
            externalName: "team",
            externalNamespace: "urn:ietf:params:scim:schemas:extension:nice:2.0:User",
            scope: "NONE",
            master: "PROFILE_MASTER",
        });
        assert.equal(tz.inputs.externalName, "timezone");
        const mapping = named("m3-profile-mapping");
        assert.deepEqual(mapping.inputs, {
            sourceId: "oty-default",
            targetId: "0oa1",
            deleteWhenAbsent: false,
            mappings: [
                { id: "email", expression: "user.email", pushStatus: "PUSH" },
                { id: "familyName", expression: "user.lastName", pushStatus: "PUSH" },
                { id: "givenName", expression: "user.firstName", pushStatus: "PUSH" },
                { id: "niceTeam", expression: "user.department", pushStatus: "PUSH" },
                { id: "timezone", expression: "user.timezone", pushStatus: "PUSH" },
            ],
        });
        for (const r of [team, tz, mapping]) {
            assert.equal(r.parent, parentUrn, r.name);
            assert.equal(r.provider, providerRef, r.name);
        }
        assert.deepEqual(
            [...mapping.dependencies].sort(),
            [await value(rs[0].urn), await value(rs[1].urn)].sort(),
        );
        const lookup = invoked.filter((i) => i.token === "okta:user/getUserType:getUserType");
        assert.equal(lookup.length, 1);
        assert.deepEqual(lookup[0].inputs, { name: "user" });
        assert.equal(lookup[0].provider, providerRef);
    });

    it("pulumi-okta with no map: no schema property, the mapping of the seed's fields", async () => {
        userType = { name: "user" }; // a user type without an id: the mapping's source is empty
        const parent = new Parent("p4");
        const rs = attributeMappings(
            "m4",
            { kind: "pulumi-okta", orgUrl: "https://dev-1.okta.com", appId: pulumi.output("0oa1") },
            parent,
        );
        assert.equal(rs.length, 1);
        await registered(rs);
        const mapping = named("m4-profile-mapping");
        assert.equal(mapping.inputs.sourceId, "");
        assert.equal((mapping.inputs.mappings as unknown[]).length, 3);
        assert.equal(mapping.parent, await value(parent.urn));
    });
});
