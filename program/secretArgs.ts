// Secret config stays secret: the arguments set with `pulumi config set --secret` reach the
// component as Pulumi secrets, so the engine keeps every output built from them secret (the
// program reads config as plain text to check it first, naming the key, before anything is
// declared).
import * as pulumi from "@pulumi/pulumi";
import type { ScimIntegrationArgs } from "../provider/integration/index";

/** The engine's list of secret config keys (`ns:name`), as the language host passes it. */
export function configSecretKeys(env: NodeJS.ProcessEnv = process.env): string[] {
    try {
        // Stryker disable next-line StringLiteral: JSON.parse("") fails, and a failure reads as []
        const keys: unknown = JSON.parse(env.PULUMI_CONFIG_SECRET_KEYS ?? "[]");
        return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : [];
    } catch {
        return [];
    }
}

/** `args` with each named top-level argument wrapped as a secret (a list element by element). */
export function withSecrets(
    args: ScimIntegrationArgs,
    names: readonly string[],
): ScimIntegrationArgs {
    const secrets: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(args)) {
        if (v === undefined || !names.includes(name)) continue;
        secrets[name] = Array.isArray(v) ? v.map((x) => pulumi.secret(x)) : pulumi.secret(v);
    }
    return { ...args, ...secrets };
}
