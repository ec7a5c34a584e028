// AutoLoginApp provider methods, loaded at call time by the serialized forwarder. Destroy
// deactivates, then deletes the app (Okta deletes only inactive apps).
import { defineProvider, type ReadResult } from "../framework/defineProvider";
import { readResult } from "../framework/forwarder";
import {
    adoptable,
    appFromLive,
    appOutputs,
    appsMadeBy,
    appSettingsDiffer,
    appSpec,
    AutoLoginAppOutputs,
    AutoLoginAppState,
    checkAutoLoginApp,
    diffAutoLoginApp,
    mayHaveCreated,
} from "./autoLoginAppLogic";
import { oktaApi, OktaApp } from "./client";
import { OktaError } from "./errors";
import { refusedOutright } from "../core/errors";

async function create(s: AutoLoginAppState): Promise<{ id: string; outs: AutoLoginAppOutputs }> {
    if (s.adoptExisting) {
        const found = adoptable(s, await oktaApi.findAppsByLabel(s.orgUrl, s.label));
        if (found.refusal) throw new Error(found.refusal);
        const existing = found.app;
        if (existing) return { id: existing.id, outs: appOutputs(s, await reconcile(s, existing)) };
    }
    let app: OktaApp;
    const started = Date.now();
    try {
        app = await oktaApi.createAutoLoginApp(s.orgUrl, appSpec(s));
    } catch (e) {
        // No answer (reset, timeout, gateway), or Okta's 500, which may follow a write that
        // happened: Okta may have created the app anyway. Okta allows duplicate labels, so only one
        // app made around this call is ours. The search may lag behind the write, so it is repeated
        // for a while; a miss fails the create and never makes a second app.
        if (!(e instanceof OktaError) || !(mayHaveCreated(e.status) || e.status === 500)) throw e;
        const appeared = await oktaApi.awaitAppsByLabel(
            s.orgUrl,
            s.label,
            (a) => appsMadeBy(s, [a], started).length === 1,
        );
        if (appeared.length !== 1) throw e;
        app = appeared[0];
    }
    if (!s.active) {
        await oktaApi.setAppActive(s.orgUrl, app.id, false);
        app = { ...app, status: "INACTIVE" };
    }
    return { id: app.id, outs: appOutputs(s, app) };
}

/** Refresh: the live app; an app Okta no longer has is gone (empty id). */
async function read(
    id: string,
    old: AutoLoginAppOutputs,
): Promise<ReadResult<AutoLoginAppOutputs>> {
    const app = await oktaApi.getApp(old.orgUrl, id);
    if (!app) return { id: "" };
    const r = appFromLive(old, app);
    return readResult(id, r.props, r.inputs);
}

/** Brings a live app to the declared label, URLs and status with as few calls as possible. */
async function reconcile(s: AutoLoginAppState, live: OktaApp): Promise<OktaApp> {
    let app = live;
    if (appSettingsDiffer(s, app)) app = await oktaApi.replaceApp(s.orgUrl, app, appSpec(s));
    if ((app.status === "ACTIVE") !== s.active) {
        await oktaApi.setAppActive(s.orgUrl, app.id, s.active);
        app = { ...app, status: s.active ? "ACTIVE" : "INACTIVE" };
    }
    return app;
}

async function update(
    id: string,
    olds: AutoLoginAppOutputs,
    s: AutoLoginAppState,
): Promise<{ outs: AutoLoginAppOutputs }> {
    const app = await oktaApi.getApp(s.orgUrl, id);
    if (!app) {
        const label = olds.label;
        throw new Error(
            `Okta app ${id} ("${label}") no longer exists; run \`pulumi refresh\` so it is created again`,
        );
    }
    return { outs: appOutputs(s, await reconcile(s, app)) };
}

/** Destroy deactivates, then deletes the app; an app already gone counts as done. */
/**
 * Destroy deactivates (Okta deletes only an inactive app [doc]) and deletes, on the status the
 * refresh just read. Where that state was stale (the app changed or went since), Okta's refusal is
 * followed by one read, and the app is deleted as it is now (a gone one counts as done).
 */
async function destroy(id: string, { orgUrl, status }: AutoLoginAppOutputs): Promise<void> {
    try {
        if (status === "ACTIVE") await oktaApi.setAppActive(orgUrl, id, false);
        await oktaApi.deleteApp(orgUrl, id);
    } catch (e) {
        if (!refusedOutright(e)) throw e;
        const app = await oktaApi.getApp(orgUrl, id);
        if (!app) return;
        if (app.status === "ACTIVE") await oktaApi.setAppActive(orgUrl, id, false);
        await oktaApi.deleteApp(orgUrl, id);
    }
}
export = defineProvider<AutoLoginAppState, AutoLoginAppOutputs>({
    noun: "Okta app",
    check: checkAutoLoginApp,
    diff: diffAutoLoginApp,
    create,
    read,
    update,
    delete: destroy,
});
