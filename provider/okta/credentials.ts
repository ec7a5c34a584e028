// The Okta API token is read at call time inside the provider process, never captured or stored
// in state: env OKTA_API_TOKEN (the variable the official Okta provider reads too), or, for an
// org on loopback (the sandbox) with no env set, the sandbox's endpoints file.
import { isLoopbackUrl } from "../core/loopback";
import { readSandboxEndpoints, sandboxEndpointsFile } from "../core/sandboxFile";

export const OKTA_API_TOKEN_ENV = "OKTA_API_TOKEN";

export function oktaApiToken(orgUrl: string, env: NodeJS.ProcessEnv = process.env): string {
    const fromEnv = env[OKTA_API_TOKEN_ENV];
    if (fromEnv) return fromEnv;
    if (isLoopbackUrl(orgUrl)) {
        const okta = readSandboxEndpoints(sandboxEndpointsFile(env))?.okta;
        const token =
            // Stryker disable next-line ConditionalExpression: a JSON primitive has no apiToken
            okta && typeof okta === "object"
                ? (okta as Record<string, unknown>).apiToken
                : undefined;
        if (typeof token === "string" && token) return token;
    }
    throw new Error(
        `no Okta API token for ${orgUrl}: set the environment variable ${OKTA_API_TOKEN_ENV}`,
    );
}
