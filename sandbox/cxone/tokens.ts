// Bearer tokens of the emulated tenant, persisted so a restarted sandbox still honours them until
// they expire. Access tokens are RS256 JWTs by default, as NICE's own SDK reads them (core-sdk
// validateToken decodes an access token's payload for `exp`) [sdk]; `accessTokenKind: "opaque"`
// issues random strings instead (the other world, possible for some grants [guess]). Refresh
// tokens are opaque. A token stops working when its user is deactivated or the access key that
// obtained it is deactivated or revoked [seen for users, guess for keys]; a JWT is honoured only
// as issued (the sandbox looks it up, it never trusts a payload).
import { createSign } from "crypto";
import type { NextFunction, Request, Response } from "express";
import type { SandboxContext } from "../core/context";
import { gatewayError } from "./errors";
import { newSecret } from "./ids";
import type { CxoneState, CxoneUser } from "./state";

/** What an access token is: a signed JWT (default) or an opaque random string. */
export type AccessTokenKind = "jwt" | "opaque";

export interface TokenOptions {
    tokenTtlSeconds: number;
    /** default "jwt" */
    accessTokenKind?: AccessTokenKind;
    /** changes a JWT access token's claims before it is signed (a variant's other world) */
    accessTokenClaims?: (claims: Record<string, unknown>) => void;
}

export function userCanAuthenticate(u: CxoneUser | undefined): u is CxoneUser {
    return !!u && u.status !== "BLOCKED" && u.status !== "DELETED";
}

function prune(s: CxoneState, now: number): void {
    for (const [t, rec] of Object.entries(s.tokens)) if (rec.expiresAt <= now) delete s.tokens[t];
    for (const [c, rec] of Object.entries(s.authCodes))
        if (rec.expiresAt <= now) delete s.authCodes[c];
}

function b64url(v: unknown): string {
    return Buffer.from(JSON.stringify(v)).toString("base64url");
}

/** The prefix of an id_token's `sub`: NICE's SDK drops its first 5 characters [sdk]; the text [guess]. */
export const SUB_PREFIX = "user:";

/**
 * id_token: an RS256 JWT verifiable with /auth/jwks, carrying iss and tenantId [seen] and the
 * claims NICE's SDK reads [sdk: auth-sdk cxone-user.js setUserDetails]: `userId`, `sub` with a
 * 5-character prefix, given_name, family_name, name, and `tenant` (whose presence makes the SDK
 * derive UserHub hosts, auth-sdk cxone-auth.js getCXoneConfiguration).
 */
function idToken(ctx: SandboxContext, user: CxoneUser, audience: string, ttl: number): string {
    const s = ctx.state.cxone;
    const now = Math.floor(Date.now() / 1000);
    return signed(ctx, {
        iss: ctx.urls.cxone,
        sub: `${SUB_PREFIX}${user.id}`,
        userId: user.id,
        aud: audience,
        iat: now,
        exp: now + ttl,
        tenantId: s.tenantId,
        tenant: s.tenantName,
        given_name: user.firstName,
        family_name: user.lastName,
        name: `${user.firstName} ${user.lastName}`,
        email: user.emailAddress,
    });
}

/**
 * Access token as a JWT: iss, aud, `sub` with the 5-character prefix NICE's SDK drops [sdk],
 * tenantId [seen], iat, exp (what validateToken reads [sdk]) and a jti that makes each unique.
 * No userId claim: a reader derives the user from `sub`, as NICE's SDK does without one.
 */
function accessJwt(
    ctx: SandboxContext,
    opts: TokenOptions,
    user: CxoneUser,
    audience: string,
): string {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
        iss: ctx.urls.cxone,
        aud: audience,
        sub: `${SUB_PREFIX}${user.id}`,
        tenantId: ctx.state.cxone.tenantId,
        iat: now,
        exp: now + opts.tokenTtlSeconds,
        jti: newSecret(16),
    };
    opts.accessTokenClaims?.(claims);
    return signed(ctx, claims);
}

