// The start the sandbox Okta console suites share: the sandbox's Okta alone in front of a CXone
// stand-in, a new active app in it for each test, and the console steps that connect the two.
import * as assert from "assert";
import {
    authenticate,
    autoLoginBody,
    scimForm,
    startFakeCxone,
    startOkta,
    type FakeCxone,
    type OktaHarness,
} from "./oktaHarness";

export interface OktaConsoleApp {
    h: OktaHarness;
    cx: FakeCxone;
    appId: string;
}

/** Before each test: a stand-in, Okta in front of it, an active app; after it, both closed. */
export function oktaConsoleAppForEach(): OktaConsoleApp {
    const t = {} as OktaConsoleApp;
    beforeEach(async () => {
        t.cx = await startFakeCxone();
        t.h = await startOkta(t.cx.url);
        const app = await t.h.api("POST", "/api/v1/apps?activate=true", autoLoginBody("CXone"));
        t.appId = app.body.id;
    });
    afterEach(async () => {
        await t.h.locals.provisioning.idle(); // no push left running into a closed stand-in
        await t.h.close();
        await t.cx.close();
    });
    return t;
}

/** "Authenticate with CXone" as the stand-in's employee: the console's answer. */
export const oktaAuthenticate = ({ h, cx, appId }: OktaConsoleApp) =>
    authenticate(h, appId, cx.employee.email, cx.employee.password);

/** The first console step: the SCIM form saved for the stand-in, accepted. */
export async function oktaSaveScimForm(t: OktaConsoleApp): Promise<void> {
    const form = await t.h.api(
        "POST",
        `/sandbox/console/apps/${t.appId}/provisioning`,
        scimForm(t.cx),
        { Authorization: "" },
    );
    assert.strictEqual(form.status, 200, JSON.stringify(form.body));
}

/** The console steps: the SCIM form saved for the stand-in, then Authenticate; both accepted. */
export async function oktaConnect(t: OktaConsoleApp): Promise<void> {
    await oktaSaveScimForm(t);
    const a = await oktaAuthenticate(t);
    assert.strictEqual(a.status, 200, a.text);
}

/** The provisioning feature's "To App" switches: create and update on, deactivate as given. */
export const oktaToAppSwitches = (deactivate = true) => ({
    create: { lifecycleCreate: { status: "ENABLED" } },
    update: {
        profile: { status: "ENABLED" },
        lifecycleDeactivate: { status: deactivate ? "ENABLED" : "DISABLED" },
    },
});
