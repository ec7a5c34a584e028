// A CXone resource made as the engine makes one, through its provider: check() (whose inputs must
// pass) then create(), keeping what a test acts on next: the id, the outputs and the checked inputs.
import { strict as assert } from "assert";
import role from "../../provider/cxone/roleProvider";
import employee from "../../provider/cxone/employeeProvider";
import type { Provider } from "../../provider/framework/defineProvider";
import type { CxoneEndpoint } from "../../provider/cxone/session";
import { unique, uniqueEmail } from "./sandbox";

type Props = Record<string, unknown>;

export async function checkedCreate<I>(p: Provider<I, Props>, news: Props) {
    const { inputs, failures } = await p.check({}, news);
    assert.deepEqual(failures, []);
    const r = await p.create(inputs);
    return { id: r.id, outs: r.outs, inputs };
}

/** A new role, its name `prefix` made unique; `extra` inputs beside the defaults. */
export const createdRole = (endpoint: CxoneEndpoint, prefix: string, extra: Props = {}) =>
    checkedCreate(role, { endpoint, name: unique(prefix), ...extra });

/** A new employee of the role, its email from `prefix` made unique; `extra` inputs beside. */
export const createdEmployee = (
    endpoint: CxoneEndpoint,
    { roleId, prefix }: { roleId: string; prefix: string },
    extra: Props = {},
) =>
    checkedCreate(employee, {
        endpoint,
        email: uniqueEmail(prefix),
        firstName: "SCIM",
        lastName: "AccessKey",
        roleId,
        ...extra,
    });
