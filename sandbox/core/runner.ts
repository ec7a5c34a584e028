// Serves one emulated service on a loopback port with the shared core in front of it:
// proxy-form request lines, request log, faults/latency, and the /sandbox/ operations.
import * as http from "http";
import type { AddressInfo } from "net";
import express from "express";
import { sandboxAdminRouter, type AdminHooks } from "./adminRoutes";

export interface ServiceServer {
    server: http.Server;
    url: string;
    /** plugs in the service's app once the context (which needs both URLs) exists */
    mount(app: express.Express): void;
    close(): Promise<void>;
}

/**
 * A proxy-form request line carries an absolute URL (`GET http://127.0.0.1:4620/api/v1/apps`);
 * the Okta provider talks to the sandbox that way through `okta:httpProxy`. Route on the path.
 */
export function originForm(url: string): string {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
    try {
        const u = new URL(url);
        return (u.pathname || "/") + u.search;
    } catch {
        return url;
    }
}

export async function startServiceServer(
    port: number,
    hooks: AdminHooks,
    host = "127.0.0.1",
): Promise<ServiceServer> {
    let service: express.Express | undefined;
    const outer = express();
    outer.disable("x-powered-by");
    outer.use(hooks.log.middleware(hooks.server));
    outer.use("/sandbox", sandboxAdminRouter(hooks));
    // the hooks object is read per request: the service sets its fault answer once it is built
    outer.use(hooks.faults.middleware(hooks.server, () => hooks.faultAnswer));
    outer.use((req, res, next) => {
        if (service) return service(req, res, next);
        res.status(503).json({ error: "starting" });
    });

    const server = http.createServer((req, res) => {
        if (req.url) req.url = originForm(req.url);
        outer(req, res);
    });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const addr = server.address() as AddressInfo;
    return {
        server,
        url: `http://${host}:${addr.port}`,
        mount(app) {
            service = app;
        },
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            }),
    };
}
