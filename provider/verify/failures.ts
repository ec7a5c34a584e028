// A failed CXone request in the operator's words, for every step of the connection test: the
// transport failures all steps share, what CXone said, and where to look.
import { CxoneRequestError } from "../cxone/scim";
import { REGION_NAMES } from "../cxone/discovery/regions";

function seconds(ms: number): string {
    return `${Math.round(ms / 100) / 10} s`;
}

export function regionHint(region: string): string {
    return region === "sandbox"
        ? "check that the sandbox is running and the URL in .sandbox/endpoints.json is current"
        : `check the region ("${region}"; valid: ${REGION_NAMES.join(", ")}) and the FedRAMP setting`;
}

/** The transport failures every step shares, in the operator's words. */
export function transportReason(
    e: CxoneRequestError,
    region: string,
    timeoutMs: number,
): string | undefined {
    switch (e.kind) {
        case "dns":
            return `cannot resolve host ${e.host} (DNS${e.errno ? ` ${e.errno}` : ""}): ${regionHint(region)}, and this machine's DNS`;
        case "tls":
            return `TLS failure with ${e.host} (${e.errno ?? "handshake"}): a proxy intercepting TLS, or a wrong host name; ${regionHint(region)}`;
        case "refused":
            return `connection refused by ${e.host}: nothing listens there; ${regionHint(region)}, and any firewall or proxy`;
        case "reset":
            return `connection to ${e.host} was dropped mid-request (${e.errno ?? "reset"}): a proxy or firewall may be cutting it; try again`;
        case "timeout":
            return `no answer from ${e.host} within ${seconds(timeoutMs)}: check network, firewall or proxy settings, then try again`;
        case "other":
            return `could not reach ${e.host}${e.errno ? ` (${e.errno})` : ""}`;
        default:
            return undefined;
    }
}

export function said(e: CxoneRequestError): string {
    const s = [e.code, e.detail].filter(Boolean).join(": ");
    return s ? `; CXone said: ${s}` : "";
}

export function hostOf(url: string): string {
    try {
        return new URL(url).host;
    } catch {
        return url;
    }
}

export function asRequestError(err: unknown, operation: string, url: string): CxoneRequestError {
    // Our clients only throw CxoneRequestError; anything else is a bug, described without its text
    // (it could quote a request).
    return err instanceof CxoneRequestError
        ? err
        : new CxoneRequestError({ operation, kind: "other", host: hostOf(url) });
}
