// One fault on the sandbox's CXone for the length of one step: injected, the step run, and cleared
// whatever the step does, so a failed assertion never leaves the fault to the next test. And the
// PartialCreateError a create fails with when CXone made the object but a later step failed.
import { strict as assert } from "assert";
import { PartialCreateError } from "../../provider/cxone/errors";
import type { FaultRule } from "../../sandbox/index";
import type { SandboxFixture } from "./sandbox";

/** Runs `act` while CXone meets `rule` (once, unless `times` says otherwise); then no faults. */
export async function whileCxoneFails<T>(
    f: SandboxFixture,
    rule: CxoneRule,
    act: () => Promise<T>,
): Promise<T> {
    f.sandbox.setFaults([{ server: "cxone", times: 1, ...rule }]);
    try {
        return await act();
    } finally {
        f.sandbox.clearFaults();
    }
}

type CxoneRule = Omit<FaultRule, "server">;

/** CXone answers `status` to the calls on `path` (a regular expression), of `method` if given. */
export function answering(status: number, path: string, method?: string): CxoneRule {
    return { kind: "status", status, path, ...(method === undefined ? {} : { method }) };
}

/** CXone resets the connection of a `method` call on `path`: no answer at all. */
export function resetting(method: string, path: string): CxoneRule {
    return { kind: "reset", method, path };
}

/** The PartialCreateError `create` fails with; an assertion failure for any other outcome. */
export async function partialCreate(create: Promise<unknown>): Promise<PartialCreateError> {
    let err: unknown;
    await create.catch((e: unknown) => {
        err = e;
    });
    assert.ok(err instanceof PartialCreateError, String(err));
    return err;
}
