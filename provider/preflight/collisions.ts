// Two integrations in one program must not claim the same CXone role, employee or Okta app label:
// they would share (and fight over) one object, and removing one would break the other. Each
// component records what it claims when its inputs are known; its reads before the first write
// then compare it with every other one of the program. Pure apart from the per-run registry.
import type { Refusal } from "./gate";
import { PreWriteFacts, shown } from "./facts";
import { perRun } from "../framework/perRun";

/** The claims of this program run's integrations (perRun.ts: a new run starts with none). */
const registry = () => perRun("integrationClaimsByRun", () => new Map<string, PreWriteFacts>());

/** Forgets every claim of this run: a new program (tests with Pulumi's mocks run many in one). */
export function forgetClaims(): void {
    registry().clear();
}

/** Records what the integration `name` claims (called once its inputs are known). */
export function claim(name: string, f: PreWriteFacts): void {
    registry().set(name, f);
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const tenant = (f: PreWriteFacts) => `${f.endpoint.issuerUrl}|${f.endpoint.areaUrl}`;

/** What `name` shares with the other integrations of this program, named by its own inputs. */
export function collisions(
    name: string,
    others: Map<string, PreWriteFacts> = registry(),
): Refusal[] {
    const f = others.get(name);
    if (!f) return [];
    const out: Refusal[] = [];
    for (const [other, g] of others) {
        if (other === name) continue;
        const both = `ScimIntegration "${name}" and "${other}" in this program`;
        if (tenant(f) === tenant(g) && same(f.roleName, g.roleName))
            out.push({
                propertyPath: "roleName",
                reason: `roleName: ${both} both use the CXone role ${shown(f, "roleName", f.roleName)}: give each integration its own roleName`,
            });
        if (tenant(f) === tenant(g) && same(f.employeeEmail, g.employeeEmail))
            out.push({
                propertyPath: "employeeEmail",
                reason: `employeeEmail: ${both} both use the CXone employee ${shown(f, "employeeEmail", f.employeeEmail)}: give each integration its own employeeEmail`,
            });
        if (f.oktaOrgUrl === g.oktaOrgUrl && f.appLabel === g.appLabel)
            out.push({
                propertyPath: "appLabel",
                reason: `appLabel: ${both} both use the Okta app label ${shown(f, "appLabel", f.appLabel)}: give each integration its own appLabel`,
            });
    }
    return out;
}
