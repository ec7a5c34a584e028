// Other worlds: named sandbox variants in which one unconfirmed vendor fact (a row of
// docs/vendor-facts/unconfirmed.md) is false in its most plausible other way. They describe what a
// real tenant might do differently from the public contract the sandbox emulates by default; they
// are never convenience APIs. Chosen at start (`npm run sandbox -- start --variant NAME`, or
// `startSandbox({ variants: [...] })`), several at once; not persisted with the world.
import type { RequestHandler } from "express";
import type { SandboxContext } from "../core/context";
import type { CxoneAppOptions, CxoneHostName } from "../cxone/app";
import type { CxoneHostUrls } from "../cxone/hosts";
import type { OktaServerOptions } from "../okta/app";
import { CXONE_VARIANTS } from "./cxone";
import { OKTA_VARIANTS } from "./okta";

/** What a variant's request handlers may read: the live world and the hosts' public URLs. */
export interface VariantEnv {
    ctx: SandboxContext;
    /** the CXone hosts under the names discovery gives them */
    hosts(): CxoneHostUrls;
}

/** A vendor fact made false: handlers in front of the service's routes, and/or service options. */
export interface SandboxVariant {
    /** `--variant` name, e.g. `role-create-absent` */
    name: string;
    /** the inventory row (mark id in the code, e.g. `role-create-route`) this world contradicts */
    fact: string;
    /** the other world, in one sentence */
    world: string;
    cxone?: {
        /** handlers run before a CXone host's own routes (after the request log and faults) */
        before?(host: CxoneHostName, env: VariantEnv): RequestHandler[];
        options?: Partial<CxoneAppOptions>;
    };
    okta?: {
        /** handlers run before the Okta org's own routes */
        before?(env: VariantEnv): RequestHandler[];
        options?: Partial<OktaServerOptions>;
    };
    /**
     * Objects this world has that the seeded one lacks, added at start (idempotent: the world
     * may be loaded from an earlier run)
     */
    setUp?(env: VariantEnv): void;
}

/** Every variant, CXone's first. Names are unique (checked by the tests). */
export const VARIANTS: readonly SandboxVariant[] = [...CXONE_VARIANTS, ...OKTA_VARIANTS];

export function variantNames(): string[] {
    return VARIANTS.map((v) => v.name);
}

export class UnknownVariantError extends Error {
    override readonly name = "UnknownVariantError";
}

/** The variants by name, in the order given (duplicates once); an unknown name is refused. */
export function resolveVariants(names: readonly string[] = []): SandboxVariant[] {
    const out: SandboxVariant[] = [];
    for (const name of names) {
        const v = VARIANTS.find((x) => x.name === name);
        if (!v)
            throw new UnknownVariantError(
                `unknown sandbox variant "${name}"; known: ${variantNames().join(", ")}`,
            );
        if (!out.includes(v)) out.push(v);
    }
    return out;
}

/** The CXone app options with every variant's options laid over them (later variants win). */
export function cxoneOptionsWith(
    base: CxoneAppOptions,
    variants: readonly SandboxVariant[],
): CxoneAppOptions {
    return variants.reduce((o, v) => ({ ...o, ...v.cxone?.options }), base);
}

/** The Okta server options with every variant's options laid over them (later variants win). */
export function oktaOptionsWith(
    base: OktaServerOptions,
    variants: readonly SandboxVariant[],
): OktaServerOptions {
    return variants.reduce((o, v) => ({ ...o, ...v.okta?.options }), base);
}

/** The handlers every variant puts in front of one CXone host, in variant order. */
export function cxoneHandlers(
    host: CxoneHostName,
    variants: readonly SandboxVariant[],
    env: VariantEnv,
): RequestHandler[] {
    return variants.flatMap((v) => v.cxone?.before?.(host, env) ?? []);
}

/** Adds what each variant's world has beyond the seeded one, then saves the world. */
export function setUpWorlds(variants: readonly SandboxVariant[], env: VariantEnv): void {
    const setUps = variants.filter((v) => v.setUp);
    for (const v of setUps) v.setUp!(env);
    if (setUps.length) env.ctx.save();
}

/** The handlers every variant puts in front of the Okta org. */
export function oktaHandlers(
    variants: readonly SandboxVariant[],
    env: VariantEnv,
): RequestHandler[] {
    return variants.flatMap((v) => v.okta?.before?.(env) ?? []);
}
