// The small pure pieces under the CXone client: token claims, where the admin key comes from,
// error facts and their short form, and the *.localhost pin. No server needed.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ACCESS_KEY_ID_ENV, ACCESS_KEY_SECRET_ENV } from "../../provider/cxone/credentials";
import { adminAccessKey, SANDBOX_DIR_ENV } from "../../provider/cxone/credentials";
import { CxoneCredentialsError, CxoneError, PartialCreateError } from "../../provider/cxone/errors";
import { alreadyReported, errorFacts } from "../../provider/cxone/errors";
import { decodeJwtClaims, tenantIdFromClaims, userIdFromClaims } from "../../provider/cxone/jwt";
import { pinLocalhost } from "../../provider/cxone/localhostNames";
import { jwtWith } from "../support/jwt";

describe("CXone token claims (jwt.ts)", () => {
    it("decodes the middle part of a three-part token", () => {
        assert.deepEqual(decodeJwtClaims(jwtWith({ tenantId: "T", n: 1 })), {
            tenantId: "T",
            n: 1,
        });
    });
    it("anything else has no claims", () => {
        const body = Buffer.from('{"a":1}').toString("base64url");
        assert.equal(decodeJwtClaims(undefined), undefined);
        assert.equal(decodeJwtClaims(42), undefined);
        assert.equal(decodeJwtClaims(`x.${body}`), undefined);
        assert.equal(decodeJwtClaims(`x.${body}.y.z`), undefined);
        assert.deepEqual(decodeJwtClaims(`x.${body}.y`), { a: 1 });
        assert.equal(decodeJwtClaims("x.bm90IGpzb24.y"), undefined, "not JSON");
        for (const v of ["null", "5", '"text"'])
            assert.equal(
                decodeJwtClaims(`x.${Buffer.from(v).toString("base64url")}.y`),
                undefined,
                v,
            );
    });
    it("the user: userId claim, else sub without its 5-character prefix", () => {
        assert.equal(userIdFromClaims({ userId: "U1", sub: "user:U2" }), "U1");
        assert.equal(userIdFromClaims({ userId: "", sub: "user:U2" }), "U2");
        assert.equal(userIdFromClaims({ userId: 7, sub: "user:U2" }), "U2");
        assert.equal(userIdFromClaims({ sub: "user:" }), undefined);
        assert.equal(userIdFromClaims({ sub: "user:X" }), "X");
        assert.equal(userIdFromClaims({ sub: 123456 }), undefined);
        assert.equal(userIdFromClaims({}), undefined);
        assert.equal(userIdFromClaims(undefined), undefined);
    });
    it("a sub that is itself a bare id (a UUID) is taken as it is [sdk:token-user-id]", () => {
        const id = "5f0c2a7e-1b2c-4d3e-8f9a-0b1c2d3e4f5a";
        assert.equal(userIdFromClaims({ sub: id }), id);
        assert.equal(userIdFromClaims({ sub: `user:${id}` }), id);
        assert.equal(userIdFromClaims({ sub: id.toUpperCase() }), id.toUpperCase());
    });
    it("the tenant: tenantId, else tenant_id; empty or non-text is none", () => {
        assert.equal(tenantIdFromClaims({ tenantId: "A", tenant_id: "B" }), "A");
        assert.equal(tenantIdFromClaims({ tenant_id: "B" }), "B");
        assert.equal(tenantIdFromClaims({ tenantId: "" }), undefined);
        assert.equal(tenantIdFromClaims({ tenantId: 5 }), undefined);
        assert.equal(tenantIdFromClaims(undefined), undefined);
    });
});

