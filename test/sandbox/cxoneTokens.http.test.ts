// The sandbox's CXone access tokens as NICE's own code reads them: RS256 JWTs (verifiable with
// /auth/jwks) whose claims carry the issuer, the tenant, `sub` with the 5-character prefix and an
// exp; each one unique and honoured only while the sandbox knows it. The product's claim-reading
// path (provider/cxone/jwt.ts, accessKeyToken.ts) reads the tenant and user from them. In the
// `opaque-access-tokens` variant they are random strings and the claims come from the id_token.
import { strict as assert } from "assert";
import { createPublicKey, createVerify } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { accessKeyToken } from "../../provider/cxone/accessKeyToken";
import { decodeJwtClaims, tenantIdFromClaims, userIdFromClaims } from "../../provider/cxone/jwt";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";

async function sandbox(variants: string[] = []): Promise<RunningSandbox> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-tokens-"));
    return startSandbox({ dir, cxonePort: 0, oktaPort: 0, variants });
}

describe("sandbox CXone: access tokens are JWTs, as NICE's SDK reads them", function () {
    this.timeout(20_000);
    let sb: RunningSandbox;
    before(async () => {
        sb = await sandbox();
    });
    after(() => sb?.stop());

    const key = () => ({
        accessKeyId: sb.endpoints.cxone.adminAccessKeyId,
        accessKeySecret: sb.endpoints.cxone.adminAccessKeySecret,
    });
    const signIn = () => axios.post(`${sb.urls.cxone}/authentication/v1/token/access-key`, key());

    it("an RS256 JWT signed with the tenant's key, with iss, aud, sub, tenantId, iat, exp, jti", async () => {
        const t = (await signIn()).data;
        const [h, p, sig] = String(t.access_token).split(".");
        assert.ok(h && p && sig, t.access_token);
        const header = JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
        assert.equal(header.alg, "RS256");
        const jwks = (await axios.get(`${sb.urls.cxone}/auth/jwks`)).data;
        const jwk = jwks.keys.find((k: { kid: string }) => k.kid === header.kid);
        const ok = createVerify("RSA-SHA256")
            .update(`${h}.${p}`)
            .verify(createPublicKey({ key: jwk, format: "jwk" }), Buffer.from(sig, "base64url"));
        assert.ok(ok, "verifies with /auth/jwks");
        const claims = decodeJwtClaims(t.access_token)!;
        const state = sb.context.state.cxone;
        assert.deepEqual(Object.keys(claims).sort(), [
            "aud",
            "exp",
            "iat",
            "iss",
            "jti",
            "sub",
            "tenantId",
        ]);
        assert.equal(claims.iss, sb.urls.cxone);
        assert.equal(claims.tenantId, state.tenantId);
        assert.equal(claims.sub, `user:${state.seed.adminUserId}`);
        assert.equal(Number(claims.exp) - Number(claims.iat), t.expires_in);
        const again = (await signIn()).data.access_token;
        assert.notEqual(again, t.access_token, "each token is unique");
    });

    it("the product reads the tenant and the key's user from the access token's own claims", async () => {
        const t = (await signIn()).data;
        const access = decodeJwtClaims(t.access_token);
        const state = sb.context.state.cxone;
        assert.equal(tenantIdFromClaims(access), state.tenantId);
        assert.equal(userIdFromClaims(access), state.seed.adminUserId, "sub without its prefix");
        const read = await accessKeyToken(`${sb.urls.cxone}/`, key());
        assert.equal(read.tenantId, state.tenantId);
        assert.equal(read.userId, state.seed.adminUserId);
    });

    it("works as a bearer while the sandbox knows it; a forged one with the same claims does not", async () => {
        const token = (await signIn()).data.access_token as string;
        const roles = (bearer: string) =>
            axios.post(
                `${sb.urls.cxone}/authorization/v1/roles/search`,
                {},
                { headers: { Authorization: `Bearer ${bearer}` }, validateStatus: () => true },
            );
        assert.equal((await roles(token)).status, 200);
        const [h, p] = token.split(".");
        assert.equal((await roles(`${h}.${p}.forged`)).status, 401);
    });
});

describe("sandbox CXone: the opaque-access-tokens variant", function () {
    this.timeout(20_000);
    let sb: RunningSandbox;
    before(async () => {
        sb = await sandbox(["opaque-access-tokens"]);
    });
    after(() => sb?.stop());

    it("access tokens are opaque; the product takes tenant and user from the id_token", async () => {
        const key = {
            accessKeyId: sb.endpoints.cxone.adminAccessKeyId,
            accessKeySecret: sb.endpoints.cxone.adminAccessKeySecret,
        };
        const t = (await axios.post(`${sb.urls.cxone}/authentication/v1/token/access-key`, key))
            .data;
        assert.doesNotMatch(t.access_token, /\./);
        assert.equal(decodeJwtClaims(t.access_token), undefined);
        const read = await accessKeyToken(`${sb.urls.cxone}/`, key);
        assert.equal(read.tenantId, sb.context.state.cxone.tenantId);
        assert.equal(read.userId, sb.context.state.cxone.seed.adminUserId);
    });
});
