// endpoints.json: how the product and the operator reach a running sandbox. Others depend on
// this exact shape.
import type { SandboxState } from "./context";

export interface SandboxEndpoints {
    cxone: { baseUrl: string; tenantId: string; adminAccessKeyId: string; adminAccessKeySecret: string; adminEmail: string; adminPassword: string };
    okta: { orgUrl: string; apiToken: string };
    pid?: number;
}

export function endpointsOf(state: SandboxState, urls: { cxone: string; okta: string }, pid?: number): SandboxEndpoints {
    const seed = state.cxone.seed;
    return {
        cxone: { baseUrl: urls.cxone, tenantId: state.cxone.tenantId, adminAccessKeyId: seed.adminAccessKeyId, adminAccessKeySecret: seed.adminAccessKeySecret, adminEmail: seed.adminEmail, adminPassword: seed.adminPassword },
        okta: { orgUrl: urls.okta, apiToken: state.okta.apiToken },
        ...(pid !== undefined ? { pid } : {}),
    };
}
