// The questions two probes share, without servers: each kind of question is its own, so a role
// name and an employee email of the same text are two questions, never one answer for both.
import { strict as assert } from "assert";
import {
    appsByLabel,
    employeesByEmail,
    rolesByName,
} from "../../provider/preflight/sharedQuestions";
import type { RunReads } from "../../provider/preflight/runReads";
import { NA1_ENDPOINT } from "../support/cxoneEndpoint";

describe("reads before the first write: the shared questions", () => {
    it("each question is keyed by its kind, its tenant or org, and its text", async () => {
        const keys: string[] = [];
        const reads: RunReads = {
            once: <T>(key: string) => {
                keys.push(key);
                return Promise.resolve([] as T);
            },
        };
        const same = "scim@example.com";
        await rolesByName({ endpoint: NA1_ENDPOINT, roleName: same }, reads);
        await employeesByEmail({ endpoint: NA1_ENDPOINT, employeeEmail: same }, reads);
        await appsByLabel({ oktaOrgUrl: "https://example.okta.com", appLabel: same }, reads);
        const tenant = JSON.stringify(NA1_ENDPOINT);
        assert.deepEqual(
            keys.map((k) => JSON.parse(k)),
            [
                ["cxone roles by name", tenant, same],
                ["cxone employees by email", tenant, same],
                ["okta apps by label", "https://example.okta.com", same],
            ],
        );
    });
});
