// Input checks shared by the Okta-side resources: pure, no I/O. Each failure names the property.
import type * as pulumi from "@pulumi/pulumi";
import { isLoopbackHost } from "../core/loopback";
import { isUnknown } from "../cxone/validation";

export { isUnknown };

export type Failures = pulumi.dynamic.CheckFailure[];

export function requireString(f: Failures, inputs: Record<string, unknown>, property: string, maxLength = 1000): void {
    const v = inputs[property];
    if (isUnknown(v)) return;
    if (typeof v !== "string" || v.trim() === "") f.push({ property, reason: `${property} is required and must be a non-empty string` });
    else if (v.length > maxLength) f.push({ property, reason: `${property} must be at most ${maxLength} characters (got ${v.length})` });
}

/** https everywhere; plain http only on loopback (the sandbox). */
export function requireUrl(f: Failures, inputs: Record<string, unknown>, property: string): void {
    const v = inputs[property];
    if (isUnknown(v)) return;
    if (typeof v !== "string" || v === "") {
        f.push({ property, reason: `${property} is required and must be a URL` });
        return;
    }
    let u: URL;
    try {
        u = new URL(v);
    } catch {
        f.push({ property, reason: `${property} must be an absolute URL (got "${v}")` });
        return;
    }
    if (u.protocol !== "https:" && !(u.protocol === "http:" && isLoopbackHost(u.hostname))) {
        f.push({ property, reason: `${property} must use https (plain http is accepted only on loopback): "${v}"` });
    }
}

export function optionalBoolean(f: Failures, inputs: Record<string, unknown>, property: string): void {
    const v = inputs[property];
    if (v === undefined || isUnknown(v)) return;
    if (typeof v !== "boolean") f.push({ property, reason: `${property} must be true or false` });
}

export function optionalNumber(f: Failures, inputs: Record<string, unknown>, property: string, min: number, max: number): void {
    const v = inputs[property];
    if (v === undefined || isUnknown(v)) return;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) f.push({ property, reason: `${property} must be a number from ${min} to ${max}` });
}
