// Port choice for the background sandbox: the preferred port when free, else any free port.
import * as net from "net";

export const DEFAULT_CXONE_PORT = 4610;
export const DEFAULT_OKTA_PORT = 4620;

export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
    return new Promise((resolve) => {
        const srv = net.createServer();
        srv.once("error", () => resolve(false));
        srv.listen(port, host, () => srv.close(() => resolve(true)));
    });
}

export async function preferredOrFree(preferred: number): Promise<number> {
    return (await portIsFree(preferred)) ? preferred : 0;
}
