// The User-Agent every request of this product carries: `cxone-okta-scim/<version> (<part>)`. A
// vendor accepts any User-Agent (Okta asks integrations for a descriptive one), and it lets an
// administrator reading the org's System Log, or the sandbox's request log, tell which part of the
// product made a call: `program` (the reads before the first write, in the Pulumi program's
// process), `provider` (the dynamic provider process: refresh, create, update, delete),
// `removal-guard` (the guard's reads of the app's people before a removal, in the provider process)
// or `connection-test` (the `npm run verify` command).
import { AsyncLocalStorage } from "async_hooks";
import * as fs from "fs";
import * as path from "path";

export type ProductPart = "program" | "provider" | "removal-guard" | "connection-test";

const PRODUCT = "cxone-okta-scim";

/** The dynamic provider process runs `@pulumi/pulumi/cmd/dynamic-provider` as its main script. */
export function partOfProcess(argv: readonly string[] = process.argv): ProductPart {
    // Stryker disable next-line StringLiteral: any stand-in for a missing script path names no dynamic provider
    return /[\\/]cmd[\\/]dynamic-provider(?:[\\/]|$)/.test(argv[1] ?? "") ? "provider" : "program";
}

let part: ProductPart | undefined;

/**
 * Names this process's part where the process itself cannot tell (the connection test command);
 * undefined: tell by the process again.
 */
export function setProductPart(p: ProductPart | undefined): void {
    part = p;
}

/**
 * This package's version, from the package.json above this file (compiled or not): the nearest of
 * `start` and its next four parents naming this product with a string version; else 0.0.0.
 */
export function packageVersion(start = __dirname): string {
    for (let dir = start, up = 0; up < 5; up++, dir = path.dirname(dir)) {
        try {
            const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
                name?: unknown;
                version?: unknown;
            };
            if (pkg.name === PRODUCT && typeof pkg.version === "string") return pkg.version;
        } catch {
            /* no package.json here: go up */
        }
    }
    return "0.0.0";
}

let version: string | undefined;
const within = new AsyncLocalStorage<ProductPart>();

/** Runs `f` with its requests sent as `p` (a part inside a process: the removal guard's reads). */
export function asPart<T>(p: ProductPart, f: () => Promise<T>): Promise<T> {
    return within.run(p, f);
}

/** `cxone-okta-scim/<version> (<part>)` */
export function userAgent(): string {
    version ??= packageVersion();
    return `${PRODUCT}/${version} (${within.getStore() ?? part ?? partOfProcess()})`;
}

/** The header to spread into every request's headers. */
export function userAgentHeader(): { "User-Agent": string } {
    return { "User-Agent": userAgent() };
}
