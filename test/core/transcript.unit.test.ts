// The redacted transcript's pure parts: path templates without ids or query values, shapes without
// values, host roles by path, and how the setting reaches the provider process.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hostRole, pathTemplate, requestShape, shapeOf } from "../../provider/core/transcript";
import { TRANSCRIPT_ENV, TRANSCRIPT_SETTING_FILE } from "../../provider/core/transcript";
import { transcriptSetting, writeTranscriptSetting } from "../../provider/core/transcript";

describe("transcript: redaction", () => {
    it("path templates replace ids (UUIDs, Okta ids, access key ids, emails, numbers) and drop query values", () => {
        const cases: [string, string][] = [
            [
                "https://api-na1.niceincontact.com/user-management/v1/users/5f0c2a7e-1b2c-4d3e-8f9a-0b1c2d3e4f5a",
                "/user-management/v1/users/{id}",
            ],
            [
                "https://dev-1.okta.com/api/v1/apps/0oa1b2c3d4e5f6g7h8i9/connections/default/lifecycle/activate",
                "/api/v1/apps/{id}/connections/default/lifecycle/activate",
            ],
            [
                "https://x/access-key-management/v1/access-keys/EMKS4A7CBFMIRQANKXEQ5UG76YT6HYFA",
                "/access-key-management/v1/access-keys/{id}",
            ],
            [
                "https://x/access-key-management/v1/access-keys?tenantId=T-1&userId=u-9&accessKeyId=K",
                "/access-key-management/v1/access-keys?accessKeyId=&tenantId=&userId=",
            ],
            [
                "https://x/api/v1/groups/00g9abcdefghijklmnop/users?limit=200&after=00u123",
                "/api/v1/groups/{id}/users?after=&limit=",
            ],
            ["https://x/api/v1/users/ana%40example.com", "/api/v1/users/{id}"],
            [
                "https://x/api/v1/apps/features/USER_PROVISIONING",
                "/api/v1/apps/features/USER_PROVISIONING",
            ],
            [
                "https://x/.well-known/cxone-configuration?tenantId=11EB-SECRET",
                "/.well-known/cxone-configuration?tenantId=",
            ],
        ];
        for (const [url, template] of cases) assert.equal(pathTemplate(url), template, url);
    });

    it("shapes keep field names and types, never values; arrays as the union of their items; id-like keys as {id}", () => {
        assert.deepEqual(
            shapeOf({
                accessToken: "eyJhbGciOi.secret.sig",
                expires: 3600,
                ok: true,
                nothing: null,
                roles: [
                    { roleId: "r", permissions: [{ permission: "Employees: View" }] },
                    { roleId: "s", permissions: [] },
                ],
                byId: { "5f0c2a7e-1b2c-4d3e-8f9a-0b1c2d3e4f5a": "x" },
            }),
            {
                accessToken: "string",
                expires: "number",
                ok: "boolean",
                nothing: "null",
                roles: [
                    { roleId: "string", permissions: [{ permission: "string" }] },
                    { roleId: "string", permissions: [] },
                ],
                byId: { "{id}": "string" },
            },
        );
        assert.ok(!JSON.stringify(shapeOf({ a: "eyJhbGciOi.secret.sig" })).includes("secret"));
    });

    it("host roles by path: issuer, area, userhub, acd, okta", () => {
        const role = (p: string) => hostRole(p).host;
        assert.equal(role("/.well-known/cxone-configuration"), "issuer");
        assert.equal(role("/auth/token"), "issuer");
        assert.equal(role("/authentication/v1/token/access-key"), "area");
        assert.equal(role("/scim/v2/Users"), "area");
        assert.equal(role("/user-management/v1/users/{id}"), "userhub");
        assert.equal(role("/inContactAPI/authorization/v1/roles/search"), "userhub");
        assert.equal(role("/incontactauthorizationserver/token/whoami"), "acd");
        assert.deepEqual(hostRole("/api/v1/apps"), { vendor: "okta", host: "okta" });
    });
});

