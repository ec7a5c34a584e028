// Drift must show in a plain `pulumi preview` too: the project option `refresh: always` (set in
// this repo's Pulumi.yaml and by the test stacks) makes the engine refresh before every preview/up.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { testStack } from "../support/engine";

const fileProvider: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
        require("fs").writeFileSync(inputs.path, inputs.content);
        return { id: inputs.path, outs: inputs };
    },
    async diff(_id, olds, news) {
        return { changes: olds.content !== news.content };
    },
    async update(_id, _olds, news) {
        require("fs").writeFileSync(news.path, news.content);
        return { outs: news };
    },
    async read(id, props) {
        const content = require("fs").readFileSync(id, "utf8");
        return { id, props: { ...props, content }, inputs: { path: id, content } };
    },
};

class Note extends pulumi.dynamic.Resource {
    constructor(name: string, props: { path: string; content: string }) {
        super(fileProvider, name, props, {}, "test", "Note");
    }
}

describe("project option refresh: always", function () {
    this.timeout(120_000);
    it("a plain preview (no --refresh) shows an out-of-band change", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "refresh-")), "note.txt");
        const s = await testStack("refresh-always", async () => { new Note("note", { path: file, content: "v1" }); }, {
            projectOptions: { options: { refresh: "always" } },
        });
        await s.up();
        fs.writeFileSync(file, "edited by hand");
        const pv = await s.preview();
        assert.deepEqual(pv.changeSummary, { update: 1, same: 1 });
        await s.destroy();
    });
});
