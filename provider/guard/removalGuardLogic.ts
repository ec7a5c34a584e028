// RemovalGuard: when the engine may delete the integration, and what the refusal says. Pure: the
// command line of the `pulumi` process is read elsewhere (pulumiCommand.ts).
import {
    check,
    CheckFailure,
    Checked,
    optionalBoolean,
    optionalNumber,
    optionalString,
    requiredString,
    Unchecked,
} from "../framework/checks";

/** What the guard keeps: the integration's name and the ids of the objects it would lose. */
export type RemovalGuardState = {
    /** the ScimIntegration's name in the program */
    integration: string;
    roleId: string;
    employeeId: string;
    accessKeyId: string;
    appId: string;
    /** the operator removes the integration on purpose with the next `pulumi up` */
    allowRemoval: boolean;
    /** the app's Okta org: whom the removal cuts off is read there (absent: no people check) */
    orgUrl?: string;
    /** the people safeguard of the removal */
    deactivationThreshold?: number;
    allowDeactivations?: number;
};

export function checkRemovalGuard(news: Unchecked<RemovalGuardState>): Checked<RemovalGuardState> {
    const failures: CheckFailure[] = [];
    for (const k of ["integration", "roleId", "employeeId", "accessKeyId", "appId"] as const)
        check(failures, k, news[k], requiredString(1000));
    check(failures, "allowRemoval", news.allowRemoval, optionalBoolean);
    check(failures, "orgUrl", news.orgUrl, optionalString(1000));
    for (const k of ["deactivationThreshold", "allowDeactivations"] as const)
        check(failures, k, news[k], optionalNumber(0, Number.MAX_SAFE_INTEGER));
    // typed by the checks above (the engine ignores the inputs when there are failures)
    const inputs = { ...news, allowRemoval: news.allowRemoval === true } as RemovalGuardState;
    return { inputs, failures };
}

/** Nothing to replace: a replaced guard would be a deleted one. */
export function diffRemovalGuard(
    olds: Partial<RemovalGuardState>,
    news: RemovalGuardState,
): { changes: boolean } {
    const keys = Object.keys(news) as (keyof RemovalGuardState)[];
    return { changes: keys.some((k) => olds[k] !== news[k]) };
}

// Pulumi's global flags that take a value (`pulumi --cwd dir destroy`): skipped when looking for
// the command. The others are plain switches.
const VALUE_FLAGS = new Set([
    "-C",
    "--cwd",
    "--color",
    "--memprofilerate",
    "--otel-traces",
    "--profiling",
    "--tracing",
    "--tracing-header",
    "-v",
    "--verbose",
]);

/** The command of a `pulumi` command line (`["pulumi", "--cwd", "x", "destroy"]` -> "destroy"). */
export function commandOf(argv: readonly string[]): string | undefined {
    for (let i = 1; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--") return undefined;
        if (a.startsWith("-")) {
            if (VALUE_FLAGS.has(a)) i++;
            continue;
        }
        return a;
    }
    return undefined;
}

/** Whether the running `pulumi` command is the operator asking to remove everything. */
export const isDestroy = (command: string | undefined): boolean =>
    command === "destroy" || command === "down";

/** Whether the engine may delete the guard (and so, after it, the integration). */
export function removalAllowed(
    s: Partial<RemovalGuardState>,
    command: string | undefined,
): boolean {
    return s.allowRemoval === true || isDestroy(command);
}

/** The refusal, in the operator's words: what would be lost, why it stopped, and the ways on. */
export function removalRefusal(s: Partial<RemovalGuardState>, command: string | undefined): string {
    const what =
        `CXone access key ${s.accessKeyId} revoked, employee ${s.employeeId} and role ${s.roleId} ` +
        `deactivated (CXone never frees a role name), Okta app ${s.appId} deleted`;
    const how =
        command === undefined
            ? "This process could not tell which `pulumi` command is running, so it stops."
            : `\`pulumi ${command}\` is not \`pulumi destroy\`.`;
    return (
        `refused to remove the SCIM integration "${s.integration}": the program no longer declares ` +
        `it, so this update would delete all of it (${what}). Nothing was deleted. ${how} ` +
        "If Pulumi.yaml's `main` or the program changed by mistake, put it back. If you renamed the " +
        "component, give it `aliases` with the old name. To remove the integration on purpose, run " +
        "`pulumi destroy`, or set allowRemoval: true on it (root program: `pulumi config set " +
        "cxone-okta-scim:allowRemoval true`), run `pulumi up`, then remove it"
    );
}
