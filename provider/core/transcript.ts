// A redacted transcript of every vendor exchange, for a first run against real tenants: what was
// asked and what came back, in shape only. One JSON line per exchange: time, vendor, host role
// (issuer, area, userhub, acd, okta), method, path template (ids replaced by {id}, query values
// dropped), status, and the JSON shape of the request and answer bodies (field names and types,
// never a value). Nothing else: no host name (it names the tenant), no header, no value.
//
// Opt-in: env CXONE_OKTA_TRANSCRIPT=<file> (any process: pulumi's provider process, `npm run
// verify`), or the root program's config `cxone-okta-scim:transcript <file>`, which the program
// hands to the provider process in a settings file in the program's directory (the provider process
// runs there and receives no stack config). That file is one per project directory, not per stack:
// two stacks of one project run at the same time with a transcript set can cross (the provider
// process knows no stack, and destroy and refresh run no program to tell it); the env never does.
import * as fs from "fs";
import * as path from "path";
import { onExchange, type HttpRequest, type HttpResponse } from "./transport";

export const TRANSCRIPT_ENV = "CXONE_OKTA_TRANSCRIPT";
/** In the project directory: the transcript file the root program's config asks for. */
export const TRANSCRIPT_SETTING_FILE = ".cxone-okta-scim-transcript";

export type HostRole = "issuer" | "area" | "userhub" | "acd" | "okta";

/** A body as field names and types: `"string"`, `{ field: Shape }`, `[Shape]`. */
export type Shape = string | { [field: string]: Shape } | Shape[];

export interface TranscriptLine {
    time: string;
    vendor: "cxone" | "okta";
    host: HostRole;
    method: string;
    path: string;
    /** HTTP status; 0 when no answer came */
    status: number;
    request?: Shape;
    response?: Shape;
}

/** The shape of a JSON value: names and types, never a value. Arrays: the union of their items. */
export function shapeOf(v: unknown, depth = 0): Shape {
    if (v === null) return "null";
    if (Array.isArray(v)) {
        if (depth > 12) return ["…"];
        const items: Shape[] = [];
        for (const x of v.slice(0, 50)) {
            const s = shapeOf(x, depth + 1);
            if (!items.some((i) => JSON.stringify(i) === JSON.stringify(s))) items.push(s);
        }
        return items;
    }
    if (typeof v === "object") {
        if (depth > 12) return "object";
        const out: { [k: string]: Shape } = {};
        for (const [k, x] of Object.entries(v as object)) out[fieldName(k)] = shapeOf(x, depth + 1);
        return out;
    }
    return typeof v;
}

/** A field name as it is, unless it looks like a value used as a key (an id, an email). */
function fieldName(k: string): string {
    return isIdLike(k) ? "{id}" : k;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isIdLike(segment: string): boolean {
    const s = decodeURIComponent(segment);
    return (
        UUID.test(s) ||
        s.includes("@") ||
        /^0[a-z0-9]{2}[A-Za-z0-9]{14,}$/.test(s) || // Okta ids (00u, 00g, 0oa, ...)
        /^[A-Z0-9]{16,}$/.test(s) || // access key ids
        /^\d+$/.test(s) ||
        (s.length >= 12 && /\d/.test(s) && /[a-z]/i.test(s))
    );
}

/** The path with every id-like segment as `{id}` and only the query's parameter names. */
export function pathTemplate(url: string): string {
    let u: URL;
    try {
        u = new URL(url, "http://x.invalid");
    } catch {
        return "{unparsed}";
    }
    const p = u.pathname
        .split("/")
        .map((s) => (s && isIdLike(s) ? "{id}" : s))
        .join("/");
    const names = [...new Set([...u.searchParams.keys()])].sort();
    return names.length ? `${p}?${names.map((n) => `${n}=`).join("&")}` : p;
}

/** Which vendor host a path belongs to (hosts are not recorded: they name the tenant). */
export function hostRole(p: string): { vendor: "cxone" | "okta"; host: HostRole } {
    if (p.startsWith("/api/v1/") || p.startsWith("/oauth2/"))
        return { vendor: "okta", host: "okta" };
    if (/^\/(\.well-known|auth|login)(\/|$)/.test(p)) return { vendor: "cxone", host: "issuer" };
    if (/^\/(authentication|public|scim)\//.test(p)) return { vendor: "cxone", host: "area" };
    if (/^\/incontactauthorizationserver\//i.test(p)) return { vendor: "cxone", host: "acd" };
    return { vendor: "cxone", host: "userhub" };
}

/** A request body's shape: JSON as such, a form by its field names (exported for tests). */
export function requestShape(data: unknown): Shape | undefined {
    if (data === undefined || data === null || data === "") return undefined;
    if (typeof data === "string") {
        try {
            return shapeOf(JSON.parse(data));
        } catch {
            const form = new URLSearchParams(data);
            const out: { [k: string]: Shape } = {};
            for (const k of form.keys()) out[fieldName(k)] = "string";
            return out;
        }
    }
    if (data instanceof URLSearchParams) return requestShape(data.toString());
    return shapeOf(data);
}

let target: string | undefined;
let installed = false;

function write(req: HttpRequest, fullUrl: string, res: HttpResponse | undefined): void {
    if (!target) return;
    const full = new URL(fullUrl);
    if (full.pathname === "/sandbox" || full.pathname.startsWith("/sandbox/")) return;
    const line: TranscriptLine = {
        time: new Date().toISOString(),
        ...hostRole(full.pathname),
        method: req.method,
        path: pathTemplate(fullUrl),
        status: res?.status ?? 0,
    };
    const request = requestShape(req.body);
    // Stryker disable next-line ConditionalExpression: JSON.stringify leaves an undefined field out anyway
    if (request) line.request = request;
    const body = res?.data;
    if (body !== undefined && body !== "")
        line.response = typeof body === "string" ? "text" : shapeOf(body);
    try {
        fs.appendFileSync(target, JSON.stringify(line) + "\n");
    } catch {
        /* a transcript is best effort: never fails a vendor call */
    }
}

/**
 * Records every later exchange of this process's vendor calls (core/transport.ts, which both
 * vendors' clients use) into `file`, or stops recording (undefined).
 */
export function startTranscript(file: string | undefined): void {
    target = file ? path.resolve(file) : undefined;
    if (!target || installed) return;
    installed = true;
    onExchange(write);
}

/** The transcript file asked for: the env, else the project directory's settings file. */
export function transcriptSetting(dir = process.cwd()): string | undefined {
    const env = process.env[TRANSCRIPT_ENV];
    if (env) return env;
    // Stryker disable BlockStatement: the catch block; an empty one returns undefined as well
    try {
        const file = fs.readFileSync(path.join(dir, TRANSCRIPT_SETTING_FILE), "utf8").trim();
        return file ? path.resolve(dir, file) : undefined;
    } catch {
        return undefined;
    }
    // Stryker restore BlockStatement
}

/**
 * The root program's config, handed to the provider process: writes the settings file in the
 * project directory, or removes it when the config is unset.
 */
export function writeTranscriptSetting(dir: string, file: string | undefined): void {
    const setting = path.join(dir, TRANSCRIPT_SETTING_FILE);
    if (file) fs.writeFileSync(setting, path.resolve(dir, file) + "\n");
    else fs.rmSync(setting, { force: true });
}
