// The six methods of every no-op resource, loaded by Pulumi's dynamic provider host through the
// one-line text bench/noop.ts stores. A resource given `calls` and `perSecond` first waits for
// that many one-after-another slots of one pacer shared by the whole provider process: the same
// graph under the same rate limit, used perfectly (no 429, no margin). That is the engine's own
// time for the graph under the limit (section 3's paced floor).
let nextSlot = 0;

/** Waits for `calls` slots, one after another, at `perSecond` for the whole process. */
async function paced(calls: number, perSecond: number): Promise<void> {
    for (let i = 0; i < calls; i++) {
        const now = Date.now();
        const at = Math.max(now, nextSlot);
        nextSlot = at + 1000 / perSecond;
        if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
    }
}

type Props = Record<string, unknown>;

export async function check(_olds: Props, news: Props) {
    return { inputs: news };
}
export async function diff() {
    return {};
}
export async function create(inputs: Props) {
    const { calls, perSecond } = inputs;
    if (typeof calls === "number" && typeof perSecond === "number") await paced(calls, perSecond);
    const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    return { id, outs: { ...inputs, status: "pending", secret: "s" } };
}
export async function read(id: string, props: Props) {
    return { id, props };
}
export async function update(_id: string, _olds: Props, news: Props) {
    return { outs: news };
}
export async function remove() {
    return undefined;
}
export { remove as delete };
