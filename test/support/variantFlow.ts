// The integration's whole flow through its providers, called over HTTP against a sandbox as the
// engine calls them: `up` (check, create; or read, diff, update), `preview` (read, diff), and
// `destroy` (delete in reverse order). The resources and their inputs are the ScimIntegration's
// (provider/integration/integration.ts), in the order its dependencies give: the CXone side first, then Okta.
// Used where a layer cheaper than the real engine shows an outcome (the variant suite).
import role from "../../provider/cxone/roleProvider";
import employee from "../../provider/cxone/employeeProvider";
import accessKey from "../../provider/cxone/accessKeyProvider";
import app from "../../provider/okta/autoLoginAppProvider";
import group from "../../provider/okta/groupAssignmentProvider";
import scim from "../../provider/okta/scimConnectionProvider";
import schema from "../../provider/okta/appUserSchemaPropertiesProvider";
import mapping from "../../provider/okta/profileMappingProvider";
import actions from "../../provider/okta/provisioningActionsProvider";
import { PartialCreateError } from "../../provider/cxone/errors";
import { planMappings } from "../../provider/okta/attributeMappingsLogic";
import { withMarker } from "../../provider/framework/ownership";
import { sandboxRegion } from "../../provider/cxone/discovery/regions";
import type { CxoneEndpoint } from "../../provider/cxone/session";
import type { RequestLogEntry, RunningSandbox } from "../../sandbox/index";

/** A request that changed something in CXone or Okta (sign-ins and searches are not). */
export function isWrite(r: RequestLogEntry): boolean {
    if (r.method === "GET" || r.status < 200 || r.status >= 300) return false;
    return !/\/search$|\/token|\/auth\/|\/authentication\/|\/public\//.test(r.path.split("?")[0]);
}

type Props = Record<string, unknown>;

interface Provider {
    check(olds: never, news: never): Promise<{ inputs?: unknown; failures?: unknown[] }>;
    create(inputs: never): Promise<{ id: string; outs?: unknown }>;
    read?(id: string, props: never): Promise<{ id?: string; props?: unknown; inputs?: unknown }>;
    diff?(id: string, olds: never, news: never): Promise<{ changes?: boolean }>;
    update?(id: string, olds: never, news: never): Promise<{ outs?: unknown }>;
    delete?(id: string, props: never): Promise<void>;
}

/** What the operator configured (the root program's settings, as the component takes them). */
export interface FlowProgram {
    roleName: string;
    email: string;
    firstName: string;
    lastName: string;
    appLabel: string;
    /** the stack's mark owner, project/stack */
    owner: string;
    adoptRoleId?: string;
    adoptEmployeeId?: string;
    groupIds: string[];
    attributeMappings?: Record<string, string>;
    /** cxone:tenantId; undefined = from the token */
    tenantId?: string;
    /** the library's endpoint.apiUrl; undefined = discovery */
    apiUrl?: string;
}

interface Step {
    name: string;
    provider: Provider;
    inputs(outs: Map<string, Props>): Props;
}

export interface FlowState {
    id: string;
    outs: Props;
}

/** One stack: the state the engine would keep, and the program's settings. */
export class VariantFlow {
    readonly state = new Map<string, FlowState>();

    constructor(
        readonly sandbox: RunningSandbox,
        public program: FlowProgram,
    ) {}

    get endpoint(): CxoneEndpoint {
        const base = this.sandbox.endpoints.cxone.baseUrl;
        return {
            issuerUrl: base,
            areaUrl: base,
            ...(this.program.tenantId ? { tenantId: this.program.tenantId } : {}),
            ...(this.program.apiUrl ? { apiUrl: this.program.apiUrl } : {}),
        };
    }

