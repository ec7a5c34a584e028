// The ACD host `api-{cluster}.{acdDomain}` of the emulated tenant: only whoami, which NICE's SDK
// calls right after sign-in [sdk: auth-sdk cxone-auth.js getWhoAmIData, whoami-response.js].
// Every other path answers 404, so a UserHub call sent here (to api_endpoint) fails as it should.
import { createHash } from "crypto";
import express from "express";
import type { SandboxContext } from "../core/context";
import { authError } from "./errors";
import type { CxoneHostUrls } from "./hosts";
import { tokenUser } from "./tokens";

/** A stable number for an id (ACD agent and business-unit numbers are integers) [guess]. */
function numberFor(id: string): number {
    return createHash("sha256").update(id).digest().readUInt32BE(0) % 10_000_000;
}

export function acdRoutes(ctx: SandboxContext, hosts: () => CxoneHostUrls): express.Router {
    const r = express.Router();
    // [sdk] POST {acd}/incontactauthorizationserver/token/whoami {token} (JSON) -> snake_case facts
    r.post("/incontactauthorizationserver/token/whoami", express.json(), (req, res) => {
        const token = (req.body ?? {}).token;
        const user = typeof token === "string" ? tokenUser(ctx, token, "access") : undefined;
        if (!user) return authError(res, 401, "invalid_token", "Invalid or expired token");
        const s = ctx.state.cxone;
        res.json({
            agent_id: String(numberFor(user.id)),
            bus_no: String(numberFor(s.tenantId)),
            expires_in: "3600",
            iss: hosts().issuer,
            refresh_token_server_uri: `${hosts().acd}/InContactAuthorizationServer/Token`,
            // the SDK strips "/inContactAPI/" from this to get its ACD base
            resource_server_base_uri: `${hosts().acd}/inContactAPI/`,
            sub: `user:${user.id}`,
            team_id: user.teamId ?? "0",
        });
    });
    return r;
}
