// One GET per access key per refresh (keyReads.ts), against the sandbox over HTTP: reads within
// five seconds share CXone's answer, a write forgets it, a failure is told in full only once.
import { strict as assert } from "assert";
import { CxoneClient } from "../../provider/cxone/client";
import { CxoneError } from "../../provider/cxone/errors";
import { keyUseOf, readAccessKey } from "../../provider/cxone/keyReads";
import { forgetKeyReads, rememberCreatedKey } from "../../provider/cxone/keyReads";
import { sandboxForSuite, uniqueEmail } from "../support/sandbox";

describe("shared access-key reads against the sandbox (HTTP)", function () {
    this.timeout(20_000);
    // each test as a new provider process: no session, no key read, no fault, no request logged
    const f = sandboxForSuite({}, { reset: true });
    beforeEach(() => forgetKeyReads());

    const newKey = async () => {
        const c = new CxoneClient(f.endpoint);
        const userId = await c.createEmployee({
            emailAddress: uniqueEmail("reads"),
            firstName: "K",
            lastName: "R",
            roleName: "Agent",
            billable: false,
        });
        const k = await c.createAccessKey(userId);
        f.sandbox.clearRequests();
        return k;
    };
    const keyGets = (id: string) =>
        f.sandbox
            .requests()
            .filter(
                (r) =>
                    r.method === "GET" && r.path === `/access-key-management/v1/access-keys/${id}`,
            );

    it("two reads within moments make one GET and see the same key", async () => {
        const k = await newKey();
        const a = await readAccessKey(f.endpoint, k.accessKeyId);
        const b = await readAccessKey(f.endpoint, k.accessKeyId);
        assert.equal(a?.accessKeyId, k.accessKeyId);
        assert.equal(a?.isActive, true);
        assert.deepEqual(b, a);
        assert.equal(keyGets(k.accessKeyId).length, 1);
    });

    it("a key this process created: its use is known without a GET (never used, no secret kept) until the reads are forgotten", async () => {
        const k = await newKey();
        rememberCreatedKey(f.endpoint, k);
        forgetKeyReads({ keepCreated: true }); // another key's create keeps it
        const known = await keyUseOf(f.endpoint, k.accessKeyId);
        assert.deepEqual(Object.keys(known ?? {}).sort(), [
            "accessKeyId",
            "createdDate",
            "isActive",
            "userId",
        ]);
        assert.equal(known?.lastUsedDate, undefined);
        assert.equal(keyGets(k.accessKeyId).length, 0);
        // a refresh of the key itself asks CXone
        await readAccessKey(f.endpoint, k.accessKeyId);
        assert.equal(keyGets(k.accessKeyId).length, 1);
        forgetKeyReads(); // a poll, a write
        await keyUseOf(f.endpoint, k.accessKeyId);
        assert.equal(keyGets(k.accessKeyId).length, 2);
    });

    it("forgetKeyReads: the next read asks CXone again and sees the change", async () => {
        const k = await newKey();
        await readAccessKey(f.endpoint, k.accessKeyId);
        f.sandbox.context.state.cxone.accessKeys[k.accessKeyId].isActive = false;
        assert.equal((await readAccessKey(f.endpoint, k.accessKeyId))?.isActive, true, "shared");
        forgetKeyReads();
        assert.equal((await readAccessKey(f.endpoint, k.accessKeyId))?.isActive, false);
        assert.equal(keyGets(k.accessKeyId).length, 2);
    });

    it("a read older than five seconds is not reused", async () => {
        const k = await newKey();
        const real = Date.now;
        const start = real();
        let offset = 0;
        Date.now = () => start + offset;
        try {
            await readAccessKey(f.endpoint, k.accessKeyId);
            offset = 4_999;
            await readAccessKey(f.endpoint, k.accessKeyId);
            assert.equal(keyGets(k.accessKeyId).length, 1, "reused until 5 s");
            offset = 5_000;
            await readAccessKey(f.endpoint, k.accessKeyId);
            assert.equal(keyGets(k.accessKeyId).length, 2, "asked again at 5 s");
        } finally {
            Date.now = real;
        }
    });

    it("reads are shared per key and per tenant", async () => {
        const k1 = await newKey();
        const k2 = await newKey();
        await readAccessKey(f.endpoint, k1.accessKeyId);
        await readAccessKey(f.endpoint, k2.accessKeyId);
        const tenantId = f.sandbox.context.state.cxone.tenantId;
        await readAccessKey({ ...f.endpoint, tenantId }, k1.accessKeyId);
        await readAccessKey({ ...f.endpoint, apiUrl: `${f.endpoint.issuerUrl}/` }, k1.accessKeyId);
        assert.equal(keyGets(k1.accessKeyId).length, 3);
        assert.equal(keyGets(k2.accessKeyId).length, 1);
    });

    it("endpoints that differ by API base, area or tenant read on their own", async () => {
        const k = await newKey();
        const base = f.endpoint.issuerUrl;
        for (const e of [
            { ...f.endpoint, apiUrl: `${base}/` },
            { ...f.endpoint, apiUrl: `${base}//` },
            { ...f.endpoint, areaUrl: `${base}///` },
            { ...f.endpoint, areaUrl: `${base}////` },
            { ...f.endpoint, apiUrl: base, tenantId: "T-a" },
            { ...f.endpoint, apiUrl: base, tenantId: "T-b" },
        ])
            assert.equal((await readAccessKey(e, k.accessKeyId))?.accessKeyId, k.accessKeyId);
        assert.equal(keyGets(k.accessKeyId).length, 6);
    });

    it("a key CXone no longer knows reads as undefined", async () => {
        assert.equal(await readAccessKey(f.endpoint, "AKGONE0000"), undefined);
    });

    it("a failed read: the first reader gets CXone's words, a concurrent one the short form", async () => {
        const k = await newKey();
        await new CxoneClient(f.endpoint).getAccessKey(k.accessKeyId); // signed in
        f.sandbox.clearRequests();
        f.sandbox.setFaults([{ kind: "status", status: 400, path: "access-keys", times: 1 }]);
        const first = readAccessKey(f.endpoint, k.accessKeyId);
        const second = readAccessKey(f.endpoint, k.accessKeyId);
        await assert.rejects(first, (e: unknown) => {
            assert.ok(e instanceof CxoneError);
            assert.equal(e.status, 400);
            assert.equal(e.detail, "injected fault");
            return true;
        });
        await assert.rejects(second, (e: unknown) => {
            assert.ok(e instanceof CxoneError);
            assert.equal(e.status, 400);
            assert.match(e.detail ?? "", /already reported for another resource/);
            return true;
        });
        assert.equal(keyGets(k.accessKeyId).length, 1);
        const again = await readAccessKey(f.endpoint, k.accessKeyId);
        assert.equal(again?.isActive, true, "a failed read is not kept");
        assert.equal(keyGets(k.accessKeyId).length, 2);
    });
});