    /** The resources in dependency order, each with the inputs the component gives it. */
    steps(): Step[] {
        const p = this.program;
        const region = sandboxRegion(this.sandbox.endpoints.cxone.baseUrl);
        const orgUrl = this.sandbox.urls.okta;
        const id = (outs: Map<string, Props>, name: string) => String(outs.get(name)?.id ?? "");
        const plan = planMappings(p.attributeMappings);
        const steps: Step[] = [
            {
                name: "role",
                provider: role as Provider,
                inputs: () => ({
                    endpoint: this.endpoint,
                    name: p.roleName,
                    description: withMarker("Okta SCIM provisioning (managed by Pulumi)", p.owner),
                    adoptExisting: false,
                    ...(p.adoptRoleId ? { adoptRoleId: p.adoptRoleId } : {}),
                }),
            },
            {
                name: "employee",
                provider: employee as Provider,
                inputs: (o) => ({
                    endpoint: this.endpoint,
                    email: p.email,
                    firstName: p.firstName,
                    lastName: p.lastName,
                    roleId: id(o, "role"),
                    invite: true,
                    adoptExisting: false,
                    ...(p.adoptEmployeeId ? { adoptEmployeeId: p.adoptEmployeeId } : {}),
                }),
            },
            {
                name: "key",
                provider: accessKey as Provider,
                inputs: (o) => ({ endpoint: this.endpoint, employeeId: id(o, "employee") }),
            },
            {
                name: "app",
                provider: app as Provider,
                inputs: () => ({
                    orgUrl,
                    label: p.appLabel,
                    loginUrl: region.loginUrl,
                    adoptExisting: false,
                    owner: p.owner,
                }),
            },
            ...p.groupIds.map((groupId, i) => ({
                name: `group-${i}`,
                provider: group as Provider,
                inputs: (o: Map<string, Props>) => ({ orgUrl, appId: id(o, "app"), groupId }),
            })),
            {
                name: "scim",
                provider: scim as Provider,
                inputs: (o) => ({
                    orgUrl,
                    appId: id(o, "app"),
                    appLabel: p.appLabel,
                    scimBaseUrl: region.scimBaseUrl,
                    tokenEndpoint: region.tokenEndpoint,
                    authorizeEndpoint: region.authorizeEndpoint,
                    cxoneEndpoint: this.endpoint,
                    clientId: String(o.get("key")?.accessKeyId ?? ""),
                    clientSecret: String(o.get("key")?.secret ?? ""),
                    previousClientId: "",
                    waitForAuthorizationSeconds: 0,
                    requireAuthorization: false,
                }),
            },
            {
                name: "schema",
                provider: schema as Provider,
                inputs: (o) => ({
                    orgUrl,
                    appId: id(o, "app"),
                    properties: plan.schemaProperties,
                }),
            },
            {
                name: "mapping",
                provider: mapping as Provider,
                inputs: (o) => ({ orgUrl, appId: id(o, "app"), properties: plan.mappings }),
            },
            {
                name: "actions",
                provider: actions as Provider,
                inputs: (o) => ({
                    orgUrl,
                    appId: id(o, "app"),
                    connectionStatus: String(o.get("scim")?.status ?? ""),
                    createUsers: true,
                    updateUserAttributes: true,
                    deactivateUsers: true,
                }),
            },
        ];
        return steps;
    }

    private outsById(): Map<string, Props> {
        const m = new Map<string, Props>();
        for (const [name, s] of this.state) m.set(name, { ...s.outs, id: s.id });
        return m;
    }

    private async checked(step: Step, olds: Props): Promise<Props> {
        const r = await step.provider.check(olds as never, step.inputs(this.outsById()) as never);
        if (r.failures?.length)
            throw new Error(`${step.name}: check failed: ${JSON.stringify(r.failures)}`);
        return (r.inputs ?? {}) as Props;
    }

    private async create(step: Step): Promise<void> {
        const inputs = await this.checked(step, {});
        try {
            const r = await step.provider.create(inputs as never);
            this.state.set(step.name, { id: r.id, outs: (r.outs ?? inputs) as Props });
        } catch (e) {
            // the engine records an object a create made before it failed
            if (e instanceof PartialCreateError)
                this.state.set(step.name, { id: e.id, outs: e.properties });
            throw e;
        }
    }

    /** Refreshes one resource as the engine does; false when the vendor no longer has it. */
    private async refresh(step: Step): Promise<boolean> {
        const s = this.state.get(step.name)!;
        if (!step.provider.read) return true;
        const r = await step.provider.read(s.id, s.outs as never);
        if (!r.id) {
            this.state.delete(step.name);
            return false;
        }
        this.state.set(step.name, { id: r.id, outs: (r.props ?? s.outs) as Props });
        return true;
    }

    private async changes(step: Step): Promise<{ changes: boolean; news: Props }> {
        const s = this.state.get(step.name)!;
        const news = await this.checked(step, s.outs);
        if (!step.provider.diff) return { changes: false, news };
        const d = await step.provider.diff(s.id, s.outs as never, news as never);
        return { changes: d.changes === true, news };
    }

    /** `pulumi up` (refresh on): creates what is missing, updates what differs. */
    async up(): Promise<void> {
        for (const step of this.steps()) {
            if (!this.state.has(step.name) || !(await this.refresh(step))) {
                await this.create(step);
                continue;
            }
            const { changes, news } = await this.changes(step);
            if (!changes || !step.provider.update) continue;
            const s = this.state.get(step.name)!;
            const r = await step.provider.update(s.id, s.outs as never, news as never);
            this.state.set(step.name, { id: s.id, outs: (r.outs ?? news) as Props });
        }
    }

    /** `pulumi preview --refresh`: the resources `up` would change (reads only). */
    async preview(): Promise<string[]> {
        const changing: string[] = [];
        for (const step of this.steps()) {
            if (!this.state.has(step.name) || !(await this.refresh(step))) {
                changing.push(`${step.name} (create)`);
                continue;
            }
            if ((await this.changes(step)).changes) changing.push(step.name);
        }
        return changing;
    }

    /** `pulumi destroy`: deletes in reverse order; each one gone leaves the state. */
    async destroy(): Promise<void> {
        for (const step of this.steps().reverse()) {
            const s = this.state.get(step.name);
            if (!s) continue;
            await step.provider.delete?.(s.id, s.outs as never);
            this.state.delete(step.name);
        }
    }

    /** The outputs the console steps need (the stack outputs of the component). */
    consoleValues() {
        const region = sandboxRegion(this.sandbox.endpoints.cxone.baseUrl);
        const key = this.state.get("key")!.outs;
        return {
            appId: this.state.get("app")!.id,
            scimBaseUrl: region.scimBaseUrl,
            tokenEndpoint: region.tokenEndpoint,
            authorizeEndpoint: region.authorizeEndpoint,
            accessKeyId: String(key.accessKeyId),
            accessKeySecret: String(key.secret),
        };
    }
}