describe("transcript: each rule on its own", () => {
    it("a path segment is an id by exactly one of its rules, and nothing else is", () => {
        const cases: [string, boolean][] = [
            ["12345678-1234-1234-1234-123456789012", true], // a UUID without letters: that rule only
            ["a@b", true], // an email
            ["ana%40x", true], // an email, percent-encoded
            ["ABCDEFGHIJKLMNOP", true], // an access key id: 16 capitals
            ["ABCDEFGHIJKLMNO", false], // 15 capitals, no digit
            ["xABCDEFGHIJKLMNOP", false], // 16 capitals after a lower-case letter
            ["ABCDEFGHIJKLMNOPx", false], // ... or before one
            ["abcdefghijklmnop", false], // lower case, no digit
            ["123", true], // a number
            ["12a", false], // short, a digit and a letter
            ["abc123def456", true], // 12 characters with a digit and a letter
            ["abc123def45", false], // 11 of them
            ["abcdefghijklmn", false], // long, no digit
            ["123456789012-", false], // long, no letter, not only digits
            ["USER_PROVISIONING", false],
            ["v1", false],
            // an Okta id is a 0, two more, then 14 or more letters or digits, and nothing around it
            ["00012345678901234-", false], // ... then a character no id has
            ["-00012345678901234", false], // ... after one
            ["0--12345678901234", false], // two characters that are neither
            ["000--------------", false], // no letters or digits after the first three
        ];
        for (const [segment, id] of cases)
            assert.equal(pathTemplate(`/x/${segment}`), id ? "/x/{id}" : `/x/${segment}`, segment);
    });

    it("a query keeps each parameter name once, sorted; empty segments stay; a URL that does not parse is named so", () => {
        assert.equal(pathTemplate("/a//b?z=1&a=2&z=3"), "/a//b?a=&z=");
        assert.equal(pathTemplate("/a"), "/a");
        assert.equal(pathTemplate("http://["), "{unparsed}");
    });

    it("host roles: whole first segments only, Okta's OAuth too, the ACD host in any case", () => {
        const cases: [string, string][] = [
            ["/oauth2/v1/token", "okta"],
            ["/api/v1", "userhub"],
            ["/login", "issuer"],
            ["/auth", "issuer"],
            ["/authx/y", "userhub"],
            ["/.well-knownx", "userhub"],
            ["/public/x", "area"],
            ["/authentication/v1/token", "area"],
            ["/scim", "userhub"],
            ["/INCONTACTAUTHORIZATIONSERVER/token", "acd"],
            ["/x/incontactauthorizationserver/", "userhub"],
            ["/x/login", "userhub"],
            ["/x/scim/", "userhub"],
        ];
        for (const [p, host] of cases) assert.equal(hostRole(p).host, host, p);
        assert.equal(hostRole("/oauth2/v1/token").vendor, "okta");
        assert.equal(hostRole("/login").vendor, "cxone");
        assert.deepEqual(hostRole("/incontactauthorizationserver/token"), {
            vendor: "cxone",
            host: "acd",
        });
    });

    it("shapes stop at depth 12 and read at most 50 items of an array", () => {
        let arrays: unknown = "x";
        let objects: unknown = "x";
        for (let i = 0; i < 14; i++) {
            arrays = [arrays];
            objects = { o: objects };
        }
        assert.ok(JSON.stringify(shapeOf(arrays)).includes('["…"]'));
        assert.ok(!JSON.stringify(shapeOf(arrays)).includes('"string"'));
        assert.ok(JSON.stringify(shapeOf(objects)).includes('"object"'));
        // 13 levels still show the value's type: the last array and object are at depth 12
        let arrays13: unknown = "x";
        let objects13: unknown = "x";
        for (let i = 0; i < 13; i++) {
            arrays13 = [arrays13];
            objects13 = { o: objects13 };
        }
        assert.ok(JSON.stringify(shapeOf(arrays13)).includes('"string"'));
        assert.ok(JSON.stringify(shapeOf(objects13)).includes('"string"'));
        const many = [...Array.from({ length: 50 }, () => 1), "late"];
        assert.deepEqual(shapeOf(many), ["number"]);
        assert.deepEqual(shapeOf([1, "a", 2, { b: 1 }]), ["number", "string", { b: "number" }]);
        assert.equal(shapeOf(undefined), "undefined");
    });

    it("a request body: none, JSON as such, a form by its field names (id-like ones as {id})", () => {
        for (const none of [undefined, null, ""]) assert.equal(requestShape(none), undefined);
        assert.deepEqual(requestShape('{"a":[1]}'), { a: ["number"] });
        assert.deepEqual(requestShape("grant_type=password&ana%40x.com=1"), {
            grant_type: "string",
            "{id}": "string",
        });
        assert.deepEqual(requestShape(new URLSearchParams({ scope: "okta.apps.read" })), {
            scope: "string",
        });
        assert.deepEqual(requestShape({ isActive: false }), { isActive: "boolean" });
    });
});

describe("transcript: the setting", () => {
    const saved = process.env[TRANSCRIPT_ENV];
    afterEach(() => {
        if (saved === undefined) delete process.env[TRANSCRIPT_ENV];
        else process.env[TRANSCRIPT_ENV] = saved;
    });

    it("the env wins; else the project directory's settings file, which the root program writes and removes", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "transcript-setting-"));
        delete process.env[TRANSCRIPT_ENV];
        assert.equal(transcriptSetting(dir), undefined);
        writeTranscriptSetting(dir, undefined); // unset with no file yet: nothing to remove, no error
        writeTranscriptSetting(dir, "first-run.jsonl");
        assert.equal(transcriptSetting(dir), path.join(dir, "first-run.jsonl"));
        const fromEnv = path.join(dir, "from-env.jsonl");
        process.env[TRANSCRIPT_ENV] = fromEnv;
        assert.equal(transcriptSetting(dir), fromEnv);
        delete process.env[TRANSCRIPT_ENV];
        writeTranscriptSetting(dir, undefined);
        assert.equal(fs.existsSync(path.join(dir, TRANSCRIPT_SETTING_FILE)), false);
        assert.equal(transcriptSetting(dir), undefined);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
