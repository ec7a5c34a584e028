// The start of the engine suites that follow people from Okta into CXone: the integration's stack
// on its own sandbox, provisioning the seeded "CXone Agents" group, with both vendors' views.
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

/** The sandbox's CXone admin, who signs in on CXone's login page in Okta's console steps. */
export const cxoneAdminOf = (f: IntegrationFixture) => ({
    email: f.sandbox.endpoints.cxone.adminEmail,
    password: f.sandbox.endpoints.cxone.adminPassword,
});
