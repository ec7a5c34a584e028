// The input checks both attribute-mapping resources share (the app user schema's properties and
// the profile mapping): the org, the app, and `properties` as an object; each entry's own rule is
// the resource's.
import {
    check as checkInput,
    CheckFailure,
    Checked,
    httpsUrl,
    isUnknown,
    requiredString,
    Unchecked,
} from "../framework/checks";

/** Both resources' inputs: the org, the app, and the app's properties by name. */
export type MappingInputs<V = unknown> = {
    orgUrl: string;
    appId: string;
    properties: Record<string, V>;
};

/**
 * Checks orgUrl, appId and that `properties` is an object (`shape` says what it maps, for the
 * message), then each entry with `entry`, unknown entries included (the resource decides).
 */
export function checkMappingInputs<I extends MappingInputs>(
    news: Unchecked<I>,
    shape: string,
    entry: (name: string, value: unknown, failures: CheckFailure[]) => void,
): Checked<I> {
    const f: CheckFailure[] = [];
    const n: Record<string, unknown> = { ...news };
    checkInput(f, "orgUrl", n.orgUrl, httpsUrl({ base: true }));
    checkInput(f, "appId", n.appId, requiredString());
    const props = n.properties;
    if (!isUnknown(props)) {
        if (!props || typeof props !== "object" || Array.isArray(props)) {
            f.push({ property: "properties", reason: `properties must be an object of ${shape}` });
        } else {
            for (const [name, value] of Object.entries(props as Record<string, unknown>))
                entry(name, value, f);
        }
    }
    return { inputs: news as I, failures: f };
}