describe("where the CXone admin key comes from (credentials.ts)", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-cred-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const writeEndpoints = (content: unknown) =>
        fs.writeFileSync(
            path.join(dir, "endpoints.json"),
            typeof content === "string" ? content : JSON.stringify(content),
        );
    const sandboxEnv = () => ({ [SANDBOX_DIR_ENV]: dir });
    // with no key variables, the key for `apiUrl` is refused, saying exactly `message`
    const refusedWithoutVariables = (apiUrl: string, message: string) =>
        assert.throws(
            () => adminAccessKey(apiUrl, sandboxEnv(), "/"),
            (e: unknown) => {
                assert.ok(e instanceof CxoneCredentialsError);
                assert.equal(e.message, message);
                return true;
            },
        );

    it("both environment variables: that key, for any host", () => {
        const env = { [ACCESS_KEY_ID_ENV]: "AK", [ACCESS_KEY_SECRET_ENV]: "S" };
        assert.deepEqual(adminAccessKey("https://api-na1.niceincontact.com", env, dir), {
            accessKeyId: "AK",
            accessKeySecret: "S",
        });
    });

    it("only one of them: an error naming both and the one that is set", () => {
        assert.throws(
            () => adminAccessKey("http://127.0.0.1:1", { [ACCESS_KEY_ID_ENV]: "AK" }, dir),
            (e: unknown) => {
                assert.ok(e instanceof CxoneCredentialsError);
                assert.equal(e.name, "CxoneCredentialsError");
                assert.equal(
                    e.message,
                    "CXone admin credentials are incomplete: set both CXONE_ACCESS_KEY_ID and " +
                        "CXONE_ACCESS_KEY_SECRET (only CXONE_ACCESS_KEY_ID is set)",
                );
                return true;
            },
        );
        assert.throws(
            () => adminAccessKey("http://127.0.0.1:1", { [ACCESS_KEY_SECRET_ENV]: "S" }, dir),
            /\(only CXONE_ACCESS_KEY_SECRET is set\)$/,
        );
    });

    it("none, on loopback: the sandbox's endpoints.json", () => {
        writeEndpoints({
            cxone: { adminAccessKeyId: "AKS", adminAccessKeySecret: "SS", tenantId: "T-s" },
        });
        assert.deepEqual(adminAccessKey("http://127.0.0.1:9", sandboxEnv(), "/"), {
            accessKeyId: "AKS",
            accessKeySecret: "SS",
            tenantId: "T-s",
        });
        writeEndpoints({
            cxone: { adminAccessKeyId: "AKS", adminAccessKeySecret: "SS", tenantId: 4 },
        });
        assert.deepEqual(adminAccessKey("http://localhost:9", sandboxEnv(), "/"), {
            accessKeyId: "AKS",
            accessKeySecret: "SS",
            tenantId: undefined,
        });
    });

    it("none, on a real host: never the sandbox file, an error naming the variables", () => {
        writeEndpoints({ cxone: { adminAccessKeyId: "AKS", adminAccessKeySecret: "SS" } });
        refusedWithoutVariables(
            "https://api-na1.niceincontact.com",
            "no CXone admin credentials: set CXONE_ACCESS_KEY_ID and " +
                "CXONE_ACCESS_KEY_SECRET to an access key of a CXone administrator",
        );
    });

    for (const [what, content] of [
        ["missing", undefined],
        ["not JSON", "{nope"],
        ["null", "null"],
        ["no cxone part", { okta: {} }],
        ["a numeric key id", { cxone: { adminAccessKeyId: 1, adminAccessKeySecret: "S" } }],
        ["no secret", { cxone: { adminAccessKeyId: "AK" } }],
    ] as const) {
        it(`a sandbox file with ${what}: an error naming the file`, () => {
            if (content !== undefined) writeEndpoints(content);
            const file = path.join(dir, "endpoints.json");
            refusedWithoutVariables(
                "http://127.0.0.1:9",
                "no CXone admin credentials: set CXONE_ACCESS_KEY_ID and " +
                    `CXONE_ACCESS_KEY_SECRET, or start the sandbox (looked for ${file})`,
            );
        });
    }

    it("defaults to the process environment", () => {
        const saved = [process.env[ACCESS_KEY_ID_ENV], process.env[ACCESS_KEY_SECRET_ENV]];
        process.env[ACCESS_KEY_ID_ENV] = "AK-env";
        process.env[ACCESS_KEY_SECRET_ENV] = "S-env";
        try {
            assert.deepEqual(adminAccessKey("https://x.example"), {
                accessKeyId: "AK-env",
                accessKeySecret: "S-env",
            });
        } finally {
            const [id, secret] = saved;
            if (id === undefined) delete process.env[ACCESS_KEY_ID_ENV];
            else process.env[ACCESS_KEY_ID_ENV] = id;
            if (secret === undefined) delete process.env[ACCESS_KEY_SECRET_ENV];
            else process.env[ACCESS_KEY_SECRET_ENV] = secret;
        }
    });
});

