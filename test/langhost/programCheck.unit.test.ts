// The language host's refusal of a `main:` folder with no program of its own: the runner would run
// the entry of a package further up (a library that declares nothing). A folder with its own
// package.json, a folder under no package, and a file are left to the runner.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { missingProgram } from "../../langhost/programCheck";

describe("language host: a main: folder must hold a program of its own", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "program-check-"));
    const write = (rel: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
    };
    before(() => {
        write(
            "pkg/package.json",
            JSON.stringify({ name: "lib", exports: { ".": "./dist/index.js" } }),
        );
        write("pkg/dist/program/index.js", "");
        write("pkg/own/package.json", JSON.stringify({ name: "prog", main: "main.js" }));
        write("pkg/mainonly/package.json", JSON.stringify({ name: "m", main: "lib.js" }));
        fs.mkdirSync(path.join(root, "pkg/mainonly/sub"));
        write("pkg/noentry/package.json", JSON.stringify({ name: "n" }));
        fs.mkdirSync(path.join(root, "pkg/noentry/sub"));
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));
    const check = (dir: string, entryPoint = ".") =>
        missingProgram({
            rootDirectory: path.join(root, "pkg"),
            pwd: path.join(root, dir),
            entryPoint,
        });

    it("a folder under another package's entry: refused, naming the folder as typed and what would run", () => {
        assert.equal(
            check("pkg/dist/program"),
            `Pulumi.yaml main: "dist/program" resolves to no program: the folder ${path.join(root, "pkg/dist/program")} ` +
                `has no package.json of its own, so the Node.js runner would run ${path.join(root, "pkg/dist/index.js")}, ` +
                "the entry of the package lib further up, instead. Point main at the program's entry file, " +
                "or at a folder with its own package.json",
        );
        assert.match(
            check("pkg/mainonly/sub") ?? "",
            /would run \S+mainonly\/lib.js, the entry of the package m/,
        );
    });

    it('main: "." (the project folder itself) is quoted as typed', () => {
        assert.match(
            missingProgram({
                rootDirectory: path.join(root, "pkg/dist/program"),
                pwd: path.join(root, "pkg/dist/program"),
                entryPoint: "",
            }) ?? "",
            /^Pulumi.yaml main: "\." resolves to no program: .* would run \S+dist\/index.js, the entry of the package lib further up/,
        );
    });

    it('the entry the runner would take: exports as a string or "." (default, then require, then import), else main', () => {
        const cases: [unknown, string | undefined][] = [
            [{ exports: "./exp.js", main: "main.js" }, "exp.js"],
            [{ exports: { ".": "./dot.js" }, main: "main.js" }, "dot.js"],
            [
                { exports: { ".": { default: "./d.js", require: "./r.js", import: "./i.js" } } },
                "d.js",
            ],
            [{ exports: { ".": { require: "./r.js", import: "./i.js" } } }, "r.js"],
            [{ exports: { ".": { import: "./i.js" } } }, "i.js"],
            [{ exports: { ".": { node: "./n.js" } }, main: "main.js" }, "main.js"],
            [{ exports: { ".": 5 }, main: "main.js" }, "main.js"],
            [{ exports: null, main: "main.js" }, "main.js"],
            [{ exports: { ".": null }, main: "main.js" }, "main.js"],
            [{ exports: { "./sub": "./sub.js" }, main: "main.js" }, "main.js"],
            [{ main: { not: "a path" } }, undefined],
        ];
        for (const [manifest, entry] of cases) {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "program-entry-"));
            try {
                fs.writeFileSync(
                    path.join(dir, "package.json"),
                    JSON.stringify({ name: "up", ...(manifest as object) }),
                );
                fs.mkdirSync(path.join(dir, "sub"));
                const found = missingProgram({
                    rootDirectory: dir,
                    pwd: path.join(dir, "sub"),
                    entryPoint: ".",
                });
                if (entry === undefined) assert.equal(found, undefined, JSON.stringify(manifest));
                else
                    assert.match(
                        found ?? "",
                        new RegExp(`would run ${path.join(dir, entry).replace(/[.]/g, "\\.")}, `),
                        JSON.stringify(manifest),
                    );
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        }
    });

    it("a package further up that is only package.yaml, or unreadable: left to the runner", () => {
        for (const [file, text] of [
            ["package.yaml", "name: up\nmain: lib.js\n"],
            ["package.json", "{not json"],
        ]) {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "program-entry-"));
            try {
                fs.writeFileSync(path.join(dir, file), text);
                fs.mkdirSync(path.join(dir, "sub"));
                assert.equal(
                    missingProgram({
                        rootDirectory: dir,
                        pwd: path.join(dir, "sub"),
                        entryPoint: ".",
                    }),
                    undefined,
                    file,
                );
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        }
    });

    it("a folder with no package anywhere above: left to the runner", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "program-none-"));
        try {
            assert.equal(
                missingProgram({ rootDirectory: dir, pwd: dir, entryPoint: "." }),
                undefined,
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("its own package.json, a package with no entry, or a file: left to the runner", () => {
        assert.equal(check("pkg/own"), undefined);
        assert.equal(check("pkg"), undefined);
        assert.equal(check("pkg/noentry/sub"), undefined);
        assert.equal(check("pkg/dist/program", "index.js"), undefined);
    });
});
