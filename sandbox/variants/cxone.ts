// CXone's other worlds: each variant makes one unconfirmed CXone fact false in its most plausible
// other way (the rows of docs/vendor-facts/unconfirmed.md). What CXone would answer there follows
// CXone's documented error shapes (sandbox/cxone/errors.ts).
import { gatewayError } from "../cxone/errors";
import { onRoute } from "./handlers";
import type { SandboxVariant } from "./index";

/** The answer of a CXone host for a route it does not have (the gateway's 404). */
const noSuchRoute = onRouteAnswer404;
function onRouteAnswer404(method: string, path: RegExp) {
    return onRoute({ method, path }, (req, res) =>
        gatewayError(req, res, 404, `No endpoint ${req.method} ${req.path}`),
    );
}

export const CXONE_VARIANTS: readonly SandboxVariant[] = [
    {
        name: "role-create-absent",
        fact: "role-create-route",
        world: "POST /authorization/roleByPermissions is not a public route: every CXone host answers 404",
        cxone: { before: () => [noSuchRoute("POST", /^\/authorization\/roleByPermissions\/?$/i)] },
    },
];
