// `node dist/scripts/verify.js` (npm run verify): the connection test from a terminal.
// The access key secret is read ONLY from the environment: a flag would land in shell history.
import { parseArgs } from "node:util";
import * as fs from "fs";
import * as path from "path";
import {
    resolveRegion,
    sandboxRegion,
    REGION_NAMES,
    type ResolvedRegion,
} from "../provider/cxone/discovery/regions";
import { formatVerifyResult, verifyConnection, type VerifyResult } from "../provider/verify/verify";
import { verifySparingKey } from "../provider/verify/verifySparingKey";
import { formatPreflight, preflight } from "../provider/preflight/preflight";
import { startTranscript, transcriptSetting } from "../provider/core/transcript";
import { setProductPart } from "../provider/core/userAgent";

const USAGE = `Usage: node dist/scripts/verify.js (--region <name> [--fedramp] | --sandbox) [options]

Tests that an access key reaches CXone's SCIM server the way Okta will:
signs in with the key, then makes Okta's userName lookup.

With a key named but not its secret (or --spare-key), the key is spared: it never signs in, so
its lastUsedDate (the stack's evidence that Okta uses it) stays Okta's. The CXone admin
credentials (CXONE_ACCESS_KEY_ID/SECRET, or the sandbox's) check that the key exists and is
active; a temporary key of the same employee signs in and is revoked at once.

  --region <name>     CXone region: ${REGION_NAMES.join(", ")} (env CXONE_REGION)
  --fedramp           FedRAMP tenant (env CXONE_FEDRAMP=true)
  --sandbox           the local sandbox (reads <CXONE_OKTA_SANDBOX_DIR or ./.sandbox>/endpoints.json)
  --key-id <id>       access key ID (env CXONE_VERIFY_ACCESS_KEY_ID, else CXONE_ACCESS_KEY_ID)
  --user-name <name>  userName the SCIM lookup asks for (need not exist)
  --timeout <sec>     per-request timeout in seconds (default 15)
  --spare-key         never sign in with the key (see above)
  --json              print the result as JSON
  --preflight         instead: ask the tenant, reading only, about every unconfirmed fact the stack
                      relies on (docs/vendor-facts/unconfirmed.md) with the admin credentials
                      (CXONE_ACCESS_KEY_ID/SECRET); exit 1 when one is contradicted
  --tenant-id <id>    with --preflight: the tenant id (env CXONE_TENANT_ID), for discovery
  --okta-org <url>    with --preflight: the Okta org (env OKTA_ORG_URL; token: env OKTA_API_TOKEN)
  --okta-app-id <id>  with --preflight: an existing Okta app to read (its connection, user schema)
  -h, --help          this help

Env CXONE_OKTA_TRANSCRIPT=<file> records every exchange, redacted (docs/operator-guide.md).

The secret access key comes only from env CXONE_VERIFY_ACCESS_KEY_SECRET (else
CXONE_ACCESS_KEY_SECRET); with --sandbox and no key in env, the sandbox admin key is used.
Exit status: 0 passed, 1 failed, 2 usage error.`;

/** A mistake in the command line or environment; exit status 2. */
export class UsageError extends Error {
    override readonly name = "UsageError";
}

/** What the command was asked to do. */
export interface VerifyCommand {
    help: boolean;
    /** the read-only preflight of the unconfirmed facts, instead of the connection test */
    preflight?: {
        tenantId?: string;
        credentials?: { accessKeyId: string; accessKeySecret: string };
        okta?: { orgUrl: string; apiToken?: string; appId?: string };
    };
    json: boolean;
    region: ResolvedRegion;
    accessKeyId: string;
    /** absent when the key is spared */
    accessKeySecret?: string;
    /** test without signing in with the key (admin credentials instead) */
    spare: boolean;
    probeUserName?: string;
    timeoutMs?: number;
}

interface SandboxEndpoints {
    cxone?: {
        baseUrl?: unknown;
        adminAccessKeyId?: unknown;
        adminAccessKeySecret?: unknown;
        hosts?: { area?: unknown };
    };
}

