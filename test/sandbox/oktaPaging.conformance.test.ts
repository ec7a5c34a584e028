// Conformance: the sandbox's Okta lists send one `Link` header field per link, as Okta does, so
// every client walks all pages: a client that reads links the Go way (okta-sdk-golang v2, under
// terraform-provider-okta and so @pulumi/okta: each field up to its first `;`), Okta's Node SDK,
// and this product's own client (provider/core/pagination.ts).
import { strict as assert } from "assert";
import * as http from "http";
import * as okta from "@okta/okta-sdk-nodejs";
import { call } from "../../provider/okta/client";
import { nextPageUrl } from "../../provider/core/pagination";
import { sandboxForSuite, type OktaFixture } from "../support/sandbox";

/**
 * The next page as okta-sdk-golang v2 reads it (okta/requestExecutor.go newResponse): for each
 * Link header field, the URL is the text before the first `;` without its angle brackets, and a
 * field that contains `rel="next"` anywhere names the next page. Path and query only.
 */
function goNextPage(linkFields: string[]): string | undefined {
    let next: string | undefined;
    for (const field of linkFields) {
        const parts = field.split(";");
        if (parts.length < 2) continue;
        const raw = parts[0].replace(/^<+/, "").replace(/>+$/, "");
        const u = new URL(raw, "http://unused");
        if (field.includes('rel="next"')) next = u.pathname + u.search;
    }
    return next;
}

/** GET with the header fields kept apart (Node's `headers` would join them with ", "). */
function getFields(
    f: OktaFixture,
    pathAndQuery: string,
): Promise<{ body: { id: string }[]; links: string[] }> {
    return new Promise((resolve, reject) => {
        const req = http.get(
            `${f.orgUrl}${pathAndQuery}`,
            { headers: { Authorization: `SSWS ${f.sandbox.endpoints.okta.apiToken}` } },
            (res) => {
                let text = "";
                res.on("data", (c: Buffer) => (text += c.toString("utf8")));
                res.on("end", () =>
                    resolve({ body: JSON.parse(text), links: res.headersDistinct.link ?? [] }),
                );
            },
        );
        req.on("error", reject);
    });
}

/** Walks a list the Go way; stops (and says so) after `bound` pages, as a looping client would not. */
async function walkTheGoWay(f: OktaFixture, first: string, bound = 20) {
    const ids: string[] = [];
    const pages: string[] = [];
    for (let at: string | undefined = first; at;) {
        if (pages.length === bound) return { ids, pages, looped: true };
        pages.push(at);
        const page = await getFields(f, at);
        ids.push(...page.body.map((x) => x.id));
        at = goNextPage(page.links);
    }
    return { ids, pages, looped: false };
}

describe("conformance: Okta list pages as link readers see them", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();

    it("every list answer sends rel=self and rel=next as separate Link header fields", async () => {
        const users = await getFields(f, "/api/v1/users?limit=1");
        assert.equal(users.links.length, 2, users.links.join(" | "));
        assert.match(users.links[0], /^<[^>]+\/api\/v1\/users\?limit=1>; rel="self"$/);
        assert.match(users.links[1], /^<[^>]+\/api\/v1\/users\?after=[^>]+&limit=1>; rel="next"$/);
        const mappings = await getFields(f, "/api/v1/mappings?limit=1");
        assert.deepEqual(
            mappings.links.map((l) => /rel="(\w+)"$/.exec(l)?.[1]),
            ["self"],
            "mappings: no more pages, self only",
        );
        const last = await getFields(f, "/api/v1/groups");
        assert.equal(last.links.length, 1, "the last page has self only");
        assert.match(last.links[0], /rel="self"$/);
    });

    it("a Go-way reader walks every page of users, groups and apps, each item once", async () => {
        for (let i = 0; i < 3; i++) {
            await f.api("POST", "/api/v1/apps", {
                label: `Paged ${i}`,
                signOnMode: "AUTO_LOGIN",
                settings: { signOn: { loginUrl: f.loginUrl } },
            });
        }
        for (const list of ["/api/v1/users", "/api/v1/groups", "/api/v1/apps"]) {
            const everything = (await f.api("GET", `${list}?limit=200`)).data as { id: string }[];
            assert.ok(everything.length >= 2, `${list}: ${everything.length} items`);
            const walk = await walkTheGoWay(f, `${list}?limit=1`);
            assert.equal(walk.looped, false, `${list}: ${walk.pages.join(" ")}`);
            assert.deepEqual(
                [...walk.ids].sort(),
                everything.map((x) => x.id).sort(),
                `${list}: every item once`,
            );
            assert.equal(walk.pages.length, everything.length, "one page per item at limit=1");
        }
    });

    it("the same reader on one comma-joined field (the old sandbox answer) fetches page 1 for ever", async () => {
        const page = await getFields(f, "/api/v1/users?limit=1");
        const joined = [page.links.join(", ")];
        // the joined field's first URL is self: the "next" page is the page just read
        assert.equal(goNextPage(joined), "/api/v1/users?limit=1");
        assert.notEqual(goNextPage(page.links), "/api/v1/users?limit=1");
        // walking with the joined answer never ends: the bound stops it
        const pages: string[] = [];
        for (let at: string | undefined = "/api/v1/users?limit=1"; at && pages.length < 5;) {
            pages.push(at);
            const p = await getFields(f, at);
            at = goNextPage([p.links.join(", ")]);
        }
        assert.deepEqual(new Set(pages).size, 1, pages.join(" "));
        assert.equal(pages.length, 5);
    });

    it("this product's client (provider/core/pagination.ts) follows the separate fields", async () => {
        const seen: string[] = [];
        let url: string | undefined = "/api/v1/users?limit=1";
        while (url) {
            const res: { data: { id: string }[]; headers: Record<string, unknown> } = await call<
                { id: string }[]
            >(f.orgUrl, "list users", { method: "GET", url });
            seen.push(...res.data.map((u) => u.id));
            url = nextPageUrl(res.headers.link, f.orgUrl);
            assert.ok(seen.length <= 50, "no loop");
        }
        const everything = (await f.api("GET", "/api/v1/users?limit=200")).data as {
            id: string;
        }[];
        assert.deepEqual(seen.sort(), everything.map((u) => u.id).sort());
    });

    it("Okta's Node SDK follows them too (listUsers, limit 1)", async () => {
        const client = new okta.Client({
            orgUrl: f.orgUrl,
            token: f.sandbox.endpoints.okta.apiToken,
            cacheMiddleware: null,
        });
        const ids: string[] = [];
        await (
            await client.userApi.listUsers({ limit: 1 })
        ).each((u) => {
            ids.push(u.id!);
        });
        const everything = (await f.api("GET", "/api/v1/users?limit=200")).data as {
            id: string;
        }[];
        assert.deepEqual(ids.sort(), everything.map((u) => u.id).sort());
    });
});
