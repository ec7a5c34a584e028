// ProfileMapping's implementation, loaded at call time by the serialized forwarder.
import { defineProvider, type ReadResult } from "../framework/defineProvider";
import { readResult } from "../framework/forwarder";
import {
    diffManaged,
    managedLive,
    nextPrevious,
    parseExpression,
    partialUpdate,
    type Prior,
} from "./attributeMappingsLogic";
import { oktaProfileApi, restoreUnlessAppGone } from "./profileClient";
import type { ProfileMapping, ProfileMappingProperty } from "./profileClient";
import { Checked, isUnknown, Unchecked } from "../framework/checks";
import { checkMappingInputs, type MappingInputs } from "./mappingChecks";

type Inputs = MappingInputs<string>;
type Outputs = Inputs & {
    mappingId: string;
    /** The expression each managed property had before we wrote it ({} = unmapped). */
    previous: Record<string, Prior<string>>;
};

const checkProfileMapping = (news: Unchecked<Inputs>): Checked<Inputs> =>
    checkMappingInputs(news, "app property -> expression", (name, expr, f) => {
        if (isUnknown(expr)) return;
        if (typeof expr !== "string") {
            f.push({
                property: "properties",
                reason: `properties["${name}"] must be an expression string`,
            });
            return;
        }
        try {
            parseExpression(expr);
        } catch (e) {
            f.push({
                property: "properties",
                reason: `properties["${name}"]: malformed expression ${JSON.stringify(expr)}: ${(e as Error).message}`,
            });
        }
    });

const expressions = (m: ProfileMapping): Record<string, string> =>
    Object.fromEntries(Object.entries(m.properties ?? {}).map(([k, p]) => [k, p.expression]));
const push = (expression: string): ProfileMappingProperty => ({ expression, pushStatus: "PUSH" });

async function liveMapping(i: Inputs, mappingId?: string): Promise<ProfileMapping> {
    const id = mappingId ?? (await oktaProfileApi.findUserToAppMapping(i.orgUrl, i.appId))?.id;
    const m = id ? await oktaProfileApi.getMapping(i.orgUrl, id) : undefined;
    if (!m)
        throw new Error(
            `Okta has no Okta user -> app profile mapping for app ${i.appId} (is the app deleted?)`,
        );
    return m;
}

async function apply(
    i: Inputs,
    recorded: Record<string, Prior<string>>,
    mappingId?: string,
): Promise<Outputs> {
    const m = await liveMapping(i, mappingId);
    const previous = nextPrevious(recorded, Object.keys(i.properties), expressions(m));
    const desired = Object.fromEntries(Object.entries(i.properties).map(([k, e]) => [k, push(e)]));
    const restore = Object.fromEntries(
        Object.entries(recorded).map(([k, p]) => [
            k,
            p.value === undefined ? {} : { value: push(p.value) },
        ]),
    );
    await oktaProfileApi.updateMapping(i.orgUrl, m.id, partialUpdate(desired, restore));
    return { ...i, mappingId: m.id, previous };
}

async function create(i: Inputs): Promise<{ id: string; outs: Outputs }> {
    const outs = await apply(i, {});
    return { id: `${i.appId}/${outs.mappingId}`, outs };
}

async function read(id: string, props: Outputs): Promise<ReadResult<Outputs>> {
    const m = await oktaProfileApi.getMapping(props.orgUrl, props.mappingId);
    if (!m) return { id: "" };
    const properties = managedLive(expressions(m), Object.keys(props.properties));
    const { previous: _p, mappingId: _m, ...inputs } = props;
    return readResult(id, { ...props, properties }, { ...inputs, properties });
}

async function update(_id: string, olds: Outputs, news: Inputs): Promise<{ outs: Outputs }> {
    return { outs: await apply(news, olds.previous ?? {}, olds.mappingId) };
}

/** Destroy restores what create replaced, on the mapping the refresh just read (no read again). */
async function destroy(_id: string, props: Outputs): Promise<void> {
    const restore = Object.fromEntries(
        Object.entries(props.previous ?? {}).map(([k, p]) => [
            k,
            p.value === undefined ? {} : { value: push(p.value) },
        ]),
    );
    await restoreUnlessAppGone(() =>
        oktaProfileApi.updateMapping(props.orgUrl, props.mappingId, partialUpdate({}, restore)),
    );
}
export = defineProvider<Inputs, Outputs>({
    noun: "profile mapping",
    check: checkProfileMapping,
    diff: diffManaged,
    create,
    read,
    update,
    delete: destroy,
});
