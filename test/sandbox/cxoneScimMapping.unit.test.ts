// The sandbox CXone's SCIM view of an employee and back (sandbox/cxone/scimMapping.ts): the User
// it answers (RFC 7643 core + NICE's extension), each refusal of a body with its message, which
// email wins, what a PUT keeps or drops. Over HTTP: cxoneScim.http.test.ts.
import { strict as assert } from "assert";
import {
    applyScim,
    CORE_USER,
    fromScim,
    NICE_USER,
    toScim,
    type ScimFields,
} from "../../sandbox/cxone/scimMapping";
import { seedCxone } from "../../sandbox/cxone/state";
import { cxoneEmployee } from "../support/cxoneEmployee";

const BASE = "http://127.0.0.1:4610";

const employee = cxoneEmployee;

const body = (over: Record<string, unknown> = {}) => ({
    schemas: [CORE_USER],
    userName: "ana@example.com",
    name: { givenName: "Ana", familyName: "Agent" },
    emails: [{ value: "ana@example.com", primary: true }],
    ...over,
});

describe("sandbox CXone: SCIM User view (scimMapping)", () => {
    describe("toScim: the User CXone answers", () => {
        it("carries both schemas, the names, one primary work email, the role and the location", () => {
            assert.deepEqual(toScim(employee(), BASE), {
                schemas: [CORE_USER, NICE_USER],
                id: "u-1",
                userName: "ana@example.com",
                name: { givenName: "Ana", familyName: "Agent", formatted: "Ana Agent" },
                displayName: "Ana Agent",
                emails: [{ value: "ana@example.com", primary: true, type: "work" }],
                active: true,
                roles: [{ value: "Agent", display: "Agent", primary: true }],
                [NICE_USER]: { loginAuthenticator: "la-1" },
                meta: {
                    resourceType: "User",
                    created: "2026-01-01T00:00:00.000Z",
                    lastModified: "2026-01-02T00:00:00.000Z",
                    location: `${BASE}/scim/v2/Users/u-1`,
                },
            });
        });
        it("returns what the IdP sent: externalId, displayName, phone numbers; team and timezone where set", () => {
            const phones = [{ value: "+1 555 0100", type: "work" }];
            const u = toScim(
                employee({
                    teamId: "t-9",
                    timeZone: "Europe/Paris",
                    scim: { externalId: "00u1", displayName: "Ana A.", phoneNumbers: phones },
                }),
                BASE,
            );
            assert.equal(u.externalId, "00u1");
            assert.equal(u.displayName, "Ana A.");
            assert.deepEqual(u.phoneNumbers, phones);
            assert.equal(u.timezone, "Europe/Paris");
            assert.deepEqual(u[NICE_USER], { team: "t-9", loginAuthenticator: "la-1" });
        });
        it("active is false only for a blocked or deleted employee", () => {
            for (const [status, active] of [
                ["ACTIVE", true],
                ["PENDING", true],
                ["UNREGISTERED", true],
                ["BLOCKED", false],
                ["DELETED", false],
            ] as const)
                assert.equal(toScim(employee({ status }), BASE).active, active, status);
        });
    });

    describe("fromScim: a body's fields, or its first problem", () => {
        const s = seedCxone();
        const authenticator = s.loginAuthenticators[0];
        it("a minimal valid body: the core fields, active by default, nothing optional", () => {
            assert.deepEqual(fromScim(s, body()), {
                userName: "ana@example.com",
                firstName: "Ana",
                lastName: "Agent",
                emailAddress: "ana@example.com",
                active: true,
            } satisfies ScimFields);
        });
        it("each missing or blank required field is named", () => {
            const cases: [unknown, string][] = [
                [null, "body must be a SCIM User object"],
                ["a string", "body must be a SCIM User object"],
                [body({ userName: undefined }), "userName is required"],
                [body({ userName: "  " }), "userName is required"],
                [body({ userName: 7 }), "userName is required"],
                [body({ name: undefined }), "name.givenName is required"],
                [
                    body({ name: { givenName: " ", familyName: "Agent" } }),
                    "name.givenName is required",
                ],
                [body({ name: { givenName: "Ana" } }), "name.familyName is required"],
                [
                    body({ name: { givenName: "Ana", familyName: "\t" } }),
                    "name.familyName is required",
                ],
                [body({ emails: undefined }), "emails is required"],
                [body({ emails: [] }), "emails is required"],
                [body({ emails: "ana@example.com" }), "emails is required"],
                [
                    body({ emails: [{ value: "not-an-email" }] }),
                    "emails must contain a valid email address",
                ],
                [
                    body({ emails: [{ primary: true }] }),
                    "emails must contain a valid email address",
                ],
                [body({ active: "true" }), "active must be a boolean"],
            ];
            for (const [b, problem] of cases)
                assert.equal(fromScim(s, b), problem, JSON.stringify(b));
        });
        it("the primary email wins over the first; without a primary, the first", () => {
            const emails = [
                { value: "first@example.com" },
                { value: "primary@example.com", primary: true },
            ];
            const f = fromScim(s, body({ emails })) as ScimFields;
            assert.equal(f.emailAddress, "primary@example.com");
            const g = fromScim(s, body({ emails: [null, { value: "x@example.com" }] }));
            assert.equal(
                g,
                "emails must contain a valid email address",
                "the first, even when empty",
            );
            const h = fromScim(
                s,
                body({
                    emails: [
                        { value: "a@example.com", primary: "true" },
                        { value: "b@example.com" },
                    ],
                }),
            );
            assert.equal(
                (h as ScimFields).emailAddress,
                "a@example.com",
                "primary must be true itself",
            );
        });
        it("active false deactivates; true and absent keep active", () => {
            assert.equal((fromScim(s, body({ active: false })) as ScimFields).active, false);
            assert.equal((fromScim(s, body({ active: true })) as ScimFields).active, true);
        });
        it("optional fields are taken only with their SCIM type; timezone becomes timeZone, the team comes from NICE's extension", () => {
            const phones = [{ value: "+1 555 0100" }];
            const f = fromScim(
                s,
                body({
                    externalId: "00u1",
                    displayName: "Ana A.",
                    timezone: "Europe/Paris",
                    phoneNumbers: phones,
                    [NICE_USER]: { team: "t-9" },
                }),
            ) as ScimFields;
            assert.equal(f.externalId, "00u1");
            assert.equal(f.displayName, "Ana A.");
            assert.equal(f.timeZone, "Europe/Paris");
            assert.deepEqual(f.phoneNumbers, phones);
            assert.equal(f.teamId, "t-9");
            const wrong = fromScim(
                s,
                body({
                    externalId: 1,
                    displayName: 2,
                    timezone: 3,
                    phoneNumbers: "+1 555 0100",
                    [NICE_USER]: { team: 4 },
                }),
            );
            assert.deepEqual(Object.keys(wrong as ScimFields).sort(), [
                "active",
                "emailAddress",
                "firstName",
                "lastName",
                "userName",
            ]);
        });
        it("the login authenticator is found by id or by name; an unknown one is named", () => {
            const byId = fromScim(
                s,
                body({ [NICE_USER]: { loginAuthenticator: authenticator.id } }),
            );
            const byName = fromScim(
                s,
                body({ [NICE_USER]: { loginAuthenticator: authenticator.name } }),
            );
            assert.equal((byId as ScimFields).loginAuthenticatorId, authenticator.id);
            assert.equal((byName as ScimFields).loginAuthenticatorId, authenticator.id);
            assert.equal(
                fromScim(s, body({ [NICE_USER]: { loginAuthenticator: "Nope" } })),
                "loginAuthenticator Nope not found",
            );
        });
    });

    describe("applyScim: a PUT onto the employee", () => {
        const fields: ScimFields = {
            userName: "ana.new@example.com",
            firstName: "Anna",
            lastName: "Agentova",
            emailAddress: "ana.new@example.com",
            active: true,
        };
        it("sets the core fields and leaves timezone, team and authenticator when the body has none", () => {
            const u = employee({ timeZone: "Europe/Paris", teamId: "t-9" });
            applyScim(u, fields);
            assert.equal(u.userName, "ana.new@example.com");
            assert.equal(u.firstName, "Anna");
            assert.equal(u.lastName, "Agentova");
            assert.equal(u.emailAddress, "ana.new@example.com");
            assert.equal(u.timeZone, "Europe/Paris");
            assert.equal(u.teamId, "t-9");
            assert.equal(u.loginAuthenticatorId, "la-1");
            assert.notEqual(u.modifiedDate, "2026-01-02T00:00:00.000Z");
        });
        it("sets timezone, team and authenticator when the body has them", () => {
            const u = employee();
            applyScim(u, {
                ...fields,
                timeZone: "UTC",
                teamId: "t-2",
                loginAuthenticatorId: "la-2",
            });
            assert.equal(u.timeZone, "UTC");
            assert.equal(u.teamId, "t-2");
            assert.equal(u.loginAuthenticatorId, "la-2");
        });
        it("keeps the externalId Okta set before; a PUT without displayName or phones drops them", () => {
            const u = employee({
                scim: { externalId: "00u1", displayName: "Ana A.", phoneNumbers: [{ value: "1" }] },
            });
            applyScim(u, fields);
            assert.deepEqual(u.scim, { externalId: "00u1" });
            applyScim(u, { ...fields, externalId: "00u2", displayName: "A", phoneNumbers: [] });
            assert.deepEqual(u.scim, { externalId: "00u2", displayName: "A", phoneNumbers: [] });
            const fresh = employee();
            applyScim(fresh, fields);
            assert.deepEqual(fresh.scim, {});
        });
    });
});
