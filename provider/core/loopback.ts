// The one loopback rule. Plain http and the sandbox's credentials file are allowed only for
// loopback hosts, because the admin token travels over that URL. A prefix test ("starts with
// 127.") is not a loopback test: it admits 127.evil.example and 127.0.0.1.nip.io.
import { isIP } from "net";

/**
 * True for a host name that can only mean this machine: `localhost`, an IPv4 address in
 * 127.0.0.0/8, or `::1` (with or without brackets). Names that merely look like these
 * (`localhost.example`, `127.0.0.1.nip.io`) are resolved by DNS and are not loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
    const host = hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
    if (host === "localhost") return true;
    if (isIP(host) === 4) return host.split(".")[0] === "127";
    if (isIP(host) === 6) return host === "::1" || /^(0{0,4}:){7}0{0,3}1$/.test(host);
    return false;
}

/** True for an absolute URL whose host is loopback (see isLoopbackHost); false for non-URLs. */
export function isLoopbackUrl(url: string): boolean {
    try {
        return isLoopbackHost(new URL(url).hostname);
    } catch {
        return false;
    }
}

/**
 * True for `localhost` and names under it (`api-na1.localhost`). RFC 6761 reserves them for this
 * machine and browsers resolve them to loopback; Node's resolver here does not, so the CXone client
 * pins them to 127.0.0.1 itself (provider/cxone/localhostNames.ts) and never asks DNS. Look-alikes
 * (`localhost.example`, `evil-localhost`) are ordinary DNS names.
 */
export function isLocalhostName(hostname: string): boolean {
    const h = hostname.toLowerCase().replace(/\.$/, "");
    return h === "localhost" || h.endsWith(".localhost");
}
