// Runs NICE's published browser SDKs (@nice-devone/auth-sdk, core-sdk, common-sdk 25.1.2) in
// Node, as a browser would run them, against the sandbox. What this host adds, and why:
// - Module loading: auth-sdk and core-sdk ship ES module syntax with extension-less imports in
//   packages not marked as modules (they expect a bundler), so their files are compiled to
//   CommonJS on load with TypeScript. `yup`, which common-sdk's contact-event schemas import but
//   the packages do not declare, gets an inert stand-in; no code on the auth path uses it.
// - A DOM: jsdom's window, document, localStorage, sessionStorage and CustomEvent, with Node's
//   WebCrypto (the SDK's PKCE helper needs crypto.subtle, which jsdom lacks).
// - The network: the SDK calls `fetch` (rxjs fromFetch). Browsers resolve `*.localhost` names to
//   this machine (RFC 6761); Node's resolver here does not. The SDK always builds https URLs,
//   and the sandbox speaks plain HTTP. So a request to https://NAME.localhost:PORT is carried to
//   http://127.0.0.1:PORT, with NICE's method, headers and body unchanged; every other URL is
//   left alone. Each request is recorded so tests can see which host NICE's code called.
import * as fs from "fs";
import Module = require("module");
import * as ts from "typescript";
import { JSDOM } from "jsdom";

/** One request NICE's SDK made. */
export interface SdkRequest {
    method: string;
    /** the URL NICE's code built */
    url: string;
    /** where the host delivered it */
    sentTo: string;
    contentType?: string;
    body?: string;
    status?: number;
}

const ESM_PACKAGES =
    /[\\/]node_modules[\\/]@nice-devone[\\/](auth-sdk[\\/]src|core-sdk[\\/]src|shared-apps-lib|i18n)[\\/]/;

interface LoaderHooks {
    _extensions: Record<
        string,
        (module: { _compile(code: string, file: string): void }, filename: string) => void
    >;
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
}

function hasLoaderHooks(m: unknown): m is LoaderHooks {
    return typeof m === "function" && "_extensions" in m && "_resolveFilename" in m;
}

let installed = false;

function installModuleHooks(): void {
    if (installed) return;
    installed = true;
    const loader: unknown = Module;
    if (!hasLoaderHooks(loader)) throw new Error("Node's CommonJS loader hooks are not available");
    const plainJs = loader._extensions[".js"];
    loader._extensions[".js"] = (module, filename) => {
        if (!ESM_PACKAGES.test(filename)) return plainJs(module, filename);
        const source = fs.readFileSync(filename, "utf8");
        const out = ts.transpileModule(source, {
            fileName: filename,
            compilerOptions: {
                module: ts.ModuleKind.CommonJS,
                target: ts.ScriptTarget.ES2020,
                esModuleInterop: true,
                jsx: ts.JsxEmit.ReactJSX,
            },
        });
        module._compile(out.outputText, filename);
    };
    const inert: object = new Proxy(
        function inertSchema() {
            /* stands in for yup */
        },
        {
            get: (_t, key) => (key === "__esModule" ? false : inert),
            apply: () => inert,
        },
    );
    const resolve = loader._resolveFilename;
    loader._resolveFilename = function (request: string, ...rest: unknown[]) {
        return request === "yup" ? "yup (inert stand-in)" : resolve.call(this, request, ...rest);
    };
    require.cache["yup (inert stand-in)"] = Object.assign(new Module("yup (inert stand-in)"), {
        loaded: true,
        exports: inert,
    });
}

function define(name: string, value: unknown): void {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

/** A browser-like global scope for the SDKs; returns the request record and a teardown. */
export function installBrowser(pageUrl = "https://agent.sandbox.example/"): {
    requests: SdkRequest[];
    close(): void;
} {
    installModuleHooks();
    const dom = new JSDOM("<!doctype html><html><body></body></html>", { url: pageUrl });
    const w = dom.window;
    Object.defineProperty(w, "crypto", { value: globalThis.crypto, configurable: true });
    const saved = new Map<string, PropertyDescriptor | undefined>();
    const set = (name: string, value: unknown) => {
        if (!saved.has(name)) saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
        define(name, value);
    };
    set("window", w);
    for (const name of [
        "document",
        "localStorage",
        "sessionStorage",
        "navigator",
        "location",
        "CustomEvent",
        "Event",
    ])
        set(name, w[name]);

    const requests: SdkRequest[] = [];
    const realFetch = globalThis.fetch;
    set("fetch", async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
        const url =
            typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        const target = new URL(url);
        if (target.hostname === "localhost" || target.hostname.endsWith(".localhost")) {
            target.protocol = "http:";
            target.hostname = "127.0.0.1";
        }
        const headers = new Headers(init?.headers);
        const record: SdkRequest = {
            method: (init?.method ?? "GET").toUpperCase(),
            url,
            sentTo: target.href,
            contentType: headers.get("content-type") ?? undefined,
            body: typeof init?.body === "string" ? init.body : undefined,
        };
        requests.push(record);
        const { mode: _mode, ...rest } = init ?? {};
        const res = await realFetch(target.href, { ...rest, headers });
        record.status = res.status;
        return res;
    });
    return {
        requests,
        close: () => {
            for (const [name, d] of saved) {
                if (d) Object.defineProperty(globalThis, name, d);
                else Reflect.deleteProperty(globalThis, name);
            }
            w.close();
        },
    };
}
