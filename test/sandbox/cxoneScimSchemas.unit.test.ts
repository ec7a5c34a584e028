// The sandbox CXone's GET /scim/v2/Schemas documents (sandbox/cxone/scimSchemas.ts) describe the
// server they come from: every attribute a User carries is declared with its type and
// multiplicity, the required ones are exactly those a body is refused without, and what the
// server sets is read-only. Each characteristic takes a value RFC 7643 section 7 allows.
import { strict as assert } from "assert";
import { CORE_USER, fromScim, NICE_USER, toScim } from "../../sandbox/cxone/scimMapping";
import { scimSchemas } from "../../sandbox/cxone/scimSchemas";
import { seedCxone } from "../../sandbox/cxone/state";
import { cxoneEmployee } from "../support/cxoneEmployee";

const BASE = "http://127.0.0.1:4610";

interface Attribute {
    name: string;
    type: string;
    multiValued: boolean;
    required: boolean;
    caseExact: boolean;
    mutability: string;
    returned: string;
    uniqueness: string;
    subAttributes?: Attribute[];
}
interface Schema {
    schemas: string[];
    id: string;
    name: string;
    description: string;
    attributes: Attribute[];
    meta: { resourceType: string; location: string };
}

// built inside each test, never at load: Stryker counts a test's coverage only while it runs
const allSchemas = () => scimSchemas(BASE) as Schema[];
const schema = (id: string) => allSchemas().find((s) => s.id === id) as Schema;
const byName = (attrs: Attribute[]) => new Map(attrs.map((a) => [a.name, a]));

const fullEmployee = cxoneEmployee({
    teamId: "t-9",
    timeZone: "Europe/Paris",
    scim: {
        externalId: "00u1",
        displayName: "Ana A.",
        phoneNumbers: [{ value: "1", type: "work", primary: true }],
    },
});

function typeOf(v: unknown): string {
    if (typeof v === "boolean") return "boolean";
    if (typeof v === "string") return "string";
    return "complex";
}

/** Checks value against its declared attribute, recursing into complex ones. */
function conforms(path: string, a: Attribute | undefined, v: unknown): void {
    assert.ok(a, `${path} is returned but not declared`);
    assert.equal(a.multiValued, Array.isArray(v), `${path}: multiValued`);
    for (const item of Array.isArray(v) ? v : [v]) {
        assert.equal(a.type, typeOf(item), `${path}: type`);
        if (a.type !== "complex") continue;
        const subs = byName(a.subAttributes ?? []);
        for (const [k, sv] of Object.entries(item as object))
            conforms(`${path}.${k}`, subs.get(k), sv);
    }
}

describe("sandbox CXone: SCIM schema documents (scimSchemas)", () => {
    it("two Schema resources, the core User and NICE's extension, each at its own location", () => {
        assert.deepEqual(
            allSchemas().map((s) => [s.id, s.name, s.schemas, s.meta]),
            [CORE_USER, NICE_USER].map((id, k) => [
                id,
                ["User", "NiceUser"][k],
                ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
                { resourceType: "Schema", location: `${BASE}/scim/v2/Schemas/${id}` },
            ]),
        );
        for (const s of allSchemas())
            assert.ok(s.description.trim(), `${s.name} has a description`);
    });
    it("every attribute's characteristics take values RFC 7643 allows", () => {
        const walk = (attrs: Attribute[]): Attribute[] =>
            attrs.flatMap((a) => [a, ...walk(a.subAttributes ?? [])]);
        for (const a of walk(allSchemas().flatMap((s) => s.attributes))) {
            assert.ok(a.name, "a name");
            assert.ok(
                ["string", "boolean", "complex"].includes(a.type),
                `${a.name}: type ${a.type}`,
            );
            for (const k of ["multiValued", "required", "caseExact"] as const)
                assert.equal(typeof a[k], "boolean", `${a.name}: ${k}`);
            assert.ok(
                ["readOnly", "readWrite", "immutable", "writeOnly"].includes(a.mutability),
                a.name,
            );
            assert.ok(["always", "never", "default", "request"].includes(a.returned), a.name);
            assert.ok(["none", "server", "global"].includes(a.uniqueness), a.name);
            assert.equal(
                a.type === "complex",
                Array.isArray(a.subAttributes),
                `${a.name}: sub-attributes`,
            );
        }
    });
    it("declares every attribute a User is returned with, with its type and multiplicity", () => {
        const user = toScim(fullEmployee, BASE) as unknown as Record<string, unknown>;
        const core = byName(schema(CORE_USER).attributes);
        const nice = byName(schema(NICE_USER).attributes);
        for (const [k, v] of Object.entries(user)) {
            if (["schemas", "id", "meta"].includes(k)) continue; // RFC 7643 common attributes
            if (k === NICE_USER) {
                for (const [nk, nv] of Object.entries(v as object)) conforms(nk, nice.get(nk), nv);
                continue;
            }
            conforms(k, core.get(k), v);
        }
        assert.deepEqual([...nice.keys()], ["team", "loginAuthenticator"]);
    });
    it("the required attributes are exactly those a body is refused without", () => {
        const core = schema(CORE_USER).attributes;
        const required = (attrs: Attribute[]) => attrs.filter((a) => a.required).map((a) => a.name);
        assert.deepEqual(required(core), ["userName", "name", "emails"]);
        assert.deepEqual(required(byName(core).get("name")?.subAttributes ?? []), [
            "givenName",
            "familyName",
        ]);
        const s = seedCxone();
        const ok = {
            userName: "ana@example.com",
            name: { givenName: "Ana", familyName: "Agent" },
            emails: [{ value: "ana@example.com" }],
        };
        for (const k of Object.keys(ok))
            assert.equal(typeof fromScim(s, { ...ok, [k]: undefined }), "string", `${k} refused`);
        assert.equal(typeof fromScim(s, ok), "object");
    });
    it("what the server sets is read-only; userName is unique and, like emails, not case-exact", () => {
        const core = byName(schema(CORE_USER).attributes);
        const readOnly = (attrs: Attribute[]) =>
            attrs.filter((a) => a.mutability === "readOnly").map((a) => a.name);
        assert.deepEqual(readOnly(schema(CORE_USER).attributes), ["roles"]);
        assert.deepEqual(readOnly(core.get("name")?.subAttributes ?? []), ["formatted"]);
        assert.equal(core.get("userName")?.uniqueness, "server");
        assert.equal(core.get("userName")?.caseExact, false);
        const email = byName(core.get("emails")?.subAttributes ?? []).get("value");
        assert.equal(email?.caseExact, false);
    });
});
