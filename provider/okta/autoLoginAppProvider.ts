// AutoLoginApp's implementation, loaded at call time by the serialized forwarder.
import type * as pulumi from "@pulumi/pulumi";
import { compact } from "../props";
import { oktaApi, OktaApp } from "./client";
import { OktaError } from "./errors";
import { Failures, optionalBoolean, requireString, requireUrl } from "./validation";

interface Inputs {
    orgUrl: string;
    label: string;
    loginUrl: string;
    redirectUrl?: string;
    active: boolean;
    adoptExisting: boolean;
}

export async function check(_olds: Inputs, news: Inputs): Promise<pulumi.dynamic.CheckResult> {
    const f: Failures = [];
    const n = news as unknown as Record<string, unknown>;
    requireUrl(f, n, "orgUrl");
    requireString(f, n, "label", 100);
    requireUrl(f, n, "loginUrl");
    if (news.redirectUrl !== undefined) requireUrl(f, n, "redirectUrl");
    optionalBoolean(f, n, "active");
    optionalBoolean(f, n, "adoptExisting");
    return f.length ? { failures: f } : { inputs: { ...news, active: news.active ?? true, adoptExisting: news.adoptExisting ?? false } };
}

function outs(i: Inputs, app: OktaApp) {
    return compact({ ...i, name: app.name, status: app.status });
}

export async function create(i: Inputs): Promise<pulumi.dynamic.CreateResult> {
    const spec = { label: i.label, loginUrl: i.loginUrl, redirectUrl: i.redirectUrl };
    if (i.adoptExisting) {
        const [existing] = (await oktaApi.findAppsByLabel(i.orgUrl, i.label)).filter((a) => a.signOnMode === "AUTO_LOGIN");
        if (existing) return { id: existing.id, outs: outs(i, await reconcile(i, existing)) };
    }
    let app: OktaApp;
    const started = Date.now();
    try {
        app = await oktaApi.createAutoLoginApp(i.orgUrl, spec);
    } catch (e) {
        // No answer (reset, timeout, gateway): Okta may have created the app anyway. Okta allows
        // duplicate labels, so only one such app created around this call (2 min for clock skew) is ours.
        // A 500 from Okta may also follow a write that happened. The search may lag behind it, so
        // it is repeated for a while; a miss fails the create and never makes a second app.
        if (!(e instanceof OktaError) || !(e.mayHaveHappened || e.status === 500)) throw e;
        const appeared = await oktaApi.awaitAppsByLabel(i.orgUrl, i.label, (a) =>
            a.signOnMode === "AUTO_LOGIN" && a.settings.signOn?.loginUrl === i.loginUrl && Date.parse(String(a.created)) >= started - 120_000);
        if (appeared.length !== 1) throw e;
        app = appeared[0];
    }
    if (!i.active) {
        await oktaApi.setAppActive(i.orgUrl, app.id, false);
        app = { ...app, status: "INACTIVE" };
    }
    return { id: app.id, outs: outs(i, app) };
}

export async function read(id: string, props: Inputs & { name?: string }): Promise<pulumi.dynamic.ReadResult> {
    const app = await oktaApi.getApp(props.orgUrl, id);
    if (!app) return { id: "" };
    const live: Inputs = compact({
        ...props,
        label: app.label,
        loginUrl: app.settings.signOn?.loginUrl ?? "",
        redirectUrl: app.settings.signOn?.redirectUrl || undefined,
        active: app.status === "ACTIVE",
    });
    const { name: _n, status: _s, ...inputs } = { ...live, name: app.name, status: app.status };
    return { id, props: outs(live, app), inputs };
}

export async function diff(_id: string, olds: Inputs, news: Inputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = olds.orgUrl !== news.orgUrl ? ["orgUrl"] : [];
    const changed = (["orgUrl", "label", "loginUrl", "redirectUrl", "active"] as const).filter((k) => (olds[k] ?? undefined) !== (news[k] ?? undefined));
    return { changes: changed.length > 0, replaces };
}

/** Brings a live app to the declared label, URLs and status with as few calls as possible. */
async function reconcile(i: Inputs, live: OktaApp): Promise<OktaApp> {
    let app = live;
    const signOn = app.settings.signOn ?? {};
    if (app.label !== i.label || signOn.loginUrl !== i.loginUrl || (signOn.redirectUrl || undefined) !== (i.redirectUrl || undefined)) {
        app = await oktaApi.replaceApp(i.orgUrl, app, { label: i.label, loginUrl: i.loginUrl, redirectUrl: i.redirectUrl });
    }
    if ((app.status === "ACTIVE") !== i.active) {
        await oktaApi.setAppActive(i.orgUrl, app.id, i.active);
        app = { ...app, status: i.active ? "ACTIVE" : "INACTIVE" };
    }
    return app;
}

export async function update(id: string, olds: Inputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult> {
    const app = await oktaApi.getApp(news.orgUrl, id);
    if (!app) throw new Error(`Okta app ${id} ("${olds.label}") no longer exists; run \`pulumi refresh\` so it is created again`);
    return { outs: outs(news, await reconcile(news, app)) };
}

export async function delete_(id: string, props: Inputs & { status?: string }): Promise<void> {
    const app = await oktaApi.getApp(props.orgUrl, id);
    if (!app) return;
    if (app.status === "ACTIVE") await oktaApi.setAppActive(props.orgUrl, id, false);
    await oktaApi.deleteApp(props.orgUrl, id);
}
export { delete_ as delete };
