// What Okta holds of the integration's app after a repair, read over Okta's API: the app under
// its declared label, the SCIM connection, and the "To App" profile pushes switched on.
import { strict as assert } from "assert";
import { oktaApi } from "../../provider/okta/client";

/** The app is back as declared; its connection ENABLED when Okta reports it, else UNKNOWN. */
export async function assertOktaAppRepaired(orgUrl: string, appId: string, reported: boolean) {
    assert.equal((await oktaApi.getApp(orgUrl, appId))?.label, "NICE CXone");
    assert.equal(
        (await oktaApi.getConnection(orgUrl, appId))?.status,
        reported ? "ENABLED" : "UNKNOWN",
    );
    assert.equal(
        (await oktaApi.getProvisioningFeature(orgUrl, appId))?.capabilities.update.profile.status,
        "ENABLED",
    );
}
