// The ScimIntegration component as the mock suites build it: the arguments they start from, and
// the component made from them once Pulumi's mocks are in, and a child's inputs as registered.
import { strict as assert } from "assert";
import type { ScimIntegrationArgs } from "../../provider/integration/index";
import type { Declared } from "./pulumiMocks";

/** CXone's na1 area, Okta's dev-1 org and the employee k@example.com; `more` adds or replaces. */
export function componentArgs(more: Partial<ScimIntegrationArgs> = {}): ScimIntegrationArgs {
    return {
        cxone: { region: "na1" },
        oktaOrgUrl: "https://dev-1.okta.com",
        employeeEmail: "k@example.com",
        ...more,
    };
}

/** The component with these arguments; its module is loaded here, after the mocks are set. */
export async function newComponent(name: string, args: ScimIntegrationArgs) {
    const { ScimIntegration } = await import("../../provider/integration/index");
    return new ScimIntegration(name, args);
}

/** The inputs of the one child registered with this name (a second, or none, fails). */
export function inputsOfOnly(declared: Declared[], name: string) {
    const found = declared.filter((d) => d.name === name);
    assert.equal(found.length, 1, name);
    return found[0].inputs;
}
