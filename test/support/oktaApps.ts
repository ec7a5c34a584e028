// The app most Okta provider suites start from: a new auto-login app made through its provider,
// with a unique label so suites sharing a sandbox never adopt each other's app.
import app from "../../provider/okta/autoLoginAppProvider";
import { type SandboxFixture, uniqueLabel } from "./sandbox";

/** A new app in the fixture's org, labelled with the prefix and a unique suffix; its id. */
export async function oktaNewApp(
    f: SandboxFixture,
    prefix: string,
    active: boolean,
): Promise<string> {
    const r = await app.create({
        orgUrl: f.orgUrl,
        label: uniqueLabel(prefix),
        loginUrl: f.loginUrl,
        active,
        adoptExisting: false,
    });
    return r.id;
}
