// endpoints.json: how the product and the operator reach a running sandbox. Others depend on
// this exact shape.
import type { CxoneHostUrls } from "../cxone/hosts";
import type { SandboxState } from "./context";

export interface SandboxEndpoints {
    cxone: {
        /** the CXone issuer host (OAuth, discovery); until `hosts` existed, the one CXone host */
        baseUrl: string;
        tenantId: string;
        adminAccessKeyId: string;
        adminAccessKeySecret: string;
        adminEmail: string;
        adminPassword: string;
        /** every CXone host by role, as listened on (discovery names them `*.localhost:PORT`) */
        hosts?: CxoneHostUrls;
    };
    okta: { orgUrl: string; apiToken: string };
    pid?: number;
    /** the sandbox variants (other worlds) it runs; absent when none */
    variants?: string[];
}

export function endpointsOf(
    state: SandboxState,
    urls: { cxone: string; okta: string; cxoneHosts?: CxoneHostUrls },
    pid?: number,
    variants: string[] = [],
): SandboxEndpoints {
    const seed = state.cxone.seed;
    return {
        cxone: {
            baseUrl: urls.cxone,
            tenantId: state.cxone.tenantId,
            adminAccessKeyId: seed.adminAccessKeyId,
            adminAccessKeySecret: seed.adminAccessKeySecret,
            adminEmail: seed.adminEmail,
            adminPassword: seed.adminPassword,
            ...(urls.cxoneHosts ? { hosts: urls.cxoneHosts } : {}),
        },
        okta: { orgUrl: urls.okta, apiToken: state.okta.apiToken },
        ...(pid !== undefined ? { pid } : {}),
        ...(variants.length ? { variants } : {}),
    };
}
