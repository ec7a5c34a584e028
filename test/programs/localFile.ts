// A file on disk as a resource: real side effects that refresh can observe (engine smoke tests).
import * as pulumi from "@pulumi/pulumi";
import { params } from "./params";

interface FileProps {
    path: string;
    content: string;
}

const fileProvider: pulumi.dynamic.ResourceProvider<FileProps, FileProps> = {
    async create(inputs) {
        require("fs").writeFileSync(inputs.path, inputs.content);
        return { id: inputs.path, outs: inputs };
    },
    async diff(_id, olds, news) {
        return {
            changes: olds.content !== news.content,
            replaces: olds.path !== news.path ? ["path"] : [],
        };
    },
    async update(_id, _olds, news) {
        require("fs").writeFileSync(news.path, news.content);
        return { outs: news };
    },
    async read(id) {
        const fs2 = require("fs");
        if (!fs2.existsSync(id)) return { id: "" };
        const content = fs2.readFileSync(id, "utf8");
        return { id, props: { path: id, content }, inputs: { path: id, content } };
    },
    async delete(id) {
        require("fs").rmSync(id, { force: true });
    },
};

class LocalFile extends pulumi.dynamic.Resource {
    constructor(name: string, props: FileProps) {
        super(fileProvider, name, props, {}, "test", "LocalFile");
    }
}

const p = params<{ name: string } & FileProps>();
const file = new LocalFile(p.name, { path: p.path, content: p.content });
export const id = file.id;
