// `*.localhost` names reach this machine only (RFC 6761). The sandbox's discovery names its hosts
// that way (na1.localhost:PORT ...), as browsers resolve them. Node's resolver here does not, so
// a CXone request to such a name connects to 127.0.0.1 without asking DNS. Requests to any other
// name are left to the system resolver untouched.
import type { HttpCall, LookupAddressEntry } from "../core/http";
import { isLocalhostName } from "../core/loopback";

const loopback = async (): Promise<LookupAddressEntry> => ({ address: "127.0.0.1", family: 4 });

/** The lookup for a call to `url`: pinned for `*.localhost` names, else none (the system's). */
export function pinLocalhost(url: string): Pick<HttpCall, "lookup"> {
    try {
        return isLocalhostName(new URL(url).hostname) ? { lookup: loopback } : {};
    } catch {
        return {};
    }
}
