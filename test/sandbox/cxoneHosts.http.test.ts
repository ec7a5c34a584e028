// The sandbox's CXone hosts are distinct (issuer, area, UserHub, ACD, each its own port, strict),
// so a call sent to the wrong host fails here as it would on CXone. The product's client finds
// UserHub the way NICE's SDK does ([sdk] api-{area}.{domain}); pointed at api_endpoint ([spec]
// reading), its calls reach the ACD host and fail.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { CxoneClient } from "../../provider/cxone/client";
import { UnconfirmedFactError } from "../../provider/core/unconfirmed";
import { clearSessionCache } from "../../provider/cxone/session";
import { cxoneEndpointFor, sandboxRegion } from "../../provider/cxone/discovery/regions";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";

describe("CXone sandbox: distinct hosts, and the wrong host fails", function () {
    this.timeout(30_000);
    let sb: RunningSandbox;
    let dir: string;
    const http = axios.create({ validateStatus: () => true });
    const admin = () => sb.endpoints.cxone;
    const credentials = () => ({
        accessKeyId: admin().adminAccessKeyId,
        accessKeySecret: admin().adminAccessKeySecret,
    });
    const token = async (areaUrl: string) =>
        (await http.post(`${areaUrl}/authentication/v1/token/access-key`, credentials())).data
            .access_token as string;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-hosts-"));
        sb = await startSandbox({ dir, strictCxoneHosts: true });
    });
    after(async () => {
        await sb.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(() => clearSessionCache());

    it("publishes four different hosts in endpoints.json, the issuer being the old baseUrl", () => {
        const h = admin().hosts!;
        assert.equal(h.issuer, admin().baseUrl);
        assert.equal(new Set([h.issuer, h.area, h.userHub, h.acd]).size, 4);
    });

    it("each host answers only its own routes", async () => {
        const h = sb.urls.cxoneHosts;
        assert.equal(
            (await http.post(`${h.issuer}/authentication/v1/token/access-key`, credentials()))
                .status,
            404,
            "no access-key token on the issuer",
        );
        assert.equal(
            (await http.post(`${h.userHub}/authentication/v1/token/access-key`, credentials()))
                .status,
            401,
            "UserHub is all behind the gateway",
        );
        const t = await token(h.area);
        assert.ok(t, "the area host issues the access-key token");
        const bearer = { headers: { authorization: `Bearer ${t}` } };
        assert.equal(
            (await http.post(`${h.userHub}/authorization/v1/roles/search`, {}, bearer)).status,
            200,
        );
        for (const wrong of [h.issuer, h.area, h.acd]) {
            assert.equal(
                (await http.post(`${wrong}/authorization/v1/roles/search`, {}, bearer)).status,
                404,
                `roles on ${wrong}`,
            );
        }
        assert.equal((await http.get(`${h.area}/scim/v2/Users`, bearer)).status, 200);
        assert.equal(
            (await http.get(`${h.userHub}/scim/v2/Users`, bearer)).status,
            404,
            "SCIM lives on the area host",
        );
        assert.equal((await http.get(`${h.userHub}/.well-known/openid-configuration`)).status, 401);
        assert.equal((await http.get(`${h.issuer}/.well-known/openid-configuration`)).status, 200);
    });

    it("the product's client reaches UserHub through discovery (derived host)", async () => {
        const c = new CxoneClient(cxoneEndpointFor(sandboxRegion(admin().hosts!)), {
            credentials: credentials(),
        });
        assert.ok((await c.findRolesByName("Agent")).length === 1);
        const hosts = await c.session.hosts();
        assert.equal(new URL(hosts.userHubUrl!).port, new URL(sb.urls.cxoneHosts.userHub).port);
        assert.equal(await c.session.apiBase(), hosts.userHubUrl);
    });

    it("a client sending UserHub calls to api_endpoint (the ACD host) gets 404 there, and finds UserHub on the other candidate by itself", async () => {
        const c = new CxoneClient(cxoneEndpointFor(sandboxRegion(admin().hosts!)), {
            credentials: credentials(),
            userHubHost: "api_endpoint",
        });
        sb.clearRequests();
        const found = await c.findRolesByName("Agent");
        assert.equal(found[0]?.displayName, "Agent");
        const searches = sb
            .requests()
            .filter((r) => r.path.endsWith("/authorization/v1/roles/search"))
            .map((r) => `${r.path.startsWith("/inContactAPI") ? "acd" : "userHub"} ${r.status}`);
        // the call on the wrong host, one page of roles asked of each candidate, the call repeated
        assert.deepEqual(searches, ["acd 404", "acd 404", "userHub 200", "userHub 200"]);
    });

    it("a sign-in sent to the issuer instead of the area host gets 404: a stop naming the fact, or with the tenant id the area host discovery names", async () => {
        const c = new CxoneClient(cxoneEndpointFor(sandboxRegion(admin().baseUrl)), {
            credentials: credentials(),
        });
        const err = await c.findRolesByName("Agent").then(
            () => undefined,
            (e: unknown) => e,
        );
        assert.ok(err instanceof UnconfirmedFactError, String(err));
        assert.equal(err.fact.id, "region-area-hosts");
        assert.match(err.message, /CXone answered HTTP 404/);
        assert.match(err.message, /pulumi config set cxone:tenantId <id>/);
        const withTenant = new CxoneClient(
            cxoneEndpointFor(sandboxRegion(admin().baseUrl), admin().tenantId),
            { credentials: credentials() },
        );
        assert.equal((await withTenant.findRolesByName("Agent"))[0]?.displayName, "Agent");
    });

    it("the invitation's sender is the user id from the claims, not the prefixed sub", async () => {
        const c = new CxoneClient(cxoneEndpointFor(sandboxRegion(admin().hosts!)), {
            credentials: credentials(),
        });
        assert.equal((await c.session.identity()).userId, sb.context.state.cxone.seed.adminUserId);
        const role = (await c.findRolesByName("Agent"))[0];
        const id = await c.createEmployee({
            emailAddress: "invitee@sandbox.example",
            firstName: "In",
            lastName: "Vitee",
            roleName: role.roleName,
            billable: false,
        });
        sb.clearRequests();
        await c.inviteEmployee(id);
        assert.equal((await c.getEmployee(id))?.status, "PENDING");
    });
});