/** `<CXONE_OKTA_SANDBOX_DIR or ./.sandbox>/endpoints.json` */
export function sandboxEndpointsPath(env: NodeJS.ProcessEnv, cwd: string): string {
    return path.join(path.resolve(cwd, env.CXONE_OKTA_SANDBOX_DIR || ".sandbox"), "endpoints.json");
}

function readSandbox(
    env: NodeJS.ProcessEnv,
    cwd: string,
): {
    baseUrl: string;
    areaUrl?: string;
    keyId?: string;
    keySecret?: string;
    tenantId?: string;
    oktaUrl?: string;
    oktaToken?: string;
} {
    const file = sandboxEndpointsPath(env, cwd);
    let parsed: SandboxEndpoints;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8")) as SandboxEndpoints;
    } catch (e) {
        const why =
            (e as NodeJS.ErrnoException).code === "ENOENT"
                ? "not found: start the sandbox (npm run sandbox)"
                : "unreadable or not JSON";
        throw new UsageError(`--sandbox: ${file} ${why}`);
    }
    const c = parsed?.cxone;
    const okta = (parsed as { okta?: { orgUrl?: unknown; apiToken?: unknown } })?.okta;
    if (!c || typeof c.baseUrl !== "string")
        throw new UsageError(`--sandbox: ${file} has no cxone.baseUrl`);
    // `hosts` (newer sandboxes): the access-key token and SCIM live on the area host
    const area = c.hosts && typeof c.hosts.area === "string" ? c.hosts.area : undefined;
    return {
        baseUrl: c.baseUrl,
        ...(area ? { areaUrl: area } : {}),
        keyId: typeof c.adminAccessKeyId === "string" ? c.adminAccessKeyId : undefined,
        keySecret: typeof c.adminAccessKeySecret === "string" ? c.adminAccessKeySecret : undefined,
        tenantId:
            typeof (c as { tenantId?: unknown }).tenantId === "string"
                ? ((c as { tenantId: string }).tenantId as string)
                : undefined,
        oktaUrl: typeof okta?.orgUrl === "string" ? okta.orgUrl : undefined,
        oktaToken: typeof okta?.apiToken === "string" ? okta.apiToken : undefined,
    };
}

function truthy(v: string | undefined): boolean | undefined {
    if (v === undefined || v === "") return undefined;
    if (/^(1|true|yes)$/i.test(v)) return true;
    if (/^(0|false|no)$/i.test(v)) return false;
    throw new UsageError(`CXONE_FEDRAMP must be true or false, got "${v}"`);
}

/** parseArgs' complaint in the words of this command's help. */
function usageProblem(e: Error & { code?: string }, argv: string[]): string {
    const named = /'(-[^' ]+)/.exec(e.message)?.[1];
    if (
        e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" &&
        named &&
        /does not take/.test(e.message)
    )
        return `${named} takes no value`;
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && named) return `${named} needs a value`;
    const typed =
        e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
            ? /'([^']+)'/.exec(e.message)?.[1]
            : argv.find((a) => named !== undefined && a.split("=")[0] === named);
    return `unknown argument "${typed ?? named ?? e.message}"; see --help`;
}

