// `pulumi up|preview|refresh|destroy|output` for the root stack, on the real engine, with the
// program run in-process by the Automation API. This is how the project runs stacks where the
// Node.js language host is not installed (see README "Toolchain"); with a normal Pulumi install,
// plain `pulumi up` in the repository root runs the same program.
//
// usage: node dist/scripts/stack.js <up|preview|refresh|destroy|output> [--stack NAME] [--refresh] [--show-secrets]
import * as path from "path";
import { integrationProgram } from "../program/index";
import { openStack, repoRoot } from "./lib/engine";

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    const flag = (name: string) => rest.includes(name);
    const value = (name: string) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
    const stackName = value("--stack") ?? process.env.PULUMI_STACK ?? "sandbox";
    const backendDir = process.env.CXONE_OKTA_BACKEND_DIR ?? path.join(repoRoot, ".pulumi-local", "backend");
    const s = await openStack({
        projectName: "cxone-okta-scim", stackName, program: integrationProgram, workDir: repoRoot, backendDir, useProjectFile: true,
        // The providers run in the program's directory (dist/program); point them at the sandbox.
        env: { CXONE_OKTA_SANDBOX_DIR: process.env.CXONE_OKTA_SANDBOX_DIR ?? path.join(repoRoot, ".sandbox") },
    });
    const onOutput = (t: string) => process.stdout.write(t);
    switch (command) {
        case "up": await s.up({ onOutput, refresh: flag("--refresh") || undefined }); break;
        case "preview": {
            const r = await s.preview({ onOutput, refresh: flag("--refresh") || undefined, diff: flag("--diff") || undefined });
            console.log(`change summary: ${JSON.stringify(r.changeSummary)}`);
            break;
        }
        case "refresh": await s.refresh({ onOutput }); break;
        case "destroy": await s.destroy({ onOutput }); break;
        case "output": {
            const outs = await s.outputs();
            const show = flag("--show-secrets");
            const name = rest.find((a) => !a.startsWith("--") && a !== value("--stack"));
            const render = (o: { value: unknown; secret: boolean }) => (o.secret && !show ? "[secret]" : JSON.stringify(o.value, null, 2));
            if (name) console.log(outs[name] ? render(outs[name]) : `no output named ${name}`);
            else for (const [k, o] of Object.entries(outs)) console.log(`${k}: ${render(o)}`);
            break;
        }
        default:
            console.error("usage: stack <up|preview|refresh|destroy|output> [--stack NAME] [--refresh] [--diff] [--show-secrets]");
            return 2;
    }
    return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e: Error) => {
    // The engine's own output has already said what failed; keep this to one line.
    console.error(`error: ${e.message.split("\n").find((l) => l.includes("error:"))?.trim() ?? e.message.split("\n")[0]}`);
    process.exit(1);
});
