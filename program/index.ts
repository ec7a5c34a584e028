// The root stack: the whole integration from stack config; the sandbox when no tenant is set.
import * as pulumi from "@pulumi/pulumi";
import {
    checkScimIntegrationArgs,
    gateInputsOf,
    ScimIntegration,
} from "../provider/integration/index";
import { askBeforeWriting } from "../provider/preflight/gate";
import { PlainGateInputs, preWriteFacts } from "../provider/preflight/integrationGate";
import { integrationProbes } from "../provider/preflight/probes";
import { tellPeople } from "../provider/people/tell";
import { configSecretKeys, withSecrets } from "./secretArgs";
import { runningSandbox, startHint } from "./sandboxTarget";
import { writeTranscriptSetting } from "../provider/core/transcript";
import * as oktaProviderConfig from "@pulumi/okta/config/vars";
import {
    asConfigProblem,
    foreignOktaKeys,
    integrationArgs,
    secretArguments,
    SettingsError,
    targetsRealTenant,
} from "./settings";

/** The program: creates the integration and returns the stack outputs other projects read. */
export async function integrationProgram(): Promise<Record<string, unknown>> {
    const foreign = foreignOktaKeys(
        Object.keys(pulumi.runtime.allConfig()),
        new Set(Object.keys(oktaProviderConfig)),
    );
    if (foreign.length > 0) throw new pulumi.RunError(foreign.join("\n"));
    const get = (key: string): string | undefined => {
        const [ns, name] = key.split(":");
        return new pulumi.Config(ns).get(name);
    };
    // the redacted transcript, handed to the provider process (which gets no stack config)
    writeTranscriptSetting(process.cwd(), get("cxone-okta-scim:transcript"));
    let args;
    try {
        const sandbox = targetsRealTenant(get) ? undefined : await runningSandbox();
        if (!targetsRealTenant(get) && !sandbox) throw new pulumi.RunError(startHint);
        args = integrationArgs(get, sandbox);
    } catch (e) {
        if (e instanceof SettingsError) throw new pulumi.RunError(e.message);
        throw e;
    }
    // every bad setting at once, named by the config key the operator set, before anything is
    // declared (not even the component's record reaches the stack)
    const { problems, normalized } = checkScimIntegrationArgs(args);
    if (!normalized) throw new pulumi.RunError(problems.map(asConfigProblem).join("\n"));
    // the reads before the first write (provider/preflight), also before anything is declared;
    // the component asks with the same facts and reuses this answer
    const secret = secretArguments(configSecretKeys());
    const gateInputs = gateInputsOf(args, normalized);
    const asked = secret.filter(
        (a) => a in gateInputs && gateInputs[a as keyof typeof gateInputs] !== undefined,
    );
    const oktaToken = new pulumi.Config("okta").get("apiToken");
    // the Okta provider's own token, for these reads in this process only (pulumi-okta mode)
    if (oktaToken && !process.env.OKTA_API_TOKEN) process.env.OKTA_API_TOKEN = oktaToken;
    const report = await askBeforeWriting(
        preWriteFacts(gateInputs as PlainGateInputs, normalized, asked),
        integrationProbes(),
    );
    if (report.refusals.length > 0) {
        // the people lines too: the refusal names one cause, the preview shows every effect
        tellPeople(report.people);
        throw new pulumi.RunError(report.refusals.map(asConfigProblem).join("\n"));
    }
    // the component runs the same checks again and finds nothing more to refuse
    const integration = new ScimIntegration("cxone-okta", withSecrets(args, secret));
    return {
        target: integration.region.region,
        scimBaseUrl: integration.scimBaseUrl,
        tokenEndpoint: integration.region.tokenEndpoint,
        authorizeEndpoint: integration.region.authorizeEndpoint,
        appId: integration.appId,
        roleId: integration.roleId,
        employeeId: integration.employeeId,
        accessKeyId: integration.accessKeyId,
        accessKeySecret: integration.accessKeySecret,
        connectionStatus: integration.connectionStatus,
        accessKeyAgeDays: integration.accessKeyAgeDays,
        nextKeyRotationDate: integration.nextKeyRotationDate,
        remainingSteps: integration.remainingSteps,
        provisioningApplied: integration.provisioningApplied,
        provisionedUsers: integration.provisionedUsers,
    };
}
