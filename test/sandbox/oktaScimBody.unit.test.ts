// The SCIM user Okta pushes (sandbox/okta/scimBody.ts), beyond the body over HTTP in
// oktaMappings.http: empty values left out, a multi-valued attribute's one primary entry, an
// extension's schema named once, a mapped displayName, and the userName the app user has.
import * as assert from "assert";
import { appProfile, CORE_USER, type SchemaProperty } from "../../sandbox/okta/appProfile";
import { mappedScimUser } from "../../sandbox/okta/scimBody";
import { newUser, type OktaApp } from "../../sandbox/okta/state";
import { oktaDeclaredProperty } from "../support/oktaSchemaProperties";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/** An app whose user profile starts with the seed's base set, plus `custom` mapped as given. */
function appWith(custom: Record<string, [SchemaProperty, string]> = {}): OktaApp {
    const app = { id: "0oa1", name: "sandboxorg_cxone_1" } as unknown as OktaApp;
    const p = appProfile(app, "seed");
    for (const [name, [property, expression]] of Object.entries(custom)) {
        p.custom[name] = property;
        p.mapping[name] = { expression, pushStatus: "PUSH" };
    }
    return app;
}

const ana = (extra: Record<string, unknown> = {}) =>
    newUser(
        {
            firstName: "Ana",
            lastName: "Agent",
            email: "ana@example.com",
            login: "ana@example.com",
            ...extra,
        },
        "ACTIVE",
    );

describe("sandbox Okta: the SCIM user Okta pushes (scimBody.ts)", () => {
    it("an unset or empty value is not pushed", () => {
        const app = appWith({
            middleName: [
                oktaDeclaredProperty("Middle", "name.middleName", CORE_USER),
                "user.middleName",
            ],
            nickName: [oktaDeclaredProperty("Nick", "nickName", CORE_USER), "user.nickName"],
        });
        const body = mappedScimUser(app, "ana@example.com", ana({ nickName: "" }), true);
        assert.deepStrictEqual(body.name, { givenName: "Ana", familyName: "Agent" });
        assert.ok(!("nickName" in body), JSON.stringify(body));
    });

    it("the entry a primary filter names is the primary one, even after an entry of a type", () => {
        const phone = (title: string, filter: string) =>
            oktaDeclaredProperty(title, `phoneNumbers^[${filter}].value`, CORE_USER);
        const app = appWith({
            mobilePhone: [phone("Mobile", "type=='mobile'"), "user.mobilePhone"],
            primaryPhone: [phone("Primary", "primary==true"), "user.primaryPhone"],
        });
        const both = mappedScimUser(
            app,
            "ana@example.com",
            ana({ mobilePhone: "+1 555 0101", primaryPhone: "+1 555 0100" }),
            true,
        );
        assert.deepStrictEqual(both.phoneNumbers, [
            { type: "mobile", value: "+1 555 0101", primary: false },
            { primary: true, value: "+1 555 0100" },
        ]);
        // with no entry marked, the first is the primary one
        const mobileOnly = mappedScimUser(
            app,
            "ana@example.com",
            ana({ mobilePhone: "+1 555 0101" }),
            true,
        );
        assert.deepStrictEqual(mobileOnly.phoneNumbers, [
            { type: "mobile", value: "+1 555 0101", primary: true },
        ]);
    });

    it("an extension's schema is named once however many of its attributes are pushed", () => {
        const app = appWith({
            department: [oktaDeclaredProperty("Dept", "department", ENTERPRISE), "user.department"],
            employeeNumber: [
                oktaDeclaredProperty("Number", "employeeNumber", ENTERPRISE),
                "user.employeeNumber",
            ],
        });
        const body = mappedScimUser(
            app,
            "ana@example.com",
            ana({ department: "Sales", employeeNumber: "42" }),
            true,
        );
        assert.deepStrictEqual(body.schemas, [CORE_USER, ENTERPRISE]);
        assert.deepStrictEqual(body[ENTERPRISE], { department: "Sales", employeeNumber: "42" });
    });

    it("a mapped displayName is pushed as mapped; the userName is the app user's", () => {
        const app = appWith({
            displayName: [
                oktaDeclaredProperty("Display", "displayName", CORE_USER),
                "user.nickName",
            ],
        });
        // a mapping to userName too: the app user's name (its username format) still wins
        appProfile(app).mapping.userName = { expression: "user.firstName", pushStatus: "PUSH" };
        const body = mappedScimUser(app, "ana.a", ana({ nickName: "Annie" }), false);
        assert.strictEqual(body.displayName, "Annie");
        assert.strictEqual(body.userName, "ana.a");
        assert.strictEqual(body.active, false);
    });
});
