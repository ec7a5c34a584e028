// A CXone resource made as the engine makes one, through its provider: check() (whose inputs must
// pass) then create(), keeping what a test acts on next: the id, the outputs and the checked inputs.
import { strict as assert } from "assert";
import type { Provider } from "../../provider/framework/defineProvider";

type Props = Record<string, unknown>;

export async function checkedCreate<I>(p: Provider<I, Props>, news: Props) {
    const { inputs, failures } = await p.check({}, news);
    assert.deepEqual(failures, []);
    const r = await p.create(inputs);
    return { id: r.id, outs: r.outs, inputs };
}
