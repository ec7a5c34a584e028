// Where the admin access key comes from (docs/design.md, "Admin credentials"). Read at call time inside provider
// methods, never stored in a resource's inputs, outputs or serialized provider.
import * as fs from "fs";
import { isLoopbackUrl } from "../core/loopback";
import { SANDBOX_DIR_ENV, sandboxEndpointsFile } from "../core/sandboxFile";
import { CxoneCredentialsError } from "./errors";

// One loopback rule and one sandbox file for both vendors (provider/core); kept importable here.
export { isLoopbackUrl, SANDBOX_DIR_ENV, sandboxEndpointsFile };

/** The CXone admin access key the provider acts with. */
export interface AdminAccessKey {
    accessKeyId: string;
    accessKeySecret: string;
    /** tenant id, when the source knows it (the sandbox does) */
    tenantId?: string;
}

export const ACCESS_KEY_ID_ENV = "CXONE_ACCESS_KEY_ID";
export const ACCESS_KEY_SECRET_ENV = "CXONE_ACCESS_KEY_SECRET";

/**
 * The admin access key for calls to `apiUrl`: env CXONE_ACCESS_KEY_ID / CXONE_ACCESS_KEY_SECRET;
 * when both are unset and the URL is on loopback, the running sandbox's endpoints.json.
 * @throws CxoneCredentialsError naming the env vars when nothing is found
 */
export function adminAccessKey(
    apiUrl: string,
    env: NodeJS.ProcessEnv = process.env,
    cwd = process.cwd(),
): AdminAccessKey {
    const id = env[ACCESS_KEY_ID_ENV];
    const secret = env[ACCESS_KEY_SECRET_ENV];
    if (id && secret) return { accessKeyId: id, accessKeySecret: secret };
    if (id || secret) {
        throw new CxoneCredentialsError(
            `CXone admin credentials are incomplete: set both ${ACCESS_KEY_ID_ENV} and ${ACCESS_KEY_SECRET_ENV} (only ${id ? ACCESS_KEY_ID_ENV : ACCESS_KEY_SECRET_ENV} is set)`,
        );
    }
    if (isLoopbackUrl(apiUrl)) {
        const file = sandboxEndpointsFile(env, cwd);
        const fromSandbox = readSandboxKey(file);
        if (fromSandbox) return fromSandbox;
        throw new CxoneCredentialsError(
            `no CXone admin credentials: set ${ACCESS_KEY_ID_ENV} and ${ACCESS_KEY_SECRET_ENV}, or start the sandbox (looked for ${file})`,
        );
    }
    throw new CxoneCredentialsError(
        `no CXone admin credentials: set ${ACCESS_KEY_ID_ENV} and ${ACCESS_KEY_SECRET_ENV} to an access key of a CXone administrator`,
    );
}

function readSandboxKey(file: string): AdminAccessKey | undefined {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
        return undefined;
    }
    const c = (parsed as { cxone?: Record<string, unknown> } | undefined)?.cxone;
    if (!c || typeof c.adminAccessKeyId !== "string" || typeof c.adminAccessKeySecret !== "string")
        return undefined;
    return {
        accessKeyId: c.adminAccessKeyId,
        accessKeySecret: c.adminAccessKeySecret,
        tenantId: typeof c.tenantId === "string" ? c.tenantId : undefined,
    };
}