/** An RS256 JWT of `claims`, signed with the tenant's key (verifiable with /auth/jwks). */
function signed(ctx: SandboxContext, claims: Record<string, unknown>): string {
    const s = ctx.state.cxone;
    const header = { alg: "RS256", typ: "JWT", kid: s.signingKey.kid };
    const input = `${b64url(header)}.${b64url(claims)}`;
    const sig = createSign("RSA-SHA256")
        .update(input)
        .sign(s.signingKey.privatePem)
        .toString("base64url");
    return `${input}.${sig}`;
}

/** Issues an access + refresh token pair for a user; marks the key as used (lastUsedDate). */
export function issueTokens(
    ctx: SandboxContext,
    opts: TokenOptions,
    user: CxoneUser,
    via: { accessKeyIds?: string[]; audience?: string },
) {
    const s = ctx.state.cxone;
    const now = Date.now();
    prune(s, now);
    const nowIso = new Date(now).toISOString();
    // Stryker disable next-line ArrayDeclaration: an id no key has is filtered out below
    const keyIds = (via.accessKeyIds ?? []).filter((k) => !!s.accessKeys[k]);
    for (const k of keyIds) s.accessKeys[k].lastUsedDate = nowIso;
    const accessKeyId = keyIds[0];
    const audience = via.audience ?? accessKeyId ?? s.tenantId;
    const access =
        opts.accessTokenKind === "opaque" ? newSecret(32) : accessJwt(ctx, opts, user, audience);
    const refresh = newSecret(32);
    s.tokens[access] = {
        kind: "access",
        userId: user.id,
        ...(accessKeyId ? { accessKeyId } : {}),
        expiresAt: now + opts.tokenTtlSeconds * 1000,
    };
    // refresh tokens outlive access tokens (CXone: about a day) [guess]
    s.tokens[refresh] = {
        kind: "refresh",
        userId: user.id,
        ...(accessKeyId ? { accessKeyId } : {}),
        expiresAt: now + Math.max(opts.tokenTtlSeconds * 24, 60) * 1000,
    };
    ctx.save();
    return {
        access_token: access,
        token_type: "Bearer",
        expires_in: opts.tokenTtlSeconds,
        refresh_token: refresh,
        refresh_token_expires_in: Math.max(opts.tokenTtlSeconds * 24, 60),
        id_token: idToken(ctx, user, audience, opts.tokenTtlSeconds),
        issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
    };
}

/** The user a token stands for, if the token is alive and everything behind it still works. */
export function tokenUser(
    ctx: SandboxContext,
    token: string,
    kind: "access" | "refresh",
): CxoneUser | undefined {
    const s = ctx.state.cxone;
    const rec = Object.prototype.hasOwnProperty.call(s.tokens, token) ? s.tokens[token] : undefined;
    if (!rec || rec.kind !== kind || rec.expiresAt <= Date.now()) return undefined;
    if (rec.accessKeyId) {
        const key = s.accessKeys[rec.accessKeyId];
        if (!key || !key.isActive) return undefined;
    }
    const user = s.users[rec.userId];
    return userCanAuthenticate(user) ? user : undefined;
}

export function tokenKeyId(ctx: SandboxContext, token: string): string | undefined {
    return ctx.state.cxone.tokens[token]?.accessKeyId;
}

/** Gateway check in front of every API route: a live bearer token or 401. */
export function requireBearer(ctx: SandboxContext) {
    return (req: Request, res: Response, next: NextFunction): void => {
        // Stryker disable next-line StringLiteral: any text other than a bearer header is refused alike
        const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
        if (!m)
            return gatewayError(
                req,
                res,
                401,
                "Full authentication is required to access this resource",
            );
        const user = tokenUser(ctx, m[1], "access");
        if (!user) return gatewayError(req, res, 401, "Invalid or expired token");
        res.locals.user = user;
        next();
    };
}
