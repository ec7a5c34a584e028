// `*.localhost` names reach this machine only (RFC 6761). The sandbox's discovery names its hosts
// that way (na1.localhost:PORT ...), as browsers resolve them. Node's resolver here does not, so
// a CXone request to such a name connects to 127.0.0.1 without asking DNS. Requests to any other
// name are left to the system resolver untouched.
import type { AxiosRequestConfig, LookupAddressEntry } from "axios";
import { isLocalhostName } from "../core/loopback";

const loopback = async (): Promise<LookupAddressEntry> => ({ address: "127.0.0.1", family: 4 });

/** Axios options for a request to `url`: a pinned lookup for `*.localhost` names, else none. */
export function pinLocalhost(url: string): Pick<AxiosRequestConfig, "lookup"> {
    try {
        return isLocalhostName(new URL(url).hostname) ? { lookup: loopback } : {};
    } catch {
        return {};
    }
}
