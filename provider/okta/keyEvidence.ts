// CXone's side of the evidence: the access key's lastUsedDate and isActive.
import { CxoneClient } from "../cxone/client";
import type { CxoneEndpoint } from "../regions";
import type { ConnectionEvidence } from "./connectionSteps";

export async function accessKeyEvidence(
    endpoint: CxoneEndpoint,
    accessKeyId: string,
): Promise<ConnectionEvidence> {
    const key = await new CxoneClient(endpoint).getAccessKey(accessKeyId);
    if (!key) return { keyIsActive: false, keyLastUsedDate: null };
    return { keyIsActive: key.isActive, keyLastUsedDate: key.lastUsedDate ?? null };
}
