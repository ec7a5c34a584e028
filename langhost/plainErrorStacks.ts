// Preloaded into every program the host runs (node -r). The SDK's runner prints an uncaught error
// with util.inspect(err, { colors: true }); on Node 20 and 22 the coloured formatting of some
// source-mapped stack frames loops (nodejs/node#64011, fixed by nodejs/node#64022), so a failing
// program took 16-22 s and about 3.7 GB before its error appeared. Errors are printed uncoloured.
import * as util from "util";

const inspect = util.inspect;
function plainInspect(
    this: unknown,
    value: unknown,
    options?: unknown,
    ...rest: unknown[]
): string {
    if (value instanceof Error && typeof options === "object" && options !== null) {
        return inspect.call(this, value, { ...(options as util.InspectOptions), colors: false });
    }
    return Reflect.apply(inspect, this, [value, options, ...rest]);
}
Object.assign(plainInspect, inspect);
// defaultOptions is an accessor, which Object.assign does not copy: without it a program reading or
// setting util.inspect.defaultOptions (as logging libraries do) met undefined.
Object.defineProperty(
    plainInspect,
    "defaultOptions",
    Object.getOwnPropertyDescriptor(inspect, "defaultOptions") as PropertyDescriptor,
);
// The runner calls util.inspect through the module object at call time, so replacing it there works.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object, not an import copy
const utilModule: { inspect: typeof util.inspect } = require("util");
utilModule.inspect = plainInspect as typeof util.inspect;
