// "Authenticate with CXone" driven in a real browser, as an operator does it: headless
// Chromium (Debian's /usr/bin/chromium, never a downloaded one) opens the Okta console's
// button URL, lands on CXone's login page, signs in, and reads Okta's result page. Then Okta's
// API and the stack's next `up` must agree that the connection is authorized.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { repoRoot } from "../../scripts/lib/engine";
import { consoleSettings, saveScimSettings } from "../../sandbox/operator";
import { integrationFixture, type IntegrationFixture } from "../support/integrationStack";
import { oktaAdmin, oktaConsole } from "../support/scimWorld";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = path.join(repoRoot, ".pulumi-local", "screenshots");

describe("Authenticate with CXone in a browser (headless Chromium, real engine, sandbox)", function () {
    this.timeout(300_000);
    let f: IntegrationFixture;
    let browser: Browser;
    let appId: string;
    let secret: string;
    const authenticateUrl = () =>
        `${f.sandbox.urls.okta}/sandbox/console/apps/${appId}/authenticate`;

    before(async () => {
        // A missing browser is a failure with the fix, never a silent skip.
        if (!fs.existsSync(CHROMIUM)) {
            throw new Error(
                `${CHROMIUM} is not installed: run \`bash scripts/install-browser.sh\` (as root: apt-get update && apt-get install -y chromium)`,
            );
        }
        f = await integrationFixture("scim-browser");
        assert.equal((await f.stack.up()).summary.result, "succeeded");
        const o = await f.outputs();
        appId = o.appId;
        secret = o.accessKeySecret;
        assert.equal(o.connectionStatus, "pending");
        // Steps 7-12 (the settings form) by the scripted operator; step 13 is the browser's.
        await saveScimSettings(
            f.sandbox.urls.okta,
            appId,
            consoleSettings(o, { clientSecret: secret }),
        );
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ["--no-sandbox"],
            headless: true,
        });
    });
    after(async () => {
        await browser?.close();
        await f?.sandbox.stop();
    });

    /** Clicks "Authenticate with CXone" (opens its URL) and checks we are on CXone's login page. */
    async function openLoginPage(): Promise<Page> {
        const page = await browser.newPage();
        const res = await page.goto(authenticateUrl());
        assert.equal(res?.status(), 200);
        assert.ok(
            page.url().startsWith(`${f.sandbox.urls.cxone}/auth/authorize?`),
            `redirected to CXone's authorize page, got ${page.url()}`,
        );
        assert.equal(await page.title(), "CXone sign in");
        await page.locator("#email").waitFor({ state: "visible" });
        return page;
    }

    it("a wrong password shows the login page's error and authorizes nothing", async () => {
        const page = await openLoginPage();
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOTS, "cxone-login.png"), fullPage: true });
        await page.fill("#email", f.sandbox.endpoints.cxone.adminEmail);
        await page.fill("#password", "not-the-password");
        await Promise.all([page.waitForLoadState("load"), page.click("#submit")]);
        const error = page.locator("#error");
        await error.waitFor({ state: "visible" });
        assert.equal((await error.textContent())?.trim(), "Invalid email or password");
        assert.ok(page.url().startsWith(f.sandbox.urls.cxone), "still on CXone's page");
        assert.equal((await oktaConsole(f.sandbox).view(appId)).authorized, false);
        assert.equal(await oktaAdmin(f.sandbox).connectionStatus(appId), "DISABLED");
        await page.close();
    });

    it('signing in lands on "CXone authenticated"; Okta reports ENABLED and the next up reports authorized', async () => {
        const page = await openLoginPage();
        await page.fill("#email", f.sandbox.endpoints.cxone.adminEmail);
        await page.fill("#password", f.sandbox.endpoints.cxone.adminPassword);
        await Promise.all([
            page.waitForURL(`${f.sandbox.urls.okta}/sandbox/console/oauth/callback?**`),
            page.click("#submit"),
        ]);
        assert.equal((await page.locator("h1").textContent())?.trim(), "CXone authenticated");
        // Nothing the browser saw carries the client secret (the authorize URL has the client id only).
        assert.ok(
            !(page.url() + (await page.content())).includes(secret),
            "the secret reached the browser",
        );
        await page.close();

        assert.equal(await oktaAdmin(f.sandbox).connectionStatus(appId), "ENABLED");
        const view = await oktaConsole(f.sandbox).view(appId);
        assert.equal(view.authorized, true);
        assert.equal(view.lastAuthError, null);

        await f.stack.up();
        const o = await f.outputs();
        assert.equal(o.connectionStatus, "authorized");
        assert.equal(o.provisioningApplied, true);
        assert.deepEqual(o.remainingSteps, []);
    });
});
