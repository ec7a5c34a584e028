// Our SCIM client (provider/cxone/scim.ts) against the sandbox's SCIM 2.0 server over HTTP, and the
// failures the sandbox never produces from a loopback server: every failure kind, every error
// body shape, bodies that are not SCIM, and that no token or secret reaches an error.
import { strict as assert } from "assert";
import * as net from "net";
import type { AddressInfo } from "net";
import axios from "axios";
import {
    CxoneRequestError,
    findUserByUserName,
    getUser,
    listUsers,
    toRequestError,
    userNameFilter,
} from "../../provider/cxone/scim";
import { sandboxForSuite, uniqueEmail } from "../support/sandbox";
import { loopbackForSuite } from "../support/cxoneLoopback";

const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

describe("SCIM client against the sandbox (HTTP)", function () {
    this.timeout(20_000);
    const f = sandboxForSuite();
    let token: string;
    let scimBase: string;
    before(async () => {
        const e = f.sandbox.endpoints.cxone;
        const t = await axios.post(`${f.endpoint.areaUrl}/authentication/v1/token/access-key`, {
            accessKeyId: e.adminAccessKeyId,
            accessKeySecret: e.adminAccessKeySecret,
        });
        token = t.data.access_token;
        scimBase = `${f.sandbox.urls.cxone}/scim/v2`;
    });

    /** a SCIM user made out of band, through the sandbox's SCIM server */
    const makeUser = async (userName = uniqueEmail("scim")) => {
        const r = await axios.post(
            `${scimBase}/Users`,
            {
                schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
                userName,
                name: { givenName: "Sam", familyName: "Cim" },
                emails: [{ value: userName, primary: true }],
                active: true,
            },
            { headers: { authorization: `Bearer ${token}` } },
        );
        return r.data as { id: string; userName: string };
    };

    it("listUsers with a userName filter finds exactly that user", async () => {
        const u = await makeUser();
        const list = await listUsers(`${scimBase}//`, token, userNameFilter(u.userName));
        assert.equal(list.totalResults, 1);
        assert.deepEqual(list.schemas, [LIST]);
        assert.equal(list.startIndex, 1);
        assert.equal(list.itemsPerPage, 1);
        assert.deepEqual(
            list.Resources.map((r) => [r.id, r.userName]),
            [[u.id, u.userName]],
        );
    });

    it("listUsers pages with count and startIndex", async () => {
        await makeUser();
        await makeUser();
        const all = await listUsers(scimBase, token);
        assert.ok(all.totalResults >= 3, `total ${all.totalResults}`);
        const page = await listUsers(scimBase, token, { count: 1, startIndex: 2 });
        assert.equal(page.totalResults, all.totalResults);
        assert.equal(page.startIndex, 2);
        assert.equal(page.itemsPerPage, 1);
        assert.deepEqual(page.Resources, [all.Resources[1]]);
        const none = await listUsers(scimBase, token, { count: 0 });
        assert.deepEqual(none.Resources, []);
        assert.equal(none.totalResults, all.totalResults);
    });

    it("findUserByUserName finds one user, any case, and undefined for an unknown name", async () => {
        const u = await makeUser();
        const found = await findUserByUserName(scimBase, token, u.userName.toUpperCase());
        assert.equal(found?.id, u.id);
        assert.equal(found?.active, true);
        assert.equal(found?.name?.familyName, "Cim");
        assert.equal(await findUserByUserName(scimBase, token, uniqueEmail("none")), undefined);
    });

    it("getUser reads a user by id; an unknown id is undefined", async () => {
        const u = await makeUser();
        const got = await getUser(`${scimBase}/`, token, u.id);
        assert.equal(got?.userName, u.userName);
        assert.equal(await getUser(scimBase, token, "no such/id"), undefined);
    });

    it("a rejected token: HTTP 401 naming the host, without the token", async () => {
        const bad = "not-a-real-token-value-123";
        await assert.rejects(listUsers(scimBase, bad), (e: unknown) => {
            assert.ok(e instanceof CxoneRequestError);
            assert.equal(e.kind, "http");
            assert.equal(e.status, 401);
            assert.equal(e.host, new URL(scimBase).host);
            assert.match(
                e.message,
                new RegExp(`^could not list SCIM users: ${e.host} answered HTTP 401`),
            );
            assert.ok(!(JSON.stringify(e) + e.message).includes(bad));
            return true;
        });
        await assert.rejects(
            getUser(scimBase, bad, "u-1"),
            /^CxoneRequestError: could not read SCIM user u-1: .* answered HTTP 401/,
        );
    });

    it("a bad filter: CXone's scimType and detail in the message", async () => {
        await assert.rejects(listUsers(scimBase, token, "userName eq"), (e: unknown) => {
            assert.ok(e instanceof CxoneRequestError);
            assert.equal(e.status, 400);
            assert.equal(e.code, "invalidFilter");
            assert.match(e.message, /answered HTTP 400 \(invalidFilter: Invalid filter: /);
            return true;
        });
    });
});

describe("SCIM client: answers from a loopback server", function () {
    this.timeout(20_000);
    const srv = loopbackForSuite();
    const TOKEN = "tok-Abc123Xyz789";
    const base = () => `${srv().url}/scim/v2`;
    const host = () => new URL(srv().url).host;

    it("sends the bearer, asks for SCIM JSON, and only the parameters given", async () => {
        srv().answer = () => ({ status: 200, body: { totalResults: 0 } });
        const list = await listUsers(`${base()}/`, TOKEN);
        assert.deepEqual(list, {
            schemas: [],
            totalResults: 0,
            Resources: [],
            startIndex: undefined,
            itemsPerPage: undefined,
        });
        const [r] = srv().seen;
        assert.equal(r.path, "/scim/v2/Users");
        assert.deepEqual(r.query, {});
        assert.equal(r.headers.authorization, `Bearer ${TOKEN}`);
        assert.equal(r.headers.accept, "application/scim+json, application/json");
        await listUsers(base(), TOKEN, { filter: 'userName eq "a"', count: 5, startIndex: 3 });
        assert.deepEqual(srv().seen[1].query, {
            filter: 'userName eq "a"',
            count: "5",
            startIndex: "3",
        });
        await findUserByUserName(base(), TOKEN, 'x"y');
        assert.deepEqual(srv().seen[2].query, { filter: 'userName eq "x\\"y"', count: "1" });
    });

    it("a ListResponse sent as text/plain is still read as JSON", async () => {
        srv().answer = () => ({ status: 200, raw: JSON.stringify({ totalResults: 4 }) });
        assert.equal((await listUsers(base(), TOKEN)).totalResults, 4);
    });

    it("findUserByUserName answers the first user listed", async () => {
        srv().answer = () => ({
            status: 200,
            body: { totalResults: 2, Resources: [{ id: "1", userName: "a" }, { id: "2" }] },
        });
        assert.deepEqual(await findUserByUserName(base(), TOKEN, "a"), { id: "1", userName: "a" });
    });

    for (const [what, body] of [
        ["no body", ""],
        ["text", "<html>login</html>"],
        ["no totalResults", { Resources: [] }],
        ["totalResults as text", { totalResults: "1", Resources: [] }],
        ["Resources not a list", { totalResults: 1, Resources: { id: "1" } }],
        ["JSON null", null],
    ] as const) {
        it(`a 200 with ${what} is not a SCIM ListResponse`, async () => {
            srv().answer = () =>
                typeof body === "string" ? { status: 200, raw: body } : { status: 200, body };
            await assert.rejects(listUsers(base(), TOKEN), (e: unknown) => {
                assert.ok(e instanceof CxoneRequestError);
                assert.equal(e.kind, "bad-response");
                assert.equal(e.status, 200);
                assert.equal(
                    e.message,
                    `could not list SCIM users: ${host()} answered HTTP 200 with an unexpected ` +
                        "body (not a SCIM ListResponse)",
                );
                return true;
            });
        });
    }

    for (const [what, body] of [
        ["text", "nope"],
        ["no id", { userName: "a" }],
        ["a numeric id", { id: 7 }],
        ["JSON null", null],
    ] as const) {
        it(`getUser: a 200 with ${what} is not a SCIM User`, async () => {
            srv().answer = () =>
                typeof body === "string" ? { status: 200, raw: body } : { status: 200, body };
            await assert.rejects(getUser(base(), TOKEN, "u/1"), (e: unknown) => {
                assert.ok(e instanceof CxoneRequestError);
                assert.equal(e.kind, "bad-response");
                assert.equal(
                    e.message,
                    `could not read SCIM user u/1: ${host()} answered HTTP 200 with an ` +
                        "unexpected body (not a SCIM User)",
                );
                return true;
            });
            assert.equal(srv().seen[0].path, "/scim/v2/Users/u%2F1");
        });
    }

    it("getUser: 2xx other than 200 is an answer; 300 and 404-like others are errors", async () => {
        srv().answer = () => ({ status: 299, body: { id: "u1", userName: "a" } });
        assert.equal((await getUser(base(), TOKEN, "u1"))?.id, "u1");
        srv().answer = () => ({ status: 300, body: { id: "u1" } });
        await assert.rejects(getUser(base(), TOKEN, "u1"), /answered HTTP 300/);
        srv().answer = () => ({ status: 410, body: { id: "u1" } });
        await assert.rejects(getUser(base(), TOKEN, "u1"), /answered HTTP 410/);
        srv().answer = () => ({ status: 404, body: { id: "u1" } });
        await assert.rejects(listUsers(base(), TOKEN), /answered HTTP 404/, "404 only for getUser");
    });

    it("a redirect is not followed (it would carry the token elsewhere)", async () => {
        srv().answer = (r) =>
            r.path === "/elsewhere"
                ? { status: 200, body: { totalResults: 0 } }
                : { status: 302, headers: { location: `${srv().url}/elsewhere` } };
        await assert.rejects(listUsers(base(), TOKEN), /answered HTTP 302/);
        assert.equal(srv().seen.length, 1);
    });

    const errorBodies: [string, unknown, string][] = [
        [
            "SCIM error",
            { scimType: "uniqueness", detail: "taken", code: "x", error: "y" },
            "(uniqueness: taken)",
        ],
        ["code and message", { code: 42, message: "m" }, "(42: m)"],
        [
            "OAuth error",
            { error: "invalid_token", error_description: "expired" },
            "(invalid_token: expired)",
        ],
        [
            "errorDescription first",
            { errorDescription: "a", error_description: "b", detail: "c" },
            "(a)",
        ],
        ["error_description before detail", { error_description: "b", detail: "c" }, "(b)"],
        ["detail before message", { detail: "c", message: "d" }, "(c)"],
        ["message before details", { message: "d", details: "e" }, "(d)"],
        ["details", { details: "e" }, "(e)"],
        ["code before error", { code: "c1", error: "e1" }, "(c1)"],
        ["empty strings", { code: "", message: "" }, ""],
        ["a text body", "  Service Unavailable  ", "(Service Unavailable)"],
        ["a blank text body", "   ", ""],
        ["a list", [1, 2], ""],
        ["JSON null", null, ""],
    ];
    for (const [what, body, said] of errorBodies) {
        it(`HTTP error body: ${what}`, async () => {
            srv().answer = () =>
                typeof body === "string" ? { status: 503, raw: body } : { status: 503, body };
            await assert.rejects(listUsers(base(), TOKEN), (e: unknown) => {
                assert.ok(e instanceof CxoneRequestError);
                assert.equal(
                    e.message,
                    `could not list SCIM users: ${host()} answered HTTP 503${said ? ` ${said}` : ""}`,
                );
                if (!said) assert.deepEqual([e.code, e.detail], [undefined, undefined]);
                return true;
            });
        });
    }

    it("the token, JWTs, and long text are cut from the server's words", async () => {
        const jwt = "eyJhbGciOi.eyJzdWIiOiJ4.c2lnbmF0dXJl";
        srv().answer = () => ({
            status: 400,
            body: { error: `e-${TOKEN}`, message: `${TOKEN} ${jwt} ${"x".repeat(400)}` },
        });
        await assert.rejects(listUsers(base(), TOKEN), (e: unknown) => {
            assert.ok(e instanceof CxoneRequestError);
            assert.equal(e.code, "e-***");
            assert.equal(e.detail, `*** *** ${"x".repeat(292)}`);
            assert.equal(e.detail?.length, 300);
            return true;
        });
    });

    it("no answer: a timeout, with the core's client code", async () => {
        srv().answer = () => "hang";
        const t = Date.now();
        await assert.rejects(listUsers(base(), TOKEN, { timeoutMs: 100 }), (e: unknown) => {
            assert.ok(e instanceof CxoneRequestError);
            assert.equal(e.kind, "timeout");
            assert.equal(e.errno, "ECONNABORTED");
            assert.equal(
                e.message,
                `could not list SCIM users: timeout error reaching ${host()} (ECONNABORTED)`,
            );
            return true;
        });
        await assert.rejects(getUser(base(), TOKEN, "u", { timeoutMs: 100 }), (e: unknown) => {
            assert.equal((e as CxoneRequestError).kind, "timeout");
            return true;
        });
        assert.ok(Date.now() - t < 2000, `took ${Date.now() - t} ms: timeoutMs was ignored`);
    });

    it("a dropped connection is a reset", async () => {
        srv().answer = () => "reset";
        await assert.rejects(listUsers(base(), TOKEN), (e: unknown) => {
            assert.ok(e instanceof CxoneRequestError);
            assert.equal(e.kind, "reset");
            assert.equal(e.errno, "ECONNRESET");
            assert.equal(e.status, undefined);
            return true;
        });
    });

    it("nothing listening: refused, naming host and port", async () => {
        const s = net.createServer();
        await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
        const port = (s.address() as AddressInfo).port;
        await new Promise<void>((r) => s.close(() => r()));
        await assert.rejects(listUsers(`http://127.0.0.1:${port}/scim/v2`, TOKEN), (e: unknown) => {
            assert.ok(e instanceof CxoneRequestError);
            assert.equal(e.kind, "refused");
            assert.equal(
                e.message,
                `could not list SCIM users: refused error reaching 127.0.0.1:${port} (ECONNREFUSED)`,
            );
            return true;
        });
    });
});

describe("SCIM client: failures classified from their shape", () => {
    const URL_ = "https://na1.nice-incontact.com/scim/v2/Users";
    const withCode = (code: unknown, message = "m", onCause = true) =>
        Object.assign(new Error(message), {
            code: onCause ? undefined : code,
            cause: onCause ? { code } : undefined,
        });

    const kinds: [string, string][] = [
        ["EAI_NONAME", "dns"],
        ["EPIPE", "reset"],
        ["ESOCKETTIMEDOUT", "timeout"],
        ["SELF_SIGNED_CERT_IN_CHAIN", "tls"],
        ["ERR_SSL_WRONG_VERSION_NUMBER", "tls"],
        ["EPROTO", "tls"],
        ["HOSTNAME_MISMATCH", "tls"],
        ["EHOSTUNREACH", "other"],
        ["XCERT_HAS_EXPIRED", "other"],
    ];
    for (const [code, kind] of kinds) {
        it(`${code} -> ${kind}`, () => {
            const e = toRequestError(withCode(code), "op", URL_, []);
            assert.equal(e.kind, kind);
            assert.equal(e.errno, code);
            assert.equal(
                e.message,
                `could not op: ${kind} error reaching na1.nice-incontact.com (${code})`,
            );
        });
    }

    it("the code on the error itself when the cause has none", () => {
        const e = toRequestError(withCode("ECONNREFUSED", "x", false), "op", URL_, []);
        assert.equal(e.kind, "refused");
        assert.equal(e.errno, "ECONNREFUSED");
    });

    it("the cause's code wins over the error's own (axios wraps some in ERR_*)", () => {
        const err = Object.assign(new Error("x"), {
            code: "ERR_BAD_RESPONSE",
            cause: { code: "ECONNRESET" },
        });
        assert.equal(toRequestError(err, "op", URL_, []).kind, "reset");
    });

    it("without a code: timeout from the message, socket hang up as reset, else other", () => {
        const e1 = toRequestError(new Error("timeout of 100ms exceeded"), "op", URL_, []);
        assert.equal(e1.kind, "timeout");
        assert.equal(e1.errno, undefined);
        assert.equal(e1.message, "could not op: timeout error reaching na1.nice-incontact.com");
        assert.equal(toRequestError(new Error("TIMEOUT"), "op", URL_, []).kind, "timeout");
        assert.equal(toRequestError(new Error("boom"), "op", URL_, []).kind, "other");
        assert.equal(toRequestError(withCode(42), "op", URL_, []).kind, "other");
        assert.equal(
            toRequestError(withCode("EWHAT", "socket hang up"), "op", URL_, []).kind,
            "reset",
        );
        assert.equal(
            toRequestError(withCode("EWHAT", "Socket Hang Up"), "op", URL_, []).kind,
            "reset",
        );
        assert.equal(toRequestError("just text", "op", URL_, []).kind, "other");
        assert.equal(toRequestError("a timeout happened", "op", URL_, []).kind, "timeout");
        assert.equal(toRequestError(undefined, "op", URL_, []).kind, "other");
    });

    it("a thrown object that is no Error: its message read, not its text", () => {
        const hangUp = { code: "EWHAT", message: "socket hang up" };
        assert.equal(toRequestError(hangUp, "op", URL_, []).kind, "reset");
        const slow = { message: "timeout of 5000ms exceeded" };
        assert.equal(toRequestError(slow, "op", URL_, []).kind, "timeout");
    });

    it("an existing CxoneRequestError passes through unchanged", () => {
        const e = new CxoneRequestError({ operation: "op", kind: "dns", host: "h" });
        assert.equal(toRequestError(e, "other op", URL_, []), e);
    });

    it("an unparsable URL is named as such", () => {
        assert.equal(toRequestError(new Error("x"), "op", "not a url", []).host, "(invalid URL)");
    });

    it("secrets shorter than 4 characters are not scrubbed (they would shred the text)", () => {
        const err = Object.assign(new Error("x"), {
            response: { status: 400, data: { message: "abc abcd" } },
        });
        assert.equal(toRequestError(err, "op", URL_, ["abc"]).detail, "abc abcd");
        assert.equal(toRequestError(err, "op", URL_, ["abcd"]).detail, "abc ***");
        assert.equal(toRequestError(err, "op", URL_, ["", "abcd"]).detail, "abc ***");
    });

    it("a JWT-looking text needs all three parts of at least 5 characters", () => {
        const err = (m: string) =>
            Object.assign(new Error("x"), { response: { status: 400, data: { message: m } } });
        const d = (m: string) => toRequestError(err(m), "op", URL_, []).detail;
        assert.equal(d("eyJabcde.fghij.k"), "***");
        assert.equal(d("eyJabcd.fghij.k"), "eyJabcd.fghij.k");
        assert.equal(d("eyJabcde.fghi.k"), "eyJabcde.fghi.k");
        assert.equal(d("a eyJab-_e.f_-ij. b"), "a *** b");
    });

    it("an http failure without detail says only the status", () => {
        const err = Object.assign(new Error("x"), { response: { status: 500, data: {} } });
        const e = toRequestError(err, "op", URL_, []);
        assert.equal(e.message, "could not op: na1.nice-incontact.com answered HTTP 500");
        assert.equal(e.code, undefined);
        assert.equal(e.detail, undefined);
        const only = new CxoneRequestError({
            operation: "op",
            kind: "bad-response",
            host: "h",
            status: 200,
        });
        assert.equal(only.message, "could not op: h answered HTTP 200 with an unexpected body");
        const other = new CxoneRequestError({ operation: "op", kind: "other", host: "h" });
        assert.equal(other.message, "could not op: other error reaching h");
        assert.equal(other.name, "CxoneRequestError");
    });
});