/** Parses argv (without node and script) and env. Throws {@link UsageError}. */
export function parseVerifyArgs(
    argv: string[],
    env: NodeJS.ProcessEnv = process.env,
    cwd = process.cwd(),
): VerifyCommand | { help: true } {
    // the secret is never taken from a flag (it would land in shell history)
    const secretFlag = argv.find((a) => a.startsWith("-") && /secret/i.test(a.split("=")[0]));
    if (secretFlag)
        throw new UsageError(
            `${secretFlag.split("=")[0]}: the secret is never taken from a flag (it would land in shell history); set env CXONE_VERIFY_ACCESS_KEY_SECRET`,
        );
    const text = { type: "string" } as const;
    const flag = { type: "boolean" } as const;
    let values: Record<string, string | boolean | undefined>;
    try {
        values = parseArgs({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                region: text,
                "key-id": text,
                "user-name": text,
                timeout: text,
                "tenant-id": text,
                "okta-org": text,
                "okta-app-id": text,
                fedramp: flag,
                sandbox: flag,
                json: flag,
                "spare-key": flag,
                preflight: flag,
                help: { type: "boolean", short: "h" },
            },
        }).values;
    } catch (e) {
        throw new UsageError(usageProblem(e as Error & { code?: string }, argv));
    }
    for (const [k, v] of Object.entries(values))
        if (v === "") throw new UsageError(`--${k} needs a value`);
    if (values.help) return { help: true };
    const flags = {
        has: (k: string) => values[k.slice("--".length)] !== undefined,
    };
    const str = (k: string) => {
        const v = values[k.slice("--".length)];
        return typeof v === "string" ? v : undefined;
    };

    const sandbox = flags.has("--sandbox");
    const regionName = str("--region") ?? (sandbox ? undefined : env.CXONE_REGION);
    const fedramp = flags.has("--fedramp") ? true : sandbox ? undefined : truthy(env.CXONE_FEDRAMP);
    if (sandbox && (str("--region") || flags.has("--fedramp")))
        throw new UsageError("--sandbox cannot be combined with --region or --fedramp");

    let region: ResolvedRegion;
    let fileKey: {
        keyId?: string;
        keySecret?: string;
        tenantId?: string;
        oktaUrl?: string;
        oktaToken?: string;
    } = {};
    if (sandbox) {
        const s = readSandbox(env, cwd);
        try {
            region = sandboxRegion(s.areaUrl ? { issuer: s.baseUrl, area: s.areaUrl } : s.baseUrl);
        } catch (e) {
            // a hand-edited or damaged file: the user's to fix, not a bug of this command
            throw new UsageError(
                `--sandbox: ${sandboxEndpointsPath(env, cwd)}: ${(e as Error).message}`,
            );
        }
        fileKey = s;
    } else {
        if (!regionName)
            throw new UsageError(`give --region (${REGION_NAMES.join(", ")}) or --sandbox`);
        try {
            region = resolveRegion({ region: regionName, fedramp });
        } catch (e) {
            throw new UsageError((e as Error).message);
        }
    }

    let timeoutMs: number | undefined;
    const t = str("--timeout");
    if (t !== undefined) {
        const n = Number(t);
        if (!Number.isFinite(n) || n <= 0)
            throw new UsageError(`--timeout must be a positive number of seconds, got "${t}"`);
        timeoutMs = Math.round(n * 1000);
    }

    // the admin credentials the stack uses (the sandbox's own on --sandbox), never a flag
    const adminId = env.CXONE_ACCESS_KEY_ID || (sandbox ? fileKey.keyId : undefined);
    const adminSecret = env.CXONE_ACCESS_KEY_ID
        ? env.CXONE_ACCESS_KEY_SECRET
        : sandbox
          ? fileKey.keySecret
          : undefined;

    if (flags.has("--preflight")) {
        if (!adminId || !adminSecret)
            throw new UsageError(
                "--preflight needs the CXone admin credentials: env CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET",
            );
        const orgUrl =
            str("--okta-org") ?? (env.OKTA_ORG_URL || (sandbox ? fileKey.oktaUrl : undefined));
        const apiToken = env.OKTA_API_TOKEN || (sandbox ? fileKey.oktaToken : undefined);
        const tenantId = str("--tenant-id") ?? (env.CXONE_TENANT_ID || fileKey.tenantId);
        return {
            help: false,
            json: flags.has("--json"),
            region,
            accessKeyId: adminId,
            spare: false,
            timeoutMs,
            preflight: {
                credentials: { accessKeyId: adminId, accessKeySecret: adminSecret },
                ...(tenantId ? { tenantId } : {}),
                ...(orgUrl
                    ? {
                          okta: {
                              orgUrl,
                              ...(apiToken ? { apiToken } : {}),
                              ...(str("--okta-app-id") ? { appId: str("--okta-app-id") } : {}),
                          },
                      }
                    : {}),
            },
        };
    }

    const named = str("--key-id") ?? (env.CXONE_VERIFY_ACCESS_KEY_ID || undefined);
    // A key named without its own secret is spared (tested with the admin credentials), never
    // paired with another key's secret.
    const spare =
        flags.has("--spare-key") ||
        (!!named && named !== adminId && !env.CXONE_VERIFY_ACCESS_KEY_SECRET);
    if (spare) {
        if (!named)
            throw new UsageError(
                "--spare-key needs the key: give --key-id or set CXONE_VERIFY_ACCESS_KEY_ID",
            );
        if (!adminId || !adminSecret) {
            throw new UsageError(
                `access key ${named}: set env CXONE_VERIFY_ACCESS_KEY_SECRET to sign in with it, or CXONE_ACCESS_KEY_ID/CXONE_ACCESS_KEY_SECRET (a CXone admin's key) to test it without signing in with it`,
            );
        }
    }
    // With --sandbox the admin pair above is the sandbox's own (unless env names an admin key); a
    // key named without its secret is spared, so the sandbox's secret never pairs with another key.
    const accessKeyId = named ?? adminId;
    const accessKeySecret = spare
        ? undefined
        : env.CXONE_VERIFY_ACCESS_KEY_SECRET || adminSecret || undefined;
    if (!accessKeyId)
        throw new UsageError("no access key ID: give --key-id or set CXONE_VERIFY_ACCESS_KEY_ID");
    if (!spare && !accessKeySecret)
        throw new UsageError(
            "no secret access key: set env CXONE_VERIFY_ACCESS_KEY_SECRET (never a flag)",
        );

    return {
        help: false,
        json: flags.has("--json"),
        region,
        accessKeyId,
        accessKeySecret,
        spare,
        probeUserName: str("--user-name"),
        timeoutMs,
    };
}

