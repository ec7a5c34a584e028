// okta.app.AutoLogin of the real Okta plugin, pointed at the sandbox by okta:httpProxy.
import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import { params } from "./params";

const p = params<{ oktaUrl: string; cxoneUrl: string }>();
const apiToken = new pulumi.Config("test").requireSecret("oktaApiToken");
const provider = new okta.Provider("okta", {
    orgName: "sandbox",
    baseUrl: "okta.com",
    httpProxy: p.oktaUrl,
    apiToken,
});
const app = new okta.app.AutoLogin(
    "cxone",
    { label: "NICE CXone", signOnUrl: `${p.cxoneUrl}/login` },
    { provider },
);
export const appId = app.id;
