// CXone's side of the evidence: the access key's lastUsedDate and isActive, and during a rotation
// the previous key's, judged by the rules of provider/cxone/keyRotation.ts.
import { keyUseOf, readAccessKey } from "../cxone/keyReads";
import { KeyUse, oktaUsesNewKey } from "../cxone/keyRotation";
import type { CxoneEndpoint } from "../cxone/discovery/regions";
import type { ConnectionEvidence, RotationEvidence } from "./connectionSteps";

export async function accessKeyEvidence(
    endpoint: CxoneEndpoint,
    accessKeyId: string,
    previousClientId?: string,
): Promise<ConnectionEvidence> {
    const [key, previous] = await Promise.all([
        keyUseOf(endpoint, accessKeyId),
        previousClientId ? readAccessKey(endpoint, previousClientId) : undefined,
    ]);
    let rotation: RotationEvidence | undefined;
    if (previousClientId) {
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: oktaUsesNewKey reads only dates
        const current: KeyUse = key ?? { accessKeyId, isActive: false };
        const prev = {
            accessKeyId: previousClientId,
            // oktaUsesNewKey reads this only when current has no createdDate, i.e. no lastUsedDate
            // Stryker disable next-line StringLiteral,LogicalOperator: see the line above
            rotationStartedAt: current.createdDate ?? "",
            isActive: previous?.isActive ?? false,
            lastUsedDate: previous?.lastUsedDate,
        };
        rotation = {
            previousClientId,
            previousKeyActive: prev.isActive,
            // known only while CXone still has the key (one gone may have been used)
            ...(previous ? { previousKeyUsed: !!previous.lastUsedDate } : {}),
            oktaUsesNewKey: oktaUsesNewKey(current, prev),
        };
    }
    if (!key)
        return { keyIsActive: false, keyLastUsedDate: null, ...(rotation ? { rotation } : {}) };
    return {
        keyIsActive: key.isActive,
        keyLastUsedDate: key.lastUsedDate ?? null,
        ...(rotation ? { rotation } : {}),
    };
}
