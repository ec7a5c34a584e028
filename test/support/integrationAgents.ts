// What the integration's engine suites share: the stack on its own sandbox provisioning the seeded
// "CXone Agents" group, with both vendors' views; the sandbox's CXone admin and its client.
import { CxoneClient } from "../../provider/cxone/client";
import { cxoneEndpointFor, sandboxRegion } from "../../provider/cxone/discovery/regions";
import { pulumi } from "../../scripts/lib/pulumiCommand";
import { integrationFixture, type IntegrationFixture } from "./integrationStack";
import { cxoneScim, oktaAdmin, oktaConsole } from "./scimWorld";

/** The stack (not yet up) with cxone-okta-scim:groupIds = the Agents group, and the views. */
export async function agentsStack(name: string) {
    const f = await integrationFixture(name);
    const okta = oktaAdmin(f.sandbox);
    // the group exists only once the sandbox is seeded: its id goes into the stack config now
    const groupId = await okta.groupId("CXone Agents");
    await f.stack.stack.setConfig("cxone-okta-scim:groupIds", {
        value: JSON.stringify([groupId]),
    });
    return { f, groupId, okta, con: oktaConsole(f.sandbox), scim: cxoneScim(f.sandbox) };
}

export type AgentsStack = Awaited<ReturnType<typeof agentsStack>>;

/** The sandbox's CXone admin, who signs in on CXone's login page in Okta's console steps. */
export const cxoneAdminOf = (f: IntegrationFixture) => ({
    email: f.sandbox.endpoints.cxone.adminEmail,
    password: f.sandbox.endpoints.cxone.adminPassword,
});

/** A CXone client of the fixture's sandbox, signed in with its admin key (from the environment). */
export const cxoneClientOf = (f: IntegrationFixture) =>
    new CxoneClient(cxoneEndpointFor(sandboxRegion(f.sandbox.urls.cxone)));

/** `pulumi <args> --stack <the fixture's stack>`, typed by the operator in the stack's folder. */
export const pulumiOn = (f: IntegrationFixture, ...args: string[]) =>
    pulumi(f.stack.workDir, f.stack.env, ...args, "--stack", f.stack.stack.name);