/** Runs the command; returns the exit status. Output never contains the secret or a token. */
export async function runVerify(
    argv: string[],
    env: NodeJS.ProcessEnv,
    out: (s: string) => void,
    err: (s: string) => void,
): Promise<number> {
    let cmd: VerifyCommand | { help: true };
    try {
        cmd = parseVerifyArgs(argv, env);
    } catch (e) {
        if (e instanceof UsageError) {
            err(`verify: ${e.message}`);
            return 2;
        }
        throw e;
    }
    if (cmd.help) {
        out(USAGE);
        return 0;
    }
    const c = cmd as VerifyCommand;
    setProductPart("connection-test");
    startTranscript(transcriptSetting());
    if (c.preflight) {
        const found = await preflight({ region: c.region, timeoutMs: c.timeoutMs, ...c.preflight });
        out(c.json ? JSON.stringify(found, null, 2) : formatPreflight(found));
        return found.findings.some((f) => f.status === "contradicted") ? 1 : 0;
    }
    const result: VerifyResult =
        c.spare || !c.accessKeySecret
            ? await verifySparingKey({
                  region: c.region,
                  accessKeyId: c.accessKeyId,
                  probeUserName: c.probeUserName,
                  timeoutMs: c.timeoutMs,
              })
            : await verifyConnection({
                  region: c.region,
                  accessKeyId: c.accessKeyId,
                  accessKeySecret: c.accessKeySecret,
                  probeUserName: c.probeUserName,
                  timeoutMs: c.timeoutMs,
              });
    out(c.json ? JSON.stringify(result, null, 2) : formatVerifyResult(result));
    return result.ok ? 0 : 1;
}

/** What the command needs of its process: `process` itself when an operator runs it. */
export interface VerifyProcess {
    env: NodeJS.ProcessEnv;
    stdout: { write(text: string): unknown };
    stderr: { write(text: string): unknown };
    exitCode?: number | string | null;
}

/** The process: runVerify's output a line at a time, its status as the exit code. */
export async function verifyProcess(
    argv: string[],
    proc: VerifyProcess = process,
    run: typeof runVerify = runVerify,
): Promise<void> {
    await run(
        argv,
        proc.env,
        (s) => proc.stdout.write(s + "\n"),
        (s) => proc.stderr.write(s + "\n"),
    ).then(
        (code) => {
            proc.exitCode = code;
        },
        // an unexpected bug: print only its name, since a stack could quote request data
        (e) => {
            proc.stderr.write(`verify: unexpected ${(e as Error)?.name ?? "error"}\n`);
            proc.exitCode = 1;
        },
    );
}

// Stryker disable next-line all: the process entry; verify.http runs it as a process
if (require.main === module) void verifyProcess(process.argv.slice(2));
