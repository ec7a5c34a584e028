// The sandbox CXone's role rules (sandbox/cxone/roleRules.ts): why a new role name is refused, word
// for word, and which employees hold a role so that it cannot be deactivated. Over HTTP (the codes
// UserHub answers them with): cxoneUserHub.http.test.ts.
import { strict as assert } from "assert";
import {
    activeHolders,
    ROLE_NAME_FORBIDDEN,
    ROLE_NAME_MAX,
    roleNameProblem,
} from "../../sandbox/cxone/roleRules";
import type { CxoneRole } from "../../sandbox/cxone/state";
import { cxoneEmployee } from "../support/cxoneEmployee";

/** a stored role; CXone keeps a roleName beside the displayName */
const role = (roleName: string, displayName = roleName, roleId = `id-${roleName}`): CxoneRole => ({
    roleId,
    roleName,
    displayName,
    description: "",
    status: "ACTIVE",
    permissions: [],
    modifiable: 1,
    createdDate: "2026-01-01T00:00:00.000Z",
    lastUpdateDate: "2026-01-01T00:00:00.000Z",
});

describe("sandbox CXone: role rules (roleRules)", () => {
    it("a name is required: missing, not text, empty or only blanks", () => {
        for (const name of [undefined, null, 42, ["Agent"], "", "   ", "\t \n"])
            assert.equal(roleNameProblem(name, []), "displayName is required", String(name));
    });

    it("at most 50 characters; the refusal names the limit", () => {
        assert.equal(ROLE_NAME_MAX, 50);
        assert.equal(roleNameProblem("x".repeat(50), []), undefined);
        assert.equal(
            roleNameProblem("x".repeat(51), []),
            "displayName must be at most 50 characters",
        );
    });

    it("the forbidden characters, each named once in the order of the rule", () => {
        for (const c of ROLE_NAME_FORBIDDEN)
            assert.equal(
                roleNameProblem(`Bad${c}Name`, []),
                `displayName contains forbidden characters: ${c}`,
            );
        assert.equal(
            roleNameProblem("a%b/c&d/e", []),
            "displayName contains forbidden characters: / & %",
        );
        assert.equal(roleNameProblem("Team - Agents (East) 2: 'A'.", []), undefined);
    });

    it("a name taken by any role, as its roleName or its displayName, in any case, blanks around it ignored", () => {
        const existing = [role("Administrator"), role("agent_internal", "Agent"), role("Old")];
        for (const name of ["agent", " AGENT ", "Agent_Internal", "old", "ADMINISTRATOR"])
            assert.equal(
                roleNameProblem(name, existing),
                `A role named "${name}" exists or existed; role names cannot be reused`,
                name,
            );
        assert.equal(roleNameProblem("Agents", existing), undefined);
        assert.equal(roleNameProblem("Agent", []), undefined);
    });

    it("holders: employees not deactivated nor deleted, holding it as primary or secondary role", () => {
        const r = role("Supervisor", "Supervisor", "r-sup");
        const users = [
            cxoneEmployee({ id: "primary", roleUUID: "r-sup" }),
            cxoneEmployee({ id: "secondary", roleUUID: "r-1", secondaryRoleIds: ["r-x", "r-sup"] }),
            cxoneEmployee({ id: "pending", roleUUID: "r-sup", status: "PENDING" }),
            cxoneEmployee({ id: "unregistered", roleUUID: "r-sup", status: "UNREGISTERED" }),
            cxoneEmployee({ id: "blocked", roleUUID: "r-sup", status: "BLOCKED" }),
            cxoneEmployee({ id: "deleted", secondaryRoleIds: ["r-sup"], status: "DELETED" }),
            cxoneEmployee({ id: "other", roleUUID: "r-1", secondaryRoleIds: ["r-x"] }),
        ];
        assert.deepEqual(
            activeHolders(r, users).map((u) => u.id),
            ["primary", "secondary", "pending", "unregistered"],
        );
        assert.deepEqual(activeHolders(r, []), []);
    });
});
