// The Okta API token is read at call time inside the provider process, never captured or stored
// in state: env OKTA_API_TOKEN (the variable the official Okta provider reads too), or, for an
// org on loopback (the sandbox) with no env set, the sandbox's endpoints file.
import * as fs from "fs";
import { isLoopbackUrl, sandboxEndpointsFile } from "../cxone/credentials";

export function oktaApiToken(orgUrl: string): string {
    const fromEnv = process.env.OKTA_API_TOKEN;
    if (fromEnv) return fromEnv;
    if (isLoopbackUrl(orgUrl)) {
        const file = sandboxEndpointsFile();
        if (fs.existsSync(file)) {
            const token = JSON.parse(fs.readFileSync(file, "utf8"))?.okta?.apiToken;
            if (typeof token === "string" && token) return token;
        }
    }
    throw new Error(`no Okta API token for ${orgUrl}: set the environment variable OKTA_API_TOKEN`);
}
