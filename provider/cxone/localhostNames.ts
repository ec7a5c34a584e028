// `*.localhost` names reach this machine only (RFC 6761). The sandbox's discovery names its hosts
// that way (na1.localhost:PORT ...), as browsers resolve them. Node's resolver here does not, so
// a CXone request to such a name connects to 127.0.0.1 without asking DNS. Requests to any other
// name are left to the system resolver untouched.
import type { LookupFunction } from "net";
import type { HttpCall } from "../core/http";
import { isLocalhostName } from "../core/loopback";

/** dns.lookup's answer for 127.0.0.1, in both of its forms (one address, or all of them). */
const loopback: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
    else callback(null, "127.0.0.1", 4);
};

/** The lookup for a call to `url`: pinned for `*.localhost` names, else none (the system's). */
export function pinLocalhost(url: string): Pick<HttpCall, "lookup"> {
    try {
        return isLocalhostName(new URL(url).hostname) ? { lookup: loopback } : {};
    } catch {
        return {};
    }
}