describe("CXone error facts (errors.ts)", () => {
    it("code: code, then error, then errorCode; numbers become text", () => {
        assert.deepEqual(errorFacts({ code: "C", error: "E", errorCode: "X" }), {
            code: "C",
            detail: undefined,
        });
        assert.equal(errorFacts({ error: "E", errorCode: "X" }).code, "E");
        assert.equal(errorFacts({ errorCode: 409 }).code, "409");
        assert.equal(errorFacts({ code: true }).code, undefined);
    });
    it("detail: errorDescription, message, details, error_description, in that order", () => {
        const all = { errorDescription: "a", message: "b", details: "c", error_description: "d" };
        assert.equal(errorFacts(all).detail, "a");
        assert.equal(errorFacts({ ...all, errorDescription: undefined }).detail, "b");
        assert.equal(errorFacts({ details: "c", error_description: "d" }).detail, "c");
        assert.equal(errorFacts({ error_description: "d" }).detail, "d");
        assert.equal(errorFacts({ message: 5 }).detail, "5");
    });
    it("else the messages of an errors list, joined", () => {
        assert.equal(
            errorFacts({ errors: ["one", { message: "two" }, { field: "x" }, null, "three"] })
                .detail,
            "one; two; three",
        );
        assert.equal(errorFacts({ message: "m", errors: ["one"] }).detail, "m");
        assert.deepEqual(errorFacts({ errors: [] }), { code: undefined, detail: undefined });
        assert.deepEqual(errorFacts({ errors: "one" }), { code: undefined, detail: undefined });
        assert.deepEqual(errorFacts({ message: "" }), { code: undefined, detail: undefined });
    });
    it("a text body is the detail; nothing else is a fact", () => {
        assert.deepEqual(errorFacts("Bad Gateway"), { detail: "Bad Gateway" });
        assert.deepEqual(errorFacts(""), {});
        assert.deepEqual(errorFacts(undefined), {});
        assert.deepEqual(errorFacts(502), {});
    });

    it("a CxoneError says what failed, how, and after how many attempts (one goes unsaid)", () => {
        const taken = { status: 409, code: "ROLE_NAME_EXISTS", detail: "taken" };
        const cases: [ConstructorParameters<typeof CxoneError>[0], string][] = [
            [
                { operation: 'create role "R"', ...taken, attempts: 2 },
                'could not create role "R": CXone answered HTTP 409 (code ROLE_NAME_EXISTS: taken) ' +
                    "(after 2 attempts)",
            ],
            [
                { operation: 'create role "R"', ...taken, attempts: 1 },
                'could not create role "R": CXone answered HTTP 409 (code ROLE_NAME_EXISTS: taken)',
            ],
            [
                { operation: "revoke key K", status: undefined, detail: "ECONNRESET", attempts: 6 },
                "could not revoke key K: no response from CXone (ECONNRESET) (after 6 attempts)",
            ],
        ];
        for (const [facts, message] of cases) {
            const e = new CxoneError(facts);
            assert.equal(e.name, "CxoneError");
            assert.equal(e.message, message);
        }
        assert.equal(new CxoneError({ operation: "x", status: undefined }).attempts, 1);
    });

    it("the short form for a second resource keeps the facts but not CXone's words", () => {
        const e = new CxoneError({
            operation: "sign in",
            status: 401,
            code: "invalid_client",
            detail: "Invalid key AK1",
            attempts: 3,
        });
        const again = alreadyReported(e);
        assert.ok(again instanceof CxoneError);
        assert.notEqual(again, e);
        assert.deepEqual(
            [again.operation, again.status, again.code, again.detail, again.attempts],
            [
                "sign in",
                401,
                "invalid_client",
                "the same answer, already reported for another resource of this run",
                3,
            ],
        );
        const other = new Error("x");
        assert.equal(alreadyReported(other), other);
    });

    it("a partial create carries the id, the properties and the cause's message", () => {
        const p = new PartialCreateError("id-1", { a: 1 }, new Error("invite failed"));
        assert.equal(p.name, "PartialCreateError");
        assert.equal(p.id, "id-1");
        assert.deepEqual(p.properties, { a: 1 });
        assert.equal(p.message, "invite failed");
        assert.deepEqual(p.reasons, ["invite failed"]);
    });
});

describe("*.localhost names are pinned to loopback (localhostNames.ts)", () => {
    it("a *.localhost URL gets a lookup answering 127.0.0.1, in both of dns.lookup's forms", () => {
        for (const url of [
            "http://api-na1.localhost:1/x",
            "http://LOCALHOST/",
            "http://a.localhost./",
        ]) {
            const lookup = pinLocalhost(url).lookup;
            assert.ok(lookup, url);
            const answers: unknown[][] = [];
            lookup("x.localhost", { all: true }, (...a: unknown[]) => answers.push(a));
            lookup("x.localhost", {}, (...a: unknown[]) => answers.push(a));
            assert.deepEqual(answers, [
                [null, [{ address: "127.0.0.1", family: 4 }]],
                [null, "127.0.0.1", 4],
            ]);
        }
    });
    it("any other name, and a non-URL, is left to the system resolver", () => {
        for (const url of [
            "https://api-na1.niceincontact.com",
            "http://localhost.example/",
            "http://127.0.0.1:5/",
            "not a url",
        ])
            assert.deepEqual(pinLocalhost(url), {}, url);
    });
});
