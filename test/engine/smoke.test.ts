// The real engine runs a dynamic resource through its whole life: up, no-change preview --refresh,
// an update, destroy. Proves the CLI, the dynamic-provider shim and closure serialization work.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { testStack } from "../support/engine";

// A file on disk as a resource: real side effects that refresh can observe.
const fileProvider: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
        require("fs").writeFileSync(inputs.path, inputs.content);
        return { id: inputs.path, outs: inputs };
    },
    async diff(_id, olds, news) {
        return { changes: olds.content !== news.content, replaces: olds.path !== news.path ? ["path"] : [] };
    },
    async update(_id, _olds, news) {
        require("fs").writeFileSync(news.path, news.content);
        return { outs: news };
    },
    async read(id, props) {
        const fs2 = require("fs");
        if (!fs2.existsSync(id)) return { id: "" };
        const content = fs2.readFileSync(id, "utf8");
        return { id, props: { ...props, content }, inputs: { path: id, content } };
    },
    async delete(id) {
        require("fs").rmSync(id, { force: true });
    },
};

class LocalFile extends pulumi.dynamic.Resource {
    constructor(name: string, props: { path: string; content: string }) {
        super(fileProvider, name, props, {}, "test", "LocalFile");
    }
}

describe("engine smoke (real Pulumi CLI)", function () {
    this.timeout(180_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smoke-"));
    const file = path.join(dir, "hello.txt");
    let content = "hello";
    const program = async () => {
        const f = new LocalFile("greeting", { path: file, content });
        return { id: f.id };
    };

    it("up -> preview --refresh (no changes) -> change -> up -> destroy", async () => {
        const s = await testStack("smoke", program);
        const up1 = await s.up();
        assert.deepEqual(up1.summary.resourceChanges, { create: 2 });
        assert.equal(fs.readFileSync(file, "utf8"), "hello");

        const pv = await s.preview({ refresh: true });
        assert.deepEqual(pv.changeSummary, { same: 2 });

        content = "hello again";
        const up2 = await s.up();
        assert.deepEqual(up2.summary.resourceChanges, { update: 1, same: 1 });
        assert.equal(fs.readFileSync(file, "utf8"), "hello again");

        fs.writeFileSync(file, "changed by hand");
        const drift = await s.preview({ refresh: true });
        assert.deepEqual(drift.changeSummary, { update: 1, same: 1 });

        const d = await s.destroy();
        assert.deepEqual(d.summary.resourceChanges, { delete: 2 });
        assert.equal(fs.existsSync(file), false);
    });
});
