// Input checks shared by every resource of both vendors: pure, no I/O. During preview any input may
// be the engine's unknown value whatever its declared type: unknown values pass every check.
import * as pulumi from "@pulumi/pulumi";
import { isLoopbackUrl } from "../core/loopback";

/** The value the engine sends for inputs not known until apply (e.g. another resource's id). */
export const UNKNOWN: string = pulumi.runtime.unknownValue;

/** Whether `v` is the engine's unknown value. */
export const isUnknown = (v: unknown): boolean => v === UNKNOWN;

/** Whether a value (or any value inside it) is the engine's unknown value. */
export function containsUnknown(v: unknown): boolean {
    if (isUnknown(v)) return true;
    // Stryker disable next-line ConditionalExpression: an array is an object too, and Object.values reads its items
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (v && typeof v === "object") return Object.values(v).some(containsUnknown);
    return false;
}

/** What check() receives: the declared inputs, each of any type until checked. */
export type Unchecked<T> = { [K in keyof T]?: unknown };

/** A problem with one input; `property` is a dotted path such as `endpoint.issuerUrl`. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/** What every logic module's check function returns: all failures, and the inputs with defaults. */
export interface Checked<T> {
    inputs: T;
    failures: CheckFailure[];
}

/** Why `value` (the input at `property`) is bad, or undefined when it is fine. */
export type Checker = (value: unknown, property: string) => string | undefined;

/** Runs `checker` unless the value is unknown; collects a failure naming the property. */
export function check(
    failures: CheckFailure[],
    property: string,
    value: unknown,
    checker: Checker,
): void {
    if (isUnknown(value)) return;
    const reason = checker(value, property);
    if (reason) failures.push({ property, reason });
}

const absent = (v: unknown): boolean => v === undefined || v === null;
const tooLong = (v: string, p: string, max?: number): string | undefined =>
    // Stryker disable next-line ConditionalExpression: with max undefined, `v.length > max` is false anyway
    max !== undefined && v.length > max
        ? `${p} must be at most ${max} characters (got ${v.length})`
        : undefined;

/** A non-blank string of at most `max` characters. */
export const requiredString =
    (max?: number): Checker =>
    (v, p) => {
        if (typeof v !== "string") return `${p} is required and must be a string`;
        if (v.trim() === "") return `${p} is required and must not be empty`;
        return tooLong(v, p, max);
    };

/** Absent, or a string of at most `max` characters. */
export const optionalString =
    (max?: number): Checker =>
    (v, p) => {
        if (absent(v)) return undefined;
        if (typeof v !== "string") return `${p} must be a string`;
        return tooLong(v, p, max);
    };

/** Absent, or true or false. */
export const optionalBoolean: Checker = (v, p) =>
    absent(v) || typeof v === "boolean" ? undefined : `${p} must be true or false`;

/** Absent, or a finite number from `min` to `max`. */
export const optionalNumber =
    (min: number, max: number): Checker =>
    (v, p) =>
        // Stryker disable next-line ConditionalExpression: Number.isFinite is already false for every non-number
        absent(v) || (typeof v === "number" && Number.isFinite(v) && v >= min && v <= max)
            ? undefined
            : `${p} must be a number from ${min} to ${max}`;

/** One of `allowed` (or absent, when `optional`). */
export const oneOf =
    (allowed: readonly string[], optional = true): Checker =>
    (v, p) =>
        // Stryker disable next-line ConditionalExpression: a non-string is never among `allowed` (strings) anyway
        (optional && absent(v)) || (typeof v === "string" && allowed.includes(v))
            ? undefined
            : `${p} must be one of ${allowed.join(", ")}`;

/** Whether a URL's path, as typed, holds a "." or ".." segment (also percent-encoded). */
export function dotSegments(url: string): boolean {
    // Stryker disable next-line StringLiteral: its text (no "/", "?", "#"; not "." or "..") makes no dot segment
    const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").split(/[?#]/)[0];
    return path.split("/").some((seg) => [".", ".."].includes(seg.replace(/%2e/gi, ".")));
}

/** Options of {@link httpsUrl}. */
export interface UrlRules {
    /** Absent is fine. @default false */
    optional?: boolean;
    /** A base URL: no query or fragment. @default false */
    base?: boolean;
}

/**
 * An https URL without credentials (plain http only on loopback, the sandbox). Tokens travel to
 * these hosts, so the package's one loopback rule decides.
 */
export const httpsUrl =
    ({ optional = false, base = false }: UrlRules = {}): Checker =>
    (v, p) => {
        if (optional && absent(v)) return undefined;
        if (typeof v !== "string" || v === "") return `${p} is required and must be an http(s) URL`;
        let u: URL;
        try {
            u = new URL(v);
        } catch {
            return `${p} must be an absolute http(s) URL (got "${v}")`;
        }
        if (u.protocol !== "https:" && u.protocol !== "http:") return `${p} must be an http(s) URL`;
        if (u.protocol === "http:" && !isLoopbackUrl(v)) {
            return `${p} must use https (plain http is accepted only on loopback): "${v}"`;
        }
        if (u.username || u.password) return `${p} must not contain credentials`;
        // the URL parser drops them, so the host would be asked for another path than the one shown
        if (dotSegments(v)) return `${p} must not contain "." or ".." path segments (got "${v}")`;
        if (base && (u.search || u.hash)) return `${p} must not contain a query or fragment`;
        return undefined;
    };

/** The first problem of several checkers, in order (e.g. a URL's shape, then where it points). */
export const allOf =
    (...checkers: Checker[]): Checker =>
    (v, p) => {
        for (const c of checkers) {
            const reason = c(v, p);
            if (reason) return reason;
        }
        return undefined;
    };
